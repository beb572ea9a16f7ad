package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.model.Protocol;
import org.cellwright.run.CellFiles;
import org.cellwright.run.SimulationInputs;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step limits reach the solver in its units: a current per cell area, a C-rate per hour of nominal capacity. */
class CutoffUnitsTest {

	@TempDir Path tmp;

	private List<StepSpec> steps(String protocolBody, double areaM2) throws Exception {
		Path f = Cli.write(tmp.resolve("p.cell"), "package p\nprotocol P { " + protocolBody + " }\n");
		CellFiles loaded = CellFiles.load(List.of(f));
		Protocol p = (Protocol) loaded.models().get(0).getElements().get(0);
		return SimulationInputs.steps(p.getSteps(), areaM2);
	}

	@Test
	void aCurrentLimitIsDividedByTheCellArea() throws Exception {
		// 0.0785 mA on 0.785 cm2 is 0.1 mA/cm2 = 1 A/m2
		List<StepSpec> s = steps("charge at 0.2 mA/cm2 until 4.3 V  hold at 4.3 V until 0.0785 mA", 0.785e-4);
		Cutoff c = ((StepSpec.ConstantVoltage) s.get(1)).cutoffs().get(0);
		assertEquals(Cutoff.Kind.CURRENT_BELOW, c.kind());
		assertEquals(1.0, c.value(), 1e-9);
		// the same limit written as a density is taken as it is
		Cutoff d = ((StepSpec.ConstantVoltage) steps("hold at 4.3 V until 0.1 mA/cm2", 0.785e-4).get(0)).cutoffs().get(0);
		assertEquals(1.0, d.value(), 1e-9);
	}

	@Test
	void aCRateLimitOfAHoldIsKeptAsACRate() throws Exception {
		Cutoff c = ((StepSpec.ConstantVoltage) steps("hold at 4.3 V until 0.05 C", 0.785e-4).get(0)).cutoffs().get(0);
		assertEquals(Cutoff.Kind.CURRENT_BELOW_C_RATE, c.kind());
		assertEquals(0.05, c.value(), 1e-12);
	}
}
