package io.fastship.inventory.stock;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.fastship.events.AdjustmentMode;
import io.fastship.events.StockAdjusted;
import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.schemas.CurrencyCodes;
import io.fastship.schemas.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Seeds the catalog the way operations change it: one {@code CatalogItem} (its price) on the catalog topic and one
 * {@code StockAdjusted} SET record on the stock topic per SKU ({@code SKU-0001} ... {@code SKU-0100} by default).
 * {@code --prices-only} writes prices and leaves stock alone ({@code ./fastship price}). Reads
 * KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, TOPIC_NAMESPACE, TOPIC_PARTITIONS and KAFKA_CLIENT_* like the services.
 */
@Command(name = "stock-seeder", mixinStandardHelpOptions = true,
        description = "Sets the price and the stock of SKU-0001..SKU-<skus> on the catalog and stock topics.")
public final class StockSeeder implements Callable<Integer> {

    @Option(names = "--units", defaultValue = "1000", description = "Units of each SKU (default ${DEFAULT-VALUE}).")
    long units;

    @Option(names = "--skus", defaultValue = "100", description = "How many SKUs (default ${DEFAULT-VALUE}).")
    int skus;

    @Option(names = "--sku", description = "Set only this SKU (e.g. SKU-0042) to --units, instead of the catalog.")
    String sku;

    @Option(names = "--price-minor", defaultValue = "1999",
            description = "Unit price in minor units (default ${DEFAULT-VALUE}).")
    long priceMinor;

    @Option(names = "--currency", defaultValue = "EUR", description = "ISO-4217 currency (default ${DEFAULT-VALUE}).")
    String currency;

    @Option(names = "--prices-only", description = "Write catalog prices only, leave stock as it is.")
    boolean pricesOnly;

    @Option(names = "--stock-only", description = "Write stock only, leave prices as they are.")
    boolean stockOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The CLI; a usage error is one line on stderr and exit code 2. */
    public static CommandLine commandLine() {
        return new CommandLine(new StockSeeder()).setParameterExceptionHandler((error, args) -> {
            error.getCommandLine().getErr().println("stock-seeder: " + error.getMessage());
            return 2;
        });
    }

    @Override
    public Integer call() {
        if (units < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--units must be >= 0, was " + units);
        }
        if (skus < 1 || skus > 9999) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--skus must be 1..9999, was " + skus);
        }
        if (sku != null && !sku.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--sku must be 1..64 letters, digits, '.', '_' or '-', was '" + sku + "'");
        }
        if (priceMinor < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--price-minor must be >= 0, was "
                    + priceMinor);
        }
        if (!CurrencyCodes.isIso4217(currency)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--currency must be an ISO-4217 code like "
                    + "EUR, was '" + currency + "'");
        }
        Env env = Env.system();
        try {
            KafkaConnection connection = KafkaConnection.fromEnv(env);
            String namespace = env.string("TOPIC_NAMESPACE", "");
            int partitions = env.integer("TOPIC_PARTITIONS", 6, 1, 10_000);
            Map<String, Long> levels = sku == null ? catalog(skus, units) : Map.of(sku, units);
            // Prices first: an order for a SKU is priced before its stock is reserved.
            if (!stockOnly) {
                int priced = CatalogWriter.write(connection, namespace, partitions, levels.keySet(), priceMinor,
                        currency);
                spec.commandLine().getOut().printf("Priced %d SKUs at %d %s minor units on %s%n", priced, priceMinor,
                        currency, Topics.CATALOG.inNamespace(namespace).name());
            }
            if (!pricesOnly) {
                int written = seed(connection, namespace, partitions, levels);
                spec.commandLine().getOut().printf("Set %d SKUs to %d units each on %s%n", written, units,
                        Topics.STOCK.inNamespace(namespace).name());
            }
            return 0;
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("stock-seeder: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("stock-seeder: " + e.getMessage());
            return 1;
        }
    }

    /** {@code SKU-0001} ... {@code SKU-<count>}, each with {@code units}. */
    public static Map<String, Long> catalog(int count, long units) {
        Map<String, Long> levels = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            levels.put(String.format("SKU-%04d", i), units);
        }
        return levels;
    }

    /** Ensures the compacted stock topic and writes one SET record per SKU, waiting for every ack; returns how many. */
    public static int seed(KafkaConnection connection, String namespace, int partitions, Map<String, Long> levels) {
        Map<String, StockAdjusted> records = new LinkedHashMap<>();
        levels.forEach((sku, units) -> records.put(sku, set(sku, units)));
        return SeedWriter.write(connection, "stock-seeder", Topics.STOCK.inNamespace(namespace), partitions, records);
    }

    /** A SET adjustment of one SKU, as operations would write it. */
    public static StockAdjusted set(String sku, long units) {
        return StockAdjusted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setSku(sku)
                .setMode(AdjustmentMode.SET)
                .setQuantity(units)
                .setReason("seed")
                .setOccurredAt(Instant.now())
                .build();
    }
}
