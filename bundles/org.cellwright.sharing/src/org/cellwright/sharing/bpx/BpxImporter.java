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
			// the reader's reason ("End of input at line 1 column 12 path $.Header"), without the class names Gson wraps it in
			throw new BpxException("not JSON: " + Printable.escape(Printable.shorten(org.cellwright.solver.input.json.JsonSyntax.reason(e))));
		}
		if (!root.isJsonObject())
			throw new BpxException("not a BPX file: the top level is not a JSON object");
		checkDepth(root);
		checkDuplicateKeys(json);
		List<String> implausible = BpxSchema.implausible(root.getAsJsonObject());
		if (!implausible.isEmpty())
			throw new BpxException("cannot import: " + String.join("\n  ", implausible.subList(0, Math.min(10, implausible.size())))
					+ (implausible.size() > 10 ? "\n  ... and " + (implausible.size() - 10) + " more" : ""));
		try {
			return new BpxImporter().convert(root.getAsJsonObject(), name);
		} catch (RuntimeException e) {
			// every expected problem is a BpxException with its JSON path; this names what was not expected, without a trace
			throw new BpxException("cannot import: unexpected structure (" + e.getClass().getSimpleName() + ": "
					+ Printable.escape(Printable.shorten(String.valueOf(e.getMessage()))) + ")");
		}
	}

	/**
	 * Refuses a key given twice in one object, naming it, its JSON path and line: a JSON parser keeps one of the two
	 * without a word (Gson the last), so which value was meant is a guess (fuzz22: a second "Header" was taken). Read
	 * with a streaming reader after the text parsed (its nesting is bounded by then), without recursion.
	 */
	private static void checkDuplicateKeys(String json) throws BpxException {
		final class Frame {
			final String path;
			final java.util.Set<String> names; // null: an array
			String name;
			int index;

			Frame(String path, boolean object) {
				this.path = path;
				this.names = object ? new java.util.HashSet<>() : null;
			}

			/** The JSON path of the value read next in this object or array. */
			String next() {
				return names != null ? path + key(name) : path + "[" + index++ + "]";
			}
		}
		try (com.google.gson.stream.JsonReader r = new com.google.gson.stream.JsonReader(new java.io.StringReader(json))) {
			r.setLenient(true); // as JsonParser.parseString reads it
			java.util.ArrayDeque<Frame> open = new java.util.ArrayDeque<>();
			while (true) {
				switch (r.peek()) {
				case BEGIN_OBJECT -> {
					r.beginObject();
					open.push(new Frame(open.isEmpty() ? "$" : open.peek().next(), true));
				}
				case BEGIN_ARRAY -> {
					r.beginArray();
					open.push(new Frame(open.isEmpty() ? "$" : open.peek().next(), false));
				}
				case END_OBJECT -> {
					r.endObject();
					open.pop();
				}
				case END_ARRAY -> {
					r.endArray();
					open.pop();
				}
				case NAME -> {
					Frame f = open.peek();
					f.name = r.nextName();
					if (!f.names.add(f.name)) {
						java.util.regex.Matcher m = java.util.regex.Pattern.compile(" at line (\\d+) ").matcher(r.toString());
						throw new BpxException(f.path + key(f.name) + (m.find() ? " (line " + m.group(1) + ")" : "")
								+ ": the key is given twice in this object: give it once (a JSON reader keeps one of the two without a word,"
								+ " so which was meant cannot be told)");
					}
				}
				case END_DOCUMENT -> {
					return;
				}
				default -> {
					if (!open.isEmpty() && open.peek().names == null)
						open.peek().index++;
					r.skipValue();
				}
				}
			}
		} catch (IOException | IllegalStateException e) {
			// the text parsed already: nothing the reader could refuse is left
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
			throw new BpxException("$.Header.BPX: " + Printable.quoted(version) + " is not a BPX version (such as 0.4.0)");
		JsonObject cell = orEmpty(object(par, CELL)), ely = object(par, ELY), sep = object(par, SEP);
		// BPX 1.x: initial and ambient conditions in a "State" section beside "Parameterisation"
		JsonObject state = object(root, STATE);
		Double c0State = number(object(state, INITIAL), STATE_C0);
		Double soc = number(object(state, INITIAL), "Initial state-of-charge");
		initialSoc = soc != null && soc >= 0 && soc <= 1 ? soc : null;
		Electrode neg = electrode(par, NEG), pos = electrode(par, POS);
		if (neg == null || pos == null)
			throw new BpxException("not a BPX cell: \"" + NEG + "\" and \"" + POS + "\" are both needed");
		// the initial electrolyte concentration: 0.x keeps it in the electrolyte, 1.x in "State"; it normalises BPX's
		// exchange current (j0 = F k sqrt(ce/ce0 x (1 - x)))
		c0 = ely == null ? null : number(ely, "Initial concentration [mol.m-3]");
		if (c0 == null && c0State != null) {
			c0 = c0State;
			mapped.add(STATE + " / " + INITIAL + " / " + STATE_C0);
		}
		if (c0 == null) {
			c0 = DEFAULT_C0;
			notes.add("no initial electrolyte concentration in the file: " + fmt(DEFAULT_C0) + " mol/m3 is used (BPX's reference concentration, as PyBaMM does)");
		}
		Double refT = number(cell, "Reference temperature [K]");
		tRef = refT != null ? refT : 298.15;

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

		user = object(par, USER);
		electrodeMaterials(out, "NegativeElectrode", "intercalation-anode", NEG, neg, refT);
		electrodeMaterials(out, "PositiveElectrode", "intercalation-cathode", POS, pos, refT);
		// a single-particle-model file (header "Model": "SPM", no electrolyte or separator) is a 'model single-particle' cell
		boolean spm = ely == null && sep == null && "SPM".equalsIgnoreCase(text(header, "Model"));
		if (spm)
			notes.add("a single-particle-model file (\"Model\": \"SPM\"): imported as a 'model single-particle' cell of its two electrodes,"
					+ " which run simulates with the single-particle model");
		if (spm)
			out.append("// BPX \"Model\": \"SPM\": a single-particle cell (docs/language.md): no electrolyte, no separator.\n\n");
		boolean liquid = !spm && electrolyte(out, ely);
		String separatorMaterial = "Electrolyte";
		Double sepEps = sep == null ? null : number(sep, "Porosity");
		if (liquid && sepEps != null && sepEps < 1) {
			// DFN cells (docs/language.md): the separator is the electrolyte with an inert polymer; the electrolyte's
			// volume fraction is the separator's porosity
			separatorMaterial = "Separator";
			out.append("// BPX \"Separator\": the electrolyte in the pores of an inert polymer (porosity ").append(fmt(sepEps)).append(").\n");
			out.append("material SeparatorPolymer is binder {\n}\n\n");
			BigDecimal e = exact(sepEps).movePointRight(2);
			out.append("composite Separator {\n\tElectrolyte ").append(plain(e)).append(" vol%\n\tSeparatorPolymer ")
					.append(plain(BigDecimal.valueOf(100).subtract(e))).append(" vol%\n}\n\n");
			mapped.add(SEP + " / Porosity");
		}

		// the cell
		out.append("// The cell: one stack of the BPX electrode pairs (area = electrode area x pairs in parallel).\n");
		out.append("cell ").append(cellName).append(" {\n");
		if (spm)
			out.append("\tmodel single-particle // BPX \"Model\": \"SPM\"\n");
		Double area = number(cell, "Electrode area [m2]");
		Double pairs = number(cell, "Number of electrode pairs connected in parallel to make a cell");
		if (area != null) {
			BigDecimal a = exact(area).multiply(pairs == null ? BigDecimal.ONE : exact(pairs)).movePointRight(4);
			out.append("\tarea = ").append(plain(a)).append(" cm2\n");
			mapped.add(CELL + " / Electrode area [m2]");
			keep(out, "\t", CELL, "Number of electrode pairs connected in parallel to make a cell", cell, false);
			if (pairs != null) mapped.add(CELL + " / Number of electrode pairs connected in parallel to make a cell");
		}
		Double cap = number(cell, "Nominal cell capacity [A.h]");
		if (cap != null) {
			out.append("\tnominal-capacity = ").append(plain(exact(cap).movePointRight(3))).append(" mAh\n");
			mapped.add(CELL + " / Nominal cell capacity [A.h]");
		}
		Double vLow = number(cell, "Lower voltage cut-off [V]"), vHigh = number(cell, "Upper voltage cut-off [V]");
		if (vLow != null) {
			out.append("\tlower-voltage-cutoff = ").append(fmt(vLow)).append(" V\n");
			mapped.add(CELL + " / Lower voltage cut-off [V]");
		}
		if (vHigh != null) {
			out.append("\tupper-voltage-cutoff = ").append(fmt(vHigh)).append(" V\n");
			mapped.add(CELL + " / Upper voltage cut-off [V]");
		}
		if (refT != null) mapped.add(CELL + " / Reference temperature [K]");
		String isothermal = thermal(out, cell, object(state, THERMAL));
		temperatures(out, cell, object(state, INITIAL), object(state, THERMAL), isothermal);
		for (String k : cell.keySet())
			if (!mapped.contains(CELL + " / " + k) && !noted.contains(CELL + " / " + k) && !k.startsWith("Number of electrode pairs"))
				keep(out, "\t", CELL, k, cell, true);
		if (initialSoc == null) {
			initialSoc = 1.0;
			notes.add("no initial state of charge in the file: the cell starts charged (state of charge 1: negative electrode at its maximum, "
					+ "positive at its minimum stoichiometry), as PyBaMM's create_from_bpx does");
		}
		out.append("\tlayer negative: NegativeElectrode ");
		layerBody(out, NEG, neg, liquid);
		if (sep != null) {
			out.append("\tlayer separator: ").append(separatorMaterial).append(' ');
			layerBody(out, SEP, new Electrode(sep, List.of()), liquid);
		} else if (!spm) {
			String model = text(header, "Model");
			out.append("\t// placeholder: this BPX file (model ").append(model == null ? "?" : Printable.escape(Printable.shorten(model)))
					.append(") has no separator; 1 um so that the stack validates\n\tlayer separator: Electrolyte 1 um\n");
			notes.add("no \"Separator\" section (single-particle model?): a 1 um placeholder separator was added so the cell validates");
		}
		out.append("\tlayer positive: PositiveElectrode ");
		layerBody(out, POS, pos, liquid);
		out.append("}\n");

		// protocols between the cut-offs and experiments: the voltage window, and a 1 C discharge
		if (vLow != null && vHigh != null) {
			out.append("\n// A slow cycle between the voltage cut-offs of the BPX file.\n");
			out.append("protocol VoltageWindow {\n\tcharge at 0.05 C until ").append(fmt(vHigh)).append(" V\n")
					.append("\tdischarge at 0.05 C until ").append(fmt(vLow)).append(" V\n}\n\n");
			out.append("experiment SlowCycle {\n\tcell ").append(cellName).append("\n\tprotocol VoltageWindow\n}\n");
		}
		if (vLow != null && cap != null) {
			out.append("\n// A 1 C discharge (the nominal capacity in one hour) from the initial state to the lower cut-off.\n");
			out.append("protocol DischargeAt1C {\n\tdischarge at 1 C until ").append(fmt(vLow)).append(" V\n}\n\n");
			out.append("experiment Discharge1C {\n\tcell ").append(cellName).append("\n\tprotocol DischargeAt1C\n}\n");
		}
		for (Map.Entry<String, JsonElement> e : par.entrySet()) {
			String s = e.getKey();
			if (!List.of(CELL, ELY, SEP, NEG, POS, STATE, "Header").contains(s)) {
				out.append('\n');
				if (e.getValue().isJsonObject()) {
					for (String k : e.getValue().getAsJsonObject().keySet())
						if (!mapped.contains(s + " / " + k))
							keep(out, "", s, k, e.getValue().getAsJsonObject(), true);
				} else
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

	/** BPX's reference electrolyte concentration (mol/m3), used when a file gives none (as PyBaMM does). */
	public static final double DEFAULT_C0 = 1000;

	/** The initial electrolyte concentration (mol/m3) and the reference temperature (K) of the file. */
	private Double c0;
	private double tRef = 298.15;

	/** BPX 1.x State's initial state of charge (0 to 1), applied to the electrode layers; null when absent. */
	private Double initialSoc;
	private final List<String> socApplied = new ArrayList<>();

	static final String STATE = "State", INITIAL = "Initial conditions", THERMAL = "Thermal environment",
			STATE_C0 = "Initial electrolyte concentration [mol.m-3]";

	/**
	 * BPX 1.x's {@code "State"}: the initial and ambient temperatures ({@link #temperatures}), the heat-transfer
	 * coefficient, the initial electrolyte concentration and the initial state of charge are used; every other entry
	 * is reported as a note saying why it is not applied, and all are written as comments
	 * {@code // BPX State "group" "key" = json}, which the exporter writes back.
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
				if (mapped.contains(id) || noted.contains(id))
					continue;
				String v = e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : "{...}";
				String why;
				if (k.startsWith("Initial state-of-charge") && !socApplied.isEmpty()) {
					notes.add(id + " = " + Printable.shorten(v) + ": applied as the electrode layers' initial-stoichiometry (" + String.join(", ", socApplied)
							+ "; the materials keep the window); kept as a comment");
					continue;
				} else if (k.startsWith("Initial state-of-charge"))
					why = "not a number from 0 to 1";
				else if (k.startsWith("Initial temperature") || k.startsWith("Ambient temperature"))
					why = !isNumber(e.getValue()) ? "not a number" : "the parameterisation's \"Cell\" " + k + " is used";
				else if (k.startsWith("Initial electrolyte concentration"))
					why = "the parameterisation's electrolyte initial concentration is used";
				else if (k.startsWith("Heat transfer coefficient"))
					why = "not a number";
				else if (k.toLowerCase(Locale.ROOT).contains("hysteresis"))
					why = HYSTERESIS_STATE;
				else
					why = "no CellWright counterpart";
				notes.add(id + " = " + Printable.shorten(v) + ": not applied (" + why + "); kept as a comment");
			}
		}
	}

	static final String HEAT_TRANSFER = "Heat transfer coefficient [W.m-2.K-1]";

	/**
	 * The lumped thermal model's data (docs/sharing.md): "Cell"'s lumped density, specific heat capacity, external
	 * surface area and volume, and "State" / "Thermal environment"'s heat-transfer coefficient, as the cell's
	 * properties. A file without all of them (most give no heat-transfer coefficient) gives a cell 'without thermal',
	 * which runs isothermal, and a note naming what is missing.
	 *
	 * @return null when the cell runs the lumped thermal model, else why it runs isothermal
	 */
	private String thermal(StringBuilder out, JsonObject cell, JsonObject environment) {
		String[][] fields = { { "Density [kg.m-3]", "density", "kg/m3" }, { "Specific heat capacity [J.K-1.kg-1]", "specific-heat-capacity", "J/kg/K" },
				{ "External surface area [m2]", "cooling-area", "m2" }, { "Volume [m3]", "volume", "m3" } };
		List<String> missing = new ArrayList<>();
		boolean any = false;
		for (String[] f : fields) {
			Double v = number(cell, f[0]);
			if (v == null || !(v > 0)) {
				missing.add(CELL + " / " + f[0]);
				continue;
			}
			out.append('\t').append(f[1]).append(" = ").append(plain(exact(v))).append(' ').append(f[2]).append(" // BPX \"Cell\" \"")
					.append(f[0]).append("\"\n");
			mapped.add(CELL + " / " + f[0]);
			any = true;
		}
		Double h = number(environment, HEAT_TRANSFER);
		if (h != null && h >= 0) {
			out.append("\theat-transfer-coefficient = ").append(plain(exact(h))).append(" W/m2/K // BPX \"State\" / \"").append(THERMAL)
					.append("\"\n");
			mapped.add(STATE + " / " + THERMAL + " / " + HEAT_TRANSFER);
			any = true;
		} else
			missing.add(STATE + " / " + THERMAL + " / " + HEAT_TRANSFER);
		if (missing.isEmpty())
			return null;
		if (!any)
			return "the file gives no lumped thermal data";
		out.append("\twithout thermal // the lumped thermal data are incomplete: the cell runs isothermal\n");
		notes.add("the lumped thermal model's data are incomplete (no " + String.join(", ", missing) + "): the cell is written 'without thermal'"
				+ " and runs isothermal at its temperature; give the missing values (heat-transfer-coefficient, density, specific-heat-capacity,"
				+ " volume, cooling-area) and remove 'without thermal' to run its temperature");
		return "'without thermal': its lumped thermal data are incomplete";
	}

	static final String HYSTERESIS_DECAY = "OCP hysteresis decay constant";

	static final String T_INITIAL = "Initial temperature [K]", T_AMBIENT = "Ambient temperature [K]";

	/** Ids of the file's entries that a note of their own reports (not again as skipped or as a State note). */
	private final java.util.Set<String> noted = new java.util.HashSet<>();

	/** A temperature of the file: its value, its id in the report and where it is, for the .cell file's comment. */
	private record Sourced(double value, String id, String where) {
	}

	/** A temperature from "Cell" (BPX 0.x) or else from the State group (BPX 1.x); null when neither gives a number. */
	private static Sourced temperature(JsonObject cell, JsonObject group, String groupName, String key) {
		Double v = number(cell, key);
		if (v != null)
			return new Sourced(v, CELL + " / " + key, "BPX \"" + CELL + "\" \"" + key + "\"");
		v = number(group, key);
		return v == null ? null : new Sourced(v, STATE + " / " + groupName + " / " + key, "BPX \"" + STATE + "\" / \"" + groupName + "\" / \"" + key + "\"");
	}

	/**
	 * The initial and ambient temperatures (BPX 0.x: "Cell"; 1.x: "State"), as the language's lumped thermal model
	 * takes them (docs/language.md, "Thermal model (lumped)"): a cell that runs it starts at the initial temperature,
	 * its {@code temperature}, and exchanges heat with surroundings at the ambient one, its {@code ambient-temperature}.
	 * A cell that runs isothermal has one temperature throughout; it is the ambient one, as in PyBaMM's isothermal
	 * model (T = T_amb), so an initial temperature that differs from it is not applied and a note says why. The
	 * initial temperature of "Cell" is also kept as a comment, which export-bpx writes back.
	 */
	private void temperatures(StringBuilder out, JsonObject cell, JsonObject initial, JsonObject environment, String isothermal) {
		Sourced start = temperature(cell, initial, INITIAL, T_INITIAL), ambient = temperature(cell, environment, THERMAL, T_AMBIENT);
		if (isothermal == null) {
			Sourced t = start != null ? start : ambient;
			if (t != null) {
				out.append("\ttemperature = ").append(fmt(t.value())).append(" K // ").append(t.where())
						.append(start != null ? ": the initial temperature" : ": no initial temperature in the file; it starts at the ambient").append('\n');
				mapped.add(t.id());
			}
			if (ambient != null && start != null) {
				out.append("\tambient-temperature = ").append(fmt(ambient.value())).append(" K // ").append(ambient.where()).append('\n');
				mapped.add(ambient.id());
			}
			return;
		}
		Sourced t = ambient != null ? ambient : start;
		if (t == null)
			return;
		out.append("\ttemperature = ").append(fmt(t.value())).append(" K // ").append(t.where());
		if (ambient != null)
			out.append(": isothermal, at the ambient temperature (PyBaMM's isothermal model)");
		out.append('\n');
		mapped.add(t.id());
		keep(out, "\t", CELL, T_INITIAL, cell, false);
		if (ambient == null || start == null)
			return;
		if (start.value() == ambient.value()) {
			mapped.add(start.id()); // the cell starts (and stays) at it
		} else {
			noted.add(start.id());
			notes.add(start.id() + " = " + fmt(start.value()) + ": not applied: the cell runs isothermal (" + isothermal + "), at the ambient "
					+ fmt(ambient.value()) + " K throughout, as PyBaMM's isothermal model does; a cell starts at a temperature other than"
					+ " the ambient only with the lumped thermal model (then temperature = " + fmt(start.value()) + " K and ambient-temperature = "
					+ fmt(ambient.value()) + " K); kept as a comment");
		}
	}

	/**
	 * Why BPX 1.x State's "Initial hysteresis state" is not applied: it is the state variable of a single-state
	 * hysteresis model, which CellWright does not have.
	 */
	static final String HYSTERESIS_STATE = "it starts the hysteresis state of BPX's single-state OCP hysteresis model (with its \"OCP hysteresis decay"
			+ " constant\"); CellWright's OCP hysteresis is zeroth order, without a state: lithiation-ocp and delithiation-ocp, the branch of the"
			+ " current's direction, their mean at rest (docs/dfn.md), which the import takes from the file's branches";

	/** One particle population of an electrode: its BPX name (null for a single active material) and parameters. */
	record Population(String name, JsonObject params) {
	}

	/** An electrode: its electrode-level parameters and its particle populations (two or more: a blended electrode). */
	record Electrode(JsonObject params, List<Population> populations) {
		boolean blend() {
			return populations.size() > 1;
		}
	}

	/**
	 * An electrode's parameters: directly (one active material) or per particle population ({@code "Particle"}
	 * sub-objects, a blended electrode; one population is imported like a single material).
	 */
	private Electrode electrode(JsonObject par, String section) {
		JsonObject e = object(par, section);
		if (e == null)
			return null;
		JsonObject particles = object(e, "Particle");
		if (particles == null)
			return new Electrode(e, List.of(new Population(null, e)));
		JsonObject level = new JsonObject();
		for (Map.Entry<String, JsonElement> x : e.entrySet())
			if (!x.getKey().equals("Particle"))
				level.add(x.getKey(), x.getValue());
		List<Population> pops = new ArrayList<>();
		for (Map.Entry<String, JsonElement> p : particles.entrySet())
			if (p.getValue().isJsonObject()) {
				for (String k : p.getValue().getAsJsonObject().keySet())
					origin.put(id(section, p.getKey(), k), parPath + key(section) + ".Particle" + key(p.getKey()) + key(k));
				pops.add(new Population(p.getKey(), p.getValue().getAsJsonObject()));
			}
		if (pops.size() == 1) {
			// one population: a single active material, its parameters beside the electrode's
			JsonObject merged = level.deepCopy();
			for (Map.Entry<String, JsonElement> x : pops.get(0).params().entrySet()) {
				merged.add(x.getKey(), x.getValue());
				origin.put(section + " / " + x.getKey(), origin.get(id(section, pops.get(0).name(), x.getKey())));
			}
			return new Electrode(merged, List.of(new Population(null, merged)));
		}
		if (pops.size() > 1)
			notes.add(section + ": blended electrode of " + pops.size() + " particle populations ("
					+ String.join(", ", pops.stream().map(x -> Printable.quoted(x.name())).toList())
					+ "): one material each, the layer a composite of them with their shares of the active material");
		return new Electrode(level, pops);
	}

	/** The id of a parameter in the mapped/skipped lists: "Section / key", or "Section / Particle / name / key". */
	private static String id(String section, String population, String key) {
		return population == null ? section + " / " + key : section + " / Particle / " + population + " / " + key;
	}

	/** The material name of a population: the electrode's, with the population's name for a blend. */
	private static String materialName(String base, Population p) {
		return p.name() == null ? base : base + "_" + identifier(p.name());
	}

	/**
	 * The active materials of an electrode: one material, or for a blend one per population and a composite of them
	 * (named {@code base}) with each population's share of the active-material volume.
	 */
	private void electrodeMaterials(StringBuilder out, String base, String kind, String section, Electrode e, Double refT)
			throws BpxException {
		for (Population p : e.populations())
			material(out, materialName(base, p), kind, section, e, p, refT);
		if (!e.blend())
			return;
		double[] eps = new double[e.populations().size()];
		double sum = 0;
		for (int i = 0; i < eps.length; i++) {
			Population p = e.populations().get(i);
			Double a = number(p.params(), "Surface area per unit volume [m-1]"), r = number(p.params(), "Particle radius [m]");
			if (a == null || r == null)
				throw new BpxException(parPath + key(section) + ".Particle" + key(p.name())
						+ ": a population of a blended electrode needs \"Surface area per unit volume [m-1]\" and \"Particle radius [m]\"");
			eps[i] = a * r / 3;
			sum += eps[i];
		}
		out.append("// BPX blended \"").append(section).append("\": the populations' shares of the active-material volume\n");
		out.append("// (active volume fraction of each = surface area per volume x particle radius / 3; all together ").append(fmt(sum)).append(")\n");
		out.append("composite ").append(base).append(" is ").append(kind).append(" {\n");
		for (int i = 0; i < eps.length; i++)
			out.append('\t').append(materialName(base, e.populations().get(i))).append(' ').append(fmt(100 * eps[i] / sum)).append(" vol%\n");
		out.append("}\n\n");
		blendActiveFraction.put(section, sum);
	}

	/** The active volume fraction of a blended electrode, all populations together, per section. */
	private final Map<String, Double> blendActiveFraction = new java.util.HashMap<>();

	private void material(StringBuilder out, String name, String kind, String section, Electrode e, Population p, Double refT)
			throws BpxException {
		JsonObject m = p.params();
		String pop = p.name();
		if (pop == null)
			out.append("// BPX \"").append(section).append("\" (active material).\n");
		else
			out.append("// BPX particle ").append(json(pop)).append(" of ").append(json(section)).append(" is ").append(name).append('\n');
		out.append("material ").append(name).append(" is ").append(kind).append(" {\n");
		// the solid's conductivity is the electrode's (BPX gives it per electrode, PyBaMM uses it as the effective one)
		prop(out, section, null, e.params(), "Conductivity [S.m-1]", "electronic-conductivity", "S/m");
		prop(out, section, pop, m, "Maximum concentration [mol.m-3]", "max-concentration", "mol/m3");
		stateProperty(out, section, pop, m, "Diffusivity [m2.s-1]", "diffusivity", "m2/s", "x", "Diffusivity activation energy [J.mol-1]",
				"diffusion-activation-energy");
		// the entropic coefficient dU/dT of x (the OCP's temperature dependence and the reversible heat; no activation energy)
		stateProperty(out, section, pop, m, "Entropic change coefficient [V.K-1]", "entropic-coefficient", "V/K", "x", "", "");
		Double k = number(m, "Reaction rate constant [mol.m-2.s-1]"), cMax = number(m, "Maximum concentration [mol.m-3]");
		if (k != null && cMax != null) {
			// BPX: j0 = F k sqrt(ce/ce0 x (1 - x)) = [F k / (cmax sqrt(ce0))] ce^0.5 cs^0.5 (cmax - cs)^0.5
			double rate = F * k / (cMax * Math.sqrt(c0));
			out.append("\t// BPX: j0 = F k sqrt(ce/ce0 x (1 - x)) with k = ").append(fmt(k)).append(" mol/(m2 s), ce0 = ").append(fmt(c0))
					.append(" mol/m3: i0 = F k / (cmax sqrt(ce0)) ce^0.5 cs^0.5 (cmax - cs)^0.5\n");
			out.append("\texchange-current-rate-constant = ").append(fmt(rate)).append(" // A/m2 (m3/mol)^1.5\n");
			mapped.add(id(section, pop, "Reaction rate constant [mol.m-2.s-1]"));
		}
		prop(out, section, pop, m, "Reaction rate constant activation energy [J.mol-1]", "exchange-current-activation-energy", "J/mol");
		if (refT != null)
			out.append("\treference-temperature = ").append(fmt(refT)).append(" K\n");
		// the material holds its stoichiometry window, the electrode layer its initial state in it
		prop(out, section, pop, m, "Minimum stoichiometry", "minimum-stoichiometry", "");
		prop(out, section, pop, m, "Maximum stoichiometry", "maximum-stoichiometry", "");
		if (pop != null) {
			Double r = number(m, "Particle radius [m]");
			if (r != null) {
				out.append("\tparticle-radius = ").append(plain(exact(r).movePointRight(6))).append(" um\n");
				mapped.add(id(section, pop, "Particle radius [m]"));
			}
			if (number(m, "Surface area per unit volume [m-1]") != null)
				mapped.add(id(section, pop, "Surface area per unit volume [m-1]")); // in the composite's fractions
		}
		JsonElement ocp = m.get("OCP [V]");
		if (ocp != null) {
			String line = ocv(ocp, path(section, pop, "OCP [V]"));
			if (line != null) {
				out.append("\t").append(line).append('\n');
				mapped.add(id(section, pop, "OCP [V]"));
			}
		}
		hysteresis(out, section, pop, m);
		if (m.has(HYSTERESIS_DECAY))
			notes.add(id(section, pop, HYSTERESIS_DECAY) + ": not applied: the decay rate of BPX's single-state OCP hysteresis model;"
					+ " CellWright's OCP hysteresis is zeroth order (docs/dfn.md): the lithiation or delithiation branch as the current's"
					+ " direction says, at once; kept as a comment");
		for (String key : m.keySet())
			if (!mapped.contains(id(section, pop, key)) && (pop != null || !LAYER_KEYS.contains(key)) && !key.equals("Conductivity [S.m-1]")
					&& !(pop == null && key.equals("Surface area per unit volume [m-1]") && number(m, "Particle radius [m]") != null
							&& number(m, key) != null)) {
				if (pop == null)
					keep(out, "\t", section, key, m, true);
				else
					keepParticle(out, section, pop, key, m);
			}
		out.append("}\n\n");
	}

	/** The file's "User-defined" section, or null. */
	private JsonObject user;

	/**
	 * Zeroth-order OCP hysteresis (docs/sharing.md): the lithiation and delithiation OCP branches of an electrode, from
	 * BPX 1.x's "OCP (lithiation) [V]" / "OCP (delithiation) [V]" of the electrode or, as BPX 0.4's example writes them,
	 * "User-defined" "Negative electrode lithiation OCP [V]" / "... delithiation OCP [V]" (PyBaMM's parameter names),
	 * as {@code lithiation-ocp} and {@code delithiation-ocp} of the material: a function of x or a table against x
	 * (sorted by x, as PyBaMM does). Only both branches together are mapped.
	 */
	private void hysteresis(StringBuilder out, String section, String pop, JsonObject m) throws BpxException {
		String[][] keys = { { "OCP (lithiation) [V]", "OCP (delithiation) [V]" },
				{ section + " lithiation OCP [V]", section + " delithiation OCP [V]" } };
		for (int i = 0; i < keys.length; i++) {
			JsonObject o = i == 0 ? m : pop == null ? user : null;
			if (o == null || !o.has(keys[i][0]) || !o.has(keys[i][1]))
				continue;
			String s = i == 0 ? section : USER;
			String lith = branch(o.get(keys[i][0]), i == 0 ? path(section, pop, keys[i][0]) : parPath + key(USER) + key(keys[i][0]));
			String delith = branch(o.get(keys[i][1]), i == 0 ? path(section, pop, keys[i][1]) : parPath + key(USER) + key(keys[i][1]));
			if (lith == null || delith == null) {
				notes.add(section + ": an OCP hysteresis branch uses something the language's expressions cannot express; both kept as comments");
				continue;
			}
			out.append("\t// BPX ").append(json(s)).append(' ').append(json(keys[i][0])).append(" and ").append(json(keys[i][1]))
					.append(": zeroth-order hysteresis (a run uses these branches instead of the ocv)\n");
			out.append("\tlithiation-ocp = ").append(lith).append('\n');
			out.append("\tdelithiation-ocp = ").append(delith).append('\n');
			mapped.add(i == 0 ? id(section, pop, keys[i][0]) : USER + " / " + keys[i][0]);
			mapped.add(i == 0 ? id(section, pop, keys[i][1]) : USER + " / " + keys[i][1]);
			return;
		}
	}

	/** One OCP branch as the language's value: {@code function V = ...} in x, or {@code table V against x {...}} sorted by x. */
	private String branch(JsonElement v, String where) throws BpxException {
		if (isNumber(v))
			return "function V = " + fmt(v.getAsDouble());
		if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
			try {
				String f = PyExpression.toCellWright(v.getAsString(), "x");
				return f == null ? null : "function V = " + f;
			} catch (PyExpression.TooLarge e) {
				throw new BpxException(where + ": refused: " + e.getMessage() + " (write the OCP as a table {\"x\": [...], \"y\": [...]})");
			}
		}
		if (!v.isJsonObject())
			return null;
		JsonElement xe = v.getAsJsonObject().get("x"), ye = v.getAsJsonObject().get("y");
		if (xe == null || ye == null || !xe.isJsonArray() || !ye.isJsonArray())
			throw new BpxException(where + ": a table's \"x\" and \"y\" must be lists of numbers");
		JsonArray xs = xe.getAsJsonArray(), ys = ye.getAsJsonArray();
		if (xs.size() != ys.size() || xs.size() < 2)
			throw new BpxException(where + ": the table has " + xs.size() + " x and " + ys.size() + " y values (at least two points)");
		if (xs.size() > MAX_TABLE_POINTS)
			throw new BpxException(where + ": refused: the table has " + xs.size() + " points (at most " + MAX_TABLE_POINTS + ")");
		Integer[] order = new Integer[xs.size()];
		for (int i = 0; i < order.length; i++) {
			String which = !isNumber(xs.get(i)) ? ".x[" + i + "]" : !isNumber(ys.get(i)) ? ".y[" + i + "]" : null;
			if (which != null)
				throw new BpxException(where + which + ": not a number");
			order[i] = i;
		}
		java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> xs.get(i).getAsDouble()));
		StringBuilder b = new StringBuilder("table V against x { ");
		for (int k = 0; k < order.length; k++) {
			if (k > 0 && xs.get(order[k]).getAsDouble() == xs.get(order[k - 1]).getAsDouble())
				throw new BpxException(where + ".x[" + order[k] + "]: the table has x = " + fmt(xs.get(order[k]).getAsDouble()) + " twice");
			b.append(k == 0 ? "" : ", ").append(fmt(xs.get(order[k]).getAsDouble())).append(' ').append(fmt(ys.get(order[k]).getAsDouble()));
		}
		return b.append(" }").toString();
	}

	private static final List<String> LAYER_KEYS = List.of("Thickness [m]", "Particle radius [m]", "Porosity", "Transport efficiency");

	/** A parameter of one population of a blend as a comment {@code // BPX particle "pop" of "section" "key" = json}. */
	private void keepParticle(StringBuilder out, String section, String pop, String key, JsonObject o) {
		out.append("\t// BPX particle ").append(json(pop)).append(" of ").append(json(section)).append(' ').append(json(key)).append(" = ")
				.append(json(o.get(key))).append('\n');
		skipped.add(id(section, pop, key));
	}

	/** The JSON path of a parameter of a population (or of the electrode), for messages. */
	private String path(String section, String pop, String k) {
		return pop == null ? path(section, k) : origin.getOrDefault(id(section, pop, k), parPath + key(section) + ".Particle" + key(pop) + key(k));
	}

	/**
	 * A property that BPX gives as a number, a function of x or a table: a number with its activation energy beside it;
	 * a function {@code function UNIT = (f) * exp(E/R*(1/Tref - 1/T))} in the language's variable (x for a particle,
	 * c for the electrolyte), the Arrhenius factor written out; a table {@code table UNIT against VAR {...}} (its
	 * activation energy then cannot be applied: a note).
	 */
	private void stateProperty(StringBuilder out, String section, String pop, JsonObject o, String key, String name, String unit,
			String variable, String eaKey, String eaName) {
		JsonElement v = o.get(key);
		Double ea = number(o, eaKey);
		if (v == null)
			return;
		if (isNumber(v)) {
			prop(out, section, pop, o, key, name, unit);
			prop(out, section, pop, o, eaKey, eaName, "J/mol");
			return;
		}
		String where = path(section, pop, key);
		if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
			String f;
			try {
				f = PyExpression.toCellWright(v.getAsString(), variable);
			} catch (PyExpression.TooLarge e) {
				notes.add(section + " / " + key + ": " + e.getMessage() + "; kept as a comment");
				return;
			}
			if (f == null) {
				notes.add(section + " / " + key + ": the function uses something the language's expressions cannot express; kept as a comment");
				return;
			}
			out.append('\t').append(name).append(" = function ").append(unit).append(" = ").append(arrhenius(f, ea, tRef))
					.append(positiveConcentrationRange(section, key, v.getAsString(), variable)).append('\n');
			mapped.add(id(section, pop, key));
			if (ea != null)
				mapped.add(id(section, pop, eaKey));
			return;
		}
		if (v.isJsonObject()) {
			String table;
			try {
				table = table(v.getAsJsonObject(), where);
			} catch (BpxException e) {
				notes.add(section + " / " + key + ": " + e.getMessage() + "; kept as a comment");
				return;
			}
			String xUnit = variable.equals("c") ? " mol/m3" : "";
			out.append('\t').append(name).append(" = table ").append(unit).append(" against ").append(variable).append(xUnit).append(' ')
					.append(table).append('\n');
			mapped.add(id(section, pop, key));
			if (ea != null)
				notes.add(section + " / " + key + ": a table; its activation energy (" + fmt(ea)
						+ " J/mol) cannot be applied to a table in the language: the table holds at the reference temperature; kept as a comment");
		}
	}

	/**
	 * PyBaMM's "Zero electrolyte concentration cut-off" [mol/m3]: the PyBaMM models that state one (BasicDFNHalfCell,
	 * lead-acid BasicFull) end a run when the smallest electrolyte concentration falls to it (pybamm.Event("Zero
	 * electrolyte concentration cut-off", pybamm.min(c_e) - 0.002), basic_dfn_half_cell.py, PyBaMM commit 7c9f5bd8).
	 */
	public static final double ZERO_ELECTROLYTE_CONCENTRATION = 0.002;

	/**
	 * The range an electrolyte function of c is checked over, where BPX's function is not finite at c = 0 (as
	 * PyBaMM's own Ecker 2015 diffusivity, R T kappa(c) / (F^2 c), is not): {@code " for c from 0.002 to 2 c0 mol/m3"},
	 * else "" (the language's default range, c from 0 to 2 c0). BPX states no range for its functions, and PyBaMM, which
	 * BPX is written for, evaluates one only at the concentrations a run reaches: above zero, which ends a run where
	 * PyBaMM states it ({@link #ZERO_ELECTROLYTE_CONCENTRATION}); CellWright's run checks every solved state too
	 * (TransportPropertyGuard ends a run at a non-finite or non-positive conductivity or diffusivity).
	 * So a function undefined at c = 0 alone is valid BPX and is checked from that cut-off (a note says so); one that
	 * leaves its range anywhere above it still fails the check, at its line.
	 */
	private String positiveConcentrationRange(String section, String key, String python, String variable) {
		if (!variable.equals("c"))
			return "";
		double atZero;
		try {
			atZero = PyExpression.evaluate(python, 0);
		} catch (RuntimeException e) {
			return "";
		}
		if (Double.isFinite(atZero))
			return "";
		notes.add(section + " / " + key + ": not finite at x = 0 mol/m3 (" + atZero + "), where PyBaMM does not evaluate it (a run ends at zero concentration; PyBaMM's "
				+ "zero electrolyte concentration cut-off is " + fmt(ZERO_ELECTROLYTE_CONCENTRATION) + " mol/m3): checked for c from "
				+ fmt(ZERO_ELECTROLYTE_CONCENTRATION) + " to " + fmt(2 * c0) + " mol/m3");
		return " for c from " + fmt(ZERO_ELECTROLYTE_CONCENTRATION) + " to " + fmt(2 * c0) + " mol/m3";
	}

	/** {@code f} times the Arrhenius factor of activation energy {@code ea} about {@code tRef}, as the language writes it. */
	public static String arrhenius(String f, Double ea, double tRef) {
		return ea == null || ea == 0 ? f : "(" + f + ") * exp(" + fmt(ea) + "/R*(1/" + fmt(tRef) + " - 1/T))";
	}

	/** The language's table points {@code { x y, ... }} of a BPX table, x increasing. */
	private static String table(JsonObject t, String where) throws BpxException {
		JsonElement xe = t.get("x"), ye = t.get("y");
		if (xe == null || ye == null || !xe.isJsonArray() || !ye.isJsonArray())
			throw new BpxException(where + ": a table's \"x\" and \"y\" must be lists of numbers");
		JsonArray xs = xe.getAsJsonArray(), ys = ye.getAsJsonArray();
		if (xs.size() != ys.size() || xs.isEmpty())
			throw new BpxException(where + ": the table has " + xs.size() + " x and " + ys.size() + " y values");
		if (xs.size() > MAX_TABLE_POINTS)
			throw new BpxException(where + ": refused: the table has " + xs.size() + " points (at most " + MAX_TABLE_POINTS + ")");
		StringBuilder b = new StringBuilder("{ ");
		for (int i = 0; i < xs.size(); i++) {
			String which = !isNumber(xs.get(i)) ? ".x[" + i + "]" : !isNumber(ys.get(i)) ? ".y[" + i + "]" : null;
			if (which != null)
				throw new BpxException(where + which + ": not a number");
			if (i > 0 && xs.get(i).getAsDouble() <= xs.get(i - 1).getAsDouble())
				throw new BpxException(where + ".x[" + i + "]: the table's x values do not increase");
			b.append(i == 0 ? "" : ", ").append(fmt(xs.get(i).getAsDouble())).append(' ').append(fmt(ys.get(i).getAsDouble()));
		}
		return b.append(" }").toString();
	}

	/**
	 * The electrolyte: a {@code liquid-electrolyte} with its conductivity and diffusivity as functions of c and T (or
	 * tables in c), transference number and initial concentration; returns false (and writes the old placeholder) for
	 * a file without one (a single-particle model).
	 */
	private boolean electrolyte(StringBuilder out, JsonObject ely) {
		if (ely == null) {
			out.append("// No BPX \"Electrolyte\" (a single-particle model): a placeholder ion conductor so that the stack validates.\n");
			out.append("material Electrolyte is solid-electrolyte {\n}\n\n");
			return false;
		}
		if (ely.get("Diffusivity [m2.s-1]") == null || number(ely, "Cation transference number") == null) {
			// not a salt in a solvent as BPX requires one (the validator refuses such a file): an ion conductor with the
			// conductivity given, as CellWright's solid-state cells export it
			notes.add(ELY + ": no salt diffusivity or transference number: imported as a single-ion conductor (solid-electrolyte)");
			out.append("// BPX \"Electrolyte\" without salt diffusivity or transference number: a single-ion conductor.\n");
			out.append("material Electrolyte is solid-electrolyte {\n");
			prop(out, ELY, null, ely, "Conductivity [S.m-1]", "ionic-conductivity", "S/m");
			prop(out, ELY, null, ely, "Conductivity activation energy [J.mol-1]", "ionic-activation-energy", "J/mol");
			for (String key : ely.keySet())
				if (!mapped.contains(ELY + " / " + key))
					keep(out, "\t", ELY, key, ely, true);
			out.append("}\n\n");
			return false;
		}
		out.append("// BPX \"Electrolyte\": a binary salt in a solvent (concentrated-solution theory); functions of the salt\n");
		out.append("// concentration c (BPX's x, mol/m3) and of T, their BPX activation energies written as Arrhenius factors.\n");
		out.append("material Electrolyte is liquid-electrolyte {\n");
		stateProperty(out, ELY, null, ely, "Conductivity [S.m-1]", "ionic-conductivity", "S/m", "c", "Conductivity activation energy [J.mol-1]",
				"ionic-activation-energy");
		stateProperty(out, ELY, null, ely, "Diffusivity [m2.s-1]", "diffusivity", "m2/s", "c", "Diffusivity activation energy [J.mol-1]",
				"diffusion-activation-energy");
		prop(out, ELY, null, ely, "Cation transference number", "transference-number", "");
		out.append("\tinitial-concentration = ").append(fmt(c0)).append(" mol/m3\n");
		if (number(ely, "Initial concentration [mol.m-3]") != null)
			mapped.add(ELY + " / Initial concentration [mol.m-3]");
		out.append("\treference-temperature = ").append(fmt(tRef)).append(" K\n");
		for (String key : ely.keySet())
			if (!mapped.contains(ELY + " / " + key))
				keep(out, "\t", ELY, key, ely, true);
		out.append("}\n\n");
		return true;
	}

	private void layerBody(StringBuilder out, String section, Electrode electrode, boolean liquid) {
		JsonObject e = electrode.params();
		Double t = number(e, "Thickness [m]");
		if (t != null) {
			out.append(plain(exact(t).movePointRight(6))).append(" um");
			mapped.add(section + " / Thickness [m]");
		}
		out.append(" {\n");
		if (t == null)
			keep(out, "\t\t", section, "Thickness [m]", e, true);
		Double eps = number(e, "Porosity"), b = number(e, "Transport efficiency"), r = number(e, "Particle radius [m]");
		if (eps != null && !(section.equals(SEP) && liquid)) {
			out.append("\t\tporosity = ").append(fmt(eps)).append('\n');
			mapped.add(section + " / Porosity");
		}
		if (r != null && !electrode.blend()) {
			out.append("\t\tparticle-radius = ").append(plain(exact(r).movePointRight(6))).append(" um\n");
			mapped.add(section + " / Particle radius [m]");
		}
		if (!section.equals(SEP)) {
			Double a = number(e, "Surface area per unit volume [m-1]");
			Double active = electrode.blend() ? blendActiveFraction.get(section) : a != null && r != null ? a * r / 3 : null;
			if (active != null) {
				out.append("\t\t// BPX surface area per volume x particle radius / 3 (spheres)\n");
				out.append("\t\tactive-volume-fraction = ").append(fmt(active)).append('\n');
				if (!electrode.blend())
					mapped.add(section + " / Surface area per unit volume [m-1]");
			}
		}
		if (eps != null && b != null && b > 0 && eps > 0 && eps < 1) {
			// BPX transport efficiency B = eps^b (PyBaMM: b = ln B / ln eps)
			out.append("\t\t// BPX transport efficiency ").append(fmt(b)).append(" = porosity^b\n");
			out.append("\t\tbruggeman-electrolyte = ").append(fmt(Math.log(b) / Math.log(eps))).append('\n');
			mapped.add(section + " / Transport efficiency");
		} else if (b != null)
			keep(out, "\t\t", section, "Transport efficiency", e, true);
		if (!section.equals(SEP) && liquid)
			out.append("\t\tbruggeman-solid = 0 // BPX electrode conductivities are effective ones\n");
		if (!section.equals(SEP) && initialSoc != null) {
			// BPX: the state of charge runs from the minimum to the maximum stoichiometry of the negative electrode, and
			// from the maximum to the minimum of the positive (each population by its own window)
			List<Double> xs = new ArrayList<>();
			for (Population p : electrode.populations()) {
				Double lo = number(p.params(), "Minimum stoichiometry"), hi = number(p.params(), "Maximum stoichiometry");
				if (lo == null || hi == null)
					continue;
				BigDecimal span = exact(initialSoc).multiply(exact(hi).subtract(exact(lo)));
				xs.add((section.equals(NEG) ? exact(lo).add(span) : exact(hi).subtract(span)).doubleValue());
			}
			if (!xs.isEmpty()) {
				out.append("\t\t// initial state of charge ").append(fmt(initialSoc)).append('\n');
				out.append("\t\tinitial-stoichiometry = ").append(fmt(xs.get(0))).append('\n');
				socApplied.add((section.equals(NEG) ? "negative " : "positive ") + fmt(xs.get(0)));
				if (xs.stream().distinct().count() > 1)
					notes.add(section + ": the populations' stoichiometry windows differ; the layer starts at " + fmt(xs.get(0))
							+ " (that of the first) for all of them");
			}
		}
		if (section.equals(SEP) || electrode.blend())
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

	private void prop(StringBuilder out, String section, String pop, JsonObject e, String key, String name, String unit) {
		JsonElement v = e.get(key);
		if (v == null || !isNumber(v))
			return; // functions and tables (and numbers beyond double) stay as comments
		out.append('\t').append(name).append(" = ").append(fmt(v.getAsDouble())).append(unit.isEmpty() ? "" : " " + unit).append('\n');
		mapped.add(id(section, pop, key));
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
