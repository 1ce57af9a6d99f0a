package io.fastship.inspector.output;

import java.util.ArrayList;
import java.util.List;

/** Renders rows as a fixed-width text table: header line, one line per row, two spaces between columns. */
public final class Table<T> {

    static final String MISSING = "-";
    private static final String GAP = "  ";

    private final List<Column<T>> columns;

    @SafeVarargs
    public Table(Column<T>... columns) {
        this.columns = List.of(columns);
    }

    /** The table text, every line ending in a newline and without trailing spaces. */
    public String render(List<? extends T> rows) {
        List<String[]> cells = new ArrayList<>();
        boolean[] numeric = new boolean[columns.size()];
        java.util.Arrays.fill(numeric, true);
        boolean[] seen = new boolean[columns.size()];
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).header().length();
        }
        for (T row : rows) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Object value = columns.get(c).cell().apply(row);
                line[c] = value == null ? MISSING : value.toString();
                if (value != null) {
                    seen[c] = true;
                    numeric[c] &= value instanceof Number;
                }
                widths[c] = Math.max(widths[c], line[c].length());
            }
            cells.add(line);
        }
        StringBuilder out = new StringBuilder();
        String[] headers = columns.stream().map(Column::header).toArray(String[]::new);
        appendLine(out, headers, widths, numeric, seen);
        cells.forEach(line -> appendLine(out, line, widths, numeric, seen));
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] line, int[] widths, boolean[] numeric, boolean[] seen) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < line.length; c++) {
            if (c > 0) {
                text.append(GAP);
            }
            String padding = " ".repeat(widths[c] - line[c].length());
            if (numeric[c] && seen[c]) {
                text.append(padding).append(line[c]);
            } else {
                text.append(line[c]).append(padding);
            }
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }
}
