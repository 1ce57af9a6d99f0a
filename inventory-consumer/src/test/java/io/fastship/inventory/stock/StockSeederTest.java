package io.fastship.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.fastship.events.AdjustmentMode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StockSeederTest {

    @Test
    void theCatalogIsSku0001ToSkuNWithTheSameUnits() {
        var catalog = StockSeeder.catalog(100, 25);

        assertThat(catalog).hasSize(100).containsEntry("SKU-0001", 25L).containsEntry("SKU-0100", 25L);
        assertThat(catalog.keySet()).first().isEqualTo("SKU-0001");
        assertThat(catalog.values()).containsOnly(25L);
    }

    @Test
    void aSeedRecordSetsTheUnitsOfItsSku() {
        var record = StockSeeder.set("SKU-0007", 40);

        assertThat(record.getSku()).isEqualTo("SKU-0007");
        assertThat(record.getMode()).isEqualTo(AdjustmentMode.SET);
        assertThat(record.getQuantity()).isEqualTo(40);
    }

    @Test
    void aBadOptionIsAOneLineUsageErrorBeforeAnythingIsWritten() {
        StringWriter err = new StringWriter();
        CommandLine cli = StockSeeder.commandLine().setErr(new PrintWriter(err));

        int exit = cli.execute("--units", "-1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualToIgnoringNewLines("stock-seeder: --units must be >= 0, was -1");
    }

    @Test
    void aCatalogRecordPricesItsSku() {
        var item = CatalogPrices.item("SKU-0007", 1999, "EUR");

        assertThat(item.getSku()).isEqualTo("SKU-0007");
        assertThat(item.getPrice().getUnitPriceMinor()).isEqualTo(1999);
        assertThat(item.getPrice().getCurrency()).isEqualTo("EUR");
    }

    @Test
    void aBadPriceOrCurrencyIsAOneLineUsageErrorBeforeAnythingIsWritten() {
        StringWriter err = new StringWriter();
        CommandLine cli = StockSeeder.commandLine().setErr(new PrintWriter(err));

        assertThat(cli.execute("--price-minor", "-5")).isEqualTo(2);
        assertThat(cli.execute("--currency", "euro")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("stock-seeder: --price-minor must be >= 0, was -5",
                "stock-seeder: --currency must be an ISO-4217 code like EUR, was 'euro'");
    }

    @Test
    void aMalformedSkuIsAOneLineUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = StockSeeder.commandLine().setErr(new PrintWriter(err));

        int exit = cli.execute("--sku", "SKU 1", "--units", "5");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("stock-seeder: --sku must be").contains("'SKU 1'");
    }
}
