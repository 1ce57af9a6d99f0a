package io.fastship.console.topics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fastship.inspector.Cluster;
import io.fastship.inspector.tail.RecordRange;
import io.fastship.inspector.topics.TopicDetails;
import io.fastship.inspector.topics.TopicInspector;
import io.fastship.inspector.topics.TopicSummary;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** {@code /api/topics}: the list, one topic's partitions and schemas, and its newest records decoded. */
public final class TopicsApi {

    private static final int MAX_RECORDS = 200;

    private final TopicInspector inspector;
    private final RecordRange range;
    private final RecordViews views;

    public TopicsApi(Cluster cluster, RecordViews views) {
        this.inspector = new TopicInspector(cluster);
        this.range = new RecordRange(cluster);
        this.views = views;
    }

    public void list(Context ctx) {
        List<TopicSummary> summaries = inspector.summaries("", false);
        ctx.json(summaries);
    }

    public void detail(Context ctx) {
        String topic = Names.topic(ctx.pathParam("topic"));
        TopicDetails details = inspector.details(topic);
        TopicSummary summary = inspector.summaries(topic, false).stream().filter(s -> s.topic().equals(topic))
                .findFirst().orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("details", details);
        body.put("summary", summary);
        ctx.json(body);
    }

    public void records(Context ctx) {
        String topic = Names.topic(ctx.pathParam("topic"));
        int limit = Names.limit(ctx.queryParam("limit"), 20, MAX_RECORDS);
        TopicDescription description = inspector.describe(List.of(topic)).get(topic);
        List<TopicPartition> partitions = description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        List<ObjectNode> records = range.newest(partitions, limit, r -> true, limit).stream()
                .map(views::toJson).toList();
        ctx.json(records);
    }
}
