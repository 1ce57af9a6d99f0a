package io.fastship.localstack.process;

import java.time.Duration;

/** A stack process that is one supervised child JVM: every fault and state question goes to its {@link JvmProcess}. */
public interface SupervisedJvm extends StackProcess {

    @Override
    JvmProcess jvm();

    @Override
    default long pid() {
        return jvm().pid();
    }

    @Override
    default State state() {
        return JvmStates.of(jvm());
    }

    @Override
    default void kill() {
        jvm().kill();
    }

    @Override
    default void stop(Duration grace) {
        jvm().stop(grace);
    }

    @Override
    default void start() {
        jvm().start();
        awaitReady();
    }

    @Override
    default void pause() {
        jvm().pause();
    }

    @Override
    default void resume() {
        jvm().resume();
    }

    @Override
    default boolean supervised() {
        return true;
    }
}
