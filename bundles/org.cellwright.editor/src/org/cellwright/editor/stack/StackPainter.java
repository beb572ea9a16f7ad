package org.cellwright.editor.stack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cellwright.model.Cell;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Display;

/** Draws a cell's cross-section: one coloured slab per layer, labels rotated inside, conditions above. */
final class StackPainter {

	static final Map<String, RGB> COLOURS = Map.of(
			"current-collector", new RGB(150, 150, 160), "lithium-metal", new RGB(190, 215, 235),
			"solid-electrolyte", new RGB(245, 215, 120), "alloy-host", new RGB(150, 110, 190),
			"conductive-carbon", new RGB(70, 70, 70), "binder", new RGB(220, 220, 200),
			"intercalation-cathode", new RGB(40, 80, 150), "unknown", new RGB(230, 230, 230));

	int selected = -1;
	List<StackModel.Slab> lastSlabs = List.of();
	private int[] lastX = new int[0], lastW = new int[0];
	private final Map<RGB, Color> colours = new HashMap<>();
	private Font bold;

	void paint(GC gc, Rectangle area, Cell cell, boolean log) {
		Display d = Display.getCurrent();
		gc.setBackground(d.getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(area);
		gc.setForeground(d.getSystemColor(SWT.COLOR_BLACK));
		if (cell == null) {
			gc.drawText("Open a .cell file with a cell to see its stack.", area.x + 10, area.y + 10, true);
			lastSlabs = List.of();
			return;
		}
		if (bold == null) {
			FontData fd = gc.getFont().getFontData()[0];
			bold = new Font(d, fd.getName(), fd.getHeight() + 1, SWT.BOLD);
		}
		Font normal = gc.getFont();
		gc.setFont(bold);
		gc.drawText(StackModel.conditions(cell), area.x + 10, area.y + 6, true);
		gc.setFont(normal);
		gc.drawText(log ? "widths: log10 of thickness" : "widths: to scale", area.x + 10, area.y + 28, true);
		List<StackModel.Slab> slabs = StackModel.slabs(cell);
		lastSlabs = slabs;
		int top = area.y + 50, height = Math.max(60, area.height - 70), left = area.x + 10, width = Math.max(50, area.width - 20);
		int[] w = StackModel.widths(slabs, width, log);
		lastX = new int[w.length];
		lastW = w;
		int x = left;
		for (int i = 0; i < slabs.size(); i++) {
			StackModel.Slab s = slabs.get(i);
			lastX[i] = x;
			RGB rgb = COLOURS.getOrDefault(s.kind(), COLOURS.get("unknown"));
			gc.setBackground(colour(s.own() ? rgb : blend(rgb)));
			gc.fillRectangle(x, top, w[i], height);
			gc.setForeground(d.getSystemColor(SWT.COLOR_DARK_GRAY));
			gc.setLineWidth(i == selected ? 3 : 1);
			if (i == selected) gc.setForeground(d.getSystemColor(SWT.COLOR_RED));
			gc.drawRectangle(x, top, w[i], height);
			gc.setLineWidth(1);
			Color fg = luminance(rgb) < 110 ? d.getSystemColor(SWT.COLOR_WHITE) : d.getSystemColor(SWT.COLOR_BLACK);
			String name = s.label() + (s.own() ? "" : " (inherited)");
			int line = gc.textExtent("Xg").y;
			gc.setClipping(x, top, w[i], height);
			if (w[i] >= 2 * line + 4) {
				// two rotated lines: name, then thickness / porosity / loading
				drawRotated(gc, fit(gc, name, height - 12), x + w[i] / 2 - line / 2, top + height - 6, fg);
				drawRotated(gc, fit(gc, s.details(), height - 12), x + w[i] / 2 + line / 2, top + height - 6, fg);
			} else {
				drawRotated(gc, fit(gc, name + "  " + s.details(), height - 12), x + w[i] / 2, top + height - 6, fg);
			}
			gc.setClipping((Rectangle) null);
			x += w[i];
		}
	}

	/** Text from bottom to top, centred on x. */
	private static void drawRotated(GC gc, String text, int x, int y, Color fg) {
		Transform t = new Transform(gc.getDevice());
		Point ext = gc.textExtent(text);
		t.translate(x - ext.y / 2f, y);
		t.rotate(-90);
		gc.setTransform(t);
		gc.setForeground(fg);
		gc.drawText(text, 0, 0, true);
		gc.setTransform(null);
		t.dispose();
	}

	/** The text, shortened with an ellipsis to fit a length in pixels. */
	private static String fit(GC gc, String text, int px) {
		if (gc.textExtent(text).x <= px) return text;
		String t = text;
		while (t.length() > 1 && gc.textExtent(t + "...").x > px) t = t.substring(0, t.length() - 1);
		return t + "...";
	}

	int slabAt(int px) {
		for (int i = 0; i < lastX.length; i++) if (px >= lastX[i] && px < lastX[i] + lastW[i]) return i;
		return -1;
	}

	private Color colour(RGB rgb) {
		return colours.computeIfAbsent(rgb, r -> new Color(Display.getCurrent(), r));
	}

	private static RGB blend(RGB c) {
		return new RGB((c.red + 255 * 2) / 3, (c.green + 255 * 2) / 3, (c.blue + 255 * 2) / 3);
	}

	private static double luminance(RGB c) {
		return 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue;
	}

	void dispose() {
		if (bold != null) bold.dispose();
		colours.clear();
	}
}
