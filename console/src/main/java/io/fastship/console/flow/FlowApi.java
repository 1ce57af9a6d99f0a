package io.fastship.console.flow;

import io.fastship.console.live.LivePush;
import io.fastship.console.live.Memo;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Duration;

/** {@code GET /api/flow} and its SSE stream: one shared snapshot per second, whoever asks. */
public final class FlowApi {

    private final Memo<String, FlowSnapshot> snapshots;
    private final LivePush push;

    public FlowApi(FlowSampler sampler, LivePush push) {
        this.snapshots = new Memo<>(Duration.ofMillis(900), key -> sampler.sample());
        this.push = push;
    }

    public void get(Context ctx) {
        ctx.json(snapshots.get("flow"));
    }

    public void stream(SseClient client) {
        push.attach(client, "flow", () -> snapshots.get("flow"));
    }
}
