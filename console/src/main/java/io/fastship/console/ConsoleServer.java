package io.fastship.console;

import io.fastship.console.deadletters.DeadLetterApi;
import io.fastship.console.flow.FlowApi;
import io.fastship.console.flow.FlowSampler;
import io.fastship.console.groups.GroupsApi;
import io.fastship.console.http.Problems;
import io.fastship.console.http.Vendor;
import io.fastship.console.live.LivePush;
import io.fastship.console.order.OrderApi;
import io.fastship.console.order.OrderTimeline;
import io.fastship.console.stack.ScaleApi;
import io.fastship.console.stack.StackControl;
import io.fastship.console.topics.RecordViews;
import io.fastship.console.topics.TopicsApi;
import io.fastship.inspector.Cluster;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console's HTTP side: the pages from the classpath, the JSON API under /api, SSE under /api/.../stream. */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    static final Duration PUSH_PERIOD = Duration.ofSeconds(1);

    private final Javalin javalin;
    private final LivePush push;
    private final Cluster cluster;

    private ConsoleServer(Javalin javalin, LivePush push, Cluster cluster) {
        this.javalin = javalin;
        this.push = push;
        this.cluster = cluster;
    }

    /** Starts on the settings' host and port; the cluster is closed with the server. */
    public static ConsoleServer start(ConsoleSettings settings, Cluster cluster) {
        LivePush push = new LivePush(PUSH_PERIOD);
        StackControl control = new StackControl(settings.controlUrl());
        RecordViews views = new RecordViews(cluster);
        FlowApi flow = new FlowApi(new FlowSampler(cluster, settings), push);
        GroupsApi groups = new GroupsApi(cluster, control, push);
        TopicsApi topics = new TopicsApi(cluster, views);
        OrderApi orders = new OrderApi(new OrderTimeline(cluster, settings, views));
        DeadLetterApi deadLetters = new DeadLetterApi(cluster, settings, views);
        ScaleApi scale = new ScaleApi(control);
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.staticFiles.add("/web", Location.CLASSPATH);
            config.routes.exception(Exception.class, Problems::handle);
            config.routes.get("/", ctx -> ctx.redirect("/flow.html"));
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP", "service", "console")));
            config.routes.get("/vendor/{file}", Vendor::serve);
            config.routes.get("/api/flow", flow::get);
            config.routes.sse("/api/flow/stream", flow::stream);
            config.routes.get("/api/groups", groups::list);
            config.routes.get("/api/groups/{group}", groups::detail);
            config.routes.sse("/api/groups/{group}/stream", groups::stream);
            config.routes.get("/api/topics", topics::list);
            config.routes.get("/api/topics/{topic}", topics::detail);
            config.routes.get("/api/topics/{topic}/records", topics::records);
            config.routes.get("/api/orders/{orderId}", orders::get);
            config.routes.get("/api/dead-letters", deadLetters::list);
            config.routes.get("/api/stack", scale::stack);
            config.routes.post("/api/scale/{service}/{instances}", scale::scale);
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && !Problems.written(ctx)) {
                    Problems.write(ctx, 404, "Not found", "no such API: " + ctx.method() + " " + ctx.path());
                }
            });
        }).start();
        log.info("console on http://{}:{}", settings.host(), javalin.port());
        return new ConsoleServer(javalin, push, cluster);
    }

    public int port() {
        return javalin.port();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        push.close();
        javalin.stop();
        cluster.close();
    }
}
