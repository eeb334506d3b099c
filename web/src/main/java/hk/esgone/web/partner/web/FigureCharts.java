package hk.esgone.web.partner.web;

import java.util.ArrayList;
import java.util.List;

import hk.esgone.web.partner.PartnerDesk;

/**
 * The geometry of the figures page's charts, worked out here so that the template only places shapes (the portal's
 * policy forbids script; the charts are plain SVG). Each chart is drawn in a fixed view box scaled by CSS; the same
 * numbers are always in a table beside it, which is what screen readers read.
 */
record FigureCharts(Funnel funnel, Days days) {

    /** A horizontal bar per step; widths in a 0..100 view box relative to the largest step. */
    record Funnel(List<Step> steps) {
    }

    record Step(String key, long count, double y, double width, String percentOfFirst) {
    }

    /** Two bars per day (views, claims), heights relative to the busiest day. */
    record Days(double width, double height, long max, List<DayBars> bars) {
    }

    record DayBars(double x, double barWidth, double viewsY, double viewsHeight, double claimsX, double claimsY, double claimsHeight) {
    }

    static final double DAY_HEIGHT = 100;
    static final double DAY_SLOT = 10;

    static FigureCharts of(PartnerDesk.Figures figures) {
        return new FigureCharts(funnel(figures), days(figures.days()));
    }

    private static Funnel funnel(PartnerDesk.Figures f) {
        long[] counts = {f.views(), f.claimsInRange(), f.redeemedInRange()};
        String[] keys = {"views", "claims", "redeemed"};
        long max = Math.max(1, Math.max(counts[0], Math.max(counts[1], counts[2])));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            // a step with something in it stays visible however small it is beside the others
            double width = counts[i] == 0 ? 0 : Math.max(1, 100.0 * counts[i] / max);
            String share = counts[0] == 0 ? null : java.math.BigDecimal.valueOf(counts[i] * 100L)
                    .divide(java.math.BigDecimal.valueOf(counts[0]), 1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            steps.add(new Step(keys[i], counts[i], i * 12.0, round(width), share));
        }
        return new Funnel(List.copyOf(steps));
    }

    private static Days days(List<PartnerDesk.Day> days) {
        long max = 1;
        for (PartnerDesk.Day d : days) {
            max = Math.max(max, Math.max(d.views(), d.claims()));
        }
        List<DayBars> bars = new ArrayList<>();
        double bar = DAY_SLOT * 0.4;
        for (int i = 0; i < days.size(); i++) {
            PartnerDesk.Day d = days.get(i);
            double x = i * DAY_SLOT + DAY_SLOT * 0.1;
            double vh = round(DAY_HEIGHT * d.views() / max);
            double ch = round(DAY_HEIGHT * d.claims() / max);
            bars.add(new DayBars(round(x), bar, round(DAY_HEIGHT - vh), vh, round(x + bar), round(DAY_HEIGHT - ch), ch));
        }
        return new Days(Math.max(DAY_SLOT, days.size() * DAY_SLOT), DAY_HEIGHT, max, List.copyOf(bars));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
