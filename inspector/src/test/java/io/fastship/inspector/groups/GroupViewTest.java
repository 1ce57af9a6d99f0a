package io.fastship.inspector.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupViewTest {

    private final GroupSnapshot snapshot = new GroupSnapshot("payment-service", "consumer", "Stable", "127.0.0.1:9092 (id 1)",
            List.of(new GroupMember("m-1", "client-a", "/127.0.0.1",
                    List.of(new Assigned("orders", 0), new Assigned("orders", 1), new Assigned("stock", 2)))),
            List.of(new PartitionLag("orders", 0, 10L, 15L, 5L, "m-1", "client-a"),
                    new PartitionLag("orders", 1, null, 3L, null, "m-1", "client-a"),
                    new PartitionLag("stock", 2, 4L, 4L, 0L, null, null)),
            5);

    @Test
    void shouldGroupTheAssignmentByTopic() {
        assertThat(GroupView.assignment(snapshot.members().get(0).assignment())).isEqualTo("orders[0,1] stock[2]");
        assertThat(GroupView.assignment(List.of())).isNull();
    }

    @Test
    void shouldRenderTheGroupItsMembersAndItsLagAsThreeTables() {
        assertThat(GroupView.render(snapshot)).isEqualTo("""
                GROUP            TYPE      STATE   MEMBERS  TOTAL-LAG  COORDINATOR
                payment-service  consumer  Stable        1          5  127.0.0.1:9092 (id 1)

                CLIENT-ID  HOST        PARTITIONS  ASSIGNMENT            MEMBER-ID
                client-a   /127.0.0.1           3  orders[0,1] stock[2]  m-1

                TOPIC   PARTITION  COMMITTED  END  LAG  CLIENT-ID
                orders          0         10   15    5  client-a
                orders          1          -    3    -  client-a
                stock           2          4    4    0  -
                """);
    }

    @Test
    void shouldClearTheScreenOnlyWhenAskedTo() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");

        String onTerminal = WatchCommand.frame(snapshot, at, Duration.ofSeconds(1), true);
        String piped = WatchCommand.frame(snapshot, at, Duration.ofSeconds(1), false);

        assertThat(onTerminal).startsWith(WatchCommand.CLEAR_SCREEN).contains("2026-01-01T00:00:00Z  every 1s");
        assertThat(piped).doesNotContain("\033").startsWith("2026-01-01T00:00:00Z").endsWith("\n\n");
    }
}
