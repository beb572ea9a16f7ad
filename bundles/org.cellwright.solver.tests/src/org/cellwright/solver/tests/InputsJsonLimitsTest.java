package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.InputLimits;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.InputsJsonException;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * A hand-written inputs.json (run again with {@code ./cellwright run inputs.json}) is read within the language's limits
 * (session 21): its values bypassed them (a layer 1 m thick, a cell at 1e9 K, a lithium-foil cell at 200 degC ran).
 * Each value beyond a limit ({@link InputLimits}, the constants the language's check uses) is an error naming its
 * member, as a malformed one is.
 */
class InputsJsonLimitsTest {

	/** Cell 6 (a 30 um Li foil, layer 1) at 25 degC with a protocol: set temperature 60 degC, a charge. */
	private static JsonObject inputs(CellSpec cell) {
		ProtocolSpec p = ProtocolSpec.of(new StepSpec.SetTemperature(333.15), StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3)));
		return InputsJson.toJson(new ResolvedInputs(new ResolvedInputs.Provenance("Edited", null, 0, "test", "now"), cell, p,
				SolverSettings.defaults()));
	}

	private static JsonObject cell(JsonObject in) { return in.getAsJsonObject("cell"); }

	private static JsonObject setTemperature(JsonObject in) {
		return in.getAsJsonObject("protocol").getAsJsonArray("steps").get(0).getAsJsonObject();
	}

	/** The reader's message for the edited file (it must refuse it). */
	private static String refused(JsonObject in) {
		InputsJsonException e = assertThrows(InputsJsonException.class, () -> InputsJson.parse(in.toString(), "inputs.json"));
		return e.getMessage();
	}

	@Test
	void theFileAsWrittenReads() {
		ResolvedInputs r = InputsJson.parse(inputs(Sung2023Parameters.cell6Full(65e6, 298.15)).toString(), "inputs.json");
		assertEquals(298.15, r.cell().temperature(), 1e-12);
	}

	@Test
	void aLayerThickerThanTheLimitIsAnErrorAtItsMember() {
		JsonObject in = inputs(Sung2023Parameters.cell6Full(65e6, 298.15));
		cell(in).getAsJsonArray("layers").get(3).getAsJsonObject().addProperty("thickness_m", 1.0);
		String m = refused(in);
		assertTrue(m.startsWith("inputs.json: cell.layers[3].thickness_m: 1 m is thicker than 10 cm"), m);
	}

	/**
	 * Session 23's limits in an inputs.json run again: a stack pressure above 1 GPa, an area above 10 m2, a max step
	 * below 1 ms are errors at their members; the limits themselves read.
	 */
	@Test
	void aStackPressureAnAreaAndAMaxStepBeyondTheLimitsAreErrorsAtTheirMembers() {
		record Edit(String member, java.util.function.Consumer<JsonObject> change, String says) {}
		for (Edit e : List.of(new Edit("cell.stack_pressure_Pa", in -> cell(in).addProperty("stack_pressure_Pa", 1e306), "1e300 MPa is above 1000 MPa"),
				new Edit("cell.area_m2", in -> cell(in).addProperty("area_m2", 1e300), "1e300 m2 is above 10 m2"),
				new Edit("solver_settings.max_step_s", in -> in.getAsJsonObject("solver_settings").addProperty("max_step_s", 1e-300), "1e-300 s is below 1 ms"))) {
			JsonObject in = inputs(Sung2023Parameters.cell6Full(65e6, 298.15));
			e.change().accept(in);
			String m = refused(in);
			assertTrue(m.startsWith("inputs.json: " + e.member() + ": " + e.says()), m);
		}
		JsonObject in = inputs(Sung2023Parameters.cell6Full(InputLimits.MAX_STACK_PRESSURE, 298.15));
		in.getAsJsonObject("solver_settings").addProperty("max_step_s", InputLimits.MIN_MAX_STEP);
		cell(in).addProperty("area_m2", InputLimits.MAX_AREA);
		InputsJson.parse(in.toString(), "inputs.json");
	}

	@Test
	void aTemperatureOutsideTheLimitsIsAnErrorAtItsMember() {
		JsonObject in = inputs(Sung2023Parameters.cell6WithoutFoil(65e6, 298.15));
		cell(in).addProperty("temperature_K", 1e9);
		String m = refused(in);
		assertTrue(m.startsWith("inputs.json: cell.temperature_K: ") && m.contains("is outside -100 degC to 500 degC"), m);
		in = inputs(Sung2023Parameters.cell6WithoutFoil(65e6, 298.15));
		setTemperature(in).addProperty("temperature_K", 100.0);
		m = refused(in);
		assertTrue(m.startsWith("inputs.json: protocol.steps[0].temperature_K: -173.15 degC is outside -100 degC to 500 degC"), m);
	}

	/**
	 * Lithium's melting point, 180.5 degC: a cell with a lithium-metal layer at or above it, as the cell's temperature
	 * or a set_temperature step, is an error at the member; the same temperature in a cell without one reads.
	 */
	@Test
	void aLithiumMetalCellAtOrAboveLithiumsMeltingPointIsAnErrorAtItsMember() {
		JsonObject in = inputs(Sung2023Parameters.cell6Full(65e6, 298.15));
		cell(in).addProperty("temperature_K", InputLimits.LITHIUM_MELTING_POINT);
		String m = refused(in);
		assertTrue(m.startsWith("inputs.json: cell.temperature_K: 180.5 degC is at or above lithium's melting point, 180.5 degC")
				&& m.contains("(cell.layers[1], Li)"), m);
		in = inputs(Sung2023Parameters.cell6Full(65e6, 298.15));
		setTemperature(in).addProperty("temperature_K", 473.15);
		m = refused(in);
		assertTrue(m.startsWith("inputs.json: protocol.steps[0].temperature_K: 200 degC is at or above lithium's melting point"), m);
		// just below it, and a cell without lithium metal above it, read
		in = inputs(Sung2023Parameters.cell6Full(65e6, 298.15));
		cell(in).addProperty("temperature_K", InputLimits.LITHIUM_MELTING_POINT - 0.01);
		assertEquals(InputLimits.LITHIUM_MELTING_POINT - 0.01, InputsJson.parse(in.toString(), "inputs.json").cell().temperature(), 1e-12);
		in = inputs(Sung2023Parameters.cell6WithoutFoil(65e6, 298.15));
		setTemperature(in).addProperty("temperature_K", 473.15);
		assertEquals(List.of(new StepSpec.SetTemperature(473.15)),
				InputsJson.parse(in.toString(), "inputs.json").protocol().steps().subList(0, 1));
	}

	/**
	 * Read as the record of a run that was made (InputsJson.Purpose.RECORD: a run folder's report, the Runs view), the
	 * same values beyond the limits read as written: the limits refuse running it again, not reading what was run
	 * (session 22: a lithium cell's run at 200 degC made before them lost its stack and protocol in its report).
	 */
	@Test
	void aRecordOfARunIsReadWhateverTheLimitsSay() {
		JsonObject in = inputs(Sung2023Parameters.cell6Full(65e6, 298.15));
		cell(in).addProperty("temperature_K", 473.15);
		setTemperature(in).addProperty("temperature_K", 1e9);
		cell(in).getAsJsonArray("layers").get(3).getAsJsonObject().addProperty("thickness_m", 1.0);
		ResolvedInputs r = InputsJson.parse(in.toString(), "inputs.json", InputsJson.Purpose.RECORD);
		assertEquals(473.15, r.cell().temperature(), 1e-12);
		assertEquals(1.0, r.cell().layers().get(3).thickness(), 0);
		assertEquals(new StepSpec.SetTemperature(1e9), r.protocol().steps().get(0));
		assertTrue(refused(in).startsWith("inputs.json: cell.layers[3].thickness_m: "), "to run it: refused");
		assertThrows(InputsJsonException.class, () -> InputsJson.parse(in.toString(), "inputs.json", InputsJson.Purpose.RUN));
	}
}
