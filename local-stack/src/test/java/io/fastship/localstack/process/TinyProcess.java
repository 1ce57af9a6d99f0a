package io.fastship.localstack.process;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link TinyServiceMain} as a supervised stack process, the way the launcher holds a service instance. */
final class TinyProcess implements SupervisedJvm {

    private final int port;
    private final JvmProcess jvm;

    private TinyProcess(int port, JvmProcess jvm) {
        this.port = port;
        this.jvm = jvm;
    }

    static TinyProcess start(String name, Path logDir) {
        int port = FreePorts.next();
        JvmProcess jvm = JvmProcess.start(new JvmProcess.Spec(name, TinyServiceMain.class.getName(), testClasses(),
                Map.of("HTTP_PORT", Integer.toString(port)), List.of("-Xmx32m", "-XX:+UseSerialGC"),
                logDir.resolve(name + ".log"), Optional.empty()));
        TinyProcess process = new TinyProcess(port, jvm);
        process.awaitReady();
        return process;
    }

    private static String testClasses() {
        try {
            return Path.of(TinyServiceMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return jvm.name();
    }

    @Override
    public String kindName() {
        return "tiny";
    }

    @Override
    public String address() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void awaitReady() {
        jvm.awaitHealthy(URI.create(address() + "/health"), Duration.ofSeconds(30));
    }

    @Override
    public JvmProcess jvm() {
        return jvm;
    }
}
