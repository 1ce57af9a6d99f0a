package io.fastship.chaos.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SseStatusEventsTest {

    @Test
    void eachStatusEventTellsItsStatusAndOtherEventsAndCommentsTellNone() {
        List<String> told = new ArrayList<>();
        AtomicInteger lines = new AtomicInteger();
        SseStatusEvents events = new SseStatusEvents(told::add, lines::incrementAndGet);

        List.of("event: status", "id: 1", "data: {\"orderId\":\"o-1\",\"status\":\"PENDING\"}", "",
                ": heartbeat", "",
                "event: error", "data: {\"detail\":\"the order's owner did not answer\"}", "",
                "event:status", "id:2", "data:{\"orderId\":\"o-1\",\"status\":\"CONFIRMED\"}", "",
                "event: status", "data: {\"status\":\"CANCELLED\"}").forEach(events::onNext);
        events.onComplete();

        // The last event never got its blank line: the stream ended mid-event, so it was never delivered.
        assertThat(told).containsExactly("PENDING", "CONFIRMED");
        assertThat(lines).hasValue(15);
    }

    @Test
    void dataThatIsNotAnOrderTellsNothing() {
        assertThat(SseStatusEvents.status("not json")).isEmpty();
        assertThat(SseStatusEvents.status("{\"orderId\":\"o-1\"}")).isEmpty();
    }
}
