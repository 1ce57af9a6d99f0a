package io.fastship.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;

/**
 * The released versions of each event schema, kept in the repository as
 * {@code <dir>/<full.Name>/v<N>.avsc} (self-contained JSON), so a change can be checked against all of them.
 */
public final class SchemaHistory {

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private final Path dir;

    public SchemaHistory(Path dir) {
        this.dir = dir;
    }

    /** Released versions of the named schema, by version number; empty if it was never released. */
    public Map<Integer, Schema> released(String fullName) {
        Path schemaDir = dir.resolve(fullName);
        Map<Integer, Schema> versions = new TreeMap<>();
        if (!Files.isDirectory(schemaDir)) {
            return versions;
        }
        try (Stream<Path> files = Files.list(schemaDir)) {
            files.forEach(file -> {
                Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    versions.put(Integer.parseInt(matcher.group(1)), parse(file));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + schemaDir, e);
        }
        return versions;
    }

    /** Records {@code schema} as the next released version, unless it equals the latest one. Returns the version. */
    public int release(Schema schema) {
        Map<Integer, Schema> versions = released(schema.getFullName());
        int latest = versions.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (latest > 0 && versions.get(latest).equals(schema)) {
            return latest;
        }
        Path file = dir.resolve(schema.getFullName()).resolve("v" + (latest + 1) + ".avsc");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, schema.toString(true) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return latest + 1;
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
