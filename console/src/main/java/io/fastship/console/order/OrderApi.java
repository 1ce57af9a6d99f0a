package io.fastship.console.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fastship.console.http.ProblemException;
import io.fastship.console.topics.Names;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/orders/{orderId}}: the order's timeline, or 404 naming the topics searched. */
public final class OrderApi {

    private final OrderTimeline timeline;

    public OrderApi(OrderTimeline timeline) {
        this.timeline = timeline;
    }

    public void get(Context ctx) {
        String orderId = Names.orderId(ctx.pathParam("orderId"));
        List<String> searched = timeline.searchedTopics();
        List<ObjectNode> events = timeline.events(orderId, searched);
        if (events.isEmpty()) {
            throw ProblemException.notFound("no event of order '" + orderId + "' in "
                    + (searched.isEmpty() ? "any topic (none of the flow's topics exists yet)" : String.join(", ", searched)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("searched", searched);
        body.put("events", events);
        ctx.json(body);
    }
}
