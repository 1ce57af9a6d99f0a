package io.fastship.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastshipCliTest {

    @Test
    void statusWithoutARunningStackIsOneLineAndAnError(@TempDir Path dataDir) {
        StringWriter err = new StringWriter();
        var commandLine = FastshipCli.commandLine().setErr(new PrintWriter(err));

        int exit = commandLine.execute("status", "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("fastship: no FastShip stack is running on " + dataDir.toAbsolutePath()
                        + " (start one with ./fastship up)");
    }

    @Test
    void scaleRejectsAnUnknownService(@TempDir Path dataDir) {
        StringWriter err = new StringWriter();
        var commandLine = FastshipCli.commandLine().setErr(new PrintWriter(err));

        int exit = commandLine.execute("scale", "shipping", "2", "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("unknown service 'shipping'");
    }
}
