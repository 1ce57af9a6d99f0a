package io.fastship.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fastship.localstack.broker.ParentWatchingLauncher;

/**
 * The web console (module {@code console}) as one more child JVM of {@code fastship up}: it reads the stack's
 * cluster and registry and scales services through the control endpoint. It dies with the launcher.
 */
public final class ConsoleProcess implements AutoCloseable {

    /** Where {@code fastship up} serves the console. */
    public static final int PORT = 8090;
    private static final String MAIN = "io.fastship.console.ConsoleMain";
    private static final Duration READY = Duration.ofSeconds(60);

    private final Process process;
    private final Path logFile;

    private ConsoleProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts the console and waits until it answers {@code /health}; fails naming its log if it does not. */
    public static ConsoleProcess start(Path repositoryRoot, Path logDir, String bootstrapServers, String registryUrl,
                                       String controlUrl, int port, java.util.Optional<Path> commandConfig) {
        String classpath = ModuleClasspath.of(repositoryRoot, "console");
        Path logFile = logDir.resolve("console.log");
        List<String> command = new java.util.ArrayList<>(List.of(ChildJvm.javaExecutable(), "-Xms32m", "-Xmx256m",
                "-XX:+UseSerialGC", "-cp", ModuleClasspath.ownLocation() + File.pathSeparator + classpath,
                ParentWatchingLauncher.class.getName(), Long.toString(ProcessHandle.current().pid()), MAIN,
                "--bootstrap-server", bootstrapServers, "--schema-registry", registryUrl,
                "--control-url", controlUrl, "--port", Integer.toString(port)));
        // On a secure stack the console reads as the tools' principal: everything, but it can write nothing.
        commandConfig.ifPresent(file -> command.addAll(List.of("--command-config", file.toString())));
        try {
            Files.createDirectories(logDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            ConsoleProcess console = new ConsoleProcess(process, logFile);
            console.awaitHealthy("http://127.0.0.1:" + port + "/health");
            return console;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the console", e);
        }
    }

    private void awaitHealthy(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the console exited with " + process.exitValue() + "; see " + logFile
                        + ":\n" + ChildJvm.tail(logFile));
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("the console did not answer within " + READY.toSeconds() + " s; see " + logFile);
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
