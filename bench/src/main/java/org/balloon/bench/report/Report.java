package org.balloon.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The run's one table, as aligned text for the terminal and as Markdown for docs/benchmarks.md. */
public final class Report {

    private static final String[] HEADER = {"target", "measured", "goal", "ratio", "baseline (same run)", "note"};

    private final List<String> context = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    /** A line above the table: date, commit, load average, counts. */
    public void context(String line) {
        context.add(line);
    }

    public void add(Row row) {
        rows.add(row);
    }

    public void addAll(List<Row> more) {
        rows.addAll(more);
    }

    public String text() {
        List<String[]> cells = cells();
        int[] width = new int[HEADER.length];
        for (String[] r : cells) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        context.forEach(c -> sb.append(c).append('\n'));
        sb.append('\n');
        for (int n = 0; n < cells.size(); n++) {
            String[] r = cells.get(n);
            for (int i = 0; i < r.length; i++) {
                sb.append(i == 0 ? "" : "  ").append(pad(r[i], i == r.length - 1 ? 0 : width[i]));
            }
            sb.append('\n');
            if (n == 0) {
                for (int i = 0; i < width.length; i++) {
                    sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        context.forEach(c -> sb.append(c).append("  \n"));
        sb.append('\n');
        List<String[]> cells = cells();
        for (int n = 0; n < cells.size(); n++) {
            sb.append("| ").append(String.join(" | ", escape(cells.get(n)))).append(" |\n");
            if (n == 0) {
                sb.append("|---|---:|---|---|---|---|\n");
            }
        }
        return sb.toString();
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown());
    }

    private List<String[]> cells() {
        List<String[]> out = new ArrayList<>();
        out.add(HEADER);
        for (Row r : rows) {
            out.add(new String[] {r.target(), r.measuredText(), r.goalText(), r.ratioText(),
                    r.baseline() == null ? "" : r.baseline(), r.note() == null ? "" : r.note()});
        }
        return out;
    }

    private static String[] escape(String[] row) {
        String[] e = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            e[i] = row[i].replace("|", "\\|");
        }
        return e;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
