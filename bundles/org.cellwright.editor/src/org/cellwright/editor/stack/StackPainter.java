package org.cellwright.editor.stack;

import java.util.List;
import java.util.Map;

import org.cellwright.editor.draw.Drawing;
import org.cellwright.editor.draw.GcDrawing;
import org.cellwright.editor.draw.SvgDrawing;
import org.cellwright.model.Cell;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;

/**
 * Draws a cell's cross-section: one coloured slab per layer, labels rotated inside, conditions above. One layout,
 * drawn on the screen or an image through {@link GcDrawing} and into SVG through {@link SvgDrawing}.
 */
final class StackPainter {

	static final Map<String, Integer> COLOURS = Map.of(
			"current-collector", 0x9696a0, "lithium-metal", 0xbed7eb,
			"solid-electrolyte", 0xf5d778, "alloy-host", 0x966ebe,
			"conductive-carbon", 0x464646, "binder", 0xdcdcc8,
			"intercalation-cathode", 0x285096, "intercalation-anode", 0x3c7850, "unknown", 0xe6e6e6);

	int selected = -1;
	/** While dragging: the slab boundary a drop would insert at (0 = before the first slab), or -1. */
	int dropBoundary = -1;
	/** Problems of the file's markers per slab index: the highest severity (IMarker.SEVERITY_*), by slab. */
	Map<Integer, Integer> problems = Map.of();
	static final int WARNING = 0xe0a000, DROP = 0x1e64dc;
	List<StackModel.Slab> lastSlabs = List.of();
	private int[] lastX = new int[0], lastW = new int[0];

	void paint(GC gc, Rectangle area, Cell cell, boolean log) {
		try (GcDrawing d = new GcDrawing(gc)) {
			paint(d, area, cell, log);
		}
	}

	/** The diagram as an SVG document: the same layout as on the screen. */
	String svg(int width, int height, Cell cell, boolean log) {
		SvgDrawing d = new SvgDrawing(width, height);
		offScreen(() -> paint(d, new Rectangle(0, 0, width, height), cell, log));
		return d.toSvg();
	}

	/** Paints for an export: the screen's selection is not drawn and its hit-test geometry is kept. */
	void offScreen(Runnable paint) {
		int keep = selected, keepDrop = dropBoundary;
		List<StackModel.Slab> slabs = lastSlabs;
		int[] x = lastX, w = lastW;
		selected = -1;
		dropBoundary = -1;
		try {
			paint.run();
		} finally {
			selected = keep;
			dropBoundary = keepDrop;
			lastSlabs = slabs;
			lastX = x;
			lastW = w;
		}
	}

	void paint(Drawing d, Rectangle area, Cell cell, boolean log) {
		d.fillRect(area.x, area.y, area.width, area.height, Drawing.WHITE, "background");
		if (cell == null) {
			d.text("Open a .cell file with a cell to see its stack.", area.x + 10, area.y + 10, Drawing.BLACK, false);
			lastSlabs = List.of();
			return;
		}
		// the cell's name and conditions on as many lines as the width needs (on one line, a narrow view cut them to
		// "cell Cell1   area 0.785 cm2   stack-pressur")
		List<String> head = d.pack(StackModel.conditionParts(cell), "   ", area.width - 20, true, Integer.MAX_VALUE);
		for (int i = 0; i < head.size(); i++) d.text(head.get(i), area.x + 10, area.y + 6 + 22 * i, Drawing.BLACK, true);
		int below = 22 * (head.size() - 1);
		d.text(log ? "widths: log10 of thickness" : "widths: to scale", area.x + 10, area.y + 28 + below, Drawing.BLACK, false);
		List<StackModel.Slab> slabs = StackModel.slabs(cell);
		lastSlabs = slabs;
		int top = area.y + 50 + below, height = Math.max(60, area.height - 70 - below), left = area.x + 10, width = Math.max(50, area.width - 20);
		int[] w = StackModel.widths(slabs, width, log);
		lastX = new int[w.length];
		lastW = w;
		int x = left;
		double line = d.lineHeight();
		for (int i = 0; i < slabs.size(); i++) {
			StackModel.Slab s = slabs.get(i);
			lastX[i] = x;
			int rgb = COLOURS.getOrDefault(s.kind(), COLOURS.get("unknown"));
			int fill = s.own() ? rgb : blend(rgb);
			d.fillRect(x, top, w[i], height, fill, "layer");
			d.drawRect(x, top, w[i], height, i == selected ? Drawing.RED : Drawing.DARK_GRAY, i == selected ? 3 : 1);
			// the text's colour from the colour it is drawn on (an inherited layer's lighter one: white on pale green was unreadable)
			int fg = luminance(fill) < 110 ? Drawing.WHITE : Drawing.BLACK;
			String name = s.label() + (s.own() ? "" : " (inherited)");
			d.clip(x, top, w[i], height);
			if (w[i] >= 2 * line + 4) {
				// two rotated lines: name, then thickness / porosity / loading
				d.rotatedText(d.fit(name, height - 12, false), x + w[i] / 2.0 - line / 2, top + height - 6, fg);
				d.rotatedText(d.fit(s.details(), height - 12, false), x + w[i] / 2.0 + line / 2, top + height - 6, fg);
			} else {
				d.rotatedText(d.fit(name + "  " + s.details(), height - 12, false), x + w[i] / 2.0, top + height - 6, fg);
			}
			d.unclip();
			Integer severity = problems.get(i);
			if (severity != null && severity >= 1) {
				// a layer with a problem: a band in the severity's colour along the top and a framed slab
				int c = severity >= 2 ? Drawing.RED : WARNING;
				d.fillRect(x + 1, top - 8, Math.max(2, w[i] - 2), 7, c, severity >= 2 ? "error" : "warning");
				if (i != selected) d.drawRect(x + 1, top + 1, w[i] - 2, height - 2, c, 2);
			}
			x += w[i];
		}
		if (dropBoundary >= 0 && dropBoundary <= slabs.size()) {
			double bx = dropBoundary < slabs.size() ? lastX[dropBoundary] : x;
			d.line(bx, top - 10, bx, top + height + 10, DROP, 4, false);
			d.fillPolygon(new double[] { bx - 7, top - 16, bx + 7, top - 16, bx, top - 6 }, DROP, "drop");
		}
	}

	int center(int slab) {
		return slab >= 0 && slab < lastX.length ? lastX[slab] + lastW[slab] / 2 : -1;
	}

	/** The slab boundary nearest to x (0 .. slabs), for inserting or moving there. */
	int boundaryAt(int px) {
		if (lastX.length == 0) return 0;
		for (int i = 0; i < lastX.length; i++) if (px < lastX[i] + lastW[i] / 2) return i;
		return lastX.length;
	}

	int slabAt(int px) {
		for (int i = 0; i < lastX.length; i++) if (px >= lastX[i] && px < lastX[i] + lastW[i]) return i;
		return -1;
	}

	private static int blend(int c) {
		int r = (((c >> 16) & 0xff) + 255 * 2) / 3, g = (((c >> 8) & 0xff) + 255 * 2) / 3, b = ((c & 0xff) + 255 * 2) / 3;
		return (r << 16) | (g << 8) | b;
	}

	private static double luminance(int c) {
		return 0.299 * ((c >> 16) & 0xff) + 0.587 * ((c >> 8) & 0xff) + 0.114 * (c & 0xff);
	}

	void dispose() {}
}
