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
 * A child JVM that can be started again with the same spec (same identity, ports, environment and data):
 * its output goes to a log file and, prefixed with its name, to the console if asked. It dies with the
 * process that started it. Faults act on it through {@link #kill()}, {@link #pause()} and {@link #resume()}.
 */
public final class JvmProcess {

    private final Spec spec;
    private volatile Process process;
    private volatile Thread pump;
    private volatile boolean stopRequested;
    private volatile boolean paused;
    private volatile long startedNanos;

    /** What to run: a main class on a classpath, as a named process, with its environment and log. */
    public record Spec(String name, String mainClass, String classpath, Map<String, String> env,
                       List<String> jvmArgs, Path logFile, Optional<PrintStream> console) {
        public Spec {
            env = Map.copyOf(env);
            jvmArgs = List.copyOf(jvmArgs);
        }
    }

    private JvmProcess(Spec spec) {
        this.spec = spec;
    }

    /** Starts the JVM at once (without waiting for it to be ready). */
    public static JvmProcess start(Spec spec) {
        JvmProcess jvm = new JvmProcess(spec);
        jvm.start();
        return jvm;
    }

    public Spec spec() {
        return spec;
    }

    /** Starts the JVM again with the same spec if it is not running; clears a requested stop. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable());
        command.addAll(spec.jvmArgs());
        command.add("-cp");
        command.add(ModuleClasspath.ownLocation() + java.io.File.pathSeparator + spec.classpath());
        command.add(ParentWatchingLauncher.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(spec.mainClass());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(spec.env());
        try {
            Files.createDirectories(spec.logFile().getParent());
            Process started = builder.start();
            Thread output = new Thread(() -> pumpOutput(started), spec.name() + "-output");
            output.setDaemon(true);
            output.start();
            process = started;
            pump = output;
            stopRequested = false;
            paused = false;
            startedNanos = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    private void pumpOutput(Process source) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8));
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

    /** Waits until {@code GET url} answers 200, failing fast if the process exits first. */
    public void awaitHealthy(URI url, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Process current = process;
            if (!current.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with " + current.exitValue()
                        + " before it was healthy; see " + spec.logFile() + ":\n" + ChildJvm.tail(spec.logFile()));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(spec.name() + " not healthy within " + timeout + "; see "
                        + spec.logFile() + ":\n" + ChildJvm.tail(spec.logFile()));
            }
            waitFor(current, Duration.ofMillis(200));
        }
    }

    public String name() {
        return spec.name();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the process was stopped on purpose (kill, clean stop) rather than exiting on its own. */
    public boolean stopRequested() {
        return stopRequested;
    }

    public boolean isPaused() {
        return paused && isAlive();
    }

    /** How long the current run has been up (or was up, until it exited). */
    public Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The exit code of the last run, or empty while it runs. */
    public Optional<Integer> exitCode() {
        Process current = process;
        return current.isAlive() ? Optional.empty() : Optional.of(current.exitValue());
    }

    /** SIGKILL, as a crash: no shutdown hook runs. Nothing restarts it until {@link #start()}. */
    public void kill() {
        stopRequested = true;
        resumeIfPaused();
        process.destroyForcibly();
        waitFor(process, Duration.ofSeconds(10));
    }

    /** Sends SIGTERM without waiting, so many processes can stop in parallel; see {@link #awaitExit}. */
    public void requestStop() {
        stopRequested = true;
        resumeIfPaused();
        process.destroy();
    }

    /** Clean stop: SIGTERM, then SIGKILL if it has not exited within {@code grace}. */
    public void stop(Duration grace) {
        requestStop();
        if (!awaitExit(grace)) {
            kill();
        }
        joinPump();
    }

    public boolean awaitExit(Duration timeout) {
        return waitFor(process, timeout);
    }

    /** SIGSTOP: the process stalls (no heartbeats, no responses) but keeps its sockets and state. */
    public void pause() {
        Signals.send(pid(), "STOP");
        paused = true;
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        paused = false;
        Signals.send(pid(), "CONT");
    }

    private void resumeIfPaused() {
        if (paused && process.isAlive()) {
            resume();
        }
    }

    private void joinPump() {
        try {
            pump.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
