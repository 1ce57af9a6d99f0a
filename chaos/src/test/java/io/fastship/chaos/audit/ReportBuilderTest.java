package io.fastship.chaos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.fastship.chaos.report.AuditReport;
import io.fastship.chaos.report.FaultWindow;
import io.fastship.chaos.report.ReportBuilder;
import io.fastship.chaos.report.ReportPrinter;
import io.fastship.chaos.report.WindowRow;
import io.fastship.events.InventoryStatus;
import io.fastship.events.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {

    @Test
    void eachOrderCountsInTheWindowItWasAcceptedIn() {
        Story story = new Story().seed("SKU-1", 100).confirmed("o-1", "SKU-1", 1, 100);
        FaultWindow kill = new FaultWindow("10s broker-2 kill", story.tick());
        story.confirmed("o-2", "SKU-1", 1, 100)
                .order("o-3", "SKU-1", 1, 100).inventory("o-3", InventoryStatus.RESERVED)
                .confirmed("o-4", "SKU-1", 1, 100).status("o-4", OrderStatus.CONFIRMED, null)
                .poison("chaos-poison-1", "payment-service.dlq");

        AuditReport report = ReportBuilder.build(story.audit(),
                List.of(new FaultWindow("baseline", Story.T0), kill), 2);

        assertThat(report.rows()).extracting(WindowRow::window).containsExactly("baseline", "10s broker-2 kill");
        WindowRow baseline = report.rows().get(0);
        assertThat(baseline.accepted()).isEqualTo(1);
        assertThat(baseline.violations()).isZero();
        WindowRow fault = report.rows().get(1);
        assertThat(fault.accepted()).isEqualTo(3);
        assertThat(fault.finals()).isEqualTo(2);
        assertThat(fault.lost()).isEqualTo(1);
        assertThat(fault.duplicated()).isEqualTo(1);
        assertThat(fault.deadLetters()).isEqualTo(1);
        assertThat(fault.unexpectedDeadLetters()).isZero();
        assertThat(report.totals().accepted()).isEqualTo(4);
        assertThat(report.totals().lost()).isEqualTo(1);
        assertThat(report.passed()).isFalse();
        assertThat(report.guarantees().get(Guarantee.FINAL_STATUS)).isEqualTo(1);
    }

    @Test
    void recoveryIsWhenOrdersFinishAsFastAsBeforeTheFaultAgain() {
        Story story = new Story().seed("SKU-1", 100).confirmed("o-1", "SKU-1", 1, 100);
        FaultWindow pause = new FaultWindow("pause", story.tick());
        // o-2 takes 40 s (the pause), o-3 is accepted 10 s after the fault and finishes as fast as the baseline.
        story.order("o-2", "SKU-1", 1, 100).pause(40).inventory("o-2", InventoryStatus.RESERVED)
                .payment("o-2", io.fastship.events.PaymentStatus.AUTHORIZED).status("o-2", OrderStatus.CONFIRMED, null)
                .charged("o-2", 100, 0);
        story.pause(-44);
        story.tick();
        story.pause(8);
        story.confirmed("o-3", "SKU-1", 1, 100);

        AuditReport report = ReportBuilder.build(story.audit(), List.of(new FaultWindow("baseline", Story.T0), pause), 0);

        assertThat(report.rows().get(0).recoverMs()).isZero();
        assertThat(report.rows().get(1).recoverMs()).isEqualTo(10_000);
        assertThat(report.passed()).isTrue();
    }

    @Test
    void aWindowWhoseLastOrderIsStillSlowHasNotRecovered() {
        Story story = new Story().seed("SKU-1", 100).confirmed("o-1", "SKU-1", 1, 100);
        FaultWindow pause = new FaultWindow("pause", story.tick());
        story.order("o-2", "SKU-1", 1, 100);

        AuditReport report = ReportBuilder.build(story.audit(), List.of(new FaultWindow("baseline", Story.T0), pause), 0);

        assertThat(report.rows().get(1).recoverMs()).isEqualTo(-1);
        assertThat(ReportPrinter.table(report)).contains("not recovered").contains("VIOLATED  FINAL_STATUS")
                .contains("AUDIT FAILED");
    }

    @Test
    void watchedOrdersAndUncommittedStatusesToldCountInTheirOrdersWindow() {
        Story story = new Story().seed("SKU-1", 100).confirmed("o-1", "SKU-1", 1, 100).told("o-1", "CONFIRMED");
        FaultWindow pause = new FaultWindow("85s order-1 pause 45s", story.tick());
        story.confirmed("o-2", "SKU-1", 1, 100).told("o-2", "PENDING").told("o-2", "CONFIRMED");

        AuditReport report = ReportBuilder.build(story.audit(), List.of(new FaultWindow("baseline", Story.T0), pause), 0);

        assertThat(report.rows()).extracting(WindowRow::watched).containsExactly(1L, 1L);
        assertThat(report.rows()).extracting(WindowRow::toldUncommitted).containsExactly(0L, 1L);
        assertThat(report.rows().get(1).violations()).isEqualTo(1);
        assertThat(report.totals().toldUncommitted()).isEqualTo(1);
        assertThat(report.clients()).isEqualTo(new io.fastship.chaos.report.ClientsLine(2, 2, 3, 1));
        assertThat(ReportPrinter.table(report)).contains("told uncommitted")
                .contains("clients watched 2 orders (2 told their final), were told 3 statuses, 1 uncommitted")
                .contains("VIOLATED  CLIENTS_SAW_COMMITTED");
    }

    @Test
    void theReportIsWrittenAsJson(@TempDir Path dir) throws Exception {
        Story story = new Story().seed("SKU-1", 100).confirmed("o-1", "SKU-1", 1, 100);
        AuditReport report = ReportBuilder.build(story.audit(), List.of(new FaultWindow("baseline", Story.T0)), 0);

        Path file = dir.resolve("audit.json");
        ReportPrinter.writeJson(report, file);

        String json = Files.readString(file);
        assertThat(json).contains("\"window\" : \"baseline\"").contains("\"passed\" : true").contains("\"FINAL_STATUS\" : 0");
        assertThat(ReportPrinter.table(report)).contains("AUDIT PASSED").contains("baseline");
    }
}
