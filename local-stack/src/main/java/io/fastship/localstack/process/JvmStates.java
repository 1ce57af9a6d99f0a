package io.fastship.localstack.process;

/** The reported state of a supervised JVM. */
final class JvmStates {

    private JvmStates() {
    }

    static StackProcess.State of(JvmProcess jvm) {
        if (jvm.isAlive()) {
            return jvm.isPaused() ? StackProcess.State.PAUSED : StackProcess.State.RUNNING;
        }
        return jvm.stopRequested() ? StackProcess.State.STOPPED : StackProcess.State.RESTARTING;
    }
}
