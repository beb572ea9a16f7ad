package org.cellwright.sharing.bpx;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Battery Parameter eXchange (BPX, the JSON format PyBaMM reads) to a CellWright {@code .cell} file: materials for
 * the two electrodes and the electrolyte, a cell (geometry, temperature, capacity), a protocol between the voltage
 * cut-offs and an experiment. Accepts the 0.x layout (electrodes hold their parameters directly) and the 1.x layout
 * (parameters of an electrode may sit in {@code "Particle"} sub-objects). Everything without a CellWright
 * counterpart is kept as a comment {@code // BPX "Section" "Key" = json}, which {@link BpxExporter} reads back, and is
 * listed in {@link Result#skipped()}.
 */
public final class BpxImporter {

	/** Faraday constant (C/mol), as in org.cellwright.lang.units.Units. */
	public static final double F = 96485.33212;

	public static final String NEG = "Negative electrode", POS = "Positive electrode", SEP = "Separator", ELY = "Electrolyte",
			CELL = "Cell", USER = "User-defined";

	/** The outcome: the .cell text, its package and cell name, and what was mapped, kept as comments or invented. */
	public record Result(String text, String packageName, String cellName, String bpxVersion, List<String> mapped,
			List<String> skipped, List<String> notes) {
		/** A human-readable report, one line per entry. */
		public String report() {
			StringBuilder b = new StringBuilder();
			b.append("BPX ").append(bpxVersion).append(": ").append(mapped.size()).append(" parameter(s) mapped, ")
					.append(skipped.size()).append(" kept as comments (no CellWright counterpart)\n");
			for (String s : skipped)
				b.append("  skipped: ").append(s).append('\n');
			for (String n : notes)
				b.append("  note: ").append(n).append('\n');
			return b.toString();
		}
	}

	/** A BPX file that cannot be imported (not JSON, no parameterisation). */
	public static final class BpxException extends Exception {
		private static final long serialVersionUID = 1L;

		public BpxException(String message) {
			super(message);
		}
	}

	private final List<String> mapped = new ArrayList<>(), skipped = new ArrayList<>(), notes = new ArrayList<>();
	private final Gson gson = new Gson();

	public static Result importFile(Path file) throws IOException, BpxException {
		String name = file.getFileName().toString().replaceFirst("\\.json$", "");
		return importJson(Files.readString(file, StandardCharsets.UTF_8), name);
	}

	/** Imports BPX JSON text; {@code name} (usually the file name) names the package and the cell. */
	public static Result importJson(String json, String name) throws BpxException {
		JsonElement root;
		try {
			root = JsonParser.parseString(json);
		} catch (JsonParseException e) {
			throw new BpxException("not JSON: " + e.getMessage());
		}
		if (!root.isJsonObject())
			throw new BpxException("not a BPX file: the top level is not a JSON object");
		return new BpxImporter().convert(root.getAsJsonObject(), name);
	}

	// ------------------------------------------------------------------------------------------------ conversion

	private Result convert(JsonObject root, String name) throws BpxException {
		JsonObject header = object(root, "Header");
		JsonObject par = object(root, "Parameterisation");
		if (par == null && object(root, CELL) != null)
			par = root; // sections at the top level
		if (par == null)
			throw new BpxException("not a BPX file: no \"Parameterisation\" section");
		String version = header != null && header.has("BPX") ? header.get("BPX").getAsString() : "unknown";
		JsonObject cell = orEmpty(object(par, CELL)), ely = object(par, ELY), sep = object(par, SEP);
		JsonObject neg = electrode(par, NEG), pos = electrode(par, POS);
		if (neg == null || pos == null)
			throw new BpxException("not a BPX cell: \"" + NEG + "\" and \"" + POS + "\" are both needed");

		String id = identifier(name);
		String pkg = "bpx." + id.toLowerCase(Locale.ROOT);
		String cellName = Character.toUpperCase(id.charAt(0)) + id.substring(1);
		StringBuilder out = new StringBuilder();
		out.append("// Imported from BPX ").append(version).append(" (").append(name).append(".json) by cellwright import-bpx.\n");
		if (header != null) {
			for (Map.Entry<String, JsonElement> e : header.entrySet())
				if (!e.getKey().equals("BPX"))
					out.append("// ").append(e.getKey()).append(": ").append(oneLine(e.getValue())).append('\n');
		}
		out.append("// Parameters without a CellWright counterpart are kept as // BPX \"section\" \"key\" = value comments;\n");
		out.append("// cellwright export-bpx writes them back.\n");
		out.append("package ").append(pkg).append("\n\n");

		Double refT = number(cell, "Reference temperature [K]");
		material(out, "NegativeElectrode", "intercalation-anode", NEG, neg, refT,
				"graphite-like host; CellWright's solver models lithium-metal and interlayer anodes only: simulate this cell in PyBaMM (export-bpx)");
		material(out, "PositiveElectrode", "intercalation-cathode", POS, pos, refT, null);
		electrolyte(out, ely);

		// the cell
		out.append("// The cell: one stack of the BPX electrode pairs (area = electrode area x pairs in parallel).\n");
		out.append("cell ").append(cellName).append(" {\n");
		Double area = number(cell, "Electrode area [m2]");
		Double pairs = number(cell, "Number of electrode pairs connected in parallel to make a cell");
		if (area != null) {
			BigDecimal a = exact(area).multiply(pairs == null ? BigDecimal.ONE : exact(pairs)).movePointRight(4);
			out.append("\tarea = ").append(plain(a)).append(" cm2\n");
			mapped.add(CELL + " / Electrode area [m2]");
			keep(out, "\t", CELL, "Number of electrode pairs connected in parallel to make a cell", cell, false);
			if (pairs != null) mapped.add(CELL + " / Number of electrode pairs connected in parallel to make a cell");
		}
		Double tAmb = number(cell, "Ambient temperature [K]");
		if (tAmb != null) {
			out.append("\ttemperature = ").append(fmt(tAmb)).append(" K\n");
			mapped.add(CELL + " / Ambient temperature [K]");
		}
		Double cap = number(cell, "Nominal cell capacity [A.h]");
		if (cap != null) {
			out.append("\tnominal-capacity = ").append(plain(exact(cap).movePointRight(3))).append(" mAh\n");
			mapped.add(CELL + " / Nominal cell capacity [A.h]");
		}
		Double vLow = number(cell, "Lower voltage cut-off [V]"), vHigh = number(cell, "Upper voltage cut-off [V]");
		if (vLow != null) mapped.add(CELL + " / Lower voltage cut-off [V]");
		if (vHigh != null) mapped.add(CELL + " / Upper voltage cut-off [V]");
		if (refT != null) mapped.add(CELL + " / Reference temperature [K]");
		for (String k : cell.keySet())
			if (!mapped.contains(CELL + " / " + k) && !k.startsWith("Number of electrode pairs"))
				keep(out, "\t", CELL, k, cell, true);
		out.append("\tlayer negative: NegativeElectrode ");
		layerBody(out, NEG, neg);
		if (sep != null) {
			out.append("\tlayer separator: Electrolyte ");
			layerBody(out, SEP, sep);
		} else {
			out.append("\t// placeholder: this BPX file (model ").append(header != null && header.has("Model") ? header.get("Model").getAsString() : "?")
					.append(") has no separator; 1 um so that the stack validates\n\tlayer separator: Electrolyte 1 um\n");
			notes.add("no \"Separator\" section (single-particle model?): a 1 um placeholder separator was added so the cell validates");
		}
		out.append("\tlayer positive: PositiveElectrode ");
		layerBody(out, POS, pos);
		out.append("}\n");

		// protocol between the cut-offs and an experiment
		if (vLow != null && vHigh != null) {
			out.append("\n// A slow cycle between the voltage cut-offs of the BPX file.\n");
			out.append("protocol VoltageWindow {\n\tcharge at 0.05 C until ").append(fmt(vHigh)).append(" V\n")
					.append("\tdischarge at 0.05 C until ").append(fmt(vLow)).append(" V\n}\n\n");
			out.append("experiment SlowCycle {\n\tcell ").append(cellName).append("\n\tprotocol VoltageWindow\n}\n");
		}
		for (Map.Entry<String, JsonElement> e : par.entrySet()) {
			String s = e.getKey();
			if (!List.of(CELL, ELY, SEP, NEG, POS).contains(s)) {
				out.append('\n');
				if (e.getValue().isJsonObject())
					for (String k : e.getValue().getAsJsonObject().keySet())
						keep(out, "", s, k, e.getValue().getAsJsonObject(), true);
				else
					keep(out, "", "Parameterisation", s, par, true);
			}
		}
		for (Map.Entry<String, JsonElement> e : root.entrySet())
			if (!e.getKey().equals("Header") && !e.getKey().equals("Parameterisation") && par != root) {
				skipped.add(e.getKey() + " (section not imported: data, not parameters)");
			}
		return new Result(out.toString(), pkg, cellName, version, List.copyOf(mapped), List.copyOf(skipped), List.copyOf(notes));
	}

	/** An electrode's parameters: directly (0.x) or those of its first particle (1.x blended electrodes). */
	private JsonObject electrode(JsonObject par, String section) {
		JsonObject e = object(par, section);
		if (e == null)
			return null;
		JsonObject particles = object(e, "Particle");
		if (particles == null)
			return e;
		JsonObject merged = new JsonObject();
		for (Map.Entry<String, JsonElement> x : e.entrySet())
			if (!x.getKey().equals("Particle"))
				merged.add(x.getKey(), x.getValue());
		boolean first = true;
		for (Map.Entry<String, JsonElement> p : particles.entrySet()) {
			if (!p.getValue().isJsonObject())
				continue;
			if (first) {
				for (Map.Entry<String, JsonElement> x : p.getValue().getAsJsonObject().entrySet())
					merged.add(x.getKey(), x.getValue());
				first = false;
			} else {
				skipped.add(section + " / Particle / " + p.getKey() + " (CellWright has one active material per electrode)");
				notes.add(section + ": only the first particle (blend component) was imported");
			}
		}
		return merged;
	}

	private void material(StringBuilder out, String name, String kind, String section, JsonObject e, Double refT, String comment) {
		out.append("// BPX \"").append(section).append("\" (active material).\n");
		if (comment != null)
			out.append("// kind ").append(kind).append(": ").append(comment).append('\n');
		out.append("material ").append(name).append(" is ").append(kind).append(" {\n");
		prop(out, section, e, "Diffusivity [m2.s-1]", "diffusivity", "m2/s");
		prop(out, section, e, "Conductivity [S.m-1]", "electronic-conductivity", "S/m");
		prop(out, section, e, "Maximum concentration [mol.m-3]", "max-concentration", "mol/m3");
		prop(out, section, e, "Diffusivity activation energy [J.mol-1]", "diffusion-activation-energy", "J/mol");
		prop(out, section, e, "Reaction rate constant activation energy [J.mol-1]", "exchange-current-activation-energy", "J/mol");
		Double k = number(e, "Reaction rate constant [mol.m-2.s-1]");
		if (k != null) {
			out.append("\t// BPX: j0 = F k sqrt(ce/ce0 x (1 - x)); written as F k\n");
			out.append("\texchange-current-density = ").append(fmt(F * k)).append(" A/m2\n");
			mapped.add(section + " / Reaction rate constant [mol.m-2.s-1]");
		}
		if (refT != null)
			out.append("\treference-temperature = ").append(fmt(refT)).append(" K\n");
		// the cell starts discharged: the negative at its minimum, the positive at its maximum stoichiometry
		String start = section.equals(NEG) ? "Minimum stoichiometry" : "Maximum stoichiometry";
		if (number(e, start) != null) {
			out.append("\t// discharged state: BPX \"").append(start).append("\"\n");
			prop(out, section, e, start, "initial-stoichiometry", "");
		}
		JsonElement ocp = e.get("OCP [V]");
		if (ocp != null) {
			String line = ocv(ocp);
			if (line != null) {
				out.append("\t").append(line).append('\n');
				mapped.add(section + " / OCP [V]");
			}
		}
		for (String key : e.keySet())
			if (!mapped.contains(section + " / " + key) && !LAYER_KEYS.contains(key))
				keep(out, "\t", section, key, e, true);
		out.append("}\n\n");
	}

	private static final List<String> LAYER_KEYS = List.of("Thickness [m]", "Particle radius [m]", "Porosity", "Transport efficiency");

	private void electrolyte(StringBuilder out, JsonObject ely) {
		out.append("// BPX \"Electrolyte\". CellWright has no liquid-electrolyte kind: the ion conductor of the separator is\n");
		out.append("// written as a solid-electrolyte whose conductivity is the BPX one at the initial concentration.\n");
		out.append("material Electrolyte is solid-electrolyte {\n");
		if (ely != null) {
			Double c0 = number(ely, "Initial concentration [mol.m-3]");
			JsonElement kappa = ely.get("Conductivity [S.m-1]");
			if (kappa != null && kappa.isJsonPrimitive() && kappa.getAsJsonPrimitive().isNumber()) {
				out.append("\tionic-conductivity = ").append(fmt(kappa.getAsDouble())).append(" S/m\n");
				mapped.add(ELY + " / Conductivity [S.m-1]");
			} else if (kappa != null && kappa.isJsonPrimitive() && c0 != null) {
				try {
					double v = PyExpression.evaluate(kappa.getAsString(), c0);
					out.append("\t// conductivity(x) at x = ").append(fmt(c0)).append(" mol/m3\n");
					out.append("\tionic-conductivity = ").append(fmt(v)).append(" S/m\n");
					notes.add(ELY + " / Conductivity: function evaluated at the initial concentration (" + fmt(v) + " S/m); the function is kept as a comment");
				} catch (IllegalArgumentException x) {
					notes.add(ELY + " / Conductivity: " + x.getMessage());
				}
			}
			prop(out, ELY, ely, "Conductivity activation energy [J.mol-1]", "ionic-activation-energy", "J/mol");
			for (String key : ely.keySet())
				if (!mapped.contains(ELY + " / " + key))
					keep(out, "\t", ELY, key, ely, true);
		}
		out.append("}\n\n");
	}

	private void layerBody(StringBuilder out, String section, JsonObject e) {
		Double t = number(e, "Thickness [m]");
		if (t != null) {
			out.append(plain(exact(t).movePointRight(6))).append(" um");
			mapped.add(section + " / Thickness [m]");
		}
		out.append(" {\n");
		Double eps = number(e, "Porosity"), b = number(e, "Transport efficiency"), r = number(e, "Particle radius [m]");
		if (eps != null) {
			out.append("\t\tporosity = ").append(fmt(eps)).append('\n');
			mapped.add(section + " / Porosity");
		}
		if (r != null) {
			out.append("\t\tparticle-radius = ").append(plain(exact(r).movePointRight(6))).append(" um\n");
			mapped.add(section + " / Particle radius [m]");
		}
		if (eps != null && b != null) {
			out.append("\t\t// BPX transport efficiency ").append(fmt(b)).append(" = porosity / tortuosity\n");
			out.append("\t\ttortuosity = ").append(fmt(eps / b)).append('\n');
			mapped.add(section + " / Transport efficiency");
		} else if (b != null)
			keep(out, "\t\t", section, "Transport efficiency", e, true);
		if (section.equals(SEP))
			for (String key : e.keySet())
				if (!mapped.contains(section + " / " + key))
					keep(out, "\t\t", section, key, e, true);
		out.append("\t}\n");
	}

	private String ocv(JsonElement ocp) {
		if (ocp.isJsonPrimitive() && ocp.getAsJsonPrimitive().isString()) {
			String f = PyExpression.toCellWright(ocp.getAsString());
			if (f == null)
				return null;
			return "ocv function V = " + f;
		}
		if (ocp.isJsonObject() && ocp.getAsJsonObject().has("x") && ocp.getAsJsonObject().has("y")) {
			JsonArray xs = ocp.getAsJsonObject().getAsJsonArray("x"), ys = ocp.getAsJsonObject().getAsJsonArray("y");
			StringBuilder b = new StringBuilder("ocv table V { ");
			for (int i = 0; i < xs.size() && i < ys.size(); i++)
				b.append(i == 0 ? "" : ", ").append(fmt(xs.get(i).getAsDouble())).append(' ').append(fmt(ys.get(i).getAsDouble()));
			return b.append(" }").toString();
		}
		if (ocp.isJsonPrimitive() && ocp.getAsJsonPrimitive().isNumber())
			return "ocv function V = " + fmt(ocp.getAsDouble());
		return null;
	}

	private void prop(StringBuilder out, String section, JsonObject e, String key, String name, String unit) {
		JsonElement v = e.get(key);
		if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber())
			return; // functions and tables stay as comments
		out.append('\t').append(name).append(" = ").append(fmt(v.getAsDouble())).append(unit.isEmpty() ? "" : " " + unit).append('\n');
		mapped.add(section + " / " + key);
	}

	/** Writes a parameter as a BPX comment; {@code report} adds it to the skipped list. */
	private void keep(StringBuilder out, String indent, String section, String key, JsonObject o, boolean report) {
		JsonElement v = o.get(key);
		if (v == null)
			return;
		out.append(indent).append("// BPX ").append(gson.toJson(section)).append(' ').append(gson.toJson(key)).append(" = ")
				.append(gson.toJson(v)).append('\n');
		if (report)
			skipped.add(section + " / " + key);
	}

	// ------------------------------------------------------------------------------------------------ helpers

	private static JsonObject object(JsonObject o, String key) {
		if (o == null)
			return null;
		for (Map.Entry<String, JsonElement> e : o.entrySet())
			if (e.getKey().equalsIgnoreCase(key) && e.getValue().isJsonObject())
				return e.getValue().getAsJsonObject();
		return null;
	}

	private static JsonObject orEmpty(JsonObject o) {
		return o == null ? new JsonObject() : o;
	}

	static Double number(JsonObject o, String key) {
		if (o == null)
			return null;
		JsonElement v = o.get(key);
		return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() ? v.getAsDouble() : null;
	}

	private static String oneLine(JsonElement v) {
		return (v.isJsonPrimitive() ? v.getAsString() : v.toString()).replaceAll("\\s+", " ");
	}

	static String identifier(String name) {
		String s = name.replaceAll("[^A-Za-z0-9_]", "_");
		if (s.isEmpty() || !Character.isLetter(s.charAt(0)))
			s = "C" + s;
		return s;
	}

	private static BigDecimal exact(double v) {
		return new BigDecimal(Double.toString(v));
	}

	private static String plain(BigDecimal d) {
		String s = d.stripTrailingZeros().toPlainString();
		return s;
	}

	/** Shortest text that reads back as the same double, in the syntax of CellWright numbers. */
	public static String fmt(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15)
			return Long.toString((long) v);
		double a = Math.abs(v);
		if (a >= 1e-3 && a < 1e7)
			return exact(v).stripTrailingZeros().toPlainString();
		return Double.toString(v).replace("E", "e");
	}
}
