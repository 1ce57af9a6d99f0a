package io.fastship.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validated schema registry client settings, parsed from Kafka-style configs.
 *
 * @param urls            registry base URLs, tried in order on connection failure
 * @param credentialsSource where basic-auth credentials come from
 * @param userInfo        {@code user:password} when the source is {@link BasicAuthCredentialsSource#USER_INFO}, else null
 * @param connectTimeout  TCP connect timeout per URL
 * @param requestTimeout  whole-request timeout per URL
 * @param latestCacheTtl  how long a subject's "latest version" answer is reused
 */
public record SchemaRegistryConfig(
        List<URI> urls,
        BasicAuthCredentialsSource credentialsSource,
        String userInfo,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration latestCacheTtl) {

    public static final String URL = ConfigValues.URL_KEY;
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Also accepted as {@code schema.registry.http.connect.timeout.ms}. */
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    /** Also accepted as {@code schema.registry.http.read.timeout.ms}. */
    public static final String REQUEST_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_LATEST_CACHE_TTL = Duration.ofSeconds(60);

    public SchemaRegistryConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one registry URL is needed");
        }
        Objects.requireNonNull(credentialsSource, "credentialsSource");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(latestCacheTtl, "latestCacheTtl");
    }

    /** Settings for one URL with no auth and default timeouts. */
    public static SchemaRegistryConfig forUrl(String url) {
        return from(Map.of(URL, url));
    }

    /** Parses and validates; a bad or missing value fails with a {@link ConfigException} naming the key. */
    public static SchemaRegistryConfig from(Map<String, ?> configs) {
        ConfigValues values = new ConfigValues(configs);
        List<URI> urls = parseUrls(values);
        BasicAuthCredentialsSource source = parseSource(values);
        String userInfo = null;
        if (source == BasicAuthCredentialsSource.USER_INFO) {
            userInfo = values.string(BASIC_AUTH_USER_INFO).orElseThrow(() -> new ConfigException(
                    "Missing required configuration \"" + BASIC_AUTH_USER_INFO + "\" (user:password) when "
                            + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO"));
            if (!userInfo.contains(":")) {
                throw new ConfigException(values.writtenAs(BASIC_AUTH_USER_INFO), "<hidden>",
                        "Expected user:password");
            }
        }
        Duration connect = Duration.ofMillis(values.longAtLeast(CONNECT_TIMEOUT_MS,
                DEFAULT_CONNECT_TIMEOUT.toMillis(), 1));
        Duration request = Duration.ofMillis(values.longAtLeast(REQUEST_TIMEOUT_MS,
                DEFAULT_REQUEST_TIMEOUT.toMillis(), 1));
        Duration ttl = Duration.ofSeconds(values.longAtLeast(LATEST_CACHE_TTL_SEC,
                DEFAULT_LATEST_CACHE_TTL.toSeconds(), 0));
        return new SchemaRegistryConfig(urls, source, userInfo, connect, request, ttl);
    }

    private static List<URI> parseUrls(ConfigValues values) {
        List<String> texts = values.list(URL);
        if (texts.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + URL + "\" which has no default value.");
        }
        List<URI> urls = new ArrayList<>();
        for (String text : texts) {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                    throw new ConfigException(URL, redact(text), "Expected an http(s)://host[:port] URL");
                }
                urls.add(uri);
            } catch (URISyntaxException e) {
                throw new ConfigException(URL, redact(text), "Not a valid URL: " + e.getReason());
            }
        }
        return urls;
    }

    private static BasicAuthCredentialsSource parseSource(ConfigValues values) {
        String text = values.string(BASIC_AUTH_CREDENTIALS_SOURCE).orElse("URL").toUpperCase(Locale.ROOT);
        try {
            return BasicAuthCredentialsSource.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(values.writtenAs(BASIC_AUTH_CREDENTIALS_SOURCE), text,
                    "Supported values are USER_INFO and URL");
        }
    }

    /** Keeps passwords in URLs out of error messages. */
    static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        return "SchemaRegistryConfig[urls=" + urls.stream().map(u -> redact(u.toString())).toList()
                + ", credentialsSource=" + credentialsSource + ", userInfo=" + (userInfo == null ? "none" : "***")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", latestCacheTtl=" + latestCacheTtl + "]";
    }
}
