package io.fastship.gateway;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * The ledger on disk: one JSON line per charge state, appended and flushed before the gateway answers, so a
 * charge it confirmed is never forgotten by a restart. On load the last line per idempotency key wins.
 */
public final class LedgerFile implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader RECORD = JSON.readerFor(ChargeRecord.class);

    private final Path path;
    private final BufferedWriter out;

    private LedgerFile(Path path, BufferedWriter out) {
        this.path = path;
        this.out = out;
    }

    /** Keeps the ledger in {@code dir/ledger.jsonl}. */
    public static LedgerFile in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path path = dir.resolve("ledger.jsonl");
            return new LedgerFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the gateway ledger in " + dir, e);
        }
    }

    /** No file: the ledger lives as long as the process. */
    public static LedgerFile none() {
        return new LedgerFile(null, null);
    }

    /**
     * Hands every line to {@code each}, oldest first, reading line by line: a soak's ledger has millions, which
     * read whole (lines and records at once) would take several times the memory of the ledger they make.
     */
    void forEach(Consumer<ChargeRecord> each) {
        if (path == null) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    each.accept(RECORD.readValue(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway ledger " + path, e);
        }
    }

    void append(ChargeRecord charge) {
        if (out == null) {
            return;
        }
        try {
            out.write(JSON.writeValueAsString(charge));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gateway ledger " + path, e);
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // Every line was flushed when written; nothing is lost by a failing close.
            }
        }
    }
}
