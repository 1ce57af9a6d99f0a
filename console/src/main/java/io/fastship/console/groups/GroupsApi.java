package io.fastship.console.groups;

import io.fastship.console.live.LivePush;
import io.fastship.console.live.Memo;
import io.fastship.console.stack.StackControl;
import io.fastship.inspector.Cluster;
import io.fastship.inspector.groups.GroupInspector;
import io.fastship.inspector.groups.GroupSnapshot;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/groups}: every group, one group's members, owned partitions, committed and end offsets and
 * lag (also pushed once a second over SSE), and whether the local stack can scale the service behind it.
 */
public final class GroupsApi {

    private final GroupInspector inspector;
    private final StackControl control;
    private final LivePush push;
    private final Memo<String, Map<String, Object>> views;

    public GroupsApi(Cluster cluster, StackControl control, LivePush push) {
        this.inspector = new GroupInspector(cluster);
        this.control = control;
        this.push = push;
        this.views = new Memo<>(Duration.ofMillis(900), this::view);
    }

    public void list(Context ctx) {
        ctx.json(inspector.summaries(""));
    }

    public void detail(Context ctx) {
        ctx.json(views.get(group(ctx)));
    }

    public void stream(SseClient client) {
        String group = group(client.ctx());
        push.attach(client, "group", () -> views.get(group));
    }

    /** The snapshot plus, for a service's group on a local stack, how many instances run. */
    Map<String, Object> view(String group) {
        GroupSnapshot snapshot = inspector.snapshot(group);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", Instant.now().toString());
        body.put("snapshot", snapshot);
        Optional<String> service = StackControl.serviceOf(group);
        Map<String, Object> scale = null;
        if (service.isPresent() && control.configured()) {
            Optional<Map<String, Integer>> instances = control.instances();
            if (instances.isPresent()) {
                scale = new LinkedHashMap<>();
                scale.put("service", service.get());
                scale.put("instances", instances.get().getOrDefault(service.get(), 0));
            }
        }
        body.put("scale", scale);
        return body;
    }

    private static String group(Context ctx) {
        String group = ctx.pathParam("group");
        if (group.isBlank() || group.length() > 255) {
            throw io.fastship.console.http.ProblemException.badRequest("a group id is 1..255 characters");
        }
        return group;
    }
}
