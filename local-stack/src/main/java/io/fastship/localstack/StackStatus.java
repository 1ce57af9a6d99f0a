package io.fastship.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fastship.localstack.process.ServiceProcess;
import io.fastship.localstack.process.StackProcess;

/** What runs where, as {@code ./fastship status} shows it and {@code .fastship/stack.json} records it. */
public record StackStatus(String controlUrl, String kafkaBootstrap, String schemaRegistry, String dataDir,
                          int partitions, List<Instance> instances, List<ProcessStatus> processes) {

    static final String FILE = "stack.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One running service instance. */
    public record Instance(String name, String service, String url, long pid) {

        static Instance of(ServiceProcess process) {
            return new Instance(process.name(), process.kind().shortName(), process.baseUrl(), process.pid());
        }
    }

    /**
     * One process of the stack, as {@code GET /status} lists it.
     *
     * @param url for HTTP processes (registry, gateway, services); null for brokers
     * @param address {@code host:port} of a broker; null for HTTP processes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProcessStatus(String name, String kind, long pid, String url, String address, String state) {

        static ProcessStatus of(StackProcess process) {
            boolean http = process.address().startsWith("http");
            return new ProcessStatus(process.name(), process.kindName(), process.pid(), http ? process.address() : null,
                    http ? null : process.address(), process.state().wire());
        }

        String where() {
            return url != null ? url : address;
        }
    }

    static StackStatus of(LocalStack stack, String controlUrl) {
        return new StackStatus(controlUrl, stack.bootstrapServers(), stack.schemaRegistryUrl(),
                stack.options().dataDir().toAbsolutePath().toString(), stack.options().partitions(),
                stack.allInstances().stream().map(Instance::of).toList(),
                stack.processes().stream().map(ProcessStatus::of).toList());
    }

    /** The processes alone, as JSON: the body of {@code GET /status}. */
    String processesJson() {
        try {
            return JSON.writeValueAsString(processes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StackStatus fromJson(String json) {
        try {
            return JSON.readValue(json, StackStatus.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable stack status: " + e.getMessage(), e);
        }
    }

    /** Writes atomically, so a concurrent {@code status} never reads half a file. */
    void writeTo(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, "stack", ".json");
            Files.writeString(temp, toJson());
            Files.move(temp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDir.resolve(FILE), e);
        }
    }

    String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("  %-16s %s%n", "Kafka", kafkaBootstrap));
        text.append(String.format("  %-16s %s%n", "Schema registry", schemaRegistry));
        text.append(String.format("  %-16s %s%n", "Control", controlUrl));
        for (ProcessStatus process : processes == null ? List.<ProcessStatus>of() : processes) {
            text.append(String.format("  %-16s %-24s pid %-8d %s%n", process.name(), process.where(), process.pid(),
                    process.state()));
        }
        text.append(String.format("  %-16s %s%n", "Data", dataDir));
        return text.toString();
    }
}
