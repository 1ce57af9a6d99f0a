package io.fastship.order.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Reads a JSON request body of bounded size, refusing other media types and oversized bodies. */
final class RequestBody {

    private RequestBody() {
    }

    static void requireJson(String contentType, Rejections rejections) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw rejections.reject("media-type", Problem.of("unsupported-media-type",
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "send the order as application/json, not '" + contentType + "'"));
        }
    }

    static byte[] readBounded(Context ctx, int maxBytes, Rejections rejections) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes, rejections);
        }
        // Content-Length may be absent (chunked): read one byte past the limit to notice an oversized body.
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes, rejections);
            }
            return body;
        } catch (IOException e) {
            throw rejections.reject("unreadable", Problem.of("unreadable-body", HttpStatus.BAD_REQUEST,
                    "Unreadable body", e.getMessage()));
        }
    }

    private static ProblemException tooLarge(int maxBytes, Rejections rejections) {
        return rejections.reject("too-large", Problem.of("body-too-large", HttpStatus.CONTENT_TOO_LARGE,
                "Body too large", "an order body may be at most " + maxBytes + " bytes"));
    }
}
