package io.fastship.localstack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stack's TLS material, made with the JDK's {@code keytool} the first time a secure stack starts on a data
 * directory: a CA of its own, a broker certificate it signs (SAN {@code 127.0.0.1} and {@code localhost}, so
 * clients verify the host name), and a truststore holding the CA for every client. All PKCS12, one password.
 */
public record Certificates(Path brokerKeystore, Path truststore, Path caCertificate, String password) {

    private static final int VALIDITY_DAYS = 365;
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    /** The material in {@code dir}, generated if any part is missing. */
    public static Certificates in(Path dir) {
        String password = OwnerOnlyFiles.secret(dir.resolve("store.password"));
        Certificates certificates = new Certificates(dir.resolve("broker.p12"), dir.resolve("truststore.p12"),
                dir.resolve("ca.pem"), password);
        if (!Files.isRegularFile(certificates.brokerKeystore) || !Files.isRegularFile(certificates.truststore)) {
            certificates.generate(dir);
        }
        return certificates;
    }

    private void generate(Path dir) {
        Path caStore = dir.resolve("ca.p12");
        Path request = dir.resolve("broker.csr");
        Path signed = dir.resolve("broker.pem");
        try {
            for (Path old : List.of(caStore, request, signed, caCertificate, brokerKeystore, truststore)) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=FastShip local CA", "-ext", "bc:c", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", days(), "-keystore", caStore.toString(), "-storetype", "PKCS12");
        keytool("-exportcert", "-alias", "ca", "-rfc", "-keystore", caStore.toString(), "-file", caCertificate.toString());
        keytool("-genkeypair", "-alias", "broker", "-dname", "CN=localhost", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", days(), "-keystore", brokerKeystore.toString(), "-storetype", "PKCS12");
        keytool("-certreq", "-alias", "broker", "-keystore", brokerKeystore.toString(), "-file", request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", caStore.toString(), "-infile", request.toString(),
                "-outfile", signed.toString(), "-rfc", "-validity", days(),
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "KU=digitalSignature,keyEncipherment",
                "-ext", "EKU=serverAuth,clientAuth");
        // The chain goes in with the CA first, so the broker presents the full chain.
        keytool("-importcert", "-alias", "ca", "-noprompt", "-keystore", brokerKeystore.toString(),
                "-file", caCertificate.toString());
        keytool("-importcert", "-alias", "broker", "-keystore", brokerKeystore.toString(), "-file", signed.toString());
        keytool("-importcert", "-alias", "fastship-ca", "-noprompt", "-keystore", truststore.toString(),
                "-storetype", "PKCS12", "-file", caCertificate.toString());
        try {
            Files.deleteIfExists(request);
        } catch (IOException e) {
            // only a leftover request
        }
    }

    private static String days() {
        return Integer.toString(VALIDITY_DAYS);
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        // The password goes through the environment, never the command line that `ps` shows.
        command.addAll(List.of("-storepass:env", "FASTSHIP_STORE_PASSWORD"));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("FASTSHIP_STORE_PASSWORD", password);
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " did not finish within "
                        + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + new String(output).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }

    @Override
    public String toString() {
        return "Certificates[" + brokerKeystore + ", " + truststore + "]";
    }
}
