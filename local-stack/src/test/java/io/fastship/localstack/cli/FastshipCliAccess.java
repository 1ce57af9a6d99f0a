package io.fastship.localstack.cli;

import java.io.PrintWriter;

/** Lets tests outside this package run the CLI as {@code ./fastship} would, with their own error stream. */
public final class FastshipCliAccess {

    private FastshipCliAccess() {
    }

    public static int execute(PrintWriter err, String... args) {
        return FastshipCli.commandLine().setErr(err).execute(args);
    }
}
