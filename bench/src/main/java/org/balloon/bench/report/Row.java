package org.balloon.bench.report;

import java.util.Locale;

/**
 * One line of the table: what was measured, against which target, and the baseline measured in
 * the same run where one applies. {@code measured} is null when the figure could not be taken
 * (a timeout, a section that failed): the note then says why.
 */
public record Row(String target, Double measured, String unit, Goal goal, String baseline, String note) {

    /** A target: at least or at most a value. Null for a figure that is reported without one. */
    public record Goal(boolean atLeast, double value) {

        public static Goal atLeast(double v) {
            return new Goal(true, v);
        }

        public static Goal atMost(double v) {
            return new Goal(false, v);
        }

        @Override
        public String toString() {
            return (atLeast ? "≥ " : "≤ ") + Row.number(value);
        }
    }

    public static Row of(String target, double measured, String unit, Goal goal, String baseline, String note) {
        return new Row(target, measured, unit, goal, baseline, note);
    }

    public static Row info(String target, double measured, String unit, String note) {
        return new Row(target, measured, unit, null, null, note);
    }

    public static Row failed(String target, Goal goal, String why) {
        return new Row(target, null, "", goal, null, "not measured: " + why);
    }

    /** Measured over target, turned so that 1 or more always means "target reached". */
    public Double ratio() {
        if (measured == null || goal == null) {
            return null;
        }
        if (goal.atLeast()) {
            return measured / goal.value();
        }
        return measured <= 0 ? Double.POSITIVE_INFINITY : goal.value() / measured;
    }

    public String measuredText() {
        return measured == null ? "—" : number(measured) + (unit.isEmpty() ? "" : " " + unit);
    }

    public String goalText() {
        return goal == null ? "" : goal + (unit.isEmpty() ? "" : " " + unit);
    }

    public String ratioText() {
        Double r = ratio();
        if (r == null) {
            return goal == null ? "" : "—";
        }
        String mark = r >= 1 ? "met" : "MISSED";
        if (goal.value() == 0) {
            return mark; // a count that must be zero: no ratio to speak of
        }
        return (r.isInfinite() ? "∞" : String.format(Locale.ROOT, "%.2f×", r)) + " " + mark;
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) v).replace(',', ' ');
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ');
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
