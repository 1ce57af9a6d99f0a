package io.fastship.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The classpath to run a module of this repository as its own JVM: its jar plus {@code target/runtime.classpath},
 * both written by {@code mvn package}.
 */
public final class ModuleClasspath {

    private ModuleClasspath() {
    }

    public static String of(Path repositoryRoot, String module) {
        Path target = repositoryRoot.resolve(module).resolve("target");
        Path classpathFile = target.resolve("runtime.classpath");
        Path jar = findJar(target, module);
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(module + " is not built: " + classpathFile
                    + " is missing (run 'mvn -DskipTests package')");
        }
        try {
            String dependencies = Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
            return dependencies.isEmpty() ? jar.toString() : jar + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findJar(Path target, String module) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(module + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar")
                        && !name.endsWith("-all.jar") && !name.endsWith("-tests.jar");
            }).findFirst().orElseThrow(() -> new IllegalStateException(module + " is not built: no jar in " + target
                    + " (run 'mvn -DskipTests package')"));
        } catch (IOException e) {
            throw new IllegalStateException(module + " is not built: " + target + " is missing "
                    + "(run 'mvn -DskipTests package')", e);
        }
    }

    /** Where this module's own classes are, for the parent-watching launcher. */
    static String ownLocation() {
        try {
            return Path.of(ModuleClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
