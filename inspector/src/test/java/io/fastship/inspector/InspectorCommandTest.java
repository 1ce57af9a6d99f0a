package io.fastship.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InspectorCommandTest {

    @Test
    void shouldListEverySubcommandInTheHelp() {
        Inspect.Result result = Inspect.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("topics", "describe", "groups", "group", "tail", "watch");
    }

    @Test
    void shouldRejectABadDurationInOneLineWithExitCode2() {
        Inspect.Result result = Inspect.run("topics", "--timeout", "10x");

        assertThat(result.exitCode()).isEqualTo(InspectorCommand.USAGE);
        assertThat(result.errLines()).singleElement().asString()
                .contains("invalid duration '10x'").startsWith("inspect: ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldRejectAMissingTopicInOneLine() {
        Inspect.Result result = Inspect.run("tail");

        assertThat(result.exitCode()).isEqualTo(InspectorCommand.USAGE);
        assertThat(result.errLines()).singleElement().asString().contains("TOPIC");
    }

    @Test
    void shouldRejectTwoStartPositionsAtOnce() {
        Inspect.Result result = Inspect.run("tail", "orders", "--from-beginning", "--offset", "3");

        assertThat(result.exitCode()).isEqualTo(InspectorCommand.USAGE);
        assertThat(result.errLines()).singleElement().asString().contains("mutually exclusive");
    }

    @Test
    void shouldRejectAnUnknownOutputFormat() {
        Inspect.Result result = Inspect.run("groups", "--output", "xml");

        assertThat(result.exitCode()).isEqualTo(InspectorCommand.USAGE);
        assertThat(result.errLines()).singleElement().asString().contains("xml");
    }

    @Test
    void shouldSayWhenTheCommandConfigFileIsMissing() {
        Inspect.Result result = Inspect.run("topics", "--command-config", "/nonexistent/client.properties");

        assertThat(result.exitCode()).isEqualTo(InspectorCommand.FAILED);
        assertThat(result.errLines()).singleElement().asString()
                .isEqualTo("inspect: command config file /nonexistent/client.properties does not exist");
    }
}
