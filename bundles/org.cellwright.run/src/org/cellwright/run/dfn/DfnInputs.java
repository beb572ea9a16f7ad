package org.cellwright.run.dfn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.LumpedThermal;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Everything one run of a liquid-electrolyte (Doyle-Fuller-Newman) cell needs, mapped from the model by
 * {@link DfnMapping} and in SI: the solver's cell and mesh, the protocol (the solid-state runner's step types), the
 * time stepper's tolerance and the output interval (0: every accepted step), the cell's area [m2] and nominal
 * capacity [C] (NaN if not given), an optional lumped thermal model, where the inputs came from, and
 * {@code values}: every mapped value by name as text (written as dfn-inputs.json beside the results; its hash
 * identifies the inputs). dfn-inputs.json also keeps the protocol's steps as inputs.json does
 * ({@link InputsJson#protocolJson}: member {@value #PROTOCOL}), read back by the run folder's reader for the report.
 */
public record DfnInputs(ResolvedInputs.Provenance provenance, String cellName, DfnCell cell, DfnMesh mesh,
		double relativeTolerance, double outputInterval, double maxStep, double area, double nominalCapacity,
		ProtocolSpec protocol, LumpedThermal thermal, Map<String, String> values) {

	/** The file written beside the results of a DFN run (the solid-state runs write inputs.json). */
	public static final String FILE_NAME = "dfn-inputs.json";

	/** The member of dfn-inputs.json with the protocol's steps (in inputs.json's form); absent in files written before it. */
	public static final String PROTOCOL = "protocol";

	/** The mapped values, the provenance and the protocol's steps as JSON. */
	public JsonObject json() {
		JsonObject o = new JsonObject();
		JsonObject p = new Gson().toJsonTree(provenance).getAsJsonObject();
		o.add("provenance", p);
		JsonObject v = new JsonObject();
		values.forEach(v::addProperty);
		o.add("dfn", v);
		o.add(PROTOCOL, InputsJson.protocolJson(protocol));
		return o;
	}

	/**
	 * SHA-256 of the mapped values (without the provenance and the structured protocol, which the values hold as text), in
	 * hex: the same inputs give the same hash.
	 */
	public String hash() {
		JsonObject j = json();
		j.remove("provenance");
		j.remove(PROTOCOL);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(j.toString().getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
