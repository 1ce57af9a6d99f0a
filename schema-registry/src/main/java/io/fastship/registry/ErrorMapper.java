package io.fastship.registry;

import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns any failure of a request into the status and {@code {"error_code", "message"}} body clients expect. */
final class ErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    /** What goes on the wire for one failed request. */
    public record ErrorResponse(int httpStatus, int errorCode, String message) {
    }

    public ErrorResponse map(Throwable failure) {
        if (failure instanceof RegistryException registry) {
            if (registry.httpStatus() >= 500) {
                log.error("Request failed: {}", registry.getMessage(), registry.getCause());
            }
            return new ErrorResponse(registry.httpStatus(), registry.errorCode(), registry.getMessage());
        }
        if (failure instanceof HttpResponseException http) {
            // Javalin's own answers (no such route, wrong method) keep their status, which doubles as the code.
            return new ErrorResponse(http.getStatus(), http.getStatus(), http.getMessage());
        }
        log.error("Unexpected failure while serving a request", failure);
        // The body names only the type; details stay in the log.
        return new ErrorResponse(500, 50001, "Internal error: " + failure.getClass().getSimpleName());
    }
}
