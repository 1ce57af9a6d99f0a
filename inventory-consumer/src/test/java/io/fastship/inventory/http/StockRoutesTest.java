package io.fastship.inventory.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fastship.platform.http.Health;
import io.fastship.platform.http.ServiceHttpServer;
import io.fastship.platform.http.ServiceMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StockRoutesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ServiceMetrics metrics = new ServiceMetrics("inventory-service");
    private boolean moving;
    private boolean lastForwarded;
    private final StockLookup lookup = new StockLookup() {
        @Override
        public Optional<StockView> find(String sku, boolean forwarded) {
            lastForwarded = forwarded;
            if (moving) {
                throw new StockUnavailableException("the stock of " + sku + " is moving between instances");
            }
            return sku.equals("SKU-1") ? Optional.of(new StockView("SKU-1", 7, 3)) : Optional.empty();
        }

        @Override
        public List<StockView> all(boolean localOnly) {
            return localOnly ? List.of(new StockView("SKU-1", 7, 3))
                    : List.of(new StockView("SKU-1", 7, 3), new StockView("SKU-2", 1, 0));
        }
    };
    private final ServiceHttpServer server = ServiceHttpServer.start("inventory-service", "127.0.0.1", 0, metrics,
            Map.of(), () -> Health.up("running"), StockRoutes.of(lookup));

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    @Test
    void aKnownSkuAnswersAvailableAndReserved() throws Exception {
        HttpResponse<String> response = get("/stock/SKU-1", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"sku\":\"SKU-1\",\"available\":7,\"reserved\":3}");
        assertThat(lastForwarded).isFalse();
    }

    @Test
    void aForwardedQuestionIsMarkedSoItIsNotPassedOnAgain() throws Exception {
        get("/stock/SKU-1", true);

        assertThat(lastForwarded).isTrue();
    }

    @Test
    void anUnknownSkuIs404AndAMalformedOneIs400AsProblemDocuments() throws Exception {
        HttpResponse<String> unknown = get("/stock/SKU-9", false);
        HttpResponse<String> malformed = get("/stock/SKU%20%3B1", false);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("\"status\":404").contains("SKU-9");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"title\":\"Malformed SKU\"");
    }

    @Test
    void stockThatIsMovingBetweenInstancesIs503WithRetryAfter() throws Exception {
        moving = true;

        HttpResponse<String> response = get("/stock/SKU-1", false);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.body()).contains("moving between instances");
    }

    @Test
    void allStockIsGatheredUnlessTheLocalScopeIsAsked() throws Exception {
        assertThat(get("/stock", false).body()).contains("SKU-1").contains("SKU-2");
        assertThat(get("/stock?scope=local", false).body()).contains("SKU-1").doesNotContain("SKU-2");
        assertThat(get("/stock?scope=everywhere", false).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> get(String path, boolean forwarded) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (forwarded) {
            request.header(StockRoutes.FORWARDED_HEADER, "1");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
