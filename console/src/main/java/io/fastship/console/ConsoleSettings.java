package io.fastship.console;

import java.net.URI;

/**
 * How the console runs: where it listens, the local stack's control endpoint (null: read-only) and the
 * services' topic namespace (empty: none). Validated on construction, naming the bad option.
 */
public record ConsoleSettings(String host, int port, String controlUrl, String namespace) {

    public ConsoleSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, was " + port);
        }
        if (controlUrl != null && controlUrl.isBlank()) {
            controlUrl = null;
        }
        if (controlUrl != null) {
            URI uri = URI.create(controlUrl);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("--control-url must be an http URL, was '" + controlUrl + "'");
            }
            controlUrl = controlUrl.replaceAll("/+$", "");
        }
        namespace = namespace == null ? "" : namespace.strip();
        if (!namespace.matches("[a-zA-Z0-9._-]*")) {
            throw new IllegalArgumentException("--topic-namespace may hold only letters, digits, '.', '_' and '-', was '"
                    + namespace + "'");
        }
    }

    public static ConsoleSettings of(String host, int port, String controlUrl, String namespace) {
        return new ConsoleSettings(host, port, controlUrl, namespace);
    }

    /** A topic or group name of the services, inside the namespace. */
    public String named(String name) {
        return namespace.isEmpty() ? name : namespace + "." + name;
    }
}
