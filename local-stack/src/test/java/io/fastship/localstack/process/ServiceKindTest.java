package io.fastship.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceKindTest {

    @Test
    void parsesShortAndModuleNames() {
        assertThat(ServiceKind.parse("payment")).isEqualTo(ServiceKind.PAYMENT);
        assertThat(ServiceKind.parse(" Inventory-Consumer ")).isEqualTo(ServiceKind.INVENTORY);
    }

    @Test
    void unknownNamesSayWhatIsExpected() {
        assertThatThrownBy(() -> ServiceKind.parse("shipping"))
                .hasMessage("unknown service 'shipping' (expected gateway, order, payment or inventory)");
    }

    @Test
    void firstInstancesTakeTheDocumentedPorts() {
        assertThat(ServiceKind.ORDER.firstPort()).isEqualTo(8080);
        assertThat(ServiceKind.PAYMENT.firstPort()).isEqualTo(8082);
        assertThat(ServiceKind.INVENTORY.firstPort()).isEqualTo(8083);
        assertThat(ServiceKind.GATEWAY.firstPort()).isEqualTo(8084);
        assertThat(ServiceKind.parse("payment-gateway")).isEqualTo(ServiceKind.GATEWAY);
    }
}
