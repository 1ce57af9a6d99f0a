package io.fastship.bench.phase;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fastship.bench.baseline.ProducerPerformanceResult;
import io.fastship.bench.baseline.ProducerPerformanceRun;
import io.fastship.bench.baseline.RecordSizeProbe;
import io.fastship.bench.progress.Progress;
import io.fastship.bench.report.BaselinePhase;
import io.fastship.bench.stack.BenchCredentials;
import io.fastship.bench.stack.StackHandle;
import io.fastship.localstack.broker.BrokerClasspath;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.schemas.Topics;
import io.fastship.schemas.access.ServiceAccess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's ProducerPerformance on the stack's broker, records the size of a serialized OrderCreated, on a topic named
 * after the bench principal: on a secure stack that principal may create, write and delete only such topics.
 */
public final class BaselineRunner {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private BaselineRunner() {
    }

    public static BaselinePhase run(StackHandle stack, KafkaClients clients, long records, String runId,
                                    Progress progress) throws InterruptedException, ExecutionException,
            TimeoutException {
        BenchCredentials credentials = stack.credentials();
        Map<String, Object> adminConfig = new HashMap<>(credentials.baselineSettings().kafka());
        adminConfig.put("bootstrap.servers", stack.bootstrapServers());
        adminConfig.put("client.id", "bench-baseline-admin");
        try (Admin admin = Admin.create(adminConfig)) {
            return run(stack, clients, admin, records, runId, progress);
        }
    }

    private static BaselinePhase run(StackHandle stack, KafkaClients clients, Admin admin, long records, String runId,
                                     Progress progress) throws InterruptedException, ExecutionException,
            TimeoutException {
        String ordersTopic = Topics.ORDERS.inNamespace(stack.topicNamespace()).name();
        OptionalInt measured = RecordSizeProbe.newestValueSize(clients, Topics.ORDERS.inNamespace(stack.topicNamespace()));
        int recordSize = measured.orElseThrow(() -> new IllegalStateException(
                "no OrderCreated on " + ordersTopic + " to measure; run with --warmup > 0"));
        int partitions = admin.describeTopics(List.of(ordersTopic)).allTopicNames()
                .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(ordersTopic).partitions().size();
        String topic = Topics.inNamespace(stack.topicNamespace(), ServiceAccess.BENCH.serviceId() + "-baseline-" + runId);
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Map<String, String> props = ProducerPerformanceRun.Spec.durableProducer();
        progress.note("Baseline: Kafka ProducerPerformance, " + records + " records of " + recordSize
                + " B (a serialized OrderCreated) on " + partitions + " partitions, " + props);
        try {
            ProducerPerformanceResult result = ProducerPerformanceRun.run(BrokerClasspath.resolve(),
                    new ProducerPerformanceRun.Spec(stack.bootstrapServers(), topic, records, recordSize, props,
                            stack.credentials().baselineConfig()),
                    Duration.ofMinutes(10), line -> progress.note("  " + line));
            return new BaselinePhase(recordSize, partitions, props, result);
        } finally {
            admin.deleteTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
