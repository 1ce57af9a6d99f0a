package io.fastship.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DueCursorTest {

    private final DueCursor cursor = new DueCursor();

    @Test
    void aCompleteScanMovesTheStartPastItsEndAndNothingIsDueUntilThen() {
        cursor.scanned(1_000, true, 900);

        assertThat(cursor.from()).isEqualTo(1_001);
        assertThat(cursor.mayHaveDue(1_000)).isFalse();
        assertThat(cursor.mayHaveDue(1_001)).isTrue();
    }

    @Test
    void aScanCutShortStartsAgainAtTheLastDueTimeItRead() {
        cursor.scanned(1_000, false, 400);

        assertThat(cursor.from()).isEqualTo(400);
        assertThat(cursor.mayHaveDue(1_000)).isTrue();
    }

    @Test
    void anEntryAddedBeforeTheStartMovesItBackAndNeverBelowZero() {
        cursor.scanned(1_000, true, 1_000);
        cursor.added(500);
        assertThat(cursor.from()).isEqualTo(500);

        cursor.added(-20);
        assertThat(cursor.from()).isZero();
    }

    @Test
    void aLaterEntryDoesNotMoveTheStartForward() {
        cursor.added(5_000);

        assertThat(cursor.from()).isZero();
    }
}
