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

import org.cellwright.lang.text.Printable;

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

	/** A BPX file larger than this is refused before it is read (the BPX files of the field have a few hundred kB). */
	public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
	/** JSON nesting a BPX file may have (a BPX file nests about six levels deep). */
	public static final int MAX_JSON_DEPTH = 64;
	/** Points an OCP table may have. */
	public static final int MAX_TABLE_POINTS = 10_000;

	private final List<String> mapped = new ArrayList<>(), skipped = new ArrayList<>(), notes = new ArrayList<>();
	private final Gson gson = new Gson();
	/** Where each imported parameter came from in the JSON ("section / key" to a JSON path), for messages. */
	private final Map<String, String> origin = new java.util.HashMap<>();
	private String parPath = "$.Parameterisation";
	/** Comments holding the particle populations of blended electrodes beyond the first, per section. */
	private final Map<String, List<String>> blends = new java.util.HashMap<>();

	/**
	 * Imports a BPX file. Every refusal is a {@link BpxException} whose message names the JSON path of the offending
	 * value (the caller adds the file name); no input ends in any other exception.
	 */
	public static Result importFile(Path file) throws IOException, BpxException {
		String name = file.getFileName().toString().replaceFirst("\\.json$", "");
		long size = Files.size(file);
		if (size > MAX_FILE_BYTES)
			throw new BpxException("refused: " + size / (1024 * 1024) + " MB; a BPX file has at most " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
		String json;
		try {
			json = Files.readString(file, StandardCharsets.UTF_8);
		} catch (java.nio.charset.CharacterCodingException e) {
			throw new BpxException("not UTF-8 text: " + e.getMessage());
		}
		Result r = importJson(json, name);
		// what the BPX project's validator refuses is refused too, each problem with its JSON path
		List<String> problems = BpxSchema.problems(JsonParser.parseString(json.startsWith("\uFEFF") ? json.substring(1) : json).getAsJsonObject());
		if (!problems.isEmpty()) {
			int shown = Math.min(problems.size(), 10);
			throw new BpxException("not valid BPX (the BPX validator refuses it): " + String.join("\n  ", problems.subList(0, shown))
					+ (problems.size() > shown ? "\n  ... and " + (problems.size() - shown) + " more" : ""));
		}
		return r;
	}

	/** Imports BPX JSON text; {@code name} (usually the file name) names the package and the cell. */
	public static Result importJson(String json, String name) throws BpxException {
		if (json.startsWith("\uFEFF"))
			json = json.substring(1); // a byte-order mark, as Windows editors write it
		JsonElement root;
		try {
			root = JsonParser.parseString(json);
		} catch (JsonParseException | StackOverflowError e) {
			// Gson wraps the reader's message ("End of input at line 1 column 12 path $.Header") in its exception's
			String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
			throw new BpxException("not JSON: " + Printable.escape(shorten(m)));
		}
		if (!root.isJsonObject())
			throw new BpxException("not a BPX file: the top level is not a JSON object");
		checkDepth(root);
		try {
			return new BpxImporter().convert(root.getAsJsonObject(), name);
		} catch (RuntimeException e) {
			// every expected problem is a BpxException with its JSON path; this names what was not expected, without a trace
			throw new BpxException("cannot import: unexpected structure (" + e.getClass().getSimpleName() + ": "
					+ Printable.escape(shorten(String.valueOf(e.getMessage()))) + ")");
		}
	}

	/** Refuses JSON nested deeper than {@link #MAX_JSON_DEPTH}, walking it without recursion; names the path. */
	private static void checkDepth(JsonElement root) throws BpxException {
		record At(JsonElement e, int depth, String path) {
		}
		java.util.ArrayDeque<At> todo = new java.util.ArrayDeque<>();
		todo.push(new At(root, 0, "$"));
		while (!todo.isEmpty()) {
			At a = todo.pop();
			if (a.depth() > MAX_JSON_DEPTH)
				throw new BpxException(a.path() + ": nested deeper than " + MAX_JSON_DEPTH + " levels; a BPX file nests a few levels");
			if (a.e().isJsonObject())
				for (Map.Entry<String, JsonElement> e : a.e().getAsJsonObject().entrySet())
					todo.push(new At(e.getValue(), a.depth() + 1, a.depth() < 8 ? a.path() + key(e.getKey()) : a.path() + "..."));
			else if (a.e().isJsonArray()) {
				int i = 0;
				for (JsonElement x : a.e().getAsJsonArray())
					todo.push(new At(x, a.depth() + 1, a.depth() < 8 ? a.path() + "[" + i++ + "]" : a.path() + "..."));
			}
		}
	}

	/** A key of a JSON path: {@code .Cell} or {@code ["Positive electrode"]}. */
	static String key(String k) {
		return k.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + k : "[" + Printable.escape(new Gson().toJson(k)) + "]";
	}

	/** The JSON path of a parameter, for messages. */
	private String path(String section, String k) {
		String o = origin.get(section + " / " + k);
		return o != null ? o : parPath + key(section) + key(k);
	}

	static String shorten(String s) {
		return s.length() > 200 ? s.substring(0, 200) + "..." : s;
	}

	// ------------------------------------------------------------------------------------------------ conversion

	private Result convert(JsonObject root, String name) throws BpxException {
		JsonObject header = object(root, "Header");
		JsonObject par = object(root, "Parameterisation");
		if (par == null && object(root, CELL) != null) {
			par = root; // sections at the top level
			parPath = "$";
		}
		if (par == null)
			throw new BpxException("not a BPX file: no \"Parameterisation\" section");
		JsonElement bpxVersion = header == null ? null : header.get("BPX");
		if (bpxVersion != null && !bpxVersion.isJsonPrimitive())
			throw new BpxException("$.Header.BPX: not a version (such as \"0.4.0\")");
		String version = text(header, "BPX");
		if (version == null)
			version = "unknown";
		else if (!version.matches("[0-9][0-9A-Za-z.+-]{0,20}"))
			throw new BpxException("$.Header.BPX: '" + Printable.escape(shorten(version)) + "' is not a BPX version (such as 0.4.0)");
		JsonObject cell = orEmpty(object(par, CELL)), ely = object(par, ELY), sep = object(par, SEP);
		// BPX 1.x: initial and ambient conditions in a "State" section beside "Parameterisation"
		JsonObject state = object(root, STATE);
		Double c0State = number(object(state, INITIAL), STATE_C0), tAmbState = number(object(state, THERMAL), "Ambient temperature [K]");
		Double soc = number(object(state, INITIAL), "Initial state-of-charge");
		initialSoc = soc != null && soc >= 0 && soc <= 1 ? soc : null;
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
					out.append("// ").append(Printable.escape(e.getKey())).append(": ").append(Printable.escape(oneLine(e.getValue()))).append('\n');
		}
		out.append("// Parameters without a CellWright counterpart are kept as // BPX \"section\" \"key\" = value comments;\n");
		out.append("// cellwright export-bpx writes them back.\n");
		out.append("package ").append(pkg).append("\n\n");

		Double refT = number(cell, "Reference temperature [K]");
		material(out, "NegativeElectrode", "intercalation-anode", NEG, neg, refT,
				"graphite-like host; CellWright's solver models lithium-metal and interlayer anodes only: simulate this cell in PyBaMM (export-bpx)");
		material(out, "PositiveElectrode", "intercalation-cathode", POS, pos, refT, null);
		electrolyte(out, ely, c0State);

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
		} else if (tAmbState != null) {
			out.append("\t// BPX \"State\" / \"Thermal environment\" / \"Ambient temperature [K]\"\n");
			out.append("\ttemperature = ").append(fmt(tAmbState)).append(" K\n");
			mapped.add(STATE + " / " + THERMAL + " / Ambient temperature [K]");
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
			String model = text(header, "Model");
			out.append("\t// placeholder: this BPX file (model ").append(model == null ? "?" : Printable.escape(shorten(model)))
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
			if (!List.of(CELL, ELY, SEP, NEG, POS, STATE, "Header").contains(s)) {
				out.append('\n');
				if (e.getValue().isJsonObject())
					for (String k : e.getValue().getAsJsonObject().keySet())
						keep(out, "", s, k, e.getValue().getAsJsonObject(), true);
				else
					keep(out, "", "Parameterisation", s, par, true);
			}
		}
		if (state != null)
			state(out, state);
		for (Map.Entry<String, JsonElement> e : root.entrySet())
			if (!e.getKey().equals("Header") && !e.getKey().equals("Parameterisation") && !e.getKey().equalsIgnoreCase(STATE) && par != root) {
				skipped.add(e.getKey() + " (section not imported: data, not parameters)");
			}
		return new Result(out.toString(), pkg, cellName, version, List.copyOf(mapped), List.copyOf(skipped), List.copyOf(notes));
	}

	/** BPX 1.x State's initial state of charge (0 to 1), applied to the electrode layers; null when absent. */
	private Double initialSoc;
	private final List<String> socApplied = new ArrayList<>();

	static final String STATE = "State", INITIAL = "Initial conditions", THERMAL = "Thermal environment",
			STATE_C0 = "Initial electrolyte concentration [mol.m-3]";

	/**
	 * BPX 1.x's {@code "State"}: the ambient temperature and the initial electrolyte concentration are used (when the
	 * parameterisation has none); every other entry is reported as a note saying why it is not applied, and all are
	 * written as comments {@code // BPX State "group" "key" = json} (not read back by the exporter, which writes 0.x).
	 */
	private void state(StringBuilder out, JsonObject state) {
		out.append("\n// BPX \"State\" (BPX 1.x: initial and ambient conditions)\n");
		for (Map.Entry<String, JsonElement> g : state.entrySet()) {
			if (!g.getValue().isJsonObject()) {
				out.append("// BPX State ").append(json(g.getKey())).append(" = ").append(json(g.getValue())).append('\n');
				notes.add(STATE + " / " + g.getKey() + ": not applied (no CellWright counterpart); kept as a comment");
				continue;
			}
			for (Map.Entry<String, JsonElement> e : g.getValue().getAsJsonObject().entrySet()) {
				String k = e.getKey(), id = STATE + " / " + g.getKey() + " / " + k;
				out.append("// BPX State ").append(json(g.getKey())).append(' ').append(json(k)).append(" = ").append(json(e.getValue())).append('\n');
				if (mapped.contains(id))
					continue;
				String v = e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : "{...}";
				String why;
				if (k.startsWith("Initial state-of-charge") && socApplied.size() == 2) {
					notes.add(id + " = " + shorten(v) + ": applied as the electrode layers' initial-stoichiometry (" + String.join(", ", socApplied)
							+ "; the materials keep the discharged values); kept as a comment");
					continue;
				} else if (k.startsWith("Initial state-of-charge"))
					why = "the imported cell starts discharged (negative electrode at its minimum, positive at its maximum stoichiometry); "
							+ "charge it in the protocol, or edit initial-stoichiometry";
				else if (k.startsWith("Initial temperature"))
					why = "CellWright cells are isothermal at the cell's temperature";
				else if (k.startsWith("Ambient temperature"))
					why = "the parameterisation's \"Cell\" ambient temperature is used";
				else if (k.startsWith("Initial electrolyte concentration"))
					why = "the parameterisation's electrolyte initial concentration is used";
				else if (k.startsWith("Heat transfer coefficient"))
					why = "CellWright has no thermal model";
				else if (k.toLowerCase(Locale.ROOT).contains("hysteresis"))
					why = "CellWright has no OCP hysteresis";
				else
					why = "no CellWright counterpart";
				notes.add(id + " = " + shorten(v) + ": not applied (" + why + "); kept as a comment");
			}
		}
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
		String firstName = null;
		for (Map.Entry<String, JsonElement> p : particles.entrySet()) {
			if (!p.getValue().isJsonObject())
				continue;
			if (first) {
				firstName = p.getKey();
				for (Map.Entry<String, JsonElement> x : p.getValue().getAsJsonObject().entrySet()) {
					merged.add(x.getKey(), x.getValue());
					origin.put(section + " / " + x.getKey(), parPath + key(section) + ".Particle" + key(p.getKey()) + key(x.getKey()));
				}
				first = false;
			} else {
				skipped.add(section + " / Particle / " + p.getKey() + " (CellWright has one active material per electrode)");
				JsonObject o = p.getValue().getAsJsonObject();
				Double r = number(o, "Particle radius [m]"), a = number(o, "Surface area per unit volume [m-1]");
				notes.add(section + ": blended electrode: only the particle population '" + firstName + "' was imported; '" + p.getKey() + "'"
						+ (r != null ? " (particle radius " + fmt(r * 1e6) + " um" + (a != null ? ", surface area per volume " + fmt(a) + " 1/m" : "") + ")"
								: "")
						+ " is not simulated (CellWright has one active material per electrode) and is kept as a comment");
				blends.computeIfAbsent(section, x -> new ArrayList<>())
						.add("// BPX blend component " + json(p.getKey()) + " of " + json(section) + " (not imported) = " + json(o));
			}
		}
		return merged;
	}

	private void material(StringBuilder out, String name, String kind, String section, JsonObject e, Double refT, String comment)
			throws BpxException {
		out.append("// BPX \"").append(section).append("\" (active material).\n");
		for (String b : blends.getOrDefault(section, List.of()))
			out.append(b).append('\n');
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
			String line = ocv(ocp, path(section, "OCP [V]"));
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

	private void electrolyte(StringBuilder out, JsonObject ely, Double c0State) {
		out.append("// BPX \"Electrolyte\". CellWright has no liquid-electrolyte kind: the ion conductor of the separator is\n");
		out.append("// written as a solid-electrolyte whose conductivity is the BPX one at the initial concentration.\n");
		out.append("material Electrolyte is solid-electrolyte {\n");
		if (ely != null) {
			Double c0 = number(ely, "Initial concentration [mol.m-3]");
			if (c0 == null && c0State != null) {
				c0 = c0State; // BPX 1.x keeps it in "State"
				mapped.add(STATE + " / " + INITIAL + " / " + STATE_C0);
			}
			JsonElement kappa = ely.get("Conductivity [S.m-1]");
			if (kappa != null && isNumber(kappa)) {
				out.append("\tionic-conductivity = ").append(fmt(kappa.getAsDouble())).append(" S/m\n");
				mapped.add(ELY + " / Conductivity [S.m-1]");
			} else if (kappa != null && kappa.isJsonObject() && c0 != null) {
				try {
					double v = interpolate(kappa.getAsJsonObject(), c0);
					out.append("\t// conductivity table at x = ").append(fmt(c0)).append(" mol/m3 (linear interpolation)\n");
					out.append("\tionic-conductivity = ").append(fmt(v)).append(" S/m\n");
					notes.add(ELY + " / Conductivity: table evaluated at the initial concentration (" + fmt(v) + " S/m); the table is kept as a comment");
				} catch (IllegalArgumentException x) {
					notes.add(ELY + " / Conductivity: " + x.getMessage());
				}
			} else if (kappa != null && kappa.isJsonPrimitive() && c0 != null) {
				try {
					double v = PyExpression.evaluate(kappa.getAsString(), c0);
					if (!Double.isFinite(v))
						throw new IllegalArgumentException("the function gives " + v + " at the initial concentration " + fmt(c0) + " mol/m3");
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
		if (t == null)
			keep(out, "\t\t", section, "Thickness [m]", e, true);
		Double eps = number(e, "Porosity"), b = number(e, "Transport efficiency"), r = number(e, "Particle radius [m]");
		if (eps != null) {
			out.append("\t\tporosity = ").append(fmt(eps)).append('\n');
			mapped.add(section + " / Porosity");
		}
		if (r != null) {
			out.append("\t\tparticle-radius = ").append(plain(exact(r).movePointRight(6))).append(" um\n");
			mapped.add(section + " / Particle radius [m]");
		}
		if (eps != null && b != null && b > 0) {
			out.append("\t\t// BPX transport efficiency ").append(fmt(b)).append(" = porosity / tortuosity\n");
			out.append("\t\ttortuosity = ").append(fmt(eps / b)).append('\n');
			mapped.add(section + " / Transport efficiency");
		} else if (b != null)
			keep(out, "\t\t", section, "Transport efficiency", e, true);
		Double lo = number(e, "Minimum stoichiometry"), hi = number(e, "Maximum stoichiometry");
		if (initialSoc != null && lo != null && hi != null && !section.equals(SEP)) {
			// BPX: the state of charge runs from the minimum to the maximum stoichiometry of the negative electrode, and
			// from the maximum to the minimum of the positive
			BigDecimal span = exact(initialSoc).multiply(exact(hi).subtract(exact(lo)));
			double x = (section.equals(NEG) ? exact(lo).add(span) : exact(hi).subtract(span)).doubleValue();
			out.append("\t\t// BPX \"State\" initial state-of-charge ").append(fmt(initialSoc)).append('\n');
			out.append("\t\tinitial-stoichiometry = ").append(fmt(x)).append('\n');
			socApplied.add((section.equals(NEG) ? "negative " : "positive ") + fmt(x));
		}
		if (section.equals(SEP))
			for (String key : e.keySet())
				if (!mapped.contains(section + " / " + key))
					keep(out, "\t\t", section, key, e, true);
		out.append("\t}\n");
	}

	private String ocv(JsonElement ocp, String where) throws BpxException {
		if (ocp.isJsonPrimitive() && ocp.getAsJsonPrimitive().isString()) {
			String f;
			try {
				f = PyExpression.toCellWright(ocp.getAsString());
			} catch (PyExpression.TooLarge e) {
				throw new BpxException(where + ": refused: " + e.getMessage()
						+ " (write the OCP as a table {\"x\": [...], \"y\": [...]})");
			}
			if (f == null)
				return null;
			return "ocv function V = " + f;
		}
		if (ocp.isJsonObject() && ocp.getAsJsonObject().has("x") && ocp.getAsJsonObject().has("y")) {
			JsonElement xe = ocp.getAsJsonObject().get("x"), ye = ocp.getAsJsonObject().get("y");
			if (!xe.isJsonArray() || !ye.isJsonArray())
				throw new BpxException(where + ": a table's \"x\" and \"y\" must be lists of numbers");
			JsonArray xs = xe.getAsJsonArray(), ys = ye.getAsJsonArray();
			if (xs.size() != ys.size())
				throw new BpxException(where + ": the table has " + xs.size() + " x and " + ys.size() + " y values");
			if (xs.size() > MAX_TABLE_POINTS)
				throw new BpxException(where + ": refused: the table has " + xs.size() + " points (at most " + MAX_TABLE_POINTS + ")");
			StringBuilder b = new StringBuilder("ocv table V { ");
			for (int i = 0; i < xs.size(); i++) {
				String which = !isNumber(xs.get(i)) ? ".x[" + i + "]" : !isNumber(ys.get(i)) ? ".y[" + i + "]" : null;
				if (which != null)
					throw new BpxException(where + which + ": not a number");
				b.append(i == 0 ? "" : ", ").append(fmt(xs.get(i).getAsDouble())).append(' ').append(fmt(ys.get(i).getAsDouble()));
			}
			return b.append(" }").toString();
		}
		if (isNumber(ocp))
			return "ocv function V = " + fmt(ocp.getAsDouble());
		return null;
	}

	private void prop(StringBuilder out, String section, JsonObject e, String key, String name, String unit) {
		JsonElement v = e.get(key);
		if (v == null || !isNumber(v))
			return; // functions and tables (and numbers beyond double) stay as comments
		out.append('\t').append(name).append(" = ").append(fmt(v.getAsDouble())).append(unit.isEmpty() ? "" : " " + unit).append('\n');
		mapped.add(section + " / " + key);
	}

	/** Writes a parameter as a BPX comment; {@code report} adds it to the skipped list. */
	private void keep(StringBuilder out, String indent, String section, String key, JsonObject o, boolean report) {
		JsonElement v = o.get(key);
		if (v == null)
			return;
		out.append(indent).append("// BPX ").append(json(section)).append(' ').append(json(key)).append(" = ")
				.append(json(v)).append('\n');
		if (report)
			skipped.add(section + " / " + key);
	}

	// ------------------------------------------------------------------------------------------------ helpers

	/**
	 * JSON text for a comment of the .cell file: Gson escapes control characters in strings; bidirectional overrides,
	 * C1 controls and line separators are escaped here too (as JSON {@code \\uXXXX}, so the exporter reads them back).
	 */
	private String json(Object v) {
		String j = v instanceof JsonElement e ? gson.toJson(e) : gson.toJson(v);
		StringBuilder b = new StringBuilder(j.length());
		for (int i = 0; i < j.length(); i++) {
			char c = j.charAt(i);
			if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E
					|| c == 0x200F || c == 0x061C || c == 0x2028 || c == 0x2029)
				b.append(String.format("\\u%04x", (int) c));
			else
				b.append(c);
		}
		return b.toString();
	}

	private static JsonObject object(JsonObject o, String key) {
		if (o == null)
			return null;
		for (Map.Entry<String, JsonElement> e : o.entrySet())
			if (e.getKey().equalsIgnoreCase(key) && e.getValue().isJsonObject())
				return e.getValue().getAsJsonObject();
		return null;
	}

	/**
	 * A BPX table {@code {"x": [...], "y": [...]}} at {@code at}, interpolated linearly between its points (x ascending);
	 * outside the table's range, or a table that is not one, is an {@link IllegalArgumentException} saying why.
	 */
	public static double interpolate(JsonObject table, double at) {
		JsonElement xe = table.get("x"), ye = table.get("y");
		if (xe == null || ye == null || !xe.isJsonArray() || !ye.isJsonArray() || xe.getAsJsonArray().size() != ye.getAsJsonArray().size()
				|| xe.getAsJsonArray().isEmpty())
			throw new IllegalArgumentException("not a table of equally many x and y values");
		JsonArray xs = xe.getAsJsonArray(), ys = ye.getAsJsonArray();
		double[] x = new double[xs.size()], y = new double[xs.size()];
		for (int i = 0; i < x.length; i++) {
			if (!isNumber(xs.get(i)) || !isNumber(ys.get(i)))
				throw new IllegalArgumentException("the table has a value that is not a number at index " + i);
			x[i] = xs.get(i).getAsDouble();
			y[i] = ys.get(i).getAsDouble();
			if (i > 0 && x[i] <= x[i - 1])
				throw new IllegalArgumentException("the table's x values do not increase at index " + i);
		}
		if (at < x[0] || at > x[x.length - 1])
			throw new IllegalArgumentException(fmt(at) + " is outside the table (" + fmt(x[0]) + " to " + fmt(x[x.length - 1]) + ")");
		for (int i = 1; i < x.length; i++)
			if (at <= x[i])
				return y[i - 1] + (y[i] - y[i - 1]) * (at - x[i - 1]) / (x[i] - x[i - 1]);
		return y[0]; // a table of one point
	}

	private static boolean isNumber(JsonElement e) {
		return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() && Double.isFinite(e.getAsDouble());
	}

	/** A text (or number) field of a JSON object, or null. */
	private static String text(JsonObject o, String key) {
		JsonElement v = o == null ? null : o.get(key);
		return v != null && v.isJsonPrimitive() ? v.getAsString() : null;
	}

	private static JsonObject orEmpty(JsonObject o) {
		return o == null ? new JsonObject() : o;
	}

	static Double number(JsonObject o, String key) {
		if (o == null)
			return null;
		JsonElement v = o.get(key);
		return v != null && isNumber(v) ? v.getAsDouble() : null; // 1e400 is no number: kept as a comment
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
