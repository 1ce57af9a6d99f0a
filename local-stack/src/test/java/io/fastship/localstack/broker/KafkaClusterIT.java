package io.fastship.localstack.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.localstack.process.StackProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The 3-node KRaft cluster is a real replicated one: a leader's crash or stall costs no acknowledged write. */
@WithKafkaStack(brokers = 3)
class KafkaClusterIT {

    @Test
    void threeNodesAreBrokersAndTheThreeVotersOfTheControllerQuorum(KafkaStack stack) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
            assertThat(admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).voters()).hasSize(3);
        }
        assertThat(stack.cluster().brokers()).extracting(StackProcess::name)
                .containsExactly("broker-1", "broker-2", "broker-3");
    }

    @Test
    void topicsAreReplicatedThreeTimesWithTwoInSync(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("replicated");
        stack.createTopic(topic, 2);

        try (Admin admin = admin(stack)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic);
            assertThat(description.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get("min.insync.replicas").value()).isEqualTo("2");
        }
    }

    @Test
    void acksAllWritesContinueWhenTheLeaderIsKilledAndItRejoinsAfterRestart(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("leader-kill");
        stack.createTopic(topic, 1);
        try (var producer = producer(stack)) {
            send(producer, topic, 0, 20);
            BrokerNode leader = stack.cluster().leaderOf(topic, 0);

            leader.kill();

            assertThat(leader.state()).isEqualTo(StackProcess.State.STOPPED);
            send(producer, topic, 20, 40);
            assertThat(stack.cluster().leaderOf(topic, 0).nodeId()).isNotEqualTo(leader.nodeId());
            assertThat(endOffset(stack, topic)).isEqualTo(40);

            long killedPid = leader.pid();
            leader.start();

            assertThat(leader.pid()).isNotEqualTo(killedPid);
            await().atMost(Duration.ofSeconds(60)).until(() -> inSyncReplicas(stack, topic) == 3);
        }
    }

    @Test
    void aPausedBrokerIsStoppedUntilResumedAndThenCatchesUp(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("pause");
        stack.createTopic(topic, 1);
        BrokerNode leader = stack.cluster().leaderOf(topic, 0);

        leader.pause();
        try {
            assertThat(leader.state()).isEqualTo(StackProcess.State.PAUSED);
            // SIGSTOP is delivered asynchronously: the kernel shows the stop a moment after kill returns.
            await().atMost(Duration.ofSeconds(10)).until(() -> processState(leader.pid()) == 'T');
            // The stalled leader is fenced once its heartbeats stop (broker.session.timeout.ms, after a controller
            // election first when it was the active controller too); only then can acks=all writes succeed. The two
            // steps are awaited apart, so a slow election on a loaded machine is not mistaken for a lost write.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> stack.cluster().leaderOf(topic, 0).nodeId() != leader.nodeId());
            try (var producer = producer(stack)) {
                send(producer, topic, 0, 10);
            }
        } finally {
            leader.resume();
        }
        assertThat(leader.state()).isEqualTo(StackProcess.State.RUNNING);
        await().atMost(Duration.ofSeconds(60)).until(() -> inSyncReplicas(stack, topic) == 3);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v" + i)).get(60, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(KafkaStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.METADATA_MAX_AGE_CONFIG, 1_000),
                new StringSerializer(), new StringSerializer());
    }

    private static Admin admin(KafkaStack stack) {
        return Admin.create(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers(),
                "default.api.timeout.ms", 10_000, "request.timeout.ms", 3_000));
    }

    private static long endOffset(KafkaStack stack, String topic) throws Exception {
        try (Admin admin = admin(stack)) {
            var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                    .partitionResult(partition).get(30, TimeUnit.SECONDS).offset();
        }
    }

    private static int inSyncReplicas(KafkaStack stack, String topic) throws Exception {
        try (Admin admin = admin(stack)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().get(0).isr().size();
        }
    }

    /** The state letter of /proc/PID/stat: 'T' is stopped by a signal. */
    static char processState(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
    }
}
