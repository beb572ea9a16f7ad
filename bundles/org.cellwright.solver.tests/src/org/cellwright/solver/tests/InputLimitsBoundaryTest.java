package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

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
 * The limits of a cell's inputs ({@link InputLimits}) at their other side: the coldest and hottest temperature of a
 * cell (-100 and 500 degC, as the language converts them: degC + 273.15) and the thickest layer (10 cm) are values a
 * cell may have, in the language and in an inputs.json run again; just beyond them is refused. InputsJsonLimitsTest
 * tries values far beyond (1e9 K, 1 m). Mutation audit, session 22 (L1-L3 in docs/solid-state-solver.md): the
 * limits themselves refused passed every test.
 */
class InputLimitsBoundaryTest {

	/** Cell 6 without its foil (no lithium metal: no melting point) as inputs.json, with the cell's temperature [K] and layer 3's thickness [m]. */
	private static JsonObject cell6(double kelvin, double separator) {
		JsonObject in = InputsJson.toJson(new ResolvedInputs(new ResolvedInputs.Provenance("Edited", null, 0, "test", "now"),
				Sung2023Parameters.cell6WithoutFoil(65e6, 298.15), ProtocolSpec.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3))), SolverSettings.defaults()));
		JsonObject cell = in.getAsJsonObject("cell");
		cell.addProperty("temperature_K", kelvin);
		cell.getAsJsonArray("layers").get(2).getAsJsonObject().addProperty("thickness_m", separator);
		return in;
	}

	private static ResolvedInputs read(JsonObject in) {
		return InputsJson.parse(in.toString(), "inputs.json");
	}

	@Test
	void theColdestAndHottestTemperatureOfACellAreAccepted() {
		assertNull(InputLimits.temperatureProblem(-100 + 273.15, false));
		assertNull(InputLimits.temperatureProblem(500 + 273.15, false));
		assertEquals(-100 + 273.15, read(cell6(-100 + 273.15, 600e-6)).cell().temperature(), 0);
		assertEquals(500 + 273.15, read(cell6(500 + 273.15, 600e-6)).cell().temperature(), 0);
		String cold = InputLimits.temperatureProblem(-100.01 + 273.15, false), hot = InputLimits.temperatureProblem(500.01 + 273.15, false);
		assertTrue(cold != null && cold.startsWith("-100.01 degC is outside -100 degC to 500 degC"), cold);
		assertTrue(hot != null && hot.startsWith("500.01 degC is outside -100 degC to 500 degC"), hot);
	}

	@Test
	void aLayerOfTenCentimetresIsAcceptedAThickerOneRefused() {
		assertNull(InputLimits.thicknessProblem(0.1));
		assertEquals(0.1, read(cell6(298.15, 0.1)).cell().layers().get(2).thickness(), 0);
		InputsJsonException e = assertThrows(InputsJsonException.class, () -> read(cell6(298.15, 0.1001)));
		assertTrue(e.getMessage().startsWith("inputs.json: cell.layers[2].thickness_m: 0.1001 m is thicker than 10 cm"), e.getMessage());
	}
}
