package io.fastship.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the one-line reason out of a control endpoint error (problem+json, or older {"error":...}). */
final class ControlProblem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ControlProblem() {
    }

    static String detail(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.hasNonNull("detail")) {
                return node.get("detail").asText();
            }
            if (node != null && node.hasNonNull("error")) {
                return node.get("error").asText();
            }
        } catch (java.io.IOException e) {
            // not JSON: the body itself is the best message there is
        }
        return body.lines().findFirst().orElse("");
    }
}
