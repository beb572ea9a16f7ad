package org.cellwright.cli.tests;

import static org.cellwright.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.testing.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A liquid electrolyte is not a single-ion solid electrolyte: a cell that holds one (as a layer or inside a composite)
 * runs through the DFN solver (org.cellwright.run.tests.DfnRunTest), never as a solid-state cell; one the DFN solver
 * cannot take (here a lithium-metal foil, which it takes as a planar negative, against a cathode layer written for the
 * solid-state model, without thickness and porosity) ends before solving with one located error per experiment.
 */
class LiquidElectrolyteRunTest {

	@TempDir Path tmp;

	static final String FILE = """
			package liquid
			import cellwright.materials.*
			import cellwright.composites.*
			material LP30 is liquid-electrolyte {
				ionic-conductivity = 11.05 mS/cm
				diffusivity = 2.79e-10 m2/s
				transference-number = 0.4
				initial-concentration = 1 mol/L
			}
			composite Soaked { LP30 40 wt%  Li6PS5Cl 60 wt% }
			cell LiquidCell {
				area = 1 cm2
				layer foil: Li 50 um
				layer sep: LP30 25 um
				layer cathode: CathodeMix { areal-loading = 20 mg/cm2 }
				layer ccc: SUS 10 um
			}
			cell SoakedCell extends LiquidCell { layer sep: Soaked 25 um }
			protocol Discharge { discharge at 0.1 mA/cm2 until 2.8 V }
			experiment LiquidDischarge { cell LiquidCell protocol Discharge }
			experiment SoakedDischarge { cell SoakedCell protocol Discharge }
			""";

	@Test
	void aSolidStateCathodeLayerInALiquidCellEndsBeforeSolvingAtItsLayer() throws Exception {
		Path f = tmp.resolve("liquid.cell");
		Files.writeString(f, FILE);
		Result check = cli("check", f.toString());
		assertEquals(0, check.rc(), "the file itself is valid: " + check.out() + check.err());
		Path out = tmp.resolve("out");
		Result r = cli("run", f.toString(), "--out", out.toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		List<String> lines = r.err().strip().lines().filter(l -> l.contains(": error: ")).toList();
		assertEquals(2, lines.size(), "one error per experiment: " + r.err());
		for (String l : lines)
			assertTrue(l.matches(".*liquid\\.cell:15:\\d+: error: layer cathode: give a thickness.*"), l);
		assertFalse(r.err().contains("Exception"), r.err());
		assertFalse(Files.exists(out.resolve("LiquidDischarge")), "nothing simulated, no results written");
		assertFalse(Files.exists(out.resolve("SoakedDischarge")));
	}
}
