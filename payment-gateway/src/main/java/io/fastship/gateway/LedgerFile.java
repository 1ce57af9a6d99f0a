package io.fastship.gateway;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ledger on disk: one JSON line per charge state, appended and flushed before the gateway answers, so a
 * charge it confirmed is never forgotten by a restart. On load the last line per idempotency key wins.
 */
public final class LedgerFile implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    List<ChargeRecord> load() {
        List<ChargeRecord> records = new ArrayList<>();
        if (path == null) {
            return records;
        }
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    records.add(JSON.readValue(line, ChargeRecord.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway ledger " + path, e);
        }
        return records;
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
