package io.fastship.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CloserTest {

    private final List<String> closed = new ArrayList<>();

    @Test
    void closesInReverseOrderOfStart() throws Exception {
        Closer closer = new Closer();
        closer.register("consumer", () -> closed.add("consumer"));
        closer.register("producer", () -> closed.add("producer"));
        closer.register("http", () -> closed.add("http"));

        closer.close();
        closer.close();

        assertThat(closed).containsExactly("http", "producer", "consumer");
    }

    @Test
    void keepsClosingAfterAFailureAndRethrowsTheFirst() {
        Closer closer = new Closer();
        closer.register("a", () -> closed.add("a"));
        closer.register("b", () -> {
            throw new IllegalStateException("b broke");
        });
        closer.register("c", () -> {
            throw new IllegalStateException("c broke");
        });

        assertThatThrownBy(closer::close)
                .hasMessage("c broke")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("b broke"));
        assertThat(closed).containsExactly("a");
    }

    @Test
    void refusesRegistrationAfterClose() throws Exception {
        Closer closer = new Closer();
        closer.close();

        assertThatThrownBy(() -> closer.register("late", () -> { })).hasMessageContaining("late");
    }
}
