package io.fastship.console.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Serves the charting library from its webjar under a version-free path ({@code /vendor/uPlot.iife.min.js}),
 * so the pages need not change when the pom moves to a new uPlot.
 */
public final class Vendor {

    private static final Map<String, String> FILES = Map.of(
            "uPlot.iife.min.js", "text/javascript",
            "uPlot.min.css", "text/css");
    private static final String ROOT = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";

    private Vendor() {
    }

    public static void serve(Context ctx) {
        String file = ctx.pathParam("file");
        String type = FILES.get(file);
        InputStream in = type == null ? null : Vendor.class.getClassLoader().getResourceAsStream(ROOT + file);
        if (in == null) {
            throw ProblemException.notFound("no vendored file '" + file + "'");
        }
        ctx.header("Cache-Control", "max-age=3600").contentType(type).result(in);
    }

    private static String uplotVersion() {
        Properties properties = new Properties();
        try (InputStream in = Vendor.class.getClassLoader().getResourceAsStream("console.properties")) {
            if (in == null) {
                throw new IllegalStateException("console.properties is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("uplot.version");
    }
}
