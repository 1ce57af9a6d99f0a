package io.fastship.inspector.output;

import java.util.function.Function;

/**
 * One column of a fixed-width table: a header and how to get the cell from a row.
 *
 * @param header    printed as given
 * @param cell      the cell's value; null prints as {@code -}; numbers align right
 */
public record Column<T>(String header, Function<T, ?> cell) {

    public static <T> Column<T> of(String header, Function<T, ?> cell) {
        return new Column<>(header, cell);
    }
}
