package io.fastship.platform.access;

import java.util.ArrayList;
import java.util.List;

import io.fastship.schemas.Topic;
import io.fastship.schemas.Topics;
import io.fastship.schemas.access.ServiceAccess;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least-privilege ACLs of a deployment, derived from {@link ServiceAccess} and the topic registry: each service
 * reads and writes only its shared topics, and owns everything named after its id (group, transactional ids,
 * Streams internal topics, changelogs, dead letters) through one prefix grant.
 *
 * @param namespace the deployment's {@code TOPIC_NAMESPACE} (blank for none); topics, groups and ids follow it
 * @param registryPrincipal the schema registry's principal, owner of {@code registryTopic} alone
 * @param toolsPrincipal inspector, console, bench and chaos: read and describe everything, write nothing
 */
public record AclPlan(String namespace, String registryPrincipal, String registryTopic, String toolsPrincipal) {

    private static final String ANY_HOST = "*";

    /** Every binding to create; creating an existing binding again is a no-op on the broker. */
    public List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (ServiceAccess service : ServiceAccess.values()) {
            bindings.addAll(forService(service));
        }
        String registry = user(registryPrincipal);
        bindings.add(allow(registry, ResourceType.TOPIC, registryTopic, PatternType.LITERAL, AclOperation.ALL));
        bindings.addAll(forTools(user(toolsPrincipal)));
        return bindings;
    }

    /** What one service (or operations) may do. */
    List<AclBinding> forService(ServiceAccess service) {
        String principal = user(service.serviceId());
        List<AclBinding> bindings = new ArrayList<>();
        // Every service ensures (and describes) all event topics at start; Describe reveals only metadata.
        for (Topic<?> topic : Topics.all()) {
            bindings.add(allow(principal, ResourceType.TOPIC, name(topic), PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        for (Topic<?> topic : service.reads()) {
            bindings.add(allow(principal, ResourceType.TOPIC, name(topic), PatternType.LITERAL, AclOperation.READ));
        }
        for (Topic<?> topic : service.writes()) {
            bindings.add(allow(principal, ResourceType.TOPIC, name(topic), PatternType.LITERAL, AclOperation.WRITE));
        }
        String own = Topics.inNamespace(namespace, service.serviceId());
        for (ResourceType type : List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
            bindings.add(allow(principal, type, own, PatternType.PREFIXED, AclOperation.ALL));
        }
        return bindings;
    }

    private List<AclBinding> forTools(String principal) {
        List<AclBinding> bindings = new ArrayList<>();
        for (AclOperation operation : List.of(AclOperation.DESCRIBE, AclOperation.READ, AclOperation.DESCRIBE_CONFIGS)) {
            bindings.add(allow(principal, ResourceType.TOPIC, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL,
                    operation));
        }
        // Lag needs every group's offsets; reading with a group only under the tools' own name.
        bindings.add(allow(principal, ResourceType.GROUP, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL,
                AclOperation.DESCRIBE));
        bindings.add(allow(principal, ResourceType.GROUP, toolsPrincipal, PatternType.PREFIXED, AclOperation.READ));
        // Cluster Describe lets them size topics (DescribeLogDirs); DescribeConfigs reads broker settings.
        for (AclOperation operation : List.of(AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS)) {
            bindings.add(allow(principal, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, operation));
        }
        return bindings;
    }

    private String name(Topic<?> topic) {
        return topic.inNamespace(namespace).name();
    }

    private static String user(String name) {
        return "User:" + name;
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, ANY_HOST, operation, AclPermissionType.ALLOW));
    }
}
