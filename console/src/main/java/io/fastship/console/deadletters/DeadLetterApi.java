package io.fastship.console.deadletters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fastship.console.ConsoleSettings;
import io.fastship.console.topics.RecordViews;
import io.fastship.inspector.Cluster;
import io.fastship.inspector.tail.RecordRange;
import io.fastship.inspector.topics.TopicInspector;
import io.fastship.inspector.topics.TopicSummary;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** {@code GET /api/dead-letters}: each {@code *.dlq} topic's newest records with their error headers, by error class. */
public final class DeadLetterApi {

    private static final int NEWEST = 200;

    private final ConsoleSettings settings;
    private final TopicInspector topics;
    private final RecordRange range;
    private final RecordViews views;

    public DeadLetterApi(Cluster cluster, ConsoleSettings settings, RecordViews views) {
        this.settings = settings;
        this.topics = new TopicInspector(cluster);
        this.range = new RecordRange(cluster);
        this.views = views;
    }

    public void list(Context ctx) {
        List<TopicSummary> dlqs = topics.summaries(settings.named(""), false).stream()
                .filter(t -> t.topic().endsWith(".dlq")).toList();
        List<Map<String, Object>> body = new ArrayList<>();
        if (!dlqs.isEmpty()) {
            Map<String, TopicDescription> described = topics.describe(dlqs.stream().map(TopicSummary::topic).toList());
            for (TopicSummary dlq : dlqs) {
                body.add(topic(dlq, described.get(dlq.topic())));
            }
        }
        ctx.json(body);
    }

    private Map<String, Object> topic(TopicSummary dlq, TopicDescription description) {
        List<TopicPartition> partitions = description.partitions().stream()
                .map(p -> new TopicPartition(dlq.topic(), p.partition())).toList();
        List<ConsumerRecord<byte[], byte[]>> records = range.newest(partitions, NEWEST, r -> true, NEWEST);
        Map<String, List<ObjectNode>> byClass = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String error = RecordViews.header(record, "dlq.error.class");
            byClass.computeIfAbsent(error == null ? "(no dlq.error.class header)" : error, e -> new ArrayList<>())
                    .add(views.toJson(record));
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        byClass.forEach((error, list) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("errorClass", error);
            group.put("count", list.size());
            List<ObjectNode> newestFirst = new ArrayList<>(list);
            java.util.Collections.reverse(newestFirst);
            group.put("records", newestFirst);
            groups.add(group);
        });
        Map<String, Object> topic = new LinkedHashMap<>();
        topic.put("topic", dlq.topic());
        topic.put("messages", dlq.messages());
        topic.put("shown", records.size());
        topic.put("errorClasses", groups);
        return topic;
    }
}
