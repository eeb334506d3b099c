package hk.esgone.web.company;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A radar chart of the three pillars (environmental, social, governance; 0–100) drawn by the server as SVG
 * coordinates: the template draws the grid, the axes and the company's polygon; the same numbers are always in a
 * table beside it. Centre (100, 100), radius 80; the first axis points up.
 */
public record Radar(String polygon, List<Axis> axes, List<String> grid) {

    /** One axis: its end point and where its label goes. */
    public record Axis(String key, double x, double y, double labelX, double labelY, String anchor) {
    }

    static final double CENTRE = 100;
    static final double RADIUS = 80;

    public static Radar of(Integer environmental, Integer social, Integer governance) {
        int[] values = {value(environmental), value(social), value(governance)};
        String[] keys = {"environmental", "social", "governance"};
        List<Axis> axes = new ArrayList<>();
        StringBuilder polygon = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            double angle = Math.toRadians(-90 + 120 * i);
            double x = CENTRE + RADIUS * Math.cos(angle);
            double y = CENTRE + RADIUS * Math.sin(angle);
            double lx = CENTRE + (RADIUS + 12) * Math.cos(angle);
            double ly = CENTRE + (RADIUS + 12) * Math.sin(angle) + (i == 0 ? -2 : 12);
            axes.add(new Axis(keys[i], round(x), round(y), round(lx), round(ly), i == 0 ? "middle" : i == 1 ? "start" : "end"));
            double r = RADIUS * values[i] / 100.0;
            polygon.append(polygon.isEmpty() ? "" : " ")
                    .append(format(CENTRE + r * Math.cos(angle))).append(',').append(format(CENTRE + r * Math.sin(angle)));
        }
        List<String> grid = new ArrayList<>();
        for (int step = 1; step <= 4; step++) {
            StringBuilder ring = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                double angle = Math.toRadians(-90 + 120 * i);
                double r = RADIUS * step / 4.0;
                ring.append(ring.isEmpty() ? "" : " ").append(format(CENTRE + r * Math.cos(angle))).append(',')
                        .append(format(CENTRE + r * Math.sin(angle)));
            }
            grid.add(ring.toString());
        }
        return new Radar(polygon.toString(), List.copyOf(axes), List.copyOf(grid));
    }

    private static int value(Integer score) {
        return score == null ? 0 : Math.max(0, Math.min(100, score));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
