package io.fastship.localstack.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.fastship.localstack.broker.ParentWatchingLauncher;

/**
 * One FastShip service instance running as its own JVM: its output goes to a log file and, prefixed with the
 * instance name, to the console if asked. It dies with the process that started it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final ServiceKind kind;
    private final int httpPort;
    private final Process process;
    private final Path logFile;
    private final Thread pump;

    private ServiceProcess(String name, ServiceKind kind, int httpPort, Process process, Path logFile, Thread pump) {
        this.name = name;
        this.kind = kind;
        this.httpPort = httpPort;
        this.process = process;
        this.logFile = logFile;
        this.pump = pump;
    }

    /** What to start: which service, as which instance, with which environment. */
    public record Spec(ServiceKind kind, String name, int httpPort, String classpath, Map<String, String> env,
                       List<String> jvmArgs, Path logFile, Optional<PrintStream> console) {
    }

    public static ServiceProcess start(Spec spec) {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable());
        command.addAll(spec.jvmArgs());
        command.add("-cp");
        command.add(ModuleClasspath.ownLocation() + java.io.File.pathSeparator + spec.classpath());
        command.add(ParentWatchingLauncher.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(spec.kind().mainClass());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(spec.env());
        try {
            Files.createDirectories(spec.logFile().getParent());
            Process process = builder.start();
            Thread pump = new Thread(() -> pumpOutput(process, spec), spec.name() + "-output");
            pump.setDaemon(true);
            pump.start();
            return new ServiceProcess(spec.name(), spec.kind(), spec.httpPort(), process, spec.logFile(), pump);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    private static void pumpOutput(Process process, Spec spec) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter log = Files.newBufferedWriter(spec.logFile(), StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write(line);
                log.newLine();
                log.flush();
                String prefixed = String.format("%-12s| %s", spec.name(), line);
                spec.console().ifPresent(console -> console.println(prefixed));
            }
        } catch (IOException e) {
            // The process went away; its log file has everything it wrote.
        }
    }

    /** Waits until {@code GET /health} answers 200, failing fast if the process exits first. */
    public ServiceProcess awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was healthy;"
                        + " see " + logFile + ":\n" + ChildJvm.tail(logFile));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + logFile + ":\n"
                        + ChildJvm.tail(logFile));
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    public String name() {
        return name;
    }

    public ServiceKind kind() {
        return kind;
    }

    public int httpPort() {
        return httpPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Kills the instance at once (SIGKILL): no commit, no leave-group, as a crash. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(STOP_TIMEOUT);
    }

    /** Stops with SIGTERM (the service's shutdown hook closes it cleanly), SIGKILL after 30 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(STOP_TIMEOUT)) {
                kill();
            }
        }
        try {
            pump.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
