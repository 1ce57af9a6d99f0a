package io.fastship.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Turns a registry error response into the matching {@link SchemaRegistryException}. */
final class RegistryErrors {

    private RegistryErrors() {
    }

    static SchemaRegistryException fromResponse(ObjectMapper json, int status, String body, String request) {
        int errorCode = SchemaRegistryException.NO_ERROR_CODE;
        String message = null;
        try {
            JsonNode node = body.isBlank() ? null : json.readTree(body);
            if (node != null && node.isObject()) {
                JsonNode code = node.has("error_code") ? node.get("error_code") : node.get("errorCode");
                if (code != null && (code.canConvertToInt() || code.isTextual() && code.asText().matches("\\d+"))) {
                    errorCode = code.asInt();
                }
                JsonNode text = node.has("message") ? node.get("message") : node.get("detail");
                if (text != null && !text.isNull()) {
                    message = text.asText();
                }
            }
        } catch (IOException notJson) {
            // Proxies and gateways answer errors in HTML or plain text; the body itself is the best message.
        }
        if (message == null || message.isBlank()) {
            message = body.isBlank() ? "HTTP " + status : RestSchemaRegistryClient.abbreviate(body.strip());
        }
        String full = "Schema registry refused " + request + ": " + message;
        return switch (status) {
            case 401 -> new SchemaRegistryAuthenticationException(errorCode,
                    "Schema registry authentication failed for " + request + ": " + message);
            case 403 -> new SchemaRegistryAuthorizationException(errorCode,
                    "Schema registry denied access for " + request + ": " + message);
            default -> {
                SchemaRegistryException plain = new SchemaRegistryException(status, errorCode, full);
                yield plain.isIncompatible() ? new IncompatibleSchemaException(errorCode, full) : plain;
            }
        };
    }
}
