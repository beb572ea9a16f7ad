package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.IntercalationElectrode;
import org.cellwright.solver.params.Marquis2019;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A composite electrode layer of two intercalation materials is a blended electrode: one particle population each. */
class DfnBlendRunTest {

	@TempDir Path tmp;

	/** examples/marquis2019.cell with the LCO layer a composite of LCO and a copy LCO2 (edited by extra), 50/50 vol%. */
	Path blended(String extra) throws Exception {
		String text = Files.readString(DfnRunTest.EXAMPLE);
		int a = text.indexOf("material LCO is intercalation-cathode {"), b = text.indexOf("\n}\n", a) + 3;
		String copy = text.substring(a, b).replace("material LCO is", "material LCO2 is").replace("{\n", "{\n" + extra + "\n");
		text = text.substring(0, b) + "\n" + copy + "\ncomposite Blend { LCO 50 vol%  LCO2 50 vol% }\n" + text.substring(b);
		text = text.replace("layer positive: LCO 100 um {", "layer positive: Blend 100 um {");
		// the COMSOL files are relative to examples/: not needed here
		text = text.replaceAll("(?m)^\\s*(measured|expect) .*$", "");
		Path f = tmp.resolve("blend.cell");
		Files.writeString(f, text);
		return f;
	}

	@Test
	void twoCopiesOfTheCathodeAtHalfTheFractionEachRunAsTheSingleMaterial() throws Exception {
		DfnInputs in = DfnRunTest.inputs(blended(""), "Comsol1C");
		IntercalationElectrode pos = in.cell().positive();
		assertTrue(pos.isBlend(), pos.toString());
		assertEquals(2, pos.populations().size());
		assertEquals(0.25, pos.populations().get(0).activeFraction(), 1e-12, "the layer's active-volume-fraction 0.5 split by the composite's shares");
		assertEquals("LCO2", pos.populations().get(1).name());
		DfnCell single = DfnRunTest.inputs(DfnRunTest.EXAMPLE, "Comsol1C").cell();
		DfnMesh mesh = new DfnMesh(8, 4, 8, 8);
		double[] t = DfnRunTest.times(3600, 121);
		DfnSolution a = new DfnSimulation(1e-6).run(in.cell(), mesh, CurrentProfile.constant(24), t, Marquis2019.CUTOFF);
		DfnSolution b = new DfnSimulation(1e-6).run(single, mesh, CurrentProfile.constant(24), t, Marquis2019.CUTOFF);
		assertEquals(b.voltages().length, a.voltages().length);
		for (int k = 0; k < a.voltages().length; k++) assertEquals(b.voltages()[k], a.voltages()[k], 1e-5, "t = " + t[k]);
	}

	@Test
	void aBlendMaterialTakesItsOwnParticleRadius() throws Exception {
		DfnInputs in = DfnRunTest.inputs(blended("\tparticle-radius = 2 um"), "Comsol1C");
		IntercalationElectrode pos = in.cell().positive();
		assertEquals(10e-6, pos.populations().get(0).particle().radius(), 1e-15, "the layer's radius");
		assertEquals(2e-6, pos.populations().get(1).particle().radius(), 1e-15, "its own");
		assertEquals(pos.populations().get(0).specificSurface() * 5, pos.populations().get(1).specificSurface(), 1e-6, "a = 3 eps / R");
		DfnSolution s = new DfnSimulation(1e-4).run(in.cell(), new DfnMesh(8, 4, 8, 8), CurrentProfile.constant(72), DfnRunTest.times(1200, 61),
				Marquis2019.CUTOFF);
		assertEquals("voltage cut-off", s.endReason());
	}

	/**
	 * A sweep (or fit) of a blend layer's particle-radius where every material gives its own radius changed nothing:
	 * the runs of BPX's blended pouch cell at 1 um and 10 um were identical (2.202 mAh/cm2 at 0 degC both). It is an
	 * error naming the materials' radii; where a material takes the layer's radius, the swept value reaches it.
	 */
	@Test
	void sweepingABlendLayersRadiusThatEveryMaterialOverridesIsAnError() throws Exception {
		Path both = blended("\tparticle-radius = 2 um");
		Files.writeString(both, Files.readString(both).replace("material LCO is intercalation-cathode {",
				"material LCO is intercalation-cathode {\n\tparticle-radius = 8 um"));
		var x = DfnRunTest.experiment(both, "Comsol1C");
		var sweep = java.util.Map.of("positive.particle-radius", org.cellwright.run.Sweeps.quantity(1, "um"));
		org.cellwright.run.InputException e = assertThrows(org.cellwright.run.InputException.class,
				() -> org.cellwright.run.dfn.DfnMapping.of(x, "E", sweep, org.cellwright.run.Plans.provenance("E", x)));
		assertTrue(e.problem().message().startsWith("cannot vary 'positive.particle-radius': layer positive is a blend whose materials give"
				+ " their own particle-radius (LCO 8 um, LCO2 2 um)"), e.problem().message());
		var y = DfnRunTest.experiment(blended("\tparticle-radius = 2 um"), "Comsol1C");
		IntercalationElectrode pos = org.cellwright.run.dfn.DfnMapping.of(y, "E", sweep, org.cellwright.run.Plans.provenance("E", y)).cell().positive();
		assertEquals(1e-6, pos.populations().get(0).particle().radius(), 1e-15, "LCO takes the layer's radius: the swept one");
		assertEquals(2e-6, pos.populations().get(1).particle().radius(), 1e-15, "LCO2 its own");
	}
}
