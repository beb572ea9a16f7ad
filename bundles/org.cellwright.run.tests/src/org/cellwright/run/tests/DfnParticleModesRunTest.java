package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.InputException;
import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.run.dfn.DfnRunner;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.numerics.fv.ModalParticleMesh;
import org.cellwright.solver.numerics.fv.SphericalMesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code particle-modes} of a .cell file's solver block (docs/dfn.md, "The particles as their slowest modes"): mapped
 * into the DfnMesh, the particles of the library's Chen 2020 cell (constant diffusivities) then are chains of m cells,
 * and its 1 C discharge is the shells' to within the time-stepping error of the default tolerance.
 */
class DfnParticleModesRunTest {

	@TempDir Path tmp;

	Path chen(String solver) throws Exception {
		Path f = tmp.resolve("chen.cell");
		Files.writeString(f, "package t\nimport cellwright.sets.chen2020.*\n"
				+ "experiment Shells { cell Chen2020LGM50 protocol Chen2020Discharge1C solver { output-interval = 10 s } }\n"
				+ "experiment Modes { cell Chen2020LGM50 protocol Chen2020Discharge1C solver { output-interval = 10 s  " + solver + " } }\n");
		return f;
	}

	@Test
	void theSettingIsMappedAndTheParticlesBecomeChains() throws Exception {
		Path f = chen("particle-modes = 8");
		DfnInputs shells = DfnRunTest.inputs(f, "Shells"), modes = DfnRunTest.inputs(f, "Modes");
		assertEquals(new DfnMesh(20, 20, 20, 30), shells.mesh());
		assertEquals(new DfnMesh(20, 20, 20, 30, 8), modes.mesh());
		assertEquals("20/20/20 x 30 (8 modes)", modes.values().get("mesh"));
		// the file's constant diffusivities say they do not depend on c, so the model takes the modes (not the shells)
		DfnModel model = new DfnModel(modes.cell(), modes.mesh(), CurrentProfile.constant(5));
		for (int d = 0; d <= 2; d += 2) {
			assertTrue(model.linearBlocks());
			assertInstanceOf(ModalParticleMesh.class, model.particleUnknowns(d, 0), "domain " + d);
		}
		assertInstanceOf(SphericalMesh.class, new DfnModel(shells.cell(), shells.mesh(), CurrentProfile.constant(5)).particleUnknowns(0, 0));
	}

	@Test
	void moreModesThanShellsIsAnErrorAtTheSetting() throws Exception {
		Path f = chen("particle-nodes = 10  particle-modes = 12");
		InputException e = assertThrows(InputException.class, () -> DfnRunTest.inputs(f, "Modes"));
		assertEquals(4, e.problem().line(), e.problem().format());
		assertTrue(e.problem().message().contains("particle-modes 12 stands for the particle's 10 shells: at most 10"), e.problem().message());
	}

	@Test
	void eightModesDischargeAsTheShells() throws Exception {
		Path f = chen("particle-modes = 8");
		RecordingSink shells = new RecordingSink(), modes = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(DfnRunTest.inputs(f, "Shells"), shells, ProgressListener.NONE), shells.events.toString());
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(DfnRunTest.inputs(f, "Modes"), modes, ProgressListener.NONE), modes.events.toString());
		List<Sample> a = shells.samples, b = modes.samples;
		double endA = a.get(a.size() - 1).time(), endB = b.get(b.size() - 1).time();
		// the modes' own error is 0.022 mV at rtol 1e-7 (docs/dfn.md); at the default rtol 1e-4 both runs carry their own
		// time-stepping error, which scatters with rtol (docs/dfn.md: 0.06-0.28 mV RMS, up to 1.5 mV near the cut-off at
		// 6e-4 to 1e-3), so the bound is 0.2 mV (measured: 0.040 mV, 347 rows) over the rows before the last 100 s (where
		// the voltage falls steeply to 2.5 V)
		double worst = 0;
		int compared = 0;
		for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
			Sample r = a.get(k), s = b.get(k); // the same rows: every 10 s, and two at t = 0 (before and after the current starts)
			if (s.time() > Math.min(endA, endB) - 100) break;
			assertEquals(r.time(), s.time(), 1e-9, "row " + k);
			worst = Math.max(worst, Math.abs(r.voltage() - s.voltage()));
			compared++;
		}
		System.out.printf(java.util.Locale.ROOT, "Chen 2020 1C, 8 particle modes against the shells at rtol 1e-4: %d samples, largest %.4f mV;"
				+ " ends %.2f / %.2f s%n", compared, 1e3 * worst, endB, endA);
		assertTrue(compared > 300, "the discharge's samples compared: " + compared);
		assertTrue(worst < 0.2e-3, "8 modes within 0.2 mV of the shells: " + 1e3 * worst + " mV");
		assertEquals(endA, endB, 0.001 * endA, "the same capacity to 2.5 V (0.1 %)");
	}
}
