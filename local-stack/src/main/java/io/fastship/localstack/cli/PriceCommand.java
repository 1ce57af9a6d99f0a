package io.fastship.localstack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.fastship.localstack.RunningStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fastship price SKU MINOR}: sets a SKU's price in the running stack, through the catalog topic. */
@Command(name = "price", mixinStandardHelpOptions = true,
        description = "Set the unit price of a SKU in the running stack (writes a CatalogItem).")
final class PriceCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "SKU, e.g. SKU-0042")
    String sku;

    @Parameters(index = "1", description = "unit price in minor units (cents), >= 0")
    long priceMinor;

    @Option(names = "--currency", defaultValue = "EUR", description = "ISO-4217 currency (default: ${DEFAULT-VALUE}).")
    String currency;

    @Option(names = "--data-dir", defaultValue = ".fastship", description = "Data directory of the running stack.")
    Path dataDir;

    @Override
    public Integer call() {
        if (priceMinor < 0) {
            throw new IllegalArgumentException("price must be >= 0 minor units, was " + priceMinor);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO-4217 code like EUR, was '" + currency + "'");
        }
        System.out.println(RunningStack.setPrice(dataDir, Path.of("").toAbsolutePath(), sku, priceMinor, currency));
        return 0;
    }
}
