package io.fastship.bench.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one HTTP/1.1 response out of the bytes received so far on a connection: status, body (by
 * {@code Content-Length} or chunked), and whether the connection stays open. Responses here are small, so the
 * parser simply starts again from the first byte whenever more arrive.
 */
public final class HttpResponseParser {

    /** A complete response and how many of the given bytes it took. */
    public record Response(int status, byte[] body, boolean keepAlive, int length) {
    }

    private HttpResponseParser() {
    }

    /** The response in {@code bytes[0..length)}, or null when more bytes are needed. */
    public static Response parse(byte[] bytes, int length) {
        int headEnd = indexOf(bytes, length, 0);
        if (headEnd < 0) {
            return null;
        }
        String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IllegalStateException("not an HTTP/1.x response: " + lines[0]);
        }
        int status = Integer.parseInt(statusLine[1]);
        boolean keepAlive = statusLine[0].equals("HTTP/1.1");
        long contentLength = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim();
            String value = lines[i].substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("connection")) {
                keepAlive = !value.equalsIgnoreCase("close");
            }
        }
        int bodyStart = headEnd + 4;
        if (chunked) {
            return chunked(bytes, length, bodyStart, status, keepAlive);
        }
        if (contentLength < 0) {
            // No length and not chunked: only a 1xx/204/304 has no body; anything else we cannot frame.
            if (status == 204 || status == 304 || status / 100 == 1) {
                return new Response(status, new byte[0], keepAlive, bodyStart);
            }
            throw new IllegalStateException("response " + status + " has neither Content-Length nor chunked body");
        }
        if (length - bodyStart < contentLength) {
            return null;
        }
        int end = bodyStart + (int) contentLength;
        return new Response(status, Arrays.copyOfRange(bytes, bodyStart, end), keepAlive, end);
    }

    private static Response chunked(byte[] bytes, int length, int start, int status, boolean keepAlive) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        int at = start;
        while (true) {
            int lineEnd = crlf(bytes, length, at);
            if (lineEnd < 0) {
                return null;
            }
            String sizeText = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = sizeText.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                // Trailers end with an empty line; without trailers that is the CRLF right here.
                if (length < at + 2) {
                    return null;
                }
                int end = bytes[at] == '\r' && bytes[at + 1] == '\n' ? at + 2 : afterBlankLine(bytes, length, at - 2);
                return end < 0 ? null : new Response(status, body.toByteArray(), keepAlive, end);
            }
            if (length < at + size + 2) {
                return null;
            }
            body.write(bytes, at, size);
            at += size + 2;
        }
    }

    /** Index of the first CRLFCRLF at or after {@code from}, or -1. */
    private static int indexOf(byte[] bytes, int length, int from) {
        for (int i = from; i + 3 < length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int afterBlankLine(byte[] bytes, int length, int from) {
        int at = indexOf(bytes, length, from);
        return at < 0 ? -1 : at + 4;
    }

    private static int crlf(byte[] bytes, int length, int from) {
        for (int i = from; i + 1 < length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
