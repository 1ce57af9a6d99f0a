package io.fastship.localstack.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a broker is secured: TLS material, and the super user it and the launcher authenticate as. {@link #NONE} is
 * the open PLAINTEXT broker of {@code ./fastship up}.
 *
 * <p>Clients and brokers meet on one SASL_SSL listener with SCRAM-SHA-512 (inter-broker too, as the super user).
 * The controller listener is SASL_SSL with PLAIN: KRaft controllers cannot check SCRAM, whose credentials live in
 * the very metadata log they serve, so its one user is configured statically on the node.
 *
 * @param keystore the broker's PKCS12 key and certificate (signed by the stack's CA)
 * @param truststore the stack's CA certificate, for the broker as a client of its peers and for every client
 */
public record BrokerSecurity(Path keystore, Path truststore, String storePassword, String superUser,
                             String superUserPassword) {

    public static final BrokerSecurity NONE = new BrokerSecurity(Path.of(""), Path.of(""), "", "", "");
    public static final String PROTOCOL = "SASL_SSL";
    public static final String MECHANISM = "SCRAM-SHA-512";

    public BrokerSecurity {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(truststore, "truststore");
        Objects.requireNonNull(storePassword, "storePassword");
        Objects.requireNonNull(superUser, "superUser");
        Objects.requireNonNull(superUserPassword, "superUserPassword");
    }

    public boolean enabled() {
        return !superUser.isEmpty();
    }

    /** The listener and security settings of {@code server.properties}. */
    Map<String, String> serverProperties(String host, int port, int controllerPort) {
        Map<String, String> props = new HashMap<>();
        props.put("listeners", PROTOCOL + "://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        props.put("advertised.listeners", PROTOCOL + "://" + host + ":" + port);
        props.put("listener.security.protocol.map", PROTOCOL + ":SASL_SSL,CONTROLLER:SASL_SSL");
        props.put("inter.broker.listener.name", PROTOCOL);
        props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        props.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", MECHANISM);
        props.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scramJaas(superUser, superUserPassword));
        props.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        props.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + superUser
                        + "\" password=\"" + superUserPassword + "\" user_" + superUser + "=\"" + superUserPassword + "\";");
        props.put("ssl.keystore.type", "PKCS12");
        props.put("ssl.keystore.location", keystore.toAbsolutePath().toString());
        props.put("ssl.keystore.password", storePassword);
        props.put("ssl.key.password", storePassword);
        props.put("ssl.truststore.type", "PKCS12");
        props.put("ssl.truststore.location", truststore.toAbsolutePath().toString());
        props.put("ssl.truststore.password", storePassword);
        props.put("ssl.client.auth", "none");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("allow.everyone.if.no.acl.found", "false");
        props.put("super.users", "User:" + superUser);
        return props;
    }

    /** The super user's credentials, created with the storage so the brokers can talk to each other at once. */
    List<String> formatArguments() {
        return List.of("--add-scram", MECHANISM + "=[name=" + superUser + ",password=" + superUserPassword + "]");
    }

    /** Client settings of {@code user} (the super user for the launcher's own admin calls). */
    public Map<String, String> clientConfig(String user, String password) {
        if (!enabled()) {
            return Map.of();
        }
        return Map.of("security.protocol", PROTOCOL, "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", scramJaas(user, password),
                "ssl.truststore.type", "PKCS12",
                "ssl.truststore.location", truststore.toAbsolutePath().toString(),
                "ssl.truststore.password", storePassword);
    }

    /** The super user's client settings. */
    public Map<String, String> adminClientConfig() {
        return clientConfig(superUser, superUserPassword);
    }

    private static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        // Never print the passwords, e.g. in a failed assertion or a log line.
        return enabled() ? "BrokerSecurity[SASL_SSL, super user " + superUser + "]" : "BrokerSecurity[NONE]";
    }
}
