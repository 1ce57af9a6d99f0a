package io.fastship.order.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderRequestParserTest {

    private static final String LINE = "{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":1250}";

    private final OrderRequestParser parser = new OrderRequestParser();

    private static String order(String customer, String currency, String items, String token) {
        StringBuilder json = new StringBuilder("{");
        if (customer != null) {
            json.append("\"customerId\":").append(customer).append(',');
        }
        if (currency != null) {
            json.append("\"currency\":").append(currency).append(',');
        }
        if (items != null) {
            json.append("\"items\":").append(items).append(',');
        }
        if (token != null) {
            json.append("\"paymentToken\":").append(token).append(',');
        }
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    private static String valid() {
        return order("\"c-1\"", "\"EUR\"", "[" + LINE + "]", "\"tok\"");
    }

    private static String line(String quantity, String price) {
        return "[{\"sku\":\"SKU-1\",\"quantity\":" + quantity + ",\"unitPrice\":" + price + "}]";
    }

    static Stream<Arguments> invalidBodies() {
        String many = "[" + String.join(",", java.util.Collections.nCopies(101, LINE)) + "]";
        String deep = "[".repeat(40) + "]".repeat(40);
        return Stream.of(
                Arguments.of("not JSON", "{\"customerId\":", ""),
                Arguments.of("trailing garbage", valid() + " {}", ""),
                Arguments.of("duplicate member", valid().replace("{\"customerId\"", "{\"customerId\":\"x\",\"customerId\""), ""),
                Arguments.of("an array, not an object", "[]", ""),
                Arguments.of("too deeply nested", order("\"c\"", "\"EUR\"", deep, "\"t\""), ""),
                Arguments.of("customerId missing", order(null, "\"EUR\"", "[" + LINE + "]", "\"t\""), "/customerId"),
                Arguments.of("customerId null", order("null", "\"EUR\"", "[" + LINE + "]", "\"t\""), "/customerId"),
                Arguments.of("customerId blank", order("\"  \"", "\"EUR\"", "[" + LINE + "]", "\"t\""), "/customerId"),
                Arguments.of("customerId a number", order("42", "\"EUR\"", "[" + LINE + "]", "\"t\""), "/customerId"),
                Arguments.of("customerId too long", order("\"" + "c".repeat(129) + "\"", "\"EUR\"", "[" + LINE + "]", "\"t\""), "/customerId"),
                Arguments.of("currency missing", order("\"c\"", null, "[" + LINE + "]", "\"t\""), "/currency"),
                Arguments.of("currency lower case", order("\"c\"", "\"eur\"", "[" + LINE + "]", "\"t\""), "/currency"),
                Arguments.of("currency not ISO-4217", order("\"c\"", "\"ABC\"", "[" + LINE + "]", "\"t\""), "/currency"),
                Arguments.of("currency too long", order("\"c\"", "\"EURO\"", "[" + LINE + "]", "\"t\""), "/currency"),
                Arguments.of("paymentToken missing", order("\"c\"", "\"EUR\"", "[" + LINE + "]", null), "/paymentToken"),
                Arguments.of("paymentToken blank", order("\"c\"", "\"EUR\"", "[" + LINE + "]", "\"\""), "/paymentToken"),
                Arguments.of("items missing", order("\"c\"", "\"EUR\"", null, "\"t\""), "/items"),
                Arguments.of("items not an array", order("\"c\"", "\"EUR\"", "{}", "\"t\""), "/items"),
                Arguments.of("no lines", order("\"c\"", "\"EUR\"", "[]", "\"t\""), "/items"),
                Arguments.of("101 lines", order("\"c\"", "\"EUR\"", many, "\"t\""), "/items"),
                Arguments.of("line not an object", order("\"c\"", "\"EUR\"", "[5]", "\"t\""), "/items/0"),
                Arguments.of("unknown line field", order("\"c\"", "\"EUR\"", "[{\"sku\":\"S\",\"quantity\":1,\"unitPrice\":1,\"colour\":\"red\"}]", "\"t\""), "/items/0/colour"),
                Arguments.of("sku missing", order("\"c\"", "\"EUR\"", "[{\"quantity\":1,\"unitPrice\":1}]", "\"t\""), "/items/0/sku"),
                Arguments.of("sku blank", order("\"c\"", "\"EUR\"", "[{\"sku\":\" \",\"quantity\":1,\"unitPrice\":1}]", "\"t\""), "/items/0/sku"),
                Arguments.of("quantity missing", order("\"c\"", "\"EUR\"", "[{\"sku\":\"S\",\"unitPrice\":1}]", "\"t\""), "/items/0/quantity"),
                Arguments.of("quantity zero", order("\"c\"", "\"EUR\"", line("0", "1"), "\"t\""), "/items/0/quantity"),
                Arguments.of("quantity negative", order("\"c\"", "\"EUR\"", line("-1", "1"), "\"t\""), "/items/0/quantity"),
                Arguments.of("quantity 10001", order("\"c\"", "\"EUR\"", line("10001", "1"), "\"t\""), "/items/0/quantity"),
                Arguments.of("quantity fractional", order("\"c\"", "\"EUR\"", line("1.5", "1"), "\"t\""), "/items/0/quantity"),
                Arguments.of("quantity a string", order("\"c\"", "\"EUR\"", line("\"2\"", "1"), "\"t\""), "/items/0/quantity"),
                Arguments.of("unitPrice null", order("\"c\"", "\"EUR\"", "[{\"sku\":\"S\",\"quantity\":1,\"unitPrice\":null}]", "\"t\""), "/items/0/unitPrice"),
                Arguments.of("unitPrice negative", order("\"c\"", "\"EUR\"", line("1", "-1"), "\"t\""), "/items/0/unitPrice"),
                Arguments.of("unitPrice fractional", order("\"c\"", "\"EUR\"", line("1", "12.5"), "\"t\""), "/items/0/unitPrice"),
                Arguments.of("unitPrice beyond long", order("\"c\"", "\"EUR\"", line("1", "9223372036854775808"), "\"t\""), "/items/0/unitPrice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void shouldRejectEveryRuleWithAPointerToTheOffendingMember(String rule, String body, String pointer) {
        OrderRequestParser.Result result = parser.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(result.valid()).as(rule).isFalse();
        assertThat(result.order()).isNull();
        if (pointer != null) {
            assertThat(result.errors()).extracting(FieldError::pointer).contains(pointer);
        }
        assertThat(result.errors()).allSatisfy(error -> assertThat(error.detail()).isNotBlank());
    }

    @Test
    void shouldRejectAnUnknownTopLevelField() {
        String body = valid().substring(0, valid().length() - 1) + ",\"discount\":5}";

        assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8)).errors())
                .extracting(FieldError::pointer).containsExactly("/discount");
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        String body = order("\"\"", "\"XYZ\"", "[{\"sku\":\"\",\"quantity\":0,\"unitPrice\":-5}]", null);

        assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8)).errors())
                .extracting(FieldError::pointer)
                .containsExactlyInAnyOrder("/customerId", "/currency", "/paymentToken", "/items/0/sku",
                        "/items/0/quantity", "/items/0/unitPrice");
    }

    @Test
    void shouldAcceptAValidOrderWithOrWithoutTheClientsUnitPrice() {
        String body = order("\"c-1\"", "\"JPY\"", "[" + LINE + ",{\"sku\":\"SKU-2\",\"quantity\":10000}]",
                "\"tok\"");

        OrderRequestParser.Result result = parser.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(result.errors()).isEmpty();
        assertThat(result.order()).isEqualTo(new ValidOrder("c-1", "JPY",
                List.of(new RequestedLine("SKU-1", 2, 1250L), new RequestedLine("SKU-2", 10_000, null)), "tok"));
    }

    @Test
    void shouldLetAnApiKeyNameTheCustomer() {
        String body = order(null, "\"EUR\"", "[" + LINE + "]", "\"tok\"");

        assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8)).errors())
                .extracting(FieldError::pointer).containsExactly("/customerId");
        assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8), true).order().customerId()).isNull();
    }

    @Test
    void shouldAcceptExactlyOneHundredLines() {
        String items = "[" + String.join(",", java.util.Collections.nCopies(100, LINE)) + "]";

        OrderRequestParser.Result result = parser.parse(order("\"c\"", "\"EUR\"", items, "\"t\"")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(result.order().lines()).hasSize(100);
    }

    @Test
    void shouldNameFieldsForClientsThatPreferDottedPaths() {
        assertThat(new FieldError("/items/2/quantity", "x").field()).isEqualTo("items[2].quantity");
        assertThat(new FieldError("/a~1b", "x").field()).isEqualTo("a/b");
        assertThat(new FieldError("", "x").field()).isEmpty();
    }
}
