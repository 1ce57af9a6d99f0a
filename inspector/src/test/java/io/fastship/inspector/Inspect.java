package io.fastship.inspector;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the inspector in-process, as {@code fastship inspect} would, with captured stdout and stderr. */
public final class Inspect {

    private Inspect() {
    }

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {

        public List<String> errLines() {
            return err.lines().toList();
        }

        public List<String> outLines() {
            return out.lines().toList();
        }
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = InspectorCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Runs against a cluster: the connection options first, then the command's own arguments. */
    public static Result against(String bootstrap, String registry, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--bootstrap-server", bootstrap, "--schema-registry", registry));
        return run(all.toArray(String[]::new));
    }
}
