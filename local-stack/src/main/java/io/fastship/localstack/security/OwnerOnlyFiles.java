package io.fastship.localstack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Files only the stack's owner may read (passwords, keys), and the random secrets that go in them. */
final class OwnerOnlyFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OwnerOnlyFiles() {
    }

    /** Writes {@code text} to a file created with mode 0600 (replacing one that exists). */
    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The secret kept in {@code file}, generated (32 hex bytes) on first use. */
    static synchronized String secret(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        write(file, secret + "\n");
        return secret;
    }
}
