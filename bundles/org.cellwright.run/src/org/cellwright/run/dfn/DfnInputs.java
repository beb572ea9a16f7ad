package org.cellwright.run.dfn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.IntercalationElectrode;
import org.cellwright.solver.dfn.PlanarLithiumElectrode;
import org.cellwright.solver.dfn.LumpedThermal;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Everything one run of a liquid-electrolyte (Doyle-Fuller-Newman) cell needs, mapped from the model by
 * {@link DfnMapping} and in SI: the solver's cell and mesh, the protocol (the solid-state runner's step types), the
 * time stepper's tolerance and the output interval (0: every accepted step), the cell's area [m2] and nominal
 * capacity [C] (NaN if not given), an optional lumped thermal model, where the inputs came from, and
 * {@code values}: every mapped value by name as text (written as dfn-inputs.json beside the results; its hash
 * identifies the inputs). dfn-inputs.json also keeps the protocol's steps as inputs.json does
 * ({@link InputsJson#protocolJson}: member {@value #PROTOCOL}) and the stack's layers as numbers (member
 * {@value #STACK}, {@link Layer}), both read back by the run folder's reader for the report.
 */
public record DfnInputs(ResolvedInputs.Provenance provenance, String cellName, DfnCell cell, DfnMesh mesh,
		double relativeTolerance, double outputInterval, double maxStep, double area, double nominalCapacity,
		ProtocolSpec protocol, LumpedThermal thermal, Map<String, String> values) {

	/** The file written beside the results of a DFN run (the solid-state runs write inputs.json). */
	public static final String FILE_NAME = "dfn-inputs.json";

	/** The member of dfn-inputs.json's provenance naming the source (relative to the run folder, as the run folder's reader reads it). */
	public static final String SOURCE_FILE = "sourceFile";

	/** The member of dfn-inputs.json holding the provenance (as inputs.json's). */
	public static final String PROVENANCE = "provenance";

	/** The member of dfn-inputs.json with the protocol's steps (in inputs.json's form); absent in files written before it. */
	public static final String PROTOCOL = "protocol";

	/** The member of dfn-inputs.json with the stack's layers ({@link Layer}, negative to positive); absent in files written before it. */
	public static final String STACK = "stack";

	/** A layer's role in {@value #STACK}. */
	public static final String NEGATIVE = "negative", LITHIUM_METAL = "lithium-metal", SEPARATOR = "separator", POSITIVE = "positive";

	/**
	 * One layer of a DFN cell's stack as dfn-inputs.json keeps it: name, role ({@link #NEGATIVE}, {@link #LITHIUM_METAL},
	 * {@link #SEPARATOR}, {@link #POSITIVE}), thickness [m], porosity (0 for lithium foil) and particle radius [m] (the
	 * first particle population's; NaN for the separator and lithium foil).
	 */
	public record Layer(String name, String role, double thickness, double porosity, double particleRadius) {}

	/** The layers of a cell, negative to positive (a single-particle cell has no separator). */
	public static List<Layer> layers(DfnCell cell) {
		List<Layer> l = new ArrayList<>();
		if (cell.negativeElectrode() instanceof IntercalationElectrode n) l.add(layer(n, NEGATIVE));
		else if (cell.negativeElectrode() instanceof PlanarLithiumElectrode li) l.add(new Layer(li.name(), LITHIUM_METAL, li.thickness(), 0, Double.NaN));
		if (cell.separator() != null) l.add(new Layer("separator", SEPARATOR, cell.separator().thickness(), cell.separator().porosity(), Double.NaN));
		l.add(layer(cell.positive(), POSITIVE));
		return l;
	}

	private static Layer layer(IntercalationElectrode e, String role) {
		double r = e.populations().isEmpty() ? Double.NaN : e.populations().get(0).particle().radius();
		return new Layer(e.name(), role, e.thickness(), e.porosity(), r);
	}

	/** Layers as dfn-inputs.json keeps them: an array of objects with name, role, thickness, porosity and particleRadius (when known). */
	public static JsonArray stackJson(List<Layer> layers) {
		JsonArray a = new JsonArray();
		for (Layer l : layers) {
			JsonObject o = new JsonObject();
			o.addProperty("name", l.name());
			o.addProperty("role", l.role());
			o.addProperty("thickness", l.thickness());
			o.addProperty("porosity", l.porosity());
			if (!Double.isNaN(l.particleRadius())) o.addProperty("particleRadius", l.particleRadius());
			a.add(o);
		}
		return a;
	}

	/**
	 * The layers of {@link #stackJson} read back (for the run folder's reader); null when a member is missing or of the
	 * wrong kind, or a thickness is not positive.
	 */
	public static List<Layer> readStack(JsonElement st) {
		if (!st.isJsonArray() || st.getAsJsonArray().isEmpty()) return null;
		List<Layer> l = new ArrayList<>();
		try {
			for (JsonElement e : st.getAsJsonArray()) {
				JsonObject o = e.getAsJsonObject();
				double t = o.get("thickness").getAsDouble();
				if (!(t > 0)) return null;
				l.add(new Layer(o.has("name") ? o.get("name").getAsString() : o.get("role").getAsString(), o.get("role").getAsString(), t,
						o.has("porosity") ? o.get("porosity").getAsDouble() : 0,
						o.has("particleRadius") ? o.get("particleRadius").getAsDouble() : Double.NaN));
			}
		} catch (RuntimeException ex) { // a member missing (NullPointerException) or not a number/object/string
			return null;
		}
		return List.copyOf(l);
	}

	/** The mapped values, the provenance, the protocol's steps and the stack's layers as JSON. */
	public JsonObject json() {
		JsonObject o = new JsonObject();
		JsonObject p = new Gson().toJsonTree(provenance).getAsJsonObject();
		// where the file wrote each step, as inputs.json keeps it (outside the hash): the report names steps as the run did
		if (!protocol.places().isEmpty()) {
			com.google.gson.JsonArray places = new com.google.gson.JsonArray();
			protocol.places().forEach(places::add);
			p.add(InputsJson.STEP_PLACES, places);
		}
		o.add(PROVENANCE, p);
		JsonObject v = new JsonObject();
		// in key order: the mapping hands an immutable Map.copyOf, whose order changes from one JVM to the next, and the
		// hash is of this text (Marquis 2019's runs of the same inputs had a new inputs_hash, so a new run id and a
		// stale mark, at every start)
		new TreeMap<>(values).forEach(v::addProperty);
		o.add("dfn", v);
		o.add(PROTOCOL, InputsJson.protocolJson(protocol));
		if (cell != null) o.add(STACK, stackJson(layers(cell)));
		return o;
	}

	/**
	 * SHA-256 of the mapped values (without the provenance, the structured protocol and stack, which the values hold as text), in
	 * hex: the same inputs give the same hash.
	 */
	public String hash() {
		JsonObject j = json();
		j.remove(PROVENANCE);
		j.remove(PROTOCOL);
		j.remove(STACK);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(j.toString().getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
