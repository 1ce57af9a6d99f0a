package io.fastship.bench.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.fastship.localstack.security.ClientSettings;
import io.fastship.localstack.security.StackSecurity;

/**
 * Who the bench is towards a stack. Every client that reads (tails, lags, probes, the registry) uses {@code reader},
 * the tools' settings of a secure stack; the baseline writes as the bench principal, which owns only the topics named
 * after it ({@code baselineConfig}, a properties file for ProducerPerformance); stock is set as operations. On an
 * open stack all three are the open settings; on a secure one a principal whose file is unknown is empty.
 */
public record BenchCredentials(ClientSettings reader, Optional<Path> baselineConfig,
                               Optional<ClientSettings> operations) {

    /** An open stack: no credentials, and every phase may run. */
    public static final BenchCredentials OPEN = new BenchCredentials(ClientSettings.NONE, Optional.empty(),
            Optional.of(ClientSettings.NONE));

    /** The principals' files of a stack the bench started with {@code --secure}. */
    public static BenchCredentials of(StackSecurity security) {
        return new BenchCredentials(ClientSettings.load(security.propertiesOf(StackSecurity.TOOLS)),
                Optional.of(security.propertiesOf(StackSecurity.BENCH)),
                Optional.of(ClientSettings.load(security.propertiesOf(StackSecurity.OPERATIONS))));
    }

    /**
     * A running stack: {@code commandConfig} ({@code --command-config}) for reading if given, else the tools' file
     * of {@code stackDir} if that stack is secure; the bench and operations principals from {@code stackDir}.
     */
    public static BenchCredentials resolve(Optional<Path> commandConfig, Optional<Path> stackDir) {
        Optional<ClientSettings> tools = stackDir.flatMap(ClientSettings::ofTools);
        ClientSettings reader = commandConfig.map(ClientSettings::load).or(() -> tools).orElse(ClientSettings.NONE);
        if (!reader.secure()) {
            return OPEN;
        }
        Optional<Path> bench = stackDir.map(dir -> StackSecurity.propertiesFile(dir, StackSecurity.BENCH))
                .filter(Files::isRegularFile);
        return new BenchCredentials(reader, bench, stackDir.flatMap(dir -> ClientSettings.of(dir,
                StackSecurity.OPERATIONS)));
    }

    public boolean secure() {
        return reader.secure();
    }

    /** Whether ProducerPerformance may run: an open stack, or a secure one whose bench principal is known. */
    public boolean mayRunBaseline() {
        return !secure() || baselineConfig.isPresent();
    }

    /** The bench principal's settings, for creating and deleting its baseline topic; open settings on an open stack. */
    public ClientSettings baselineSettings() {
        return baselineConfig.map(ClientSettings::load).orElse(ClientSettings.NONE);
    }
}
