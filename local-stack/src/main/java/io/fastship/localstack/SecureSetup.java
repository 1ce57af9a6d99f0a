package io.fastship.localstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fastship.localstack.security.StackSecurity;
import io.fastship.registry.SchemaRegistryConfig;

/**
 * Runs the platform's access setup against a freshly started secure cluster, as its super user: SCRAM users, the
 * least-privilege ACLs derived from the topic registry, and the shared topics. It is a tool of the platform module
 * because the ACLs come from the services' topic registry, which the launcher does not depend on.
 */
final class SecureSetup {

    static final String MAIN_CLASS = "io.fastship.platform.access.AccessSetup";

    private SecureSetup() {
    }

    static void run(LocalStackOptions options, String bootstrapServers, String registryUrl, StackSecurity security) {
        Map<String, String> env = new HashMap<>(security.env(StackSecurity.ADMIN));
        env.remove("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO");
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("SCHEMA_REGISTRY_URL", registryUrl);
        env.put("TOPIC_PARTITIONS", Integer.toString(options.partitions()));
        // ACLs name topics, groups and transactional ids inside the services' namespace.
        String namespace = options.serviceEnv().get("TOPIC_NAMESPACE");
        if (namespace != null) {
            env.put("TOPIC_NAMESPACE", namespace);
        }
        env.put("ACCESS_SCRAM_USERS_FILE", security.usersFile().toString());
        env.put("ACCESS_REGISTRY_PRINCIPAL", StackSecurity.REGISTRY);
        env.put("ACCESS_REGISTRY_TOPIC", SchemaRegistryConfig.DEFAULT_TOPIC);
        env.put("ACCESS_TOOLS_PRINCIPAL", StackSecurity.TOOLS);
        var log = options.dataDir().resolve("logs").resolve("tools.log");
        int exit = ToolRun.run(options.repositoryRoot(), "platform", MAIN_CLASS, List.of(), env, log, options.console());
        if (exit != 0) {
            throw new IllegalStateException("securing the cluster failed (exit " + exit + "); see " + log);
        }
    }
}
