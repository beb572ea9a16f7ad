package org.cellwright.run.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What changed between the resolved inputs of two runs (inputs.json, provenance left out), in words:
 * "stack-pressure 65 MPa -> 20 MPa; LiSi thickness 10 um -> 5 um". Values are shown in the unit a researcher reads
 * (MPa, um, mA/cm2, degC beside K); OCV tables are compared whole.
 */
public final class Changes {
	private Changes() {}

	/** At most this many changes are spelled out; the rest are counted. */
	static final int SHOWN = 4;

	public static List<String> between(JsonObject before, JsonObject after) {
		Map<String, String> a = flatten(before), b = flatten(after);
		String chooser = java.util.Objects.equals(a.get(MESH_CHOOSER), b.get(MESH_CHOOSER)) ? null : meshChooser(before, after, a, b);
		a.remove(MESH_CHOOSER);
		b.remove(MESH_CHOOSER);
		List<String> out = diff(a, b);
		if (chooser != null) out.add(chooser);
		return out;
	}

	/** The flattened key of {@code solver_settings.mesh_from_protocol} (InputsJson.MESH_FROM_PROTOCOL), said in words instead. */
	private static final String MESH_CHOOSER = "solver " + dashed(org.cellwright.solver.input.json.InputsJson.MESH_FROM_PROTOCOL);

	/**
	 * Who chose the solver mesh, where it differs between two records, in a user's words as the other changes are said
	 * ("the solver mesh, set in the solver block (was: chosen from the protocol)"); it read "solver mesh-from-protocol
	 * added: false" (session 39). Each side's chooser is its record's: {@code solver_settings.mesh_from_protocol} (the
	 * hashed word, written where the mesh alone does not say it), else {@code provenance.mesh_from_protocol} (every run
	 * since session 38). A record of session 38 has the second alone, so one whose block set what the solver chooses
	 * differs from the same file now in the hash only: it is said as such. One written before session 38 has neither:
	 * its mesh reads as the solver's choice where it is what the solver now chooses (ProtocolMesh.isChoice), which
	 * Changes can tell only where the other side's mesh is that choice and the same (the other side set it to the
	 * choice); else it says the record does not tell.
	 */
	private static String meshChooser(JsonObject before, JsonObject after, Map<String, String> a, Map<String, String> b) {
		Boolean was = chosen(before), now = chosen(after);
		if (now == null) return "who chose the solver mesh is no longer recorded";
		String mesh = "the solver mesh, " + chooser(now);
		if (was != null)
			return was.equals(now) ? mesh + " as before, is an input since session 39 (a record of session 38 kept who chose it out of the"
					+ " inputs' hash)" : mesh + " (was: " + chooser(was) + ")";
		boolean sameMesh = java.util.Objects.equals(a.get("solver particle-nodes"), b.get("solver particle-nodes"))
				&& java.util.Objects.equals(a.get("solver cathode-nodes"), b.get("solver cathode-nodes"));
		// the other side's block sets what the solver chooses (its word false): the same mesh is the choice, and the
		// record without a word reads it as chosen
		return !now && sameMesh ? mesh + " (was: " + chooser(true) + ", as a record from before session 38 reads a mesh that is the"
				+ " solver's choice: it does not say who chose)" : mesh + " (a record from before session 38 does not say who chose the mesh)";
	}

	/** "chosen from the protocol" or "set in the solver block". */
	private static String chooser(boolean chosen) {
		return chosen ? "chosen from the protocol" : "set in the solver block";
	}

	/** Whether a record says the solver chose its mesh: its hashed word, else its provenance's; null where it says neither. */
	private static Boolean chosen(JsonObject inputs) {
		for (String member : List.of("solver_settings", "provenance"))
			if (inputs != null && inputs.get(member) instanceof JsonObject o && o.get(org.cellwright.solver.input.json.InputsJson.MESH_FROM_PROTOCOL) instanceof com.google.gson.JsonPrimitive p
					&& p.isBoolean())
				return p.getAsBoolean();
		return null;
	}

	/**
	 * What changed between two liquid-electrolyte runs' {@code dfn-inputs.json} (provenance and the drawn stack left
	 * out): each of the solver's inputs by its name there ({@code temperature 298.15 K -> 273.15 K}), one too long to
	 * show (a table, a layer's geometry) as {@code positive.geometry changed}, and the protocol's steps as for
	 * {@link #between}. Before (session 19), a DFN run's change was left empty: a second run of the same inputs did not
	 * say "no change", nor one of other inputs what changed. Steps added to or removed from the protocol, with the
	 * others unchanged, are said as such ({@code protocol: step 7 added (rest)}), not as every later step changed.
	 */
	public static List<String> betweenDfn(JsonObject before, JsonObject after) {
		JsonArray a = topSteps(before), b = topSteps(after);
		int same = 0, sameAtEnd = 0;
		while (same < Math.min(a.size(), b.size()) && a.get(same).equals(b.get(same))) same++;
		while (sameAtEnd < Math.min(a.size(), b.size()) - same
				&& a.get(a.size() - 1 - sameAtEnd).equals(b.get(b.size() - 1 - sameAtEnd))) sameAtEnd++;
		if (a.size() == b.size() || a.size() - same - sameAtEnd > 0 && b.size() - same - sameAtEnd > 0)
			return diff(flattenDfn(before), flattenDfn(after)); // steps changed in place: step by step
		Map<String, String> beforeInputs = flattenDfn(before), afterInputs = flattenDfn(after);
		beforeInputs.keySet().removeIf(k -> k.startsWith("step ") || k.equals("protocol")); // the protocol: said by its steps
		afterInputs.keySet().removeIf(k -> k.startsWith("step ") || k.equals("protocol"));
		List<String> out = diff(beforeInputs, afterInputs);
		for (int i = same; i < a.size() - sameAtEnd; i++) out.add("protocol: step " + (i + 1) + " removed (" + type(a.get(i)) + ")");
		for (int i = same; i < b.size() - sameAtEnd; i++) out.add("protocol: step " + (i + 1) + " added (" + type(b.get(i)) + ")");
		return out;
	}

	private static JsonArray topSteps(JsonObject inputs) {
		return inputs != null && inputs.get("protocol") instanceof JsonObject p && p.get("steps") instanceof JsonArray s ? s : new JsonArray();
	}

	private static String type(JsonElement step) {
		return step instanceof JsonObject s && s.get("type") != null ? value(s.get("type"), null) : "?";
	}

	/** Values longer than this are said to have changed, not shown. */
	static final int SHOWN_LENGTH = 40;

	private static List<String> diff(Map<String, String> a, Map<String, String> b) {
		List<String> out = new ArrayList<>();
		for (var e : b.entrySet()) {
			String old = a.get(e.getKey());
			if (old == null) out.add(e.getKey() + " added: " + shown(e.getValue()));
			else if (!old.equals(e.getValue()))
				out.add(old.length() > SHOWN_LENGTH || e.getValue().length() > SHOWN_LENGTH ? e.getKey() + " changed"
						: e.getKey() + " " + old + " -> " + e.getValue());
		}
		for (String k : a.keySet()) if (!b.containsKey(k)) out.add(k + " removed");
		return out;
	}

	private static String shown(String v) {
		return v.length() > SHOWN_LENGTH ? v.substring(0, SHOWN_LENGTH) + "..." : v;
	}

	static Map<String, String> flattenDfn(JsonObject inputs) {
		Map<String, String> out = new LinkedHashMap<>();
		if (inputs == null) return out;
		if (inputs.get("dfn") instanceof JsonObject d)
			for (var e : d.entrySet())
				out.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString());
		if (inputs.get("protocol") instanceof JsonObject p && p.get("steps") != null) steps(p.get("steps"), "step ", out);
		return out;
	}

	/** The changes as one line ("" when nothing changed). */
	public static String text(List<String> changes) {
		if (changes.isEmpty()) return "";
		List<String> shown = changes.subList(0, Math.min(SHOWN, changes.size()));
		return String.join("; ", shown) + (changes.size() > SHOWN ? "; and " + (changes.size() - SHOWN) + " more" : "");
	}

	/** Readable name -> value with unit, for every leaf of the inputs (provenance and format members left out). */
	static Map<String, String> flatten(JsonObject inputs) {
		Map<String, String> out = new LinkedHashMap<>();
		if (inputs == null) return out;
		if (inputs.get("cell") instanceof JsonObject cell) {
			leaves(cell, "", out, Set.of("layers", "name"));
			if (cell.get("layers") instanceof JsonArray layers)
				for (JsonElement le : layers) {
					if (!(le instanceof JsonObject l)) continue;
					String ln = str(l, "name");
					leaves(l, ln + " ", out, Set.of("components", "name"));
					if (l.get("components") instanceof JsonArray comps)
						for (JsonElement ce : comps) {
							if (!(ce instanceof JsonObject c) || !(c.get("material") instanceof JsonObject m)) continue;
							String mn = str(m, "name");
							leaves(c, ln + " " + mn + " ", out, Set.of("material"));
							if (m.get("properties") instanceof JsonObject props)
								for (var p : props.entrySet())
									if (p.getValue() instanceof JsonObject v && v.get("value") != null)
										out.put(mn + " " + dashed(p.getKey()), value(v.get("value"), str(v, "unit")));
							if (m.get("ocv") != null) out.put(mn + " OCV", Integer.toHexString(m.get("ocv").toString().hashCode()));
						}
				}
		}
		if (inputs.get("protocol") instanceof JsonObject p && p.get("steps") != null) steps(p.get("steps"), "step ", out);
		if (inputs.get("solver_settings") instanceof JsonObject s) leaves(s, "solver ", out, Set.of());
		return out;
	}

	private static void steps(JsonElement steps, String prefix, Map<String, String> out) {
		if (!(steps instanceof JsonArray a)) return;
		for (int i = 0; i < a.size(); i++) {
			if (!(a.get(i) instanceof JsonObject s)) continue;
			String at = prefix + (i + 1);
			String unit = str(s, "unit");
			for (var e : s.entrySet()) {
				switch (e.getKey()) {
					case "unit" -> {}
					case "steps" -> steps(e.getValue(), at + ".", out);
					case "value" -> out.put(at + " value", value(e.getValue(), unit));
					default -> out.put(at + " " + dashed(e.getKey()), e.getValue().isJsonPrimitive() ? value(e.getValue(), null) : e.getValue().toString());
				}
			}
		}
	}

	private static void leaves(JsonObject o, String prefix, Map<String, String> out, java.util.Set<String> skip) {
		for (var e : o.entrySet()) {
			if (skip.contains(e.getKey())) continue;
			JsonElement v = e.getValue();
			if (v.isJsonPrimitive() || v.isJsonNull()) out.put(prefix + dashed(e.getKey()), value(v, unitOfKey(e.getKey())));
			else out.put(prefix + dashed(e.getKey()), v.toString());
		}
	}

	private static final class Set {
		static java.util.Set<String> of(String... s) {
			return java.util.Set.of(s);
		}
	}

	/** The SI unit at the end of a key ("stack_pressure_Pa" -> "Pa"), or null. */
	static String unitOfKey(String key) {
		for (String u : new String[] { "_Pa", "_m2", "_m", "_K", "_C", "_V", "_s" })
			if (key.endsWith(u)) return u.substring(1);
		return null;
	}

	/** "stack_pressure_Pa" -> "stack-pressure" (the unit goes with the value): the property's name in a .cell file. */
	public static String dashed(String key) {
		String k = key;
		for (String u : new String[] { "_Pa", "_m2", "_m", "_K", "_C", "_V", "_W_m2", "_s" })
			if (k.endsWith(u)) {
				k = k.substring(0, k.length() - u.length());
				break;
			}
		return k.replace('_', '-');
	}

	private static String str(JsonObject o, String k) {
		JsonElement e = o.get(k);
		return e == null || e.isJsonNull() ? "?" : e.getAsString();
	}

	/** A value in the unit read by people; {@code unit} is the SI unit written beside it (or taken from nothing). */
	static String value(JsonElement e, String unit) {
		if (e == null || e.isJsonNull()) return "none";
		if (!e.isJsonPrimitive()) return e.toString(); // a follow step's values: a table, compared whole
		if (!e.getAsJsonPrimitive().isNumber()) return e.getAsString();
		double v = e.getAsDouble();
		if (unit == null) return num(v);
		return switch (unit) {
			case "Pa" -> num(v / 1e6) + " MPa";
			case "m" -> num(v * 1e6) + " um";
			case "A/m2" -> num(v / 10) + " mA/cm2";
			case "K" -> num(v) + " K";
			case "m2" -> num(v * 1e4) + " cm2";
			default -> num(v) + (unit.isEmpty() || unit.equals("1") ? "" : " " + unit);
		};
	}

	static String num(double v) {
		String s = String.format(Locale.ROOT, "%.6g", v);
		if (s.contains("e")) return s;
		return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
	}
}
