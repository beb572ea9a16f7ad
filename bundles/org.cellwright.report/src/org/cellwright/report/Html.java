package org.cellwright.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Small HTML helpers: escaping, number formatting, the page frame with its inline style sheet. */
final class Html {
	private Html() {}

	static String esc(String s) {
		if (s == null) return "";
		StringBuilder b = new StringBuilder(s.length() + 8);
		for (char c : s.toCharArray()) {
			switch (c) {
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '&' -> b.append("&amp;");
				case '"' -> b.append("&quot;");
				case '\'' -> b.append("&#39;");
				default -> b.append(c);
			}
		}
		return b.toString();
	}

	/** {@code v} to {@code sig} significant digits, plain notation for 1e-4..1e7, "–" for NaN. */
	static String fmt(double v, int sig) {
		if (Double.isNaN(v) || Double.isInfinite(v)) return "\u2013";
		if (v == 0) return "0";
		double a = Math.abs(v);
		if (a < 1e-4 || a >= 1e7) return String.format(Locale.ROOT, "%." + (sig - 1) + "e", v);
		return new BigDecimal(v).round(new MathContext(sig)).stripTrailingZeros().toPlainString();
	}

	/** {@code v} with {@code decimals} decimals (coordinates). */
	static String dec(double v, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", v);
	}

	/** The mark every page CellWright writes carries in its head ({@link #isReport}). */
	static final String GENERATOR = "<meta name=\"generator\" content=\"CellWright\">";

	/**
	 * Whether {@code file} is a page CellWright wrote (its generator mark within the first 4 KB): such a file may be
	 * written again; any other file a user named is theirs.
	 */
	static boolean isReport(java.nio.file.Path file) {
		try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
			return new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8).contains(GENERATOR);
		} catch (java.io.IOException e) {
			return false;
		}
	}

	/**
	 * Writes a page to {@code out} whole or not at all (parent folders created; Atomic), or a {@link ReportException}
	 * naming the file: a full disk left a run's report.html cut off after 36 kB in its run folder (input25), which the
	 * IDE's Open Report showed as the report. One owner for every report CellWright writes.
	 */
	static java.nio.file.Path write(java.nio.file.Path out, String page) {
		try {
			org.cellwright.run.store.Atomic.writeString(out, page);
		} catch (java.io.UncheckedIOException e) {
			throw new ReportException(out + ": cannot be written: " + e.getCause().getMessage(), e);
		}
		return out;
	}

	static String page(String title, String body) {
		return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title) + "</title>\n"
				+ GENERATOR + "\n<style>\n" + CSS + "</style>\n</head>\n<body>\n" + body
				+ "</body>\n</html>\n";
	}

	static final String CSS = """
			body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1f; margin: 0; background: #f4f5f7; }
			main { max-width: 1100px; margin: 0 auto; background: #fff; padding: 28px 40px 40px; box-shadow: 0 0 8px rgba(0,0,0,.08); }
			header { border-bottom: 3px solid #2e5d87; padding-bottom: 12px; margin-bottom: 8px; }
			h1 { font-size: 24px; margin: 0 0 4px; }
			h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d5d8dc; color: #2e5d87; }
			h3 { font-size: 14px; margin: 16px 0 6px; }
			.meta { color: #555; font-size: 13px; margin: 2px 0; }
			.status { display: inline-block; font-weight: bold; font-size: 13px; padding: 3px 10px; border-radius: 3px; color: #fff; vertical-align: middle; margin-left: 8px; }
			.status.ok { background: #2e7d32; } .status.short { background: #c62828; } .status.bad { background: #ef6c00; }
			.alert { border-left: 5px solid #c62828; background: #fdecea; padding: 10px 14px; margin: 14px 0; font-size: 14px; }
			.note { border-left: 5px solid #ef6c00; background: #fff4e5; padding: 8px 14px; margin: 10px 0; font-size: 13px; }
			.row { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
			.col { flex: 1 1 420px; min-width: 0; }
			figure.plot { margin: 8px 0 14px; }
			figure.plot svg, svg.stack { max-width: 100%; height: auto; display: block; }
			table { border-collapse: collapse; font-size: 13px; margin: 6px 0 12px; }
			table.checks td:nth-last-child(6) { min-width: 13em; }
			table.checks code { white-space: nowrap; }
			table.checks th, table.checks td { padding: 4px 7px; }
			th, td { border-bottom: 1px solid #e2e4e8; padding: 4px 10px; text-align: left; vertical-align: top; }
			th { background: #f0f2f5; font-weight: 600; }
			td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
			table.keys td:first-child { color: #444; }
			td.num.prose { text-align: left; white-space: normal; min-width: 16em; }
			tr.pass td.verdict { background: #e8f5e9; color: #1b5e20; font-weight: bold; }
			tr.fail td.verdict { background: #ffebee; color: #b71c1c; font-weight: bold; }
			tr.fail td { background: #fff8f8; }
			tr.check-note td { border-top: hidden; padding-top: 0; color: #555; font-size: 12px; }
			ol.steps { font-size: 13px; margin: 4px 0 8px; padding-left: 26px; }
			ol.steps ol { padding-left: 22px; }
			ol.steps, ol.steps ol { list-style: none; }
			ol.steps .step-number { color: #555; margin-right: 4px; }
			ol.steps .step-place { color: #888; }
			.muted { color: #777; font-size: 12px; }
			section.sweep table.keys { display: block; overflow-x: auto; }
			footer { margin-top: 30px; color: #777; font-size: 12px; border-top: 1px solid #e2e4e8; padding-top: 8px; }
			code { font-size: 12px; }
			""";
}
