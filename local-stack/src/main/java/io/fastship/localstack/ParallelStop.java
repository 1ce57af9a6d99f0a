package io.fastship.localstack;

import java.time.Duration;
import java.util.List;

import io.fastship.localstack.process.JvmProcess;
import io.fastship.localstack.process.StackProcess;

/** Stops a group of JVMs together: SIGTERM to all, one shared deadline, SIGKILL for whatever is still running. */
final class ParallelStop {

    private ParallelStop() {
    }

    static void of(List<? extends StackProcess> processes, Duration grace) {
        List<JvmProcess> jvms = processes.stream().map(StackProcess::jvm).filter(JvmProcess::isAlive).toList();
        jvms.forEach(JvmProcess::requestStop);
        long deadline = System.nanoTime() + grace.toNanos();
        for (JvmProcess jvm : jvms) {
            if (!jvm.awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                jvm.kill();
            }
        }
    }
}
