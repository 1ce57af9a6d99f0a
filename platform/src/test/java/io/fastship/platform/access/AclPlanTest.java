package io.fastship.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.fastship.schemas.Topic;
import io.fastship.schemas.Topics;
import io.fastship.schemas.access.ServiceAccess;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class AclPlanTest {

    private final AclPlan plan = new AclPlan("", "fastship-registry", "_schemas", "fastship-tools");

    @Test
    void shouldLetExactlyOnePrincipalWriteEachSharedTopic() {
        for (Topic<?> topic : Topics.all()) {
            Set<String> writers = plan.bindings().stream()
                    .filter(b -> grants(b, ResourceType.TOPIC, topic.name(), AclOperation.WRITE))
                    .map(b -> b.entry().principal()).collect(Collectors.toSet());
            assertThat(writers).as("writers of %s", topic.name()).hasSize(1);
        }
    }

    @Test
    void shouldNotLetThePaymentServiceWriteOrdersOrStatus() {
        List<AclBinding> payment = plan.forService(ServiceAccess.PAYMENT);
        assertThat(payment).noneMatch(b -> grants(b, ResourceType.TOPIC, "orders", AclOperation.WRITE));
        assertThat(payment).noneMatch(b -> grants(b, ResourceType.TOPIC, "order-status", AclOperation.WRITE));
        assertThat(payment).anyMatch(b -> grants(b, ResourceType.TOPIC, "payments", AclOperation.WRITE));
        assertThat(payment).anyMatch(b -> grants(b, ResourceType.TOPIC, "orders", AclOperation.READ));
        assertThat(payment).noneMatch(b -> grants(b, ResourceType.TOPIC, "stock", AclOperation.READ));
    }

    @Test
    void shouldGiveEachServiceItsOwnPrefixOnlyInItsNamespace() {
        List<AclBinding> order = new AclPlan("staging", "r", "_schemas", "t").forService(ServiceAccess.ORDER);
        assertThat(order).filteredOn(b -> b.pattern().patternType() == PatternType.PREFIXED)
                .extracting(b -> b.pattern().resourceType() + " " + b.pattern().name())
                .containsExactlyInAnyOrder("TOPIC staging.order-service", "GROUP staging.order-service",
                        "TRANSACTIONAL_ID staging.order-service");
        assertThat(order).anyMatch(b -> grants(b, ResourceType.TOPIC, "staging.orders", AclOperation.WRITE));
        assertThat(order).allMatch(b -> b.entry().principal().equals("User:order-service"));
    }

    @Test
    void shouldLetToolsReadEverythingButWriteNothing() {
        List<AclBinding> tools = plan.bindings().stream()
                .filter(b -> b.entry().principal().equals("User:fastship-tools")).toList();
        assertThat(tools).anyMatch(b -> grants(b, ResourceType.TOPIC, "*", AclOperation.READ));
        assertThat(tools).noneMatch(b -> b.entry().operation() == AclOperation.WRITE
                || b.entry().operation() == AclOperation.ALL);
    }

    @Test
    void shouldLetTheBenchWriteOnlyTopicsNamedAfterIt() {
        List<AclBinding> bench = plan.bindings().stream()
                .filter(b -> b.entry().principal().equals("User:fastship-bench")).toList();
        assertThat(bench).anyMatch(b -> b.pattern().patternType() == PatternType.PREFIXED
                && grants(b, ResourceType.TOPIC, "fastship-bench", AclOperation.WRITE));
        assertThat(bench).filteredOn(b -> b.entry().operation() != AclOperation.DESCRIBE)
                .allMatch(b -> b.pattern().patternType() == PatternType.PREFIXED
                        && b.pattern().name().equals("fastship-bench"));
    }

    private static boolean grants(AclBinding binding, ResourceType type, String name, AclOperation operation) {
        return binding.pattern().resourceType() == type && binding.pattern().name().equals(name)
                && (binding.entry().operation() == operation || binding.entry().operation() == AclOperation.ALL);
    }
}
