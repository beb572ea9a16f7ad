package org.cellwright.editor.draw;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Transform;

/** {@link Drawing} on an SWT graphics context (screen or image). Dispose it after painting (colours and the bold font). */
public final class GcDrawing implements Drawing, AutoCloseable {

	private final GC gc;
	private final Map<Integer, Color> colours = new HashMap<>();
	private final Font normal;
	private Font bold;

	public GcDrawing(GC gc) {
		this.gc = gc;
		this.normal = gc.getFont();
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
	}

	private Color colour(int rgb) {
		return colours.computeIfAbsent(rgb, c -> new Color(gc.getDevice(), (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
	}

	private void font(boolean b) {
		if (b && bold == null) {
			FontData fd = normal.getFontData()[0];
			bold = new Font(gc.getDevice(), fd.getName(), fd.getHeight() + 1, SWT.BOLD);
		}
		gc.setFont(b ? bold : normal);
	}

	private static int r(double v) {
		return (int) Math.round(v);
	}

	@Override
	public void fillRect(double x, double y, double w, double h, int rgb, String role) {
		gc.setBackground(colour(rgb));
		gc.fillRectangle(r(x), r(y), r(x + w) - r(x), r(y + h) - r(y));
	}

	@Override
	public void fillPolygon(double[] xy, int rgb, String role) {
		int[] p = new int[xy.length];
		for (int i = 0; i < xy.length; i++) p[i] = r(xy[i]);
		gc.setBackground(colour(rgb));
		gc.fillPolygon(p);
	}

	@Override
	public void drawRect(double x, double y, double w, double h, int rgb, double lineWidth) {
		gc.setForeground(colour(rgb));
		gc.setLineWidth(r(lineWidth));
		gc.drawRectangle(r(x), r(y), r(x + w) - r(x), r(y + h) - r(y));
		gc.setLineWidth(1);
	}

	@Override
	public void line(double x1, double y1, double x2, double y2, int rgb, double lineWidth, boolean dashed) {
		gc.setForeground(colour(rgb));
		gc.setLineWidth(r(lineWidth));
		gc.setLineStyle(dashed ? SWT.LINE_DASH : SWT.LINE_SOLID);
		gc.drawLine(r(x1), r(y1), r(x2), r(y2));
		gc.setLineStyle(SWT.LINE_SOLID);
		gc.setLineWidth(1);
	}

	@Override
	public void text(String text, double x, double y, int rgb, boolean b) {
		font(b);
		gc.setForeground(colour(rgb));
		gc.drawText(text, r(x), r(y), true);
		font(false);
	}

	@Override
	public void rotatedText(String text, double x, double y, int rgb) {
		Transform t = new Transform(gc.getDevice());
		Point ext = gc.textExtent(text);
		t.translate((float) (x - ext.y / 2.0), (float) y);
		t.rotate(-90);
		gc.setTransform(t);
		gc.setForeground(colour(rgb));
		gc.drawText(text, 0, 0, true);
		gc.setTransform(null);
		t.dispose();
	}

	@Override
	public double textWidth(String text, boolean b) {
		font(b);
		double w = gc.textExtent(text).x;
		font(false);
		return w;
	}

	@Override
	public double lineHeight() {
		return gc.textExtent("Xg").y;
	}

	@Override
	public void clip(double x, double y, double w, double h) {
		gc.setClipping(r(x), r(y), r(w), r(h));
	}

	@Override
	public void unclip() {
		gc.setClipping((org.eclipse.swt.graphics.Rectangle) null);
	}

	@Override
	public void close() {
		gc.setFont(normal);
		if (bold != null) bold.dispose();
		colours.values().forEach(Color::dispose);
		colours.clear();
	}
}
