package io.fastship.bench.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The bytes of the few requests the bench sends, built once per kind rather than per request where possible. */
public final class Requests {

    private Requests() {
    }

    public static byte[] get(String hostPort, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + hostPort + "\r\nAccept: */*\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] postJson(String hostPort, String path, Map<String, String> headers, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(160).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(hostPort).append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length)
                .append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** The text value of a top-level string field of a small JSON object, without building a tree; null if absent. */
    public static String jsonString(byte[] body, String field) {
        String text = new String(body, StandardCharsets.UTF_8);
        int key = text.indexOf("\"" + field + "\"");
        if (key < 0) {
            return null;
        }
        int colon = text.indexOf(':', key + field.length() + 2);
        int open = colon < 0 ? -1 : text.indexOf('"', colon + 1);
        int close = open < 0 ? -1 : text.indexOf('"', open + 1);
        if (close < 0 || !text.substring(colon + 1, open).isBlank()) {
            return null;
        }
        return text.substring(open + 1, close);
    }
}
