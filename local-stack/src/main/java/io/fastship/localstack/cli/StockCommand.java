package io.fastship.localstack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.fastship.localstack.RunningStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fastship stock SKU N}: sets a SKU's available units in the running stack, through the stock topic. */
@Command(name = "stock", mixinStandardHelpOptions = true,
        description = "Set the available units of a SKU in the running stack (writes StockAdjusted SET).")
final class StockCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "SKU, e.g. SKU-0042")
    String sku;

    @Parameters(index = "1", description = "available units, >= 0")
    long units;

    @Option(names = "--data-dir", defaultValue = ".fastship", description = "Data directory of the running stack.")
    Path dataDir;

    @Override
    public Integer call() {
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, was " + units);
        }
        System.out.println(RunningStack.setStock(dataDir, Path.of("").toAbsolutePath(), sku, units));
        return 0;
    }
}
