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

    @Test
    void faultWithAnUnknownActionIsOneLineAndExitTwo(@TempDir Path dataDir) {
        StringWriter err = new StringWriter();
        var commandLine = FastshipCli.commandLine().setErr(new PrintWriter(err));

        int exit = commandLine.execute("fault", "broker-1", "explode", "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("fastship: unknown fault action 'explode' "
                + "(expected kill, restart, pause DURATION or down DURATION)");
    }

    @Test
    void upRefusesADataDirectoryAnotherUpHolds(@TempDir Path dataDir) {
        StringWriter err = new StringWriter();
        var commandLine = FastshipCli.commandLine().setErr(new PrintWriter(err));

        try (DataDirLock held = DataDirLock.acquire(dataDir)) {
            int exit = commandLine.execute("up", "--fresh", "--data-dir", dataDir.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip()).startsWith("fastship: another ./fastship up is running on")
                    .doesNotContain("\n");
            assertThat(dataDir.resolve(DataDirLock.FILE)).exists();
        }
    }

    @Test
    void upRefusesAStateRetentionShorterThanALateEventCanArriveBeforeStartingAnything(@TempDir Path dataDir) {
        StringWriter err = new StringWriter();
        var commandLine = FastshipCli.commandLine().setErr(new PrintWriter(err));

        int exit = commandLine.execute("up", "--state-retention", "30s", "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("fastship: --state-retention must be at least 2m")
                .doesNotContain("\n");
        assertThat(dataDir.resolve(DataDirLock.FILE)).doesNotExist();
    }

    @Test
    void stateRetentionIsPassedToTheServicesAsIsoDuration() {
        assertThat(UpCommand.stateRetention("5m")).isEqualTo("PT5M");
        assertThat(UpCommand.stateRetention("PT2H")).isEqualTo("PT2H");
    }
}
