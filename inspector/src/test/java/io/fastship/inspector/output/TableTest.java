package io.fastship.inspector.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    record Row(String name, Long count, String note) {
    }

    private final Table<Row> table = new Table<>(
            Column.of("NAME", Row::name), Column.of("COUNT", Row::count), Column.of("NOTE", Row::note));

    @Test
    void shouldPadTextLeftAndNumbersRightToTheWidestCell() {
        String text = table.render(List.of(new Row("orders", 5L, "x"), new Row("a", 12345L, "longer note")));

        assertThat(text).isEqualTo("""
                NAME    COUNT  NOTE
                orders      5  x
                a       12345  longer note
                """);
    }

    @Test
    void shouldPrintMissingValuesAsDashAndKeepNumbersRightAligned() {
        String text = table.render(List.of(new Row("a", null, null), new Row("b", 7L, null)));

        assertThat(text).isEqualTo("""
                NAME  COUNT  NOTE
                a         -  -
                b         7  -
                """);
    }

    @Test
    void shouldPrintOnlyTheHeaderWhenThereAreNoRows() {
        assertThat(table.render(List.of())).isEqualTo("NAME  COUNT  NOTE\n");
    }

    @Test
    void shouldNeverEndALineWithSpaces() {
        String text = table.render(List.of(new Row("a-very-long-name", 1L, "")));

        assertThat(text.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }
}
