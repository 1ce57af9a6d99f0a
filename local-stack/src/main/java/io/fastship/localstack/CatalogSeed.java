package io.fastship.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.fastship.localstack.process.ServiceKind;

/**
 * Seeds the demo catalog (stock and prices) the first time a data directory is used; later starts keep the stock
 * levels that orders and adjustments left.
 */
final class CatalogSeed {

    private CatalogSeed() {
    }

    static void once(LocalStack stack) {
        LocalStackOptions options = stack.options();
        Path stocked = options.dataDir().resolve("catalog-seeded");
        // Data directories from before the catalog had prices get theirs once, and keep their stock levels.
        Path priced = options.dataDir().resolve("catalog-priced");
        if (options.seedSkus() == 0 || Files.exists(stocked) && Files.exists(priced)) {
            return;
        }
        boolean pricesOnly = Files.exists(stocked);
        List<String> args = new ArrayList<>(List.of("--skus", Integer.toString(options.seedSkus()),
                "--units", Long.toString(options.seedUnits())));
        if (pricesOnly) {
            args.add("--prices-only");
        }
        int exit = stack.runTool(ServiceKind.INVENTORY, LocalStack.STOCK_SEEDER, args);
        if (exit != 0) {
            throw new IllegalStateException("seeding the demo catalog failed (exit " + exit + "); see "
                    + options.dataDir().resolve("logs"));
        }
        try {
            if (!pricesOnly) {
                Files.writeString(stocked, options.seedSkus() + " SKUs x " + options.seedUnits() + " units\n");
            }
            Files.writeString(priced, options.seedSkus() + " SKUs priced\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
