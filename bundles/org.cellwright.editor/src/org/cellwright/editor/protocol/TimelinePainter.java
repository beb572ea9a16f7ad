package org.cellwright.editor.protocol;

import java.util.List;
import java.util.Locale;

import org.cellwright.editor.draw.Drawing;
import org.cellwright.editor.protocol.ProtocolTimeline.Bracket;
import org.cellwright.editor.protocol.ProtocolTimeline.Kind;
import org.cellwright.editor.protocol.ProtocolTimeline.Segment;

/**
 * Draws a {@link ProtocolTimeline}: rate (charge up, discharge down) against nominal time, each step a bar with its
 * rate and cut-off, holds as a decaying current, rests on the zero line, set-conditions as dashed markers, repeats
 * and groups as brackets below. Short steps are widened to stay readable; the time at each step boundary is written.
 */
public final class TimelinePainter {

	static final int CHARGE = 0xd9534f, DISCHARGE = 0x3c78c8, HOLD = 0xe8a33c, REST = 0xb0b0b0, UNKNOWN = 0xdddddd;
	private static final double MIN_PX = 70;

	/** x of each segment's left edge and its width, from the last paint (for hit tests). */
	double[] xs = new double[0], ws = new double[0];

	/** Lines the note under the title takes at most. */
	public static final int MAX_NOTE_LINES = 3;

	public void paint(Drawing d, double x0, double y0, double width, double height, ProtocolTimeline t) {
		d.fillRect(x0, y0, width, height, Drawing.WHITE, "background");
		if (t == null || t.segments.isEmpty()) {
			d.text(t == null ? "Put the caret in a protocol or an experiment of a .cell file to see its steps."
					: t.title + ": no steps", x0 + 10, y0 + 10, Drawing.BLACK, false);
			xs = ws = new double[0];
			labels.clear();
			return;
		}
		double line = d.lineHeight();
		d.text(t.title, x0 + 10, y0 + 6, Drawing.BLACK, true);
		String sub = t.capacityNote + String.format(Locale.ROOT, "; drawn: %s with each repeat once%s", hours(t.drawnHours),
				t.fullHours > t.drawnHours + 1e-9 ? ", whole protocol about " + hours(t.fullHours) : "");
		// the note on as many lines as it needs, up to three (on one line it was cut: "... holds the liquid electrolyte
		// Ecker2015LiPF6: such a ce...", why the durations are estimates lost)
		List<String> notes = d.wrap(sub, width - 20, false, MAX_NOTE_LINES);
		for (int i = 0; i < notes.size(); i++) d.text(notes.get(i), x0 + 10, y0 + 8 + line * (i + 1), Drawing.DARK_GRAY, false);
		double below = line * Math.max(0, notes.size() - 1);

		int depth = 0;
		for (Bracket b : t.brackets) depth = Math.max(depth, b.depth() + 1);
		double left = x0 + 70, right = x0 + width - 20, top = y0 + 2 * line + 34 + below;
		double bottom = y0 + height - 2 * line - 14 - depth * (line + 6);
		if (bottom - top < 30) bottom = top + 30; // a low view: the plot shrinks before the brackets are cut off
		layout(t, right - left);
		double max = 0;
		for (Segment s : t.segments) if (!Double.isNaN(s.rate())) max = Math.max(max, Math.max(Math.abs(s.rate()), Math.abs(s.endRate())));
		if (max == 0) max = 1;
		// a step's label (rate, cut-off: two lines) goes above a charge's bar and below a discharge's: the rate scale leaves
		// room for it between the largest bar and the plot's edge, so it stays off the time axis's labels under the plot
		// (before, bars took 1/1.15 of the half-height and "dischar..." was drawn over "35 h")
		double half = (bottom - top) / 2, room = LABEL_LINES * line + 6;
		double zero = (top + bottom) / 2, scale = Math.max(half - room, half * 0.4) / max;

		// axes
		d.line(left, top, left, bottom, Drawing.DARK_GRAY, 1, false);
		d.line(left, zero, right, zero, Drawing.DARK_GRAY, 1, false);
		String unit = t.rateUnit.isEmpty() ? "(as written)" : t.rateUnit;
		d.text(fmt(max) + " " + unit, x0 + 4, zero - max * scale - line / 2, Drawing.DARK_GRAY, false);
		d.text("-" + fmt(max), x0 + 4, zero + max * scale - line / 2, Drawing.DARK_GRAY, false);
		d.text("0", left - 12, zero - line / 2, Drawing.DARK_GRAY, false);
		d.text("charge", x0 + 4, top - line - 2, CHARGE, false);
		d.text("discharge", x0 + 4, bottom + 2, DISCHARGE, false);

		String lastEnd = null; // the time last drawn under the axis
		for (int i = 0; i < t.segments.size(); i++) {
			Segment s = t.segments.get(i);
			double x = left + xs[i], w = ws[i];
			switch (s.kind()) {
				case CURRENT -> {
					double r = Double.isNaN(s.rate()) ? max * 0.5 : s.rate();
					double y = zero - r * scale;
					int colour = Double.isNaN(s.rate()) ? UNKNOWN : r >= 0 ? CHARGE : DISCHARGE;
					d.fillRect(x, Math.min(y, zero), w, Math.abs(zero - y), colour, "step");
					d.drawRect(x, Math.min(y, zero), w, Math.abs(zero - y), Drawing.DARK_GRAY, 1);
					label(d, s, x, w, y, r >= 0, line, top, bottom);
				}
				case HOLD -> {
					double r0 = Double.isNaN(s.rate()) ? max * 0.5 : s.rate(), r1 = Double.isNaN(s.endRate()) ? r0 * 0.1 : s.endRate();
					double ya = zero - r0 * scale, yb = zero - r1 * scale;
					double[] xy = new double[2 * 10 + 4];
					for (int k = 0; k < 10; k++) { // exponential decay from the start to the end current
						double f = k / 9.0, rr = r1 + (r0 - r1) * (Math.exp(-4 * f) - Math.exp(-4)) / (1 - Math.exp(-4));
						xy[2 * k] = x + f * w;
						xy[2 * k + 1] = zero - rr * scale;
					}
					xy[20] = x + w; xy[21] = zero; xy[22] = x; xy[23] = zero;
					d.fillPolygon(xy, HOLD, "step");
					d.line(x, ya, x, zero, Drawing.DARK_GRAY, 1, false);
					d.line(x + w, yb, x + w, zero, Drawing.DARK_GRAY, 1, false);
					label(d, s, x, w, ya, r0 >= 0, line, top, bottom);
				}
				case REST, UNRESOLVED -> {
					double hgt = Math.max(6, line * 0.6);
					d.fillRect(x, zero - hgt / 2, w, hgt, s.kind() == Kind.REST ? REST : UNKNOWN, "step");
					d.drawRect(x, zero - hgt / 2, w, hgt, Drawing.DARK_GRAY, 1);
					d.text(d.fit(s.rateLabel(), w - 4, false), x + 2, zero - hgt / 2 - line - 2, Drawing.BLACK, false);
					// its cut-off under the bar where the plot has room for it (a low view: left out, not over the time axis)
					if (!s.cutoff().isEmpty() && zero + hgt / 2 + 2 + line <= bottom)
						d.text(d.fit(s.cutoff(), w - 4, false), x + 2, zero + hgt / 2 + 2, Drawing.DARK_GRAY, false);
				}
				case SET -> {
					d.line(x, top - 4, x, bottom, Drawing.BLACK, 1, true);
					d.fillPolygon(new double[] { x - 5, top - 10, x + 5, top - 10, x, top - 2 }, Drawing.BLACK, "marker");
					d.text(setLabel(d, s.rateLabel(), nextSet(t, i, left, right + 20) - (x + 4) - 6), x + 4, top - line - 10, Drawing.BLACK, false);
				}
			}
			if (s.kind() != Kind.SET) {
				// the time at the step's end, where there is room
				String end = hours(s.end(), lastEnd);
				if (d.textWidth(end, false) < w - 4 || i == t.segments.size() - 1) {
					d.text(end, x + w - d.textWidth(end, false) - 1, bottom + 2, Drawing.GRAY, false);
					lastEnd = end;
				}
				if (s.fixedWidth()) d.line(x + w, top, x + w, bottom, Drawing.GRAY, 1, true);
			}
		}
		// brackets: deepest (innermost) nearest to the plot, the first row's label below the time axis's labels (at
		// bottom + line + 10 its top was within a line of them: "FirstCycle" over "1 h" in a narrow view)
		labels.clear();
		List<Bracket> order = new java.util.ArrayList<>(t.brackets);
		order.sort(java.util.Comparator.comparingInt(Bracket::depth).thenComparingInt(Bracket::first));
		double labelEnd = x0;
		for (int k = 0; k < order.size(); k++) {
			Bracket b = order.get(k);
			if (k == 0 || order.get(k - 1).depth() != b.depth()) labelEnd = x0; // a new row
			double y = bottom + 1.5 * line + 6 + (depth - 1 - b.depth()) * (line + 6);
			double xa = left + xs[b.first()] + 2, xb = left + xs[b.last()] + ws[b.last()] - 2;
			d.line(xa, y, xb, y, Drawing.BLACK, 1.5, false);
			d.line(xa, y - 5, xa, y, Drawing.BLACK, 1.5, false);
			d.line(xb, y - 5, xb, y, Drawing.BLACK, 1.5, false);
			// the label centred on its bracket, as wide as it needs where its row leaves room: from the label before it
			// to the next bracket of the row (or the view's edges); cut only beyond that, its whole name in the tooltip
			// (cut to the bracket's own width, "prob..." for probe30 under a bracket of one step: session 26)
			double lo = labelEnd + LABEL_GAP, hi = k + 1 < order.size() && order.get(k + 1).depth() == b.depth()
					? left + xs[order.get(k + 1).first()] + 2 - LABEL_GAP : x0 + width - 4;
			String label = d.fit(b.label(), Math.max(0, hi - lo - 6), true);
			double lw = d.textWidth(label, true);
			double lx = Math.max(lo + 3, Math.min((xa + xb) / 2 - lw / 2, hi - 3 - lw));
			// on the bracket's line where the bracket is wider than it, else hanging under the line (over it, it hid the
			// whole bracket): the row below starts a tick's height under the text
			double ly = lw + 6 <= xb - xa ? y - line / 2 - 1 : y + 1;
			d.fillRect(lx - 3, ly + 1, lw + 6, line, Drawing.WHITE, null);
			d.text(label, lx, ly, Drawing.BLACK, true);
			labels.add(new BracketLabel(b.label(), label, lx, ly, lw, line, xa, xb, y));
			labelEnd = lx + lw + 3;
		}
	}

	/** Room kept between a bracket's label and the next bracket of its row or the label before it [px]. */
	private static final double LABEL_GAP = 6;

	/**
	 * A bracket's label as drawn at the last paint: its name, the text drawn (cut: ending "..."), its box, and its
	 * bracket's line from x {@code left} to {@code right} at {@code lineY}.
	 */
	public record BracketLabel(String name, String drawn, double x, double y, double width, double height, double left, double right,
			double lineY) {
		public boolean cut() {
			return !drawn.equals(name);
		}
	}

	private final List<BracketLabel> labels = new java.util.ArrayList<>();

	/** The brackets' labels of the last paint. */
	public List<BracketLabel> bracketLabels() {
		return List.copyOf(labels);
	}

	/** The whole name of a bracket whose label was cut at the last paint, under the point (a tooltip); else null. */
	public String cutLabelAt(double x, double y) {
		for (BracketLabel l : labels)
			if (l.cut() && x >= l.x() && x <= l.x() + l.width() && y >= l.y() && y <= l.y() + l.height()) return l.name();
		return null;
	}

	/** Lines of a step's label: its rate, its cut-off. */
	private static final int LABEL_LINES = 2;

	/**
	 * A step's rate and cut-off above its bar (charge) or below it (discharge), kept between the plot's top and bottom
	 * (a view too low to leave room beside the bar puts them over the bar; one too low for both lines shows the rate
	 * only, or nothing: never over the time axis's labels).
	 */
	private static void label(Drawing d, Segment s, double x, double w, double y, boolean up, double line, double top, double bottom) {
		int lines = s.cutoff().isEmpty() ? 1 : LABEL_LINES;
		if (bottom - top < lines * line) lines = bottom - top < line ? 0 : 1;
		if (lines == 0) return;
		String rate = s.rateLabel() + (s.estimated() ? "  ~" + hours(s.duration()) : s.fixedWidth() ? "  (duration ?)" : "");
		double ty = up ? y - LABEL_LINES * line - 4 : y + 2;
		ty = Math.max(top, Math.min(ty, bottom - lines * line));
		d.text(d.fit(rate, w - 4, false), x + 2, ty, Drawing.BLACK, false);
		if (lines > 1) d.text(d.fit(s.cutoff(), w - 4, false), x + 2, ty + line, Drawing.DARK_GRAY, false);
	}

	/** Widths proportional to duration, short steps widened to MIN_PX (the rest shares what is left). */
	private void layout(ProtocolTimeline t, double width) {
		int n = t.segments.size();
		xs = new double[n];
		ws = new double[n];
		boolean[] small = new boolean[n];
		for (int pass = 0; pass < 4; pass++) {
			double rest = width, time = 0;
			for (int i = 0; i < n; i++) {
				Segment s = t.segments.get(i);
				if (s.kind() == Kind.SET) continue;
				if (small[i]) rest -= MIN_PX; else time += s.duration();
			}
			double scale = time > 0 ? Math.max(0, rest) / time : 0;
			boolean changed = false;
			for (int i = 0; i < n; i++) {
				Segment s = t.segments.get(i);
				ws[i] = s.kind() == Kind.SET ? 0 : small[i] ? MIN_PX : s.duration() * scale;
				if (s.kind() != Kind.SET && !small[i] && ws[i] < MIN_PX) { small[i] = true; changed = true; }
			}
			if (!changed) break;
		}
		double used = 0;
		for (double w : ws) used += w;
		double shrink = used > width ? width / used : 1; // too many steps for the width: everything narrower
		double x = 0;
		for (int i = 0; i < n; i++) {
			ws[i] *= shrink;
			xs[i] = x;
			x += ws[i];
		}
	}

	/**
	 * A step's end time, with a decimal more (up to two) where it would read as the time drawn before it ({@code
	 * previous}, null: none): "46 h", "46.2 h", not "46 h", "46 h" (session 26, kim2025.cell's KimHeated).
	 */
	static String hours(double h, String previous) {
		String out = hours(h);
		for (int decimals = 1; out.equals(previous) && decimals <= 2; decimals++)
			out = h < 1 ? String.format(Locale.ROOT, "%." + decimals + "f min", h * 60) : String.format(Locale.ROOT, "%." + decimals + "f h", h);
		return out;
	}

	/** x of the next set-condition's marker after segment i, or {@code end} if none follows. */
	private double nextSet(ProtocolTimeline t, int i, double left, double end) {
		for (int k = i + 1; k < t.segments.size(); k++)
			if (t.segments.get(k).kind() == Kind.SET) return left + xs[k];
		return end;
	}

	/**
	 * A set-condition's label in {@code px}: whole ("set temperature = 45 degC"), else without "set", else its value
	 * ("45 degC"), else that cut. Two markers close together drew their labels over each other, the second cut at
	 * the view's edge (session 26, kim2025.cell's KimHeated: "set temperature = 45 degC" under "set temperature = 60 d").
	 */
	static String setLabel(Drawing d, String label, double px) {
		String bare = label.startsWith("set ") ? label.substring(4) : label;
		int eq = bare.indexOf("= ");
		String value = eq < 0 ? bare : bare.substring(eq + 2);
		for (String c : List.of(label, bare, value))
			if (d.textWidth(c, false) <= px) return c;
		return d.fit(value, px, false);
	}

	static String hours(double h) {
		if (h < 1) return String.format(Locale.ROOT, "%.0f min", h * 60);
		return String.format(Locale.ROOT, h < 10 ? "%.2g h" : "%.0f h", h);
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.3g", v);
	}
}
