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

/** Runs a short-lived command-line tool from a service's module as its own JVM and waits for it (bounded). */
final class ToolRun {

    private static final long TIMEOUT_SECONDS = 120;

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
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish within " + TIMEOUT_SECONDS + " s");
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

    private static void printAppended(Path logFile, long from, PrintStream out) {
        try {
            byte[] all = Files.readAllBytes(logFile);
            String text = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    StandardCharsets.UTF_8);
            text.lines().filter(line -> !line.isBlank()).forEach(line -> out.println(String.format("%-12s| %s", "tool", line)));
        } catch (IOException e) {
            out.println("(tool output is in " + logFile + ")");
        }
    }
}
