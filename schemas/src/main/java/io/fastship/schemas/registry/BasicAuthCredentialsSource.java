package io.fastship.schemas.registry;

/** Where the client takes HTTP basic-auth credentials from ({@code basic.auth.credentials.source}). */
public enum BasicAuthCredentialsSource {
    /** {@code user:password} in the {@code basic.auth.user.info} setting. */
    USER_INFO,
    /** {@code user:password@} inside each registry URL; the default, a no-op for URLs without credentials. */
    URL
}
