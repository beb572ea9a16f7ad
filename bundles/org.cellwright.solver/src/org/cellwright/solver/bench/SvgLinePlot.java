package org.cellwright.solver.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal SVG line/marker plot for the README's validation figures (COMSOL in DfnBenchmark, the PyBaMM side by side,
 * the measured Ecker discharges in the measured tests' EckerFigure); the solver bundle has no charting dependency, the
 * reports use JFreeChart. Panels side by side, linear axes with ticks, a legend per panel.
 */
public final class SvgLinePlot {
    private SvgLinePlot() {}

    public record Series(String label, String colour, double[] x, double[] y, boolean markers) {}

    public static final class Panel {
        final String title, xLabel, yLabel;
        final List<Series> series = new ArrayList<>();
        double xMin, xMax, yMin, yMax;

        public Panel(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax) {
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
            this.xMin = xMin;
            this.xMax = xMax;
            this.yMin = yMin;
            this.yMax = yMax;
        }

        public Panel add(String label, String colour, double[] x, double[] y, boolean markers) {
            series.add(new Series(label, colour, x, y, markers));
            return this;
        }
    }

    public static String render(List<Panel> panels) {
        int pw = 460, ph = 340, ml = 60, mr = 15, mt = 30, mb = 45;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                pw * panels.size(), ph));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", pw * panels.size(), ph));
        for (int p = 0; p < panels.size(); p++) {
            Panel pan = panels.get(p);
            int x0 = p * pw + ml, y0 = mt, w = pw - ml - mr, h = ph - mt - mb;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\">%s</text>%n", x0, esc(pan.title)));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n", x0, y0, w, h));
            for (double t : ticks(pan.xMin, pan.xMax)) {
                double px = x0 + (t - pan.xMin) / (pan.xMax - pan.xMin) * w;
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                        px, y0, px, y0 + h, px, y0 + h + 14, fmt(t)));
            }
            for (double t : ticks(pan.yMin, pan.yMax)) {
                double py = y0 + h - (t - pan.yMin) / (pan.yMax - pan.yMin) * h;
                s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                        x0, py, x0 + w, py, x0 - 4, py + 4, fmt(t)));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x0 + w / 2, ph - 8, esc(pan.xLabel)));
            s.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                    p * pw + 14, y0 + h / 2, esc(pan.yLabel)));
            int legend = 0, lx = x0 + w - 22 - 7 * pan.series.stream().mapToInt(ser -> ser.label.length()).max().orElse(0); // ~7 px a character
            for (Series ser : pan.series) {
                StringBuilder pts = new StringBuilder();
                for (int i = 0; i < ser.x.length; i++) {
                    double px = x0 + (ser.x[i] - pan.xMin) / (pan.xMax - pan.xMin) * w;
                    double py = y0 + h - (ser.y[i] - pan.yMin) / (pan.yMax - pan.yMin) * h;
                    if (py < y0 || py > y0 + h || px < x0 || px > x0 + w) continue;
                    if (ser.markers) s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"none\" stroke=\"%s\"/>", px, py, ser.colour));
                    else pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                }
                if (!ser.markers) s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>", ser.colour, pts));
                s.append('\n');
                int ly = y0 + 14 + 14 * legend++;
                if (ser.markers) s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"2.5\" fill=\"none\" stroke=\"%s\"/>", lx + 8, ly - 4, ser.colour));
                else s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\"/>", lx, ly - 4, lx + 16, ly - 4, ser.colour));
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", lx + 22, ly, esc(ser.label)));
            }
        }
        return s.append("</svg>\n").toString();
    }

    static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / 5, mag = Math.pow(10, Math.floor(Math.log10(raw))), step;
        double r = raw / mag;
        step = (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * mag;
        List<Double> t = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) t.add(Math.abs(v) < 1e-12 * step ? 0 : v);
        return t;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s; // 3.50 -> 3.5
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
