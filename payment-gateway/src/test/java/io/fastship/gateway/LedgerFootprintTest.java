package io.fastship.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The ledger's memory, in a JVM of its own with a small heap: half a million charges as the payment service makes
 * them fit in 96 MiB (about 75 bytes each). Records in maps, at about 420 bytes each, ran out of it at ~200k.
 */
class LedgerFootprintTest {

    static final int CHARGES = 500_000;

    @Test
    void shouldHoldHalfAMillionChargesIn96MiB() throws Exception {
        Process fill = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), Fill.class.getName()).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(fill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // A guard against a hung child only; nothing here is about speed.
            assertThat(fill.waitFor(5, TimeUnit.MINUTES)).isTrue();
        } finally {
            fill.destroyForcibly();
        }

        assertThat(output).contains(new Ledger.Totals(CHARGES, CHARGES * 100L, 0, CHARGES * 100L).toString());
        assertThat(fill.exitValue()).as(output).isZero();
    }

    /** The child: fills a ledger and prints its totals. */
    static final class Fill {

        public static void main(String[] args) throws IOException {
            try (Ledger ledger = new Ledger(new DeclineRules(10_000), LedgerFile.none())) {
                for (int i = 0; i < CHARGES; i++) {
                    String orderId = UUID.randomUUID().toString();
                    ledger.charge("charge-" + orderId, orderId, 100, "EUR", "tok_ok");
                }
                System.out.println(ledger.totals());
            }
        }
    }
}
