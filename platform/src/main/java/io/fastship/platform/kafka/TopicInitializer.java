package io.fastship.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.fastship.schemas.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the project's topics with explicit partitions, replication and configs, fitting replication to the
 * cluster's size. Safe to run from every instance at every start: existing topics are left as they are (except
 * that a topic declared {@code LogAppendTime} is switched to it, because the order saga's deadline depends on it),
 * and a partition count that differs from the declared one is reported, because it breaks co-partitioning.
 */
public final class TopicInitializer {

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);
    private static final Duration METADATA_BACKOFF = Duration.ofMillis(100);

    private final Admin admin;
    private final Duration timeout;

    public TopicInitializer(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** A topic to ensure: its name and how it should be created. */
    public record Spec(String name, TopicSettings settings) {
    }

    /** Creates the missing topics; returns the names it created. */
    public List<String> ensure(Collection<Spec> specs) {
        int brokers = await(admin.describeCluster().nodes()).size();
        List<NewTopic> requests = specs.stream().map(spec -> {
            TopicSettings fitted = spec.settings().forBrokers(brokers);
            return new NewTopic(spec.name(), fitted.partitions(), fitted.replicationFactor()).configs(fitted.configs());
        }).toList();
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        var results = admin.createTopics(requests).values();
        for (var entry : results.entrySet()) {
            try {
                entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(entry.getKey());
            } catch (ExecutionException e) {
                // A principal without Create (a secured cluster pre-creates shared topics) may still use them; whether
                // the topic exists is checked by the description below, which fails naming it if it does not.
                if (!(e.getCause() instanceof TopicExistsException || e.getCause() instanceof TopicAuthorizationException)) {
                    throw new IllegalStateException("cannot create topic " + entry.getKey() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
                existing.add(entry.getKey());
            } catch (TimeoutException e) {
                throw new IllegalStateException("creating topic " + entry.getKey() + " took longer than " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
        }
        if (!created.isEmpty()) {
            log.info("Created topics {} on a cluster of {} broker(s)", created, brokers);
            awaitLeaders(created);
        }
        useLogAppendTime(specs.stream().filter(spec -> spec.settings().logAppendTime())
                .map(Spec::name).filter(existing::contains).toList());
        warnAboutPartitionMismatches(specs);
        return created;
    }

    /**
     * Waits until every partition of the new topics has a leader in the answering broker's metadata. An idempotent
     * producer that writes the moment a topic exists can have its first request refused (not yet leader) while a
     * later one is appended; the first then fails with OUT_OF_ORDER_SEQUENCE_NUMBER on every retry and its records
     * are lost when the delivery timeout expires (KAFKA-15591, seen here with the stock seeder on a fresh stack).
     * This narrows the window without closing it (the metadata a broker answers with can be ahead of its replica
     * manager), so a writer that produces right after creating a topic also keeps one request in flight.
     */
    private void awaitLeaders(List<String> names) {
        boolean led = describeUntil(names, descriptions -> descriptions.values().stream()
                .flatMap(d -> d.partitions().stream())
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty())).isPresent();
        if (!led) {
            log.warn("Not every partition of {} had a leader within {}; the first writes may be retried", names, timeout);
        }
    }

    /** Sets {@code LogAppendTime} on topics created before it was declared (idempotent). */
    private void useLogAppendTime(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        AlterConfigOp op = new AlterConfigOp(new ConfigEntry(TopicSettings.TIMESTAMP_TYPE, "LogAppendTime"),
                AlterConfigOp.OpType.SET);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = names.stream().collect(Collectors.toMap(
                name -> new ConfigResource(ConfigResource.Type.TOPIC, name), name -> List.of(op)));
        try {
            admin.incrementalAlterConfigs(changes).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Could not set {}=LogAppendTime on existing topics {}: {}", TopicSettings.TIMESTAMP_TYPE, names,
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring topics", e);
        }
    }

    private void warnAboutPartitionMismatches(Collection<Spec> specs) {
        Map<String, Integer> declared = specs.stream()
                .collect(Collectors.toMap(Spec::name, spec -> spec.settings().partitions()));
        partitionCounts(declared.keySet()).forEach((name, partitions) -> {
            if (!partitions.equals(declared.get(name))) {
                log.warn("Topic {} has {} partitions but {} are declared; co-partitioned joins need equal counts",
                        name, partitions, declared.get(name));
            }
        });
    }

    /**
     * The partition count of each named topic. A topic another instance created a moment ago can still be unknown
     * to the broker answering (metadata propagates asynchronously), so an unknown topic is asked for again until
     * the timeout; a topic still unknown then fails with its name.
     */
    public Map<String, Integer> partitionCounts(Collection<String> names) {
        Map<String, TopicDescription> descriptions = describeUntil(names, all -> true).orElseThrow(() ->
                new IllegalStateException("cannot describe topics " + names + " within " + timeout));
        return descriptions.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().partitions().size()));
    }

    /**
     * Describes the topics until {@code ready} holds, asking again while one is still unknown to the answering
     * broker; empty when the timeout passed first. Any other failure is thrown at once.
     */
    private Optional<Map<String, TopicDescription>> describeUntil(Collection<String> names,
                                                                  Predicate<Map<String, TopicDescription>> ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(Set.copyOf(names)).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (ready.test(descriptions)) {
                    return Optional.of(descriptions);
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot describe topics " + names + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while describing topics", e);
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(METADATA_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics", e);
        }
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka is not reachable: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to Kafka", e);
        }
    }
}
