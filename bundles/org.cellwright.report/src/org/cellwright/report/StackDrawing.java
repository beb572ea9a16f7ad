package org.cellwright.report;

import static org.cellwright.report.Html.esc;
import static org.cellwright.report.Html.dec;
import static org.cellwright.report.Html.fmt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ComponentSpec;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;

/**
 * The stack's cross-section as an SVG element: one band per layer from the negative-side collector (top) to the
 * positive-side collector (bottom), heights proportional to thickness ({@link Scale#LINEAR}) or to log thickness when
 * the layers span more than {@value #LOG_RATIO}x ({@link Scale#LOG}), coloured by role, porous layers dotted, labels with
 * material, thickness, porosity and loading. Each band is a {@code rect} with {@code data-layer} and
 * {@code data-thickness-m}. A liquid-electrolyte (DFN) cell's stack (dfn-inputs.json's layers) is drawn the same way.
 */
public final class StackDrawing {
	/** Thickness ratio (thickest / thinnest) above which the drawing switches to log thickness. */
	public static final double LOG_RATIO = 30;
	private static final AtomicInteger IDS = new AtomicInteger();

	public enum Scale { LINEAR, LOG }

	private StackDrawing() {}

	/** One band of the drawing: its name, thickness [m], fill, legend entry, whether porous (dotted) and two label lines. */
	private record Band(String name, double thickness, String fill, String legend, boolean porous, String label, String details) {}

	/** The scale chosen for a cell: LOG when its layers span more than {@link #LOG_RATIO}x in thickness. */
	public static Scale autoScale(CellSpec cell) { return autoScale(thicknesses(cell.layers().stream().map(LayerSpec::thickness).toList())); }

	private static Scale autoScale(double[] t) {
		double min = Double.MAX_VALUE, max = 0;
		for (double x : t) if (x > 0) { min = Math.min(min, x); max = Math.max(max, x); }
		return max > 0 && max / min > LOG_RATIO ? Scale.LOG : Scale.LINEAR;
	}

	private static double[] thicknesses(List<Double> t) {
		double[] d = new double[t.size()];
		for (int i = 0; i < d.length; i++) d[i] = t.get(i);
		return d;
	}

	public static String svg(CellSpec cell) { return svg(cell, autoScale(cell), 560); }

	public static String svg(CellSpec cell, Scale scale, int width) { return svg(cell, scale, width, null, null); }

	/**
	 * The stack of a run: its caption gives the stack pressure and temperature the run used ({@code pressure},
	 * {@code temperature}: formatted with their units as the key numbers give them, "20 MPa", "45 \u00b0C" or a range;
	 * null: the cell's), and on a second line the cell's as written where they differ (a protocol's {@code set}s): the
	 * caption showed the cell's 65 MPa and 25 degC beside key numbers of 20 MPa and 45 degC (fuzzing, session 18).
	 */
	public static String svg(CellSpec cell, String pressure, String temperature) {
		return svg(cell, autoScale(cell), 560, pressure, temperature);
	}

	private static String svg(CellSpec cell, Scale scale, int width, String pressure, String temperature) {
		List<Band> bands = new ArrayList<>();
		for (LayerSpec l : cell.layers())
			bands.add(new Band(l.name(), l.thickness(), colour(l.role()), roleName(l.role()), l.porosity() > 0.02, materials(l), details(l)));
		String written = fmt(cell.stackPressure() / 1e6, 3) + " MPa", writtenT = fmt(cell.temperature() - 273.15, 3) + " \u00b0C";
		String p = pressure == null ? written : pressure, t = temperature == null ? writtenT : temperature;
		boolean differs = !p.equals(written) || !t.equals(writtenT);
		return svg(cell.name(), bands, scale, width, (differs ? "as run: " : "") + "stack pressure " + p + " \u00b7 temperature " + t
				+ " \u00b7 area " + fmt(cell.area() * 1e4, 3) + " cm\u00b2",
				differs ? "the cell as written: stack pressure " + written + " \u00b7 temperature " + writtenT + " (the protocol set the run's)" : null);
	}

	/**
	 * A liquid-electrolyte (DFN) cell's stack from dfn-inputs.json's layers (negative electrode or lithium foil, separator,
	 * positive electrode), drawn as the solid-state stack: labels with thickness, porosity and particle radius.
	 */
	public static String svg(String cellName, List<DfnInputs.Layer> layers) {
		List<Band> bands = new ArrayList<>();
		for (DfnInputs.Layer l : layers) {
			List<String> parts = new ArrayList<>();
			parts.add(micro(l.thickness()));
			if (l.porosity() > 0) parts.add("porosity " + fmt(100 * l.porosity(), 3) + " %");
			if (!Double.isNaN(l.particleRadius())) parts.add("particle radius " + micro(l.particleRadius()));
			String role = dfnRoleName(l.role());
			String label = role.startsWith(l.name()) ? role.substring(l.name().length()).trim() : role; // not "separator separator"
			bands.add(new Band(l.name(), l.thickness(), dfnColour(l.role()), role, l.porosity() > 0.02, label, String.join(" \u00b7 ", parts)));
		}
		double[] t = thicknesses(layers.stream().map(DfnInputs.Layer::thickness).toList());
		return svg(cellName, bands, autoScale(t), 560, "liquid electrolyte (DFN) \u00b7 current collectors not modelled", null);
	}

	/** The drawing with a footer line under the stack and, unless null, a second one (note). */
	private static String svg(String title, List<Band> layers, Scale scale, int width, String footer, String note) {
		double[] h = heights(thicknesses(layers.stream().map(Band::thickness).toList()), scale);
		String pid = "porous" + IDS.incrementAndGet();
		int top = 46, x0 = 14, bandW = 170, labelX = x0 + bandW + 36;
		double y = top;
		double[] yc = new double[layers.size()], ly = new double[layers.size()];
		double lastLabel = -1e9;
		for (int i = 0; i < layers.size(); i++) {
			yc[i] = y + h[i] / 2;
			ly[i] = Math.max(yc[i], lastLabel + 34);
			lastLabel = ly[i];
			y += h[i];
		}
		double stackBottom = y;
		Map<String, String> roles = new LinkedHashMap<>(); // legend entry -> fill
		for (Band l : layers) roles.putIfAbsent(l.legend(), l.fill());
		// the legend wraps into rows that fit the width
		List<double[]> at = new ArrayList<>();
		double lx = x0;
		int row = 0;
		for (String r : roles.keySet()) {
			double w = 30 + 6.2 * r.length();
			if (lx + w > width && lx > x0) { lx = x0; row++; }
			at.add(new double[] { lx, row });
			lx += w;
		}
		double legendTop = Math.max(stackBottom, lastLabel + 18) + 26 + (note == null ? 0 : 16);
		double height = legendTop + 18 * (row + 1) + 4;
		StringBuilder b = new StringBuilder();
		b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stack\" width=\"").append(width).append("\" height=\"")
				.append(dec(height, 0)).append("\" viewBox=\"0 0 ").append(width).append(' ').append(dec(height, 0))
				.append("\" font-family=\"sans-serif\" font-size=\"12\" data-scale=\"").append(scale).append("\">");
		b.append("<defs><pattern id=\"").append(pid).append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">")
				.append("<circle cx=\"3\" cy=\"3\" r=\"1.1\" fill=\"#ffffff\" fill-opacity=\"0.55\"/></pattern></defs>");
		b.append("<text x=\"").append(x0).append("\" y=\"16\" font-weight=\"bold\">").append(esc(title)).append("</text>");
		b.append("<text x=\"").append(x0).append("\" y=\"32\" fill=\"#555\">")
				.append(esc(scale == Scale.LINEAR ? "drawn to scale (heights proportional to thickness)"
						: "heights on a log-thickness scale (layers span " + dec(ratio(layers), 0) + "x)"))
				.append("</text>");
		y = top;
		for (int i = 0; i < layers.size(); i++) {
			Band l = layers.get(i);
			b.append("<rect x=\"").append(x0).append("\" y=\"").append(dec(y, 2)).append("\" width=\"").append(bandW)
					.append("\" height=\"").append(dec(h[i], 4)).append("\" fill=\"").append(l.fill())
					.append("\" stroke=\"#333\" stroke-width=\"0.6\" data-layer=\"").append(esc(l.name()))
					.append("\" data-thickness-m=\"").append(l.thickness()).append("\"><title>").append(esc(l.name() + ": " + micro(l.thickness())))
					.append("</title></rect>");
			if (l.porous())
				b.append("<rect x=\"").append(x0).append("\" y=\"").append(dec(y, 2)).append("\" width=\"").append(bandW)
						.append("\" height=\"").append(dec(h[i], 4)).append("\" fill=\"url(#").append(pid).append(")\"/>");
			// leader from the band to its label
			b.append("<polyline fill=\"none\" stroke=\"#999\" stroke-width=\"0.8\" points=\"").append(x0 + bandW + 2).append(',')
					.append(dec(yc[i], 1)).append(' ').append(x0 + bandW + 18).append(',').append(dec(yc[i], 1)).append(' ')
					.append(labelX - 6).append(',').append(dec(ly[i], 1)).append("\"/>");
			b.append("<text x=\"").append(labelX).append("\" y=\"").append(dec(ly[i] - 2, 1)).append("\"><tspan font-weight=\"bold\">")
					.append(esc(l.name())).append("</tspan> ").append(esc(l.label())).append("</text>");
			b.append("<text x=\"").append(labelX).append("\" y=\"").append(dec(ly[i] + 13, 1)).append("\" fill=\"#444\">")
					.append(esc(l.details())).append("</text>");
			y += h[i];
		}
		double footerY = legendTop - 8 - (note == null ? 0 : 16);
		b.append("<text x=\"").append(x0).append("\" y=\"").append(dec(footerY, 0)).append("\" fill=\"#333\" class=\"conditions\">")
				.append(esc(footer)).append("</text>");
		if (note != null)
			b.append("<text x=\"").append(x0).append("\" y=\"").append(dec(footerY + 16, 0)).append("\" fill=\"#555\" class=\"as-written\">")
					.append(esc(note)).append("</text>");
		int k = 0;
		for (Map.Entry<String, String> r : roles.entrySet()) {
			double rx = at.get(k)[0], ry = legendTop + 18 * at.get(k)[1];
			k++;
			b.append("<rect x=\"").append(dec(rx, 0)).append("\" y=\"").append(dec(ry, 0))
					.append("\" width=\"12\" height=\"12\" stroke=\"#333\" stroke-width=\"0.6\" fill=\"").append(r.getValue()).append("\"/>");
			b.append("<text x=\"").append(dec(rx + 16, 0)).append("\" y=\"").append(dec(ry + 10, 0)).append("\" font-size=\"11\">")
					.append(esc(r.getKey())).append("</text>");
		}
		b.append("</svg>");
		return b.toString();
	}

	private static double ratio(List<Band> layers) {
		double min = Double.MAX_VALUE, max = 0;
		for (Band l : layers) if (l.thickness() > 0) { min = Math.min(min, l.thickness()); max = Math.max(max, l.thickness()); }
		return max / min;
	}

	/** Band heights in px: linear, a 360 px stack; log, 14 px for the thinnest to 120 px for the thickest. */
	static double[] heights(double[] thickness, Scale scale) {
		double[] h = new double[thickness.length];
		double sum = 0, min = Double.MAX_VALUE, max = 0;
		for (double x : thickness) {
			double t = x > 0 ? x : 0;
			sum += t;
			if (t > 0) { min = Math.min(min, t); max = Math.max(max, t); }
		}
		for (int i = 0; i < h.length; i++) {
			double t = thickness[i] > 0 ? thickness[i] : 0;
			if (scale == Scale.LINEAR) h[i] = sum > 0 ? 360 * t / sum : 0;
			else h[i] = t <= 0 ? 6 : max / min < 1.0001 ? 60 : 14 + 106 * Math.log10(t / min) / Math.log10(max / min);
		}
		return h;
	}

	/** A DFN layer's fill: the solid-state palette's for the like role (lithium foil, separator, cathode), a graphite grey for a porous negative. */
	static String dfnColour(String role) {
		return switch (role) {
			case DfnInputs.LITHIUM_METAL -> colour(LayerRole.LITHIUM_METAL);
			case DfnInputs.SEPARATOR -> colour(LayerRole.SEPARATOR);
			case DfnInputs.POSITIVE -> colour(LayerRole.COMPOSITE_CATHODE);
			default -> "#4a4a4a";
		};
	}

	static String dfnRoleName(String role) {
		return switch (role) {
			case DfnInputs.NEGATIVE -> "negative electrode";
			case DfnInputs.LITHIUM_METAL -> "lithium metal";
			case DfnInputs.SEPARATOR -> "separator (liquid electrolyte)";
			case DfnInputs.POSITIVE -> "positive electrode";
			default -> role;
		};
	}

	static String colour(LayerRole r) {
		return switch (r) {
			case CURRENT_COLLECTOR -> "#9aa3ad";
			case LITHIUM_METAL -> "#d7dde5";
			case INTERLAYER -> "#3b3f45";
			case SEPARATOR -> "#efdf9a";
			case COMPOSITE_CATHODE -> "#2e5d87";
		};
	}

	static String roleName(LayerRole r) {
		return switch (r) {
			case CURRENT_COLLECTOR -> "current collector";
			case LITHIUM_METAL -> "lithium metal";
			case INTERLAYER -> "interlayer";
			case SEPARATOR -> "solid electrolyte";
			case COMPOSITE_CATHODE -> "composite cathode";
		};
	}

	static String materials(LayerSpec l) {
		if (l.components().isEmpty()) return "";
		if (l.components().size() == 1) return l.components().get(0).material().name();
		List<String> parts = new ArrayList<>();
		for (ComponentSpec c : l.components()) parts.add(c.material().name() + " " + fmt(100 * c.massFraction(), 3) + " wt%");
		return String.join(", ", parts);
	}

	static String details(LayerSpec l) {
		List<String> parts = new ArrayList<>();
		parts.add(micro(l.thickness()));
		if (l.porosity() > 0) parts.add("porosity " + fmt(100 * l.porosity(), 3) + " %");
		if (!Double.isNaN(l.poreSize())) parts.add("pores " + micro(l.poreSize()));
		double loading = loading(l);
		if (!Double.isNaN(loading)) parts.add(fmt(loading, 3) + " mg/cm\u00b2");
		return String.join(" \u00b7 ", parts);
	}

	/** Areal loading [mg/cm2] of a porous composite layer: solid density x solid fraction x thickness; NaN when unknown. */
	static double loading(LayerSpec l) {
		if (l.role() != LayerRole.INTERLAYER && l.role() != LayerRole.COMPOSITE_CATHODE) return Double.NaN;
		double inv = 0;
		for (ComponentSpec c : l.components()) {
			double rho = c.material().get(MaterialProperty.DENSITY, Double.NaN);
			if (!(rho > 0)) return Double.NaN;
			inv += c.massFraction() / rho;
		}
		if (inv <= 0) return Double.NaN;
		return (1 / inv) * (1 - l.porosity()) * l.thickness() * 100; // kg/m2 -> mg/cm2
	}

	static String micro(double m) {
		if (Double.isNaN(m)) return "?";
		return m >= 1e-3 ? fmt(m * 1e3, 3) + " mm" : fmt(m * 1e6, 3) + " \u00b5m";
	}
}
