package org.cellwright.sharing.bpx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.cellwright.lang.Limits;

/**
 * The structure the BPX project's schema requires of a file (FaradayInstitution/BPX, {@code bpx/schema.py}, as run by
 * {@code ../shared/tools/bpx-validator/validate-bpx}), checked before a file is imported so that CellWright refuses what
 * the validator refuses, with the JSON path of the value: the sections and fields each model type requires
 * ({@code Header.Model}: SPM, SPMe, DFN, Partial), no field the schema does not know (its models forbid extra fields;
 * {@code User-defined} takes any), numbers where the schema has numbers, functions/tables ({@code {"x": [...], "y":
 * [...]}} of equal length) where it has those, electrodes of one kind (single-particle or full), and the 0.x fields that
 * 1.x moved to {@code State} (accepted in a 0.x file, as the validator converts it; refused in a 1.x file).
 * <p>
 * Not checked here (the validator does): the syntax of expression strings (the importer parses the ones it uses),
 * blended-electrode entries of {@code State}, and the validation data's inner fields beyond their lists of numbers.
 * Stricter than the validator: a number written as a JSON string ({@code "1.5"}) is refused.
 */
public final class BpxSchema {

	private BpxSchema() {
	}

	private enum T {
		NUM, INT, FUN, STR
	}

	private static Map<String, T> fields(Object... kv) {
		Map<String, T> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2)
			m.put((String) kv[i], (T) kv[i + 1]);
		return m;
	}

	static final Map<String, T> HEADER = fields("BPX", T.STR, "Title", T.STR, "Description", T.STR, "References", T.STR, "Model", T.STR);
	static final Map<String, T> CELL = fields("Electrode area [m2]", T.NUM, "External surface area [m2]", T.NUM, "Volume [m3]", T.NUM,
			"Number of electrode pairs connected in parallel to make a cell", T.INT, "Lower voltage cut-off [V]", T.NUM,
			"Upper voltage cut-off [V]", T.NUM, "Nominal cell capacity [A.h]", T.NUM, "Reference temperature [K]", T.NUM,
			"Density [kg.m-3]", T.NUM, "Specific heat capacity [J.K-1.kg-1]", T.NUM);
	static final List<String> CELL_REQUIRED = List.of("Electrode area [m2]", "Number of electrode pairs connected in parallel to make a cell",
			"Lower voltage cut-off [V]", "Upper voltage cut-off [V]", "Nominal cell capacity [A.h]");
	/** Cell fields of BPX 0.x that 1.x moved to State (or dropped); the validator converts them in a 0.x file. */
	static final Map<String, T> CELL_LEGACY = fields("Ambient temperature [K]", T.NUM, "Initial temperature [K]", T.NUM,
			"Thermal conductivity [W.m-1.K-1]", T.NUM);
	static final Map<String, T> ELECTROLYTE = fields("Cation transference number", T.NUM, "Diffusivity [m2.s-1]", T.FUN,
			"Diffusivity activation energy [J.mol-1]", T.NUM, "Conductivity [S.m-1]", T.FUN, "Conductivity activation energy [J.mol-1]", T.NUM);
	static final List<String> ELECTROLYTE_REQUIRED = List.of("Cation transference number", "Diffusivity [m2.s-1]", "Conductivity [S.m-1]");
	static final Map<String, T> ELECTROLYTE_LEGACY = fields("Initial concentration [mol.m-3]", T.NUM);
	static final Map<String, T> CONTACT = fields("Thickness [m]", T.NUM, "Porosity", T.NUM, "Transport efficiency", T.NUM);
	static final Map<String, T> PARTICLE = fields("Minimum stoichiometry", T.NUM, "Maximum stoichiometry", T.NUM,
			"Maximum concentration [mol.m-3]", T.NUM, "Particle radius [m]", T.NUM, "Surface area per unit volume [m-1]", T.NUM,
			"Diffusivity [m2.s-1]", T.FUN, "Diffusivity activation energy [J.mol-1]", T.NUM, "OCP [V]", T.FUN,
			"OCP (delithiation) [V]", T.FUN, "OCP (lithiation) [V]", T.FUN, "OCP hysteresis decay constant", T.NUM,
			"Entropic change coefficient [V.K-1]", T.FUN, "Reaction rate constant [mol.m-2.s-1]", T.NUM,
			"Reaction rate constant activation energy [J.mol-1]", T.NUM);
	static final List<String> PARTICLE_REQUIRED = List.of("Minimum stoichiometry", "Maximum stoichiometry", "Maximum concentration [mol.m-3]",
			"Particle radius [m]", "Surface area per unit volume [m-1]", "Diffusivity [m2.s-1]", "OCP [V]", "Reaction rate constant [mol.m-2.s-1]");
	static final Set<String> MODELS = Set.of("SPM", "SPMe", "DFN", "Partial");
	static final Set<String> TOP = Set.of("Header", "Parameterisation", "State", "Validation");
	static final Map<String, T> INITIAL = fields("Initial state-of-charge", T.NUM, "Initial temperature [K]", T.NUM,
			"Initial electrolyte concentration [mol.m-3]", T.NUM);
	static final Set<String> INITIAL_HYSTERESIS = Set.of("Initial hysteresis state: Positive electrode", "Initial hysteresis state: Negative electrode");
	static final Map<String, T> THERMAL = fields("Ambient temperature [K]", T.NUM, "Heat transfer coefficient [W.m-2.K-1]", T.NUM);

	/**
	 * The fields of a parameterisation that are sizes, amounts or absolute temperatures: a value of 0 or below describes
	 * no cell (the BPX schema takes any number; a thickness of -1 m was imported into a .cell file that had errors at its
	 * lines: fuzz22).
	 */
	static final Set<String> POSITIVE = Set.of("Thickness [m]", "Particle radius [m]", "Electrode area [m2]", "External surface area [m2]",
			"Volume [m3]", "Number of electrode pairs connected in parallel to make a cell", "Nominal cell capacity [A.h]",
			"Reference temperature [K]", "Density [kg.m-3]", "Specific heat capacity [J.K-1.kg-1]", "Maximum concentration [mol.m-3]",
			"Surface area per unit volume [m-1]", "Initial concentration [mol.m-3]");

	/** The temperatures a BPX file gives a cell (BPX 0.x: in "Cell"; 1.x: in "State"), held to the language's limits. */
	static final Set<String> TEMPERATURES = Set.of("Initial temperature [K]", "Ambient temperature [K]");

	/**
	 * The {@link #POSITIVE} fields of the parameterisation (its sections and their particle populations, not User-defined)
	 * with a number of 0 or below, each {@code "$.path: -1 must be positive"}, and the values beyond the language's limits
	 * ({@link Limits}, docs/language.md "Limits") that the imported cell would carry: its thicknesses (a thickness of
	 * 1e300 m was imported into a .cell file with an error at its line, fuzz24), its {@link #TEMPERATURES} (in "Cell" or
	 * "State") and its area, the electrode area times the electrode pairs in parallel (input25); in document order, the
	 * area after the parameterisation's fields, the State's temperatures last.
	 */
	static List<String> implausible(JsonObject root) {
		List<String> out = new ArrayList<>();
		JsonElement par = root.get("Parameterisation");
		if (par == null || !par.isJsonObject())
			return out;
		for (Map.Entry<String, JsonElement> section : par.getAsJsonObject().entrySet()) {
			if (section.getKey().equals("User-defined") || !section.getValue().isJsonObject())
				continue;
			String sp = "$.Parameterisation" + BpxImporter.key(section.getKey());
			for (Map.Entry<String, JsonElement> e : section.getValue().getAsJsonObject().entrySet()) {
				String ep = sp + BpxImporter.key(e.getKey());
				if (POSITIVE.contains(e.getKey()) || TEMPERATURES.contains(e.getKey()))
					plausible(e.getKey(), e.getValue(), ep, out);
				else if (e.getValue().isJsonObject()) // a blended electrode's particle population
					for (Map.Entry<String, JsonElement> f : e.getValue().getAsJsonObject().entrySet())
						if (POSITIVE.contains(f.getKey()))
							plausible(f.getKey(), f.getValue(), ep + BpxImporter.key(f.getKey()), out);
			}
		}
		area(par.getAsJsonObject().get("Cell"), out);
		if (root.get("State") instanceof JsonObject state)
			for (String group : List.of("Initial conditions", "Thermal environment"))
				if (state.get(group) instanceof JsonObject g)
					for (Map.Entry<String, JsonElement> e : g.entrySet())
						if (TEMPERATURES.contains(e.getKey()))
							plausible(e.getKey(), e.getValue(), "$.State" + BpxImporter.key(group) + BpxImporter.key(e.getKey()), out);
		return out;
	}

	private static void plausible(String key, JsonElement v, String p, List<String> out) {
		if (!isNumber(v))
			return;
		double x = v.getAsDouble();
		String beyond = key.equals("Thickness [m]") ? Limits.thicknessProblem(x) : TEMPERATURES.contains(key) ? Limits.temperatureProblem(x) : null;
		if (POSITIVE.contains(key) && !(x > 0))
			out.add(p + ": " + v.getAsJsonPrimitive().getAsString() + " must be positive");
		else if (beyond != null)
			out.add(p + ": " + beyond);
	}

	/**
	 * The cell's area beyond the language's limit ({@link Limits#areaProblem}), at the electrode area's path: the
	 * imported cell's area is the electrode area times the electrode pairs in parallel (BpxImporter), so each may be
	 * within reason and their product not. One of 0 or below is refused as such ({@link #plausible}).
	 */
	private static void area(JsonElement cell, List<String> out) {
		if (!(cell instanceof JsonObject c) || !isNumber(c.get("Electrode area [m2]")))
			return;
		JsonElement area = c.get("Electrode area [m2]"), pairs = c.get("Number of electrode pairs connected in parallel to make a cell");
		if (pairs != null && !isNumber(pairs) || !(area.getAsDouble() > 0) || pairs != null && !(pairs.getAsDouble() > 0))
			return;
		String beyond = Limits.areaProblem(area.getAsDouble() * (pairs == null ? 1 : pairs.getAsDouble()));
		if (beyond != null)
			out.add("$.Parameterisation.Cell" + BpxImporter.key("Electrode area [m2]") + ": " + (pairs == null || pairs.getAsDouble() == 1 ? ""
					: area.getAsJsonPrimitive().getAsString() + " m2 x " + pairs.getAsJsonPrimitive().getAsString() + " electrode pairs in parallel = ")
					+ beyond);
	}

	/** The problems of a BPX document, each {@code "$.path: what"}, in document order; empty when the schema accepts it. */
	public static List<String> problems(JsonObject root) {
		List<String> out = new ArrayList<>();
		for (String k : root.keySet())
			if (!TOP.contains(k))
				out.add("$" + BpxImporter.key(k) + ": not a BPX section (BPX has " + String.join(", ", TOP) + ")");
		JsonObject header = obj(root, "Header", "$", out, true);
		JsonObject par = obj(root, "Parameterisation", "$", out, true);
		if (header == null || par == null)
			return out;
		known(header, HEADER, Map.of(), "$.Header", out);
		required(header, List.of("BPX", "Model"), "$.Header", out);
		JsonElement v = header.get("BPX");
		boolean legacy = false;
		if (v != null && v.isJsonPrimitive()) {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(\\d+)").matcher(v.getAsString());
			if (!m.find())
				out.add("$.Header.BPX: not a BPX version (such as \"1.0.0\")");
			else
				legacy = m.group(1).equals("0");
		} else if (v != null)
			out.add("$.Header.BPX: not a BPX version (such as \"1.0.0\")");
		String model = prim(header.get("Model"));
		if (header.has("Model") && !MODELS.contains(model)) {
			out.add("$.Header.Model: " + (model == null ? "not text" : org.cellwright.lang.text.Printable.quoted(model))
					+ " is not a BPX model type (SPM, SPMe, DFN or Partial)");
			model = "Partial";
		}
		if (model == null)
			model = "Partial";
		boolean spm = model.equals("SPM"), partial = model.equals("Partial");
		String pp = "$.Parameterisation";
		Set<String> sections = spm ? Set.of(BpxImporter.CELL, BpxImporter.NEG, BpxImporter.POS, "User-defined")
				: Set.of(BpxImporter.CELL, BpxImporter.ELY, BpxImporter.NEG, BpxImporter.POS, BpxImporter.SEP, "User-defined");
		for (String k : par.keySet())
			if (!sections.contains(k))
				out.add(pp + BpxImporter.key(k) + ": not a section of a " + model + " parameterisation in BPX"
						+ (spm && (k.equals(BpxImporter.ELY) || k.equals(BpxImporter.SEP)) ? " (a single-particle model has no electrolyte or separator)" : ""));
		if (!partial)
			required(par, spm ? List.of(BpxImporter.CELL, BpxImporter.NEG, BpxImporter.POS)
					: List.of(BpxImporter.CELL, BpxImporter.ELY, BpxImporter.NEG, BpxImporter.POS, BpxImporter.SEP), pp, out);
		JsonObject cell = obj(par, BpxImporter.CELL, pp, out, false);
		if (cell != null) {
			String cp = pp + BpxImporter.key(BpxImporter.CELL);
			known(cell, CELL, legacy ? CELL_LEGACY : Map.of(), cp, out);
			if (!legacy)
				for (String k : CELL_LEGACY.keySet())
					if (cell.has(k))
						out.add(cp + BpxImporter.key(k) + ": a BPX 0.x field; BPX 1.x keeps temperatures in \"State\" (\"Initial conditions\" / \"Thermal environment\")");
			if (!partial)
				required(cell, CELL_REQUIRED, cp, out);
		}
		JsonObject ely = obj(par, BpxImporter.ELY, pp, out, false);
		if (ely != null) {
			String ep = pp + BpxImporter.key(BpxImporter.ELY);
			known(ely, ELECTROLYTE, legacy ? ELECTROLYTE_LEGACY : Map.of(), ep, out);
			if (!legacy && ely.has("Initial concentration [mol.m-3]"))
				out.add(ep + "[\"Initial concentration [mol.m-3]\"]: a BPX 0.x field; BPX 1.x has it as \"State\" / \"Initial conditions\" / \"Initial electrolyte concentration [mol.m-3]\"");
			if (!partial)
				required(ely, ELECTROLYTE_REQUIRED, ep, out);
		}
		JsonObject sep = obj(par, BpxImporter.SEP, pp, out, false);
		if (sep != null) {
			known(sep, CONTACT, Map.of(), pp + BpxImporter.key(BpxImporter.SEP), out);
			required(sep, List.copyOf(CONTACT.keySet()), pp + BpxImporter.key(BpxImporter.SEP), out);
		}
		Boolean negSpm = electrode(par, BpxImporter.NEG, pp, out), posSpm = electrode(par, BpxImporter.POS, pp, out);
		if (negSpm != null && posSpm != null && !negSpm.equals(posSpm))
			out.add(pp + ": the electrodes are of different kinds (one single-particle without \"Conductivity [S.m-1]\", one full); BPX needs both of one kind");
		Boolean kind = negSpm != null ? negSpm : posSpm;
		if (kind != null && !partial && kind != spm)
			out.add(pp + ": the electrodes are " + (kind ? "single-particle-model electrodes (no \"Conductivity [S.m-1]\")" : "full electrodes (with \"Conductivity [S.m-1]\")")
					+ " but the header's Model is " + model);
		JsonElement ud = par.get("User-defined");
		if (ud != null && !ud.isJsonObject())
			out.add(pp + "[\"User-defined\"]: not an object");
		else if (ud != null)
			userDefined(ud.getAsJsonObject(), pp + "[\"User-defined\"]", out);
		state(root, out);
		JsonObject val = obj(root, "Validation", "$", out, false);
		if (val != null)
			for (Map.Entry<String, JsonElement> e : val.entrySet()) {
				String ep = "$.Validation" + BpxImporter.key(e.getKey());
				if (!e.getValue().isJsonObject()) {
					out.add(ep + ": not an object (time, current, voltage lists)");
					continue;
				}
				JsonObject x = e.getValue().getAsJsonObject();
				for (String k : x.keySet())
					if (!Set.of("Time [s]", "Current [A]", "Voltage [V]", "Temperature [K]").contains(k))
						out.add(ep + BpxImporter.key(k) + ": not a field of BPX validation data");
					else if (!numbers(x.get(k)))
						out.add(ep + BpxImporter.key(k) + ": not a list of numbers");
				required(x, List.of("Time [s]", "Current [A]", "Voltage [V]"), ep, out);
			}
		return out;
	}

	/** Checks an electrode; its kind: {@code true} single-particle (no conductivity), {@code false} full, null absent. */
	private static Boolean electrode(JsonObject par, String name, String pp, List<String> out) {
		JsonObject e = obj(par, name, pp, out, false);
		if (e == null)
			return null;
		String p = pp + BpxImporter.key(name);
		boolean spm = !truthy(e.get("Conductivity [S.m-1]"));
		Map<String, T> own = new LinkedHashMap<>(spm ? Map.of("Thickness [m]", T.NUM) : CONTACT);
		if (!spm)
			own.put("Conductivity [S.m-1]", T.NUM);
		if (e.has("Particle")) {
			JsonObject parts = obj(e, "Particle", p, out, false);
			Map<String, T> allowed = new LinkedHashMap<>(own);
			allowed.put("Particle", T.STR);
			for (String k : e.keySet())
				if (!allowed.containsKey(k))
					out.add(p + BpxImporter.key(k) + ": not a field of a blended electrode (particle parameters go under \"Particle\")");
				else if (!k.equals("Particle"))
					type(e.get(k), allowed.get(k), p + BpxImporter.key(k), out);
			required(e, List.copyOf(own.keySet()), p, out);
			if (parts != null)
				for (Map.Entry<String, JsonElement> x : parts.entrySet()) {
					String xp = p + ".Particle" + BpxImporter.key(x.getKey());
					if (!x.getValue().isJsonObject()) {
						out.add(xp + ": not an object of particle parameters");
						continue;
					}
					known(x.getValue().getAsJsonObject(), PARTICLE, Map.of(), xp, out);
					required(x.getValue().getAsJsonObject(), PARTICLE_REQUIRED, xp, out);
				}
		} else {
			Map<String, T> allowed = new LinkedHashMap<>(own);
			allowed.putAll(PARTICLE);
			known(e, allowed, Map.of(), p, out);
			List<String> req = new ArrayList<>(own.keySet());
			req.addAll(PARTICLE_REQUIRED);
			required(e, req, p, out);
		}
		return spm;
	}

	private static void state(JsonObject root, List<String> out) {
		JsonObject st = obj(root, "State", "$", out, false);
		if (st == null)
			return;
		for (String k : st.keySet())
			if (!Set.of("Initial conditions", "Thermal environment", "Degradation").contains(k))
				out.add("$.State" + BpxImporter.key(k) + ": not a group of BPX's State (Initial conditions, Thermal environment, Degradation)");
		JsonObject ic = obj(st, "Initial conditions", "$.State", out, false);
		if (ic != null)
			for (Map.Entry<String, JsonElement> e : ic.entrySet()) {
				String p = "$.State[\"Initial conditions\"]" + BpxImporter.key(e.getKey());
				if (INITIAL.containsKey(e.getKey()))
					type(e.getValue(), T.NUM, p, out);
				else if (INITIAL_HYSTERESIS.contains(e.getKey())) {
					if (!(isNumber(e.getValue()) || e.getValue().isJsonObject() && e.getValue().getAsJsonObject().entrySet().stream().allMatch(x -> isNumber(x.getValue()))))
						out.add(p + ": not a number (or one number per particle population)");
				} else
					out.add(p + ": not a field of BPX's initial conditions");
			}
		JsonObject th = obj(st, "Thermal environment", "$.State", out, false);
		if (th != null)
			known(th, THERMAL, Map.of(), "$.State[\"Thermal environment\"]", out);
		JsonObject dg = obj(st, "Degradation", "$.State", out, false);
		if (dg != null) {
			for (Map.Entry<String, JsonElement> e : dg.entrySet()) {
				String p = "$.State.Degradation" + BpxImporter.key(e.getKey());
				if (e.getKey().equals("LLI"))
					type(e.getValue(), T.NUM, p, out);
				else if (!Set.of("LAM: Positive electrode", "LAM: Negative electrode").contains(e.getKey()))
					out.add(p + ": not a field of BPX's degradation state");
			}
			required(dg, List.of("LLI", "LAM: Positive electrode", "LAM: Negative electrode"), "$.State.Degradation", out);
		}
	}

	/** {@code User-defined}: any field, each a number, an expression (text) or a table (nested objects allowed). */
	private static void userDefined(JsonObject o, String p, List<String> out) {
		for (Map.Entry<String, JsonElement> e : o.entrySet()) {
			String ep = p + BpxImporter.key(e.getKey());
			JsonElement v = e.getValue();
			if (e.getKey().equals("description") || isNumber(v) || v.isJsonPrimitive() && v.getAsJsonPrimitive().isString())
				continue;
			if (v.isJsonObject()) {
				JsonObject t = v.getAsJsonObject();
				boolean allLists = t.entrySet().stream().allMatch(x -> x.getValue().isJsonArray());
				if (allLists && !t.entrySet().isEmpty())
					type(v, T.FUN, ep, out);
				else if (!isTable(t))
					userDefined(t, ep, out);
			} else
				out.add(ep + ": not a number, an expression or a table");
		}
	}

	private static void known(JsonObject o, Map<String, T> allowed, Map<String, T> legacy, String p, List<String> out) {
		for (Map.Entry<String, JsonElement> e : o.entrySet()) {
			T t = allowed.containsKey(e.getKey()) ? allowed.get(e.getKey()) : legacy.get(e.getKey());
			if (t == null) {
				if (!CELL_LEGACY.containsKey(e.getKey()) && !ELECTROLYTE_LEGACY.containsKey(e.getKey()))
					out.add(p + BpxImporter.key(e.getKey()) + ": not a BPX field here (the BPX schema forbids fields it does not define; put own values under \"User-defined\")");
			} else
				type(e.getValue(), t, p + BpxImporter.key(e.getKey()), out);
		}
	}

	private static void required(JsonObject o, List<String> keys, String p, List<String> out) {
		for (String k : keys)
			if (!o.has(k) || o.get(k).isJsonNull())
				out.add(p + BpxImporter.key(k) + ": missing; BPX requires it");
	}

	private static void type(JsonElement v, T t, String p, List<String> out) {
		switch (t) {
		case NUM -> {
			if (!isNumber(v))
				out.add(p + ": not a number");
		}
		case INT -> {
			if (!isNumber(v) || v.getAsDouble() != Math.rint(v.getAsDouble()))
				out.add(p + ": not a whole number");
		}
		case STR -> {
			if (!v.isJsonPrimitive() || v.getAsJsonPrimitive().isBoolean())
				out.add(p + ": not text");
		}
		case FUN -> {
			if (isNumber(v) || v.isJsonPrimitive() && v.getAsJsonPrimitive().isString())
				return;
			if (!v.isJsonObject() || !isTable(v.getAsJsonObject()))
				out.add(p + ": not a number, an expression or a table {\"x\": [...], \"y\": [...]}");
			else if (v.getAsJsonObject().getAsJsonArray("x").size() != v.getAsJsonObject().getAsJsonArray("y").size())
				out.add(p + ": the table's x and y have different lengths");
		}
		}
	}

	private static boolean isTable(JsonObject t) {
		return t.keySet().equals(Set.of("x", "y")) && numbers(t.get("x")) && numbers(t.get("y"));
	}

	private static boolean numbers(JsonElement v) {
		if (v == null || !v.isJsonArray())
			return false;
		for (JsonElement x : (JsonArray) v)
			if (!isNumber(x))
				return false;
		return true;
	}

	private static boolean isNumber(JsonElement v) {
		return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() && Double.isFinite(v.getAsDouble());
	}

	private static boolean truthy(JsonElement v) {
		return v != null && !v.isJsonNull() && !(isNumber(v) && v.getAsDouble() == 0);
	}

	private static String prim(JsonElement v) {
		return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() ? v.getAsString() : null;
	}

	private static JsonObject obj(JsonObject parent, String k, String p, List<String> out, boolean required) {
		JsonElement v = parent.get(k);
		if (v == null || v.isJsonNull()) {
			if (required)
				out.add(p + BpxImporter.key(k) + ": missing; BPX requires it");
			return null;
		}
		if (!v.isJsonObject()) {
			out.add(p + BpxImporter.key(k) + ": not an object");
			return null;
		}
		return v.getAsJsonObject();
	}
}
