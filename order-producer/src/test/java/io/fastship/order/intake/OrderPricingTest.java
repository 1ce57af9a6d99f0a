package io.fastship.order.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.fastship.events.LineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The intake pricing table: what the server charges for each kind of line a client can send. */
class OrderPricingTest {

    private static final Map<String, CatalogPrice> PRICES = Map.of(
            "SKU-A", new CatalogPrice("SKU-A", 1999, "EUR"),
            "SKU-B", new CatalogPrice("SKU-B", 0, "EUR"),
            "SKU-USD", new CatalogPrice("SKU-USD", 500, "USD"),
            "SKU-MAX", new CatalogPrice("SKU-MAX", Long.MAX_VALUE, "EUR"));

    private final OrderPricing pricing = new OrderPricing(sku -> Optional.ofNullable(PRICES.get(sku)));

    private static ValidOrder order(RequestedLine... lines) {
        return new ValidOrder("c-1", "EUR", List.of(lines), "tok");
    }

    private static RequestedLine line(String sku, int quantity, Long unitPrice) {
        return new RequestedLine(sku, quantity, unitPrice);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // rule, lines, expected outcome, expected total or pointer
                Arguments.of("price omitted: the catalog's", List.of(line("SKU-A", 2, null)), "priced", "3998"),
                Arguments.of("price sent and current", List.of(line("SKU-A", 2, 1999L)), "priced", "3998"),
                Arguments.of("a free SKU", List.of(line("SKU-B", 5, null)), "priced", "0"),
                Arguments.of("several lines summed", List.of(line("SKU-A", 1, null), line("SKU-B", 3, 0L),
                        line("SKU-A", 2, 1999L)), "priced", "5997"),
                Arguments.of("price sent as zero for a paid SKU", List.of(line("SKU-A", 500, 0L)), "changed",
                        "/items/0/unitPrice"),
                Arguments.of("price sent higher", List.of(line("SKU-A", 1, 2500L)), "changed", "/items/0/unitPrice"),
                Arguments.of("second line stale", List.of(line("SKU-A", 1, null), line("SKU-A", 1, 1000L)),
                        "changed", "/items/1/unitPrice"),
                Arguments.of("unknown SKU", List.of(line("SKU-NOPE", 1, null)), "unpriceable", "/items/0/sku"),
                Arguments.of("unknown SKU wins over a stale price", List.of(line("SKU-A", 1, 1L),
                        line("SKU-NOPE", 1, 1L)), "unpriceable", "/items/1/sku"),
                Arguments.of("SKU sold in another currency", List.of(line("SKU-USD", 1, null)), "unpriceable",
                        "/items/0/sku"),
                Arguments.of("total overflows a long", List.of(line("SKU-MAX", 2, null)), "unpriceable", "/items"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void shouldPriceEveryLineFromTheCatalog(String rule, List<RequestedLine> lines, String outcome, String expected) {
        OrderPricing.Result result = pricing.price(order(lines.toArray(RequestedLine[]::new)));

        switch (outcome) {
            case "priced" -> assertThat(result).as(rule).isInstanceOfSatisfying(OrderPricing.Priced.class,
                    priced -> assertThat(priced.totalMinor()).isEqualTo(Long.parseLong(expected)));
            case "changed" -> assertThat(result).as(rule).isInstanceOfSatisfying(OrderPricing.PriceChanged.class,
                    changed -> {
                        assertThat(changed.errors()).extracting(FieldError::pointer).containsExactly(expected);
                        assertThat(changed.current()).singleElement().satisfies(current -> {
                            assertThat(current.pointer()).isEqualTo(expected);
                            assertThat(current.unitPrice()).isEqualTo(1999);
                            assertThat(current.currency()).isEqualTo("EUR");
                        });
                    });
            default -> assertThat(result).as(rule).isInstanceOfSatisfying(OrderPricing.Unpriceable.class,
                    unpriceable -> assertThat(unpriceable.errors()).extracting(FieldError::pointer)
                            .containsExactly(expected));
        }
    }

    @Test
    void aCatalogStillLoadingPricesNothingRatherThanCallingAKnownSkuUnknown() {
        // A restarted instance that waits out a registry outage has read none of the catalog yet.
        Catalog loading = new Catalog() {
            @Override
            public Optional<CatalogPrice> price(String sku) {
                return Optional.empty();
            }

            @Override
            public boolean loaded() {
                return false;
            }
        };

        OrderPricing.Result result = new OrderPricing(loading).price(order(new RequestedLine("SKU-A", 1, null)));

        assertThat(result).isInstanceOf(OrderPricing.CatalogNotLoaded.class);
    }

    @Test
    void shouldChargeTheCatalogPriceOnEveryLine() {
        OrderPricing.Result result = pricing.price(order(line("SKU-A", 3, null), line("SKU-B", 1, 0L)));

        assertThat(((OrderPricing.Priced) result).items())
                .containsExactly(new LineItem("SKU-A", 3, 1999L), new LineItem("SKU-B", 1, 0L));
    }
}
