package io.fastship.platform.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.kafka.TopicInitializer;
import io.fastship.schemas.Topic;
import io.fastship.schemas.TopicSettings;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;

/**
 * Prepares a secured cluster before any service starts, connected as its super user: upserts one SCRAM credential
 * per principal, creates the {@link AclPlan}'s ACLs and the shared event topics (services may describe them but
 * not create them). Idempotent, so it runs at every start of a secure stack.
 */
public final class AccessSetup {

    static final String USERS_FILE = "ACCESS_SCRAM_USERS_FILE";
    static final String REGISTRY_PRINCIPAL = "ACCESS_REGISTRY_PRINCIPAL";
    static final String REGISTRY_TOPIC = "ACCESS_REGISTRY_TOPIC";
    static final String TOOLS_PRINCIPAL = "ACCESS_TOOLS_PRINCIPAL";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    // Above Kafka's minimum of 4096 for SCRAM-SHA-512; a local stack creates a handful, so cost does not matter.
    private static final int ITERATIONS = 8192;

    private AccessSetup() {
    }

    public static void main(String[] args) {
        try {
            run(new Env(System.getenv()));
        } catch (ConfigException | IllegalStateException e) {
            System.err.println("access setup failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(Env env) {
        Map<String, String> users = readUsers(Path.of(env.required(USERS_FILE)));
        String namespace = env.string("TOPIC_NAMESPACE", "");
        int partitions = env.integer("TOPIC_PARTITIONS", TopicSettings.DEFAULT_PARTITIONS, 1, 10_000);
        AclPlan plan = new AclPlan(namespace, env.required(REGISTRY_PRINCIPAL), env.required(REGISTRY_TOPIC),
                env.required(TOOLS_PRINCIPAL));
        Map<String, Object> config = new java.util.HashMap<>(KafkaConnection.fromEnv(env).clientConfig());
        config.put("client.id", "fastship-access-setup");
        try (Admin admin = Admin.create(config)) {
            List<UserScramCredentialAlteration> upserts = new ArrayList<>();
            users.forEach((name, password) -> upserts.add(new UserScramCredentialUpsertion(name,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password)));
            await(admin.alterUserScramCredentials(upserts).all(), "upserting SCRAM credentials");
            await(admin.createAcls(plan.bindings()).all(), "creating ACLs");
            List<TopicInitializer.Spec> topics = Topics.all().stream()
                    .map(topic -> spec(topic.inNamespace(namespace), partitions)).toList();
            new TopicInitializer(admin, TIMEOUT).ensure(topics);
        }
        System.out.println("Secured: " + users.size() + " SCRAM principals, " + plan.bindings().size()
                + " ACLs, " + Topics.all().size() + " shared topics");
    }

    private static TopicInitializer.Spec spec(Topic<?> topic, int partitions) {
        return new TopicInitializer.Spec(topic.name(), topic.settings().withPartitions(partitions));
    }

    /** {@code name:password} per line; the file is the launcher's and readable by its owner only. */
    static Map<String, String> readUsers(Path file) {
        try {
            Map<String, String> users = new java.util.LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon < 1 || colon == line.length() - 1) {
                    throw new ConfigException(USERS_FILE, "lines must be name:password, one is not in " + file);
                }
                users.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
            return users;
        } catch (IOException e) {
            throw new ConfigException(USERS_FILE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void await(KafkaFuture<Void> future, String what) {
        try {
            future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " took longer than " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }
}
