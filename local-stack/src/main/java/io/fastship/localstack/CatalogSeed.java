package io.fastship.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.fastship.localstack.process.ServiceKind;

/**
 * Seeds the demo catalog the first time a data directory is used; later starts keep the stock levels that
 * orders and adjustments left.
 */
final class CatalogSeed {

    private CatalogSeed() {
    }

    static void once(LocalStack stack) {
        LocalStackOptions options = stack.options();
        Path marker = options.dataDir().resolve("catalog-seeded");
        if (options.seedSkus() == 0 || Files.exists(marker)) {
            return;
        }
        int exit = stack.runTool(ServiceKind.INVENTORY, LocalStack.STOCK_SEEDER, List.of("--skus",
                Integer.toString(options.seedSkus()), "--units", Long.toString(options.seedUnits())));
        if (exit != 0) {
            throw new IllegalStateException("seeding the demo catalog failed (exit " + exit + "); see "
                    + options.dataDir().resolve("logs"));
        }
        try {
            Files.writeString(marker, options.seedSkus() + " SKUs x " + options.seedUnits() + " units\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
