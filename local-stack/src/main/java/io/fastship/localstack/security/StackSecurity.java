package io.fastship.localstack.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.fastship.localstack.broker.BrokerSecurity;

/**
 * The secrets of a {@code --secure} stack, kept in {@code <data-dir>/secure} (owner-only files): TLS material, one
 * SCRAM password per principal (generated once per data directory), the files the setup tool and the registry
 * read, and one client properties file per principal; {@code tools.properties} is the one tools pass as
 * {@code --command-config}.
 */
public final class StackSecurity {

    public static final String ADMIN = "fastship-admin";
    public static final String REGISTRY = "fastship-registry";
    public static final String TOOLS = "fastship-tools";
    public static final String OPERATIONS = "fastship-ops";
    /** The bench: reads as the tools do, and owns the topics named after it (its ProducerPerformance baseline). */
    public static final String BENCH = "fastship-bench";
    static final String DIR = "secure";
    static final String TOOLS_PROPERTIES = "tools.properties";

    private final Path dir;
    private final Certificates certificates;
    private final Map<String, String> passwords;

    private StackSecurity(Path dir, Certificates certificates, Map<String, String> passwords) {
        this.dir = dir;
        this.certificates = certificates;
        this.passwords = passwords;
    }

    /** Loads or creates everything for the admin, the registry, the tools, operations, the bench and {@code services}. */
    public static StackSecurity prepare(Path dataDir, List<String> services) {
        Path dir = dataDir.toAbsolutePath().resolve(DIR);
        Certificates certificates = Certificates.in(dir.resolve("tls"));
        Set<String> principals = new LinkedHashSet<>(List.of(ADMIN, REGISTRY, TOOLS, OPERATIONS, BENCH));
        principals.addAll(services);
        Map<String, String> passwords = new TreeMap<>();
        for (String principal : principals) {
            passwords.put(principal, OwnerOnlyFiles.secret(dir.resolve("passwords").resolve(principal)));
        }
        StackSecurity security = new StackSecurity(dir, certificates, passwords);
        security.writeFiles();
        return security;
    }

    private void writeFiles() {
        String users = passwords.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        OwnerOnlyFiles.write(usersFile(), users);
        for (String principal : passwords.keySet()) {
            StringBuilder text = new StringBuilder("# Client settings of principal " + principal
                    + " on this secure FastShip stack (Kafka and schema registry).\n");
            new TreeMap<>(clientConfig(principal)).forEach((k, v) -> text.append(k).append('=')
                    .append(v.replace("\\", "\\\\")).append('\n'));
            text.append("basic.auth.credentials.source=USER_INFO\n");
            text.append("basic.auth.user.info=").append(principal).append(':').append(passwords.get(principal)).append('\n');
            OwnerOnlyFiles.write(propertiesOf(principal), text.toString());
        }
    }

    /** The security of the stack on {@code dataDir} if it was started with {@code --secure}, for a second terminal. */
    public static Optional<Path> toolsProperties(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve(DIR).resolve(TOOLS_PROPERTIES);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The settings in a principal's properties file: Kafka client settings and {@code basic.auth.*} for the registry. */
    public static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /** The environment a process of {@code principal} gets, from its properties file (a second terminal's view). */
    public static Map<String, String> envFromProperties(Path file) {
        Map<String, String> env = new HashMap<>();
        properties(file).forEach((name, value) -> {
            if (name.equals("basic.auth.user.info")) {
                env.put("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", value);
            } else if (!name.startsWith("basic.auth.")) {
                env.put("KAFKA_CLIENT_" + name.toUpperCase(Locale.ROOT).replace('.', '_'), value);
            }
        });
        return env;
    }

    /** The properties file of {@code principal}. */
    public Path propertiesOf(String principal) {
        return fileOf(dir, principal);
    }

    /** Where a secure stack on {@code dataDir} keeps the properties file of {@code principal}, for a second terminal. */
    public static Path propertiesFile(Path dataDir, String principal) {
        return fileOf(dataDir.toAbsolutePath().resolve(DIR), principal);
    }

    private static Path fileOf(Path dir, String principal) {
        return dir.resolve(principal.equals(TOOLS) ? TOOLS_PROPERTIES : principal + ".properties");
    }

    /** {@code name:password} of every principal: the SCRAM users to create, and the registry's basic-auth users. */
    public Path usersFile() {
        return dir.resolve("users");
    }

    public BrokerSecurity broker() {
        return new BrokerSecurity(certificates.brokerKeystore(), certificates.truststore(), certificates.password(),
                ADMIN, password(ADMIN));
    }

    /** Kafka client settings of {@code principal}. */
    public Map<String, String> clientConfig(String principal) {
        return broker().clientConfig(principal, password(principal));
    }

    /** {@code KAFKA_CLIENT_*} and registry credentials of {@code principal}, for a service's or tool's environment. */
    public Map<String, String> env(String principal) {
        Map<String, String> env = new HashMap<>();
        clientConfig(principal).forEach((name, value) ->
                env.put("KAFKA_CLIENT_" + name.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        env.put("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", principal + ":" + password(principal));
        return env;
    }

    public Path caCertificate() {
        return certificates.caCertificate();
    }

    private String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no principal " + principal + " on this stack");
        }
        return password;
    }

    @Override
    public String toString() {
        return "StackSecurity[" + dir + ", principals " + passwords.keySet() + "]";
    }
}
