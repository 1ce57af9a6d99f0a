package io.fastship.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    // A real line of /proc/<pid>/stat, with a command name holding a space and a parenthesis.
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 52871 0 12 0 "
            + "1234 567 0 0 20 0 41 0 8123 3874521088 75210 18446744073709551615 1 1 0 0 0 0 0 2 16800975 0 0 0 "
            + "17 1 0 0 0 0 0";

    @Test
    void shouldAddUserAndSystemTicks() {
        assertThat(ProcStat.parseCpuTicks(STAT)).isEqualTo(1234 + 567);
    }

    @Test
    void shouldRejectSomethingElse() {
        assertThatThrownBy(() -> ProcStat.parseCpuTicks("no parenthesis here"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.parseCpuTicks("1 (x) S 1 2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadThisJvmAndNothingForAProcessThatIsGone() {
        assertThat(ProcStat.cpuTicks(ProcessHandle.current().pid())).isPresent();
        assertThat(ProcStat.cpuTicks(Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void shouldTurnTwoSnapshotsIntoMillisecondsPerOrder() {
        CpuSnapshot before = new CpuSnapshot(0, Map.of("broker-1", 10L, "order-1", 11L, "bench", 12L),
                Map.of("broker-1", 100L, "order-1", 200L, "bench", 0L), 1_000_000);
        CpuSnapshot after = new CpuSnapshot(10_000_000_000L, before.pids(),
                Map.of("broker-1", 300L, "order-1", 600L, "bench", 50L), 101_000_000);

        CpuTable table = CpuTable.between(before, after, 1000);

        // broker 2 s, order 4 s over 10 s for 1000 orders; the bench's 0.5 s is shown but not in the total.
        assertThat(table.totalMsPerOrder()).isEqualTo(6.0);
        assertThat(table.totalCores()).isEqualTo(0.6);
        assertThat(table.clientMsPerOrder()).isEqualTo(0.1);
        assertThat(table.processes()).extracting(CpuTable.Row::name, CpuTable.Row::msPerOrder, CpuTable.Row::stack)
                .containsExactlyInAnyOrderElementsOf(List.of(
                        org.assertj.core.groups.Tuple.tuple("broker-1", 2.0, true),
                        org.assertj.core.groups.Tuple.tuple("order-1", 4.0, true),
                        org.assertj.core.groups.Tuple.tuple("bench", 0.5, false)));
    }

    @Test
    void shouldTellTheJitCompilerThreadsByTheirName() {
        assertThat(ProcStat.isJitCompiler("123 (C2 CompilerThre) S 1 2 3 4 5 6 7 8 9 10 11 12 13")).isTrue();
        assertThat(ProcStat.isJitCompiler("124 (C1 CompilerThre) S 1 2 3 4 5 6 7 8 9 10 11 12 13")).isTrue();
        assertThat(ProcStat.isJitCompiler("125 (GC Thread#0) S 1 2 3 4 5 6 7 8 9 10 11 12 13")).isFalse();
        assertThat(ProcStat.jitTicks(ProcessHandle.current().pid())).isPresent();
    }

    @Test
    void shouldShowTheJitCompilerShareAndTheTotalWithoutIt() {
        CpuSnapshot before = new CpuSnapshot(0, Map.of("broker-1", 10L, "order-1", 11L),
                Map.of("broker-1", 0L, "order-1", 0L), -1, Map.of("broker-1", 0L, "order-1", 0L));
        CpuSnapshot after = new CpuSnapshot(10_000_000_000L, before.pids(), Map.of("broker-1", 200L, "order-1", 400L),
                -1, Map.of("broker-1", 50L, "order-1", 250L));

        CpuTable table = CpuTable.between(before, after, 1000);

        assertThat(table.totalMsPerOrder()).isEqualTo(6.0);
        assertThat(table.jitMsPerOrder()).isEqualTo(3.0);
        assertThat(table.withoutJitMsPerOrder()).isEqualTo(3.0);
        assertThat(table.processes()).extracting(CpuTable.Row::name, CpuTable.Row::withoutJitMsPerOrder)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("broker-1", 1.5),
                        org.assertj.core.groups.Tuple.tuple("order-1", 1.5));
    }

    @Test
    void shouldShowTheSimulatedGatewayButLeaveItOutOfTheStackTotal() {
        CpuSnapshot before = new CpuSnapshot(0, Map.of("broker-1", 10L, "gateway", 11L),
                Map.of("broker-1", 0L, "gateway", 0L), -1);
        CpuSnapshot after = new CpuSnapshot(10_000_000_000L, before.pids(), Map.of("broker-1", 100L, "gateway", 300L),
                -1);

        CpuTable table = CpuTable.between(before, after, 1000);

        // The gateway stands in for a third-party payment provider: its 3 s are not the pipeline's cost.
        assertThat(table.totalMsPerOrder()).isEqualTo(1.0);
        assertThat(table.processes()).extracting(CpuTable.Row::name, CpuTable.Row::stack)
                .contains(org.assertj.core.groups.Tuple.tuple("gateway", false));
    }

    @Test
    void shouldLeaveOutAProcessThatWentAwayDuringThePhase() {
        CpuSnapshot before = new CpuSnapshot(0, Map.of("a", 1L, "b", 2L), Map.of("a", 1L, "b", 1L), -1);
        CpuSnapshot after = new CpuSnapshot(1_000_000_000L, before.pids(), Map.of("a", 101L), -1);

        CpuTable table = CpuTable.between(before, after, 0);

        assertThat(table.processes()).extracting(CpuTable.Row::name).containsExactly("a");
        assertThat(table.totalMsPerOrder()).isZero();
        assertThat(table.clientMsPerOrder()).isEqualTo(-1);
    }
}
