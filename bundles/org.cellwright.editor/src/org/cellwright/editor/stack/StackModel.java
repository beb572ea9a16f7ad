package org.cellwright.editor.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.cellwright.lang.model.Cells;
import org.cellwright.lang.model.Layers;
import org.cellwright.model.Cell;
import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Property;

/** What the stack diagram draws: the effective layers of a cell with their geometry and labels (no SWT here). */
public final class StackModel {

	/** One drawn layer. own: written in this cell (editable), not inherited from the cell it extends. */
	public record Slab(Layer layer, boolean own, double thickness, String kind, String label, String details) {}

	private StackModel() {}

	public static List<Slab> slabs(Cell cell) {
		List<Slab> out = new ArrayList<>();
		for (Layer l : Cells.effectiveLayers(cell)) {
			double t = Layers.thicknessOrDerived(l).orElse(Double.NaN);
			Material m = l.getMaterial();
			String mat = m == null || m.eIsProxy() ? "?" : m.getName();
			StringBuilder details = new StringBuilder(Double.isNaN(t) ? "thickness ?" : length(t));
			OptionalDouble p = Layers.porosity(l);
			if (p.isPresent()) details.append(String.format(Locale.ROOT, ", porosity %.1f %%", 100 * p.getAsDouble()));
			Layers.si(l, "areal-loading").ifPresent(v -> details.append(String.format(Locale.ROOT, ", %.3g mg/cm2", v * 100)));
			out.add(new Slab(l, l.eContainer() == cell, t, kind(m), l.getName() + ": " + mat, details.toString()));
		}
		return out;
	}

	/** The kind that sets a layer's colour; a composite takes its most electrochemically active component's. */
	public static String kind(Material m) {
		if (m == null || m.eIsProxy()) return "unknown";
		if (m instanceof Composite c) {
			String best = "binder";
			for (Component part : c.getComponents()) {
				MaterialKind k = part.getMaterial() == null ? null : part.getMaterial().getKind();
				if (k == MaterialKind.INTERCALATION_CATHODE || k == MaterialKind.INTERCALATION_ANODE) return k.getLiteral();
				if (k == MaterialKind.ALLOY_HOST) best = k.getLiteral();
				else if (k != null && best.equals("binder")) best = k.getLiteral();
			}
			return best;
		}
		return m.isSetKind() ? m.getKind().getLiteral() : "unknown";
	}

	/** Widths in pixels for a total width: to scale, or by log10(thickness/1 nm) so a 3 um interlayer shows beside 700 um. */
	public static int[] widths(List<Slab> slabs, int total, boolean log) {
		double[] w = new double[slabs.size()];
		double sum = 0;
		for (int i = 0; i < w.length; i++) {
			double t = slabs.get(i).thickness();
			if (Double.isNaN(t) || t <= 0) t = 1e-6;
			w[i] = log ? Math.max(0.3, Math.log10(t / 1e-9)) : t;
			sum += w[i];
		}
		int[] px = new int[w.length];
		for (int i = 0; i < w.length; i++) px[i] = Math.max(log ? 24 : 2, (int) Math.round(total * w[i] / sum));
		return px;
	}

	/**
	 * The cells the experiments of a model use, each once, in the order of the experiments (cross-references resolved
	 * through the model's resource set: cells of imported files): what a file without cells of its own shows.
	 */
	public static List<Cell> usedCells(org.cellwright.model.Model model) {
		java.util.LinkedHashMap<String, Cell> out = new java.util.LinkedHashMap<>();
		for (org.eclipse.emf.ecore.EObject e : model.getElements())
			if (e instanceof org.cellwright.model.Experiment x && x.getCell() != null && !x.getCell().eIsProxy() && x.getCell().getName() != null)
				out.putIfAbsent(x.getCell().getName(), x.getCell());
		return new ArrayList<>(out.values());
	}

	public static String conditions(Cell cell) {
		return String.join("   ", conditionParts(cell));
	}

	/** The parts of {@link #conditions}: "cell NAME", then "area 0.785 cm2", "stack-pressure 65 MPa", "temperature ...". */
	public static List<String> conditionParts(Cell cell) {
		List<String> out = new java.util.ArrayList<>();
		out.add("cell " + cell.getName());
		for (Property p : Cells.effectiveProperties(cell).values())
			if (p.getValue() != null && (p.getName().equals("area") || p.getName().equals("stack-pressure") || p.getName().equals("temperature")))
				out.add(p.getName() + ' ' + num(p.getValue().getValue()) + ' ' + (p.getValue().getUnit() == null ? "" : p.getValue().getUnit()));
		return out;
	}

	static String length(double m) {
		if (m >= 1e-3) return String.format(Locale.ROOT, "%.3g mm", m * 1e3);
		if (m >= 1e-6) return String.format(Locale.ROOT, "%.3g um", m * 1e6);
		return String.format(Locale.ROOT, "%.3g nm", m * 1e9);
	}

	private static String num(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}
}
