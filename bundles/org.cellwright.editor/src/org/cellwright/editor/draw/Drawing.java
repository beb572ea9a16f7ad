package org.cellwright.editor.draw;

/**
 * The few drawing operations the diagrams use, so one layout code draws on the screen ({@link GcDrawing}) and into an
 * SVG file ({@link SvgDrawing}). Coordinates in pixels, colours as 0xRRGGBB, text anchored at its top-left corner.
 */
public interface Drawing {

	int BLACK = 0x000000, WHITE = 0xffffff, DARK_GRAY = 0x505050, GRAY = 0x909090, RED = 0xd02020;

	/** A filled rectangle; role (may be null) names what it stands for (the SVG's class, e.g. "layer"). */
	void fillRect(double x, double y, double w, double h, int rgb, String role);

	/** A filled polygon through the points x0, y0, x1, y1, ...; role as for {@link #fillRect}. */
	void fillPolygon(double[] xy, int rgb, String role);

	void drawRect(double x, double y, double w, double h, int rgb, double lineWidth);

	void line(double x1, double y1, double x2, double y2, int rgb, double lineWidth, boolean dashed);

	/** Text with its top-left corner at (x, y). */
	void text(String text, double x, double y, int rgb, boolean bold);

	/** Text read from bottom to top: its baseline side starts at (x, y) and runs upwards, centred on x. */
	void rotatedText(String text, double x, double y, int rgb);

	/** Width of the text in pixels (an estimate for SVG). */
	double textWidth(String text, boolean bold);

	/** Height of a line of text in pixels. */
	double lineHeight();

	/** Later drawing only inside this rectangle, until {@link #unclip()}. */
	void clip(double x, double y, double w, double h);

	void unclip();

	/**
	 * The text broken at spaces into lines no wider than px, at most maxLines (the last shortened with an ellipsis when
	 * more text is left); a word wider than px alone is shortened.
	 */
	default java.util.List<String> wrap(String text, double px, boolean bold, int maxLines) {
		return pack(java.util.Arrays.asList(text.split(" ", -1)), " ", px, bold, maxLines);
	}

	/**
	 * The parts joined by the separator into lines no wider than px, a part never split, at most maxLines (the last
	 * shortened with an ellipsis when more parts are left); a part wider than px alone on its line is shortened.
	 */
	default java.util.List<String> pack(java.util.List<String> parts, String separator, double px, boolean bold, int maxLines) {
		java.util.List<String> lines = new java.util.ArrayList<>();
		String line = "";
		for (int i = 0; i < parts.size(); i++) {
			String next = line.isEmpty() ? parts.get(i) : line + separator + parts.get(i);
			if (line.isEmpty() || textWidth(next, bold) <= px) {
				line = next;
				continue;
			}
			if (lines.size() == maxLines - 1) { // the last line: what is left, shortened
				line = fit(line + separator + String.join(separator, parts.subList(i, parts.size())), px, bold);
				break;
			}
			lines.add(fit(line, px, bold));
			line = parts.get(i);
		}
		if (!line.isEmpty() && lines.size() < maxLines) lines.add(fit(line, px, bold));
		return lines;
	}

	/** The text, shortened with an ellipsis to fit a width in pixels. */
	default String fit(String text, double px, boolean bold) {
		if (textWidth(text, bold) <= px) return text;
		String t = text;
		while (t.length() > 1 && textWidth(t + "...", bold) > px) t = t.substring(0, t.length() - 1);
		return t + "...";
	}
}
