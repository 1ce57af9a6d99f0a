package io.fastship.inventory.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.fastship.inventory.JsonSerde;
import io.fastship.inventory.stock.StockKeeper;
import io.fastship.inventory.stock.StockLevel;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads stock from the Streams stores: locally when this instance owns the SKU, otherwise over HTTP from the
 * owner that Streams metadata ({@code application.server}) names.
 */
public final class StreamsStockLookup implements StockLookup {

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http;
    private final Duration timeout;
    private final StringSerializer keys = new StringSerializer();

    public StreamsStockLookup(KafkaStreams streams, HostInfo self, Duration timeout) {
        this.streams = streams;
        this.self = self;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<StockView> find(String sku, boolean forwarded) {
        KeyQueryMetadata owner = whileStoreIsReady(() -> streams.queryMetadataForKey(StockKeeper.STOCK_STORE, sku, keys));
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new StockUnavailableException("no instance owns the stock of " + sku + " right now");
        }
        if (owner.activeHost().equals(self)) {
            StockLevel level = whileStoreIsReady(() -> localStore().get(sku));
            return Optional.ofNullable(level).map(l -> new StockView(sku, l.available(), l.reserved()));
        }
        if (forwarded) {
            throw new StockUnavailableException("the stock of " + sku + " is moving between instances");
        }
        HttpResponse<String> response = get(owner.activeHost(), "/stock/" + URLEncoder.encode(sku, StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(response, StockView.class));
    }

    @Override
    public List<StockView> all(boolean localOnly) {
        List<StockView> views = new ArrayList<>(local());
        if (!localOnly) {
            for (StreamsMetadata instance : whileStoreIsReady(streams::metadataForAllStreamsClients)) {
                if (!instance.hostInfo().equals(self) && instance.stateStoreNames().contains(StockKeeper.STOCK_STORE)) {
                    views.addAll(parse(get(instance.hostInfo(), "/stock?scope=local"), StockRoutes.StockList.class)
                            .items());
                }
            }
        }
        views.sort(Comparator.comparing(StockView::sku));
        return views;
    }

    private List<StockView> local() {
        return whileStoreIsReady(() -> {
            List<StockView> views = new ArrayList<>();
            try (KeyValueIterator<String, StockLevel> levels = localStore().all()) {
                levels.forEachRemaining(entry -> views.add(
                        new StockView(entry.key, entry.value.available(), entry.value.reserved())));
            }
            return views;
        });
    }

    /**
     * Runs a read of the local store. The store handle Streams returns checks its thread's state on every read,
     * not only when it is obtained, so a rebalance or a replaced thread surfaces here as well: a moment of
     * unavailability (503), not a server error.
     */
    static <T> T whileStoreIsReady(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw new StockUnavailableException("the stock store is not ready: " + e.getMessage(), e);
        }
    }

    private ReadOnlyKeyValueStore<String, StockLevel> localStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(StockKeeper.STOCK_STORE,
                QueryableStoreTypes.<String, StockLevel>keyValueStore()));
    }

    private HttpResponse<String> get(HostInfo host, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
                .timeout(timeout).header(StockRoutes.FORWARDED_HEADER, "1").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 404) {
                throw new StockUnavailableException("instance " + host + " answered " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new StockUnavailableException("instance " + host + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StockUnavailableException("interrupted while asking " + host, e);
        }
    }

    private static <T> T parse(HttpResponse<String> response, Class<T> type) {
        try {
            return JsonSerde.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new StockUnavailableException("unreadable answer from another instance: " + e.getMessage(), e);
        }
    }
}
