package io.fastship.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** One registry base URL, stripped of credentials, with the basic-auth header to send to it (if any). */
record RegistryEndpoint(URI baseUri, Optional<String> authorization) {

    /** Builds one endpoint per configured URL, applying the configured credentials source. */
    static List<RegistryEndpoint> fromConfig(SchemaRegistryConfig config) {
        List<RegistryEndpoint> endpoints = new ArrayList<>();
        for (URI url : config.urls()) {
            Optional<String> auth = switch (config.credentialsSource()) {
                case USER_INFO -> Optional.of(basic(config.userInfo()));
                case URL -> Optional.ofNullable(url.getRawUserInfo())
                        .map(raw -> basic(URLDecoder.decode(raw, StandardCharsets.UTF_8)));
            };
            endpoints.add(new RegistryEndpoint(withoutUserInfo(url), auth));
        }
        return endpoints;
    }

    /** The absolute URI for a path such as {@code /subjects/x/versions}. */
    URI resolve(String pathAndQuery) {
        String base = baseUri.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + pathAndQuery);
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static URI withoutUserInfo(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getRawPath() == null
                    ? null : url.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot rebuild registry URL without credentials", e);
        }
    }

    @Override
    public String toString() {
        return baseUri.toString();
    }
}
