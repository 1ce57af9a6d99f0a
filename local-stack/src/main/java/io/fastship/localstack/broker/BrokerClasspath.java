package io.fastship.localstack.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classpath of the broker JVM: the Kafka server jars from Maven Central, recorded at build time by
 * {@code maven-dependency-plugin:build-classpath}, plus this module's own classes for the launcher.
 */
public final class BrokerClasspath {

    private static final String RESOURCE = "broker.classpath";

    private BrokerClasspath() {
    }

    /** The broker JVM's classpath (Kafka server and tools jars), failing with a clear message if a jar is missing. */
    public static String resolve() {
        List<String> entries = new ArrayList<>();
        entries.add(ownLocation().toString());
        for (String entry : recordedJars().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        List<String> missing = entries.stream().filter(e -> !Files.exists(Path.of(e))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Kafka broker jars are missing (run 'mvn -DskipTests install' once): "
                    + missing.subList(0, Math.min(3, missing.size())));
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String recordedJars() {
        try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE
                        + " is missing: local-stack was not built by Maven (mvn -pl local-stack package)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path ownLocation() {
        try {
            return Path.of(BrokerClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> split(String classpath) {
        return Arrays.asList(classpath.split(java.io.File.pathSeparator));
    }
}
