package org.cellwright.editor.draw;

import java.util.Locale;

/**
 * {@link Drawing} into an SVG document (text of the diagram kept as text, so it can be edited and searched). Text
 * widths are estimated from the font size (DejaVu Sans / sans-serif), as no font metrics exist without a screen.
 */
public final class SvgDrawing implements Drawing {

	private static final double FONT = 12, CHAR = 0.6 * FONT;
	private final StringBuilder body = new StringBuilder();
	private final double width, height;
	private int clips;
	private boolean clipOpen;

	public SvgDrawing(double width, double height) {
		this.width = width;
		this.height = height;
	}

	private static String n(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
	}

	private static String c(int rgb) {
		return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
	}

	static String escape(String s) {
		StringBuilder b = new StringBuilder();
		for (char ch : s.toCharArray()) {
			switch (ch) {
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '&' -> b.append("&amp;");
				case '"' -> b.append("&quot;");
				default -> { if (ch >= 0x20 || ch == '\t') b.append(ch); }
			}
		}
		return b.toString();
	}

	@Override
	public void fillRect(double x, double y, double w, double h, int rgb, String role) {
		body.append("<rect").append(role == null ? "" : " class=\"" + escape(role) + "\"").append(" x=\"").append(n(x)).append("\" y=\"").append(n(y))
				.append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append("\" fill=\"").append(c(rgb)).append("\"/>\n");
	}

	@Override
	public void fillPolygon(double[] xy, int rgb, String role) {
		body.append("<polygon").append(role == null ? "" : " class=\"" + escape(role) + "\"").append(" points=\"");
		for (int i = 0; i + 1 < xy.length; i += 2) body.append(i == 0 ? "" : " ").append(n(xy[i])).append(',').append(n(xy[i + 1]));
		body.append("\" fill=\"").append(c(rgb)).append("\"/>\n");
	}

	@Override
	public void drawRect(double x, double y, double w, double h, int rgb, double lineWidth) {
		body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
				.append("\" fill=\"none\" stroke=\"").append(c(rgb)).append("\" stroke-width=\"").append(n(lineWidth)).append("\"/>\n");
	}

	@Override
	public void line(double x1, double y1, double x2, double y2, int rgb, double lineWidth, boolean dashed) {
		body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2))
				.append("\" stroke=\"").append(c(rgb)).append("\" stroke-width=\"").append(n(lineWidth)).append('"')
				.append(dashed ? " stroke-dasharray=\"4 3\"" : "").append("/>\n");
	}

	@Override
	public void text(String text, double x, double y, int rgb, boolean bold) {
		body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y + FONT)).append("\" fill=\"").append(c(rgb)).append('"')
				.append(bold ? " font-weight=\"bold\"" : "").append('>').append(escape(text)).append("</text>\n");
	}

	@Override
	public void rotatedText(String text, double x, double y, int rgb) {
		body.append("<text transform=\"translate(").append(n(x + FONT / 2 - 2)).append(' ').append(n(y)).append(") rotate(-90)\" fill=\"")
				.append(c(rgb)).append("\">").append(escape(text)).append("</text>\n");
	}

	@Override
	public double textWidth(String text, boolean bold) {
		return text.length() * CHAR * (bold ? 1.1 : 1);
	}

	@Override
	public double lineHeight() {
		return FONT * 1.3;
	}

	@Override
	public void clip(double x, double y, double w, double h) {
		unclip();
		String id = "clip" + (++clips);
		body.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
				.append("\" height=\"").append(n(h)).append("\"/></clipPath>\n<g clip-path=\"url(#").append(id).append(")\">\n");
		clipOpen = true;
	}

	@Override
	public void unclip() {
		if (clipOpen) body.append("</g>\n");
		clipOpen = false;
	}

	/** The whole SVG document. */
	public String toSvg() {
		unclip();
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(width) + "\" height=\"" + n(height)
				+ "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"" + n(FONT) + "\">\n"
				+ body + "</svg>\n";
	}
}
