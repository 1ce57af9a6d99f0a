package io.fastship.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.fastship.localstack.process.ChildJvm;
import io.fastship.localstack.process.ModuleClasspath;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.process.Signals;

/** Runs a short-lived command-line tool from a service's module as its own JVM and waits for it (bounded). */
final class ToolRun {

    private static final long TIMEOUT_SECONDS = 120;
    /** The tool's last words before it hung, enough to show what it was retrying. */
    private static final int TAIL_LINES = 30;

    private ToolRun() {
    }

    static int run(Path repositoryRoot, ServiceKind kind, String mainClass, List<String> args, Map<String, String> env,
                   Path logFile, Optional<PrintStream> console) {
        return run(repositoryRoot, kind.module(), mainClass, args, env, logFile, console);
    }

    static int run(Path repositoryRoot, String module, String mainClass, List<String> args, Map<String, String> env,
                   Path logFile, Optional<PrintStream> console) {
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaExecutable(),
                "-Xmx256m", "-cp", ModuleClasspath.of(repositoryRoot, module), mainClass));
        command.addAll(args);
        try {
            Files.createDirectories(logFile.getParent());
            long before = Files.exists(logFile) ? Files.size(logFile) : 0;
            // Straight to the file: a pipe read only after exit could fill up and block the tool.
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                String logged = tail(logFile, before);
                long dumpFrom = Files.size(logFile);
                dumpThreads(process);
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish within " + TIMEOUT_SECONDS + " s; its "
                        + "log " + logFile + " ends with:\n" + logged + "\nand its main thread was at:\n"
                        + mainThread(appended(logFile, dumpFrom)));
            }
            console.ifPresent(out -> printAppended(logFile, before, out));
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + mainClass, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + mainClass, e);
        }
    }

    /** SIGQUIT makes the JVM print every thread's stack to its output, the tool's log: why it hung, for later. */
    private static void dumpThreads(Process process) throws InterruptedException {
        try {
            Signals.send(process.pid(), "QUIT");
            // The JVM does not exit on SIGQUIT: this is only the moment it takes to write the dump.
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            // The dump only helps diagnose; the timeout is reported either way.
        }
    }

    private static String mainThread(String threadDump) {
        int start = threadDump.indexOf("\"main\"");
        if (start < 0) {
            return "(no thread dump)";
        }
        int end = threadDump.indexOf("\n\n", start);
        return threadDump.substring(start, end < 0 ? threadDump.length() : end);
    }

    private static String tail(Path logFile, long from) {
        List<String> lines = appended(logFile, from).lines().filter(line -> !line.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private static String appended(Path logFile, long from) {
        try {
            byte[] all = Files.readAllBytes(logFile);
            return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private static void printAppended(Path logFile, long from, PrintStream out) {
        appended(logFile, from).lines().filter(line -> !line.isBlank())
                .forEach(line -> out.println(String.format("%-12s| %s", "tool", line)));
    }
}
