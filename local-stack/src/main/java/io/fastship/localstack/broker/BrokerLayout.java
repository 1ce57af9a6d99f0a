package io.fastship.localstack.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of one broker under its data directory: config, Kafka's log dirs, and the broker's own logs. */
record BrokerLayout(Path dataDir, Path logDirs, Path serverProperties, Path logbackConfig, Path outputFile) {

    private static final String SECURED_MARKER = "secured";
    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

    static BrokerLayout prepare(BrokerConfig config) {
        Path dataDir = config.dataDir().toAbsolutePath();
        BrokerLayout layout = new BrokerLayout(dataDir, dataDir.resolve("kraft"), dataDir.resolve("server.properties"),
                dataDir.resolve("broker-logback.xml"), dataDir.resolve("logs").resolve("broker.log"));
        try {
            Files.createDirectories(layout.logDirs);
            Files.createDirectories(layout.outputFile.getParent());
            Files.deleteIfExists(layout.serverProperties);
            // Created owner-only before anything is written: a secured broker's file holds its passwords.
            Files.createFile(layout.serverProperties, OWNER_ONLY);
            Files.writeString(layout.serverProperties,
                    ServerProperties.toText(ServerProperties.render(config, layout.logDirs)), StandardCharsets.UTF_8);
            Files.writeString(layout.logbackConfig, logbackXml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker data directory " + dataDir, e);
        }
        return layout;
    }

    /**
     * A storage formatted open has no super user to authenticate as, and one formatted secured refuses PLAINTEXT
     * clients: either way the broker could never become ready, so the mismatch is reported at once.
     */
    void checkSecurityMatches(BrokerSecurity security) {
        Path marker = dataDir.resolve(SECURED_MARKER);
        boolean securedBefore = Files.exists(marker);
        if (isFormatted() && securedBefore != security.enabled()) {
            throw new IllegalStateException("the Kafka data in " + dataDir + " was created "
                    + (securedBefore ? "with" : "without") + " --secure; use --fresh or another --data-dir");
        }
        try {
            if (security.enabled()) {
                Files.writeString(marker, "formatted with SASL_SSL, SCRAM and ACLs\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }

    boolean isFormatted() {
        return Files.exists(logDirs.resolve("meta.properties"));
    }

    // The broker's stdout is already redirected to broker.log; INFO for Kafka itself, quieter for the chatty parts.
    private static String logbackXml() {
        return """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.apache.kafka" level="INFO"/>
                  <logger name="kafka" level="INFO"/>
                  <logger name="state.change.logger" level="WARN"/>
                  <logger name="org.apache.kafka.storage.internals.log" level="WARN"/>
                  <logger name="kafka.log" level="WARN"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """;
    }
}
