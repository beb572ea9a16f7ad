package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.CompositeCathode;
import org.cellwright.solver.physics.PhysicsEvents;
import org.junit.jupiter.api.Test;

/**
 * The composite cathode at a set potential while lithiating near full lithiation (a voltage hold after a discharge of
 * cell 6): each residual solves every node's current with its particle's D(c) at its own end state, a fixed point
 * j = G(j) over particle solves. G has kinks where shells cross the diffusivity's knee, and plain secant steps cycled
 * around the root there: ~30 particle solves per node and residual, one in ten giving up after 40 (the residual then
 * failed and Newton halved its steps), which made such holds ~100 times slower than the others (fuzz, session 16).
 * With the root bracketed (Illinois) each node's current takes about ten particle solves and every one converges; the
 * code before failed the first solve here.
 */
class SetPotentialParticleSolveTest {
	private static final PhysicsEvents QUIET = (type, value, message) -> { };

	@Test
	void aHoldBelowTheOpenCircuitSolvesEachNodesCurrentInAFewParticleSolves() {
		CellSpec cell = Sung2023Parameters.cell6Full(65e6, 298.15);
		CompositeCathode c = new CompositeCathode("c", cell.cathode(), 0, cell, SolverSettings.defaults(), Sung2023Parameters.lpscl());
		double guess = -1;
		double first = Double.NaN, previous = Double.NaN;
		for (int step = 0; step < 40; step++) {
			double i = c.currentAtPotential(60, 3.0, guess);
			assertTrue(Double.isFinite(i) && i < 0, "step " + step + ": lithiating current at 3.0 V, got " + i);
			if (step == 0) first = i;
			if (step > 1) assertTrue(Math.abs(i) <= Math.abs(previous) * (1 + 1e-6), "the current decays: " + previous + " then " + i);
			previous = i;
			c.commit(QUIET);
			guess = i;
		}
		assertTrue(Math.abs(previous) < Math.abs(first), "from " + first + " to " + previous + " A/m2");
		long[] st = c.particleStatistics();
		assertTrue(st[0] > 40 * c.nodes(), "the residuals solved the nodes' currents implicitly: " + st[0]);
		assertEquals(0, st[2], "implicit currents without convergence");
		// before: the first solve at 3.0 V already failed (a fixed point gave up after 40 particle solves); in the
		// hold after a discharge ~30 per current. Now ~12 here (~9 in that hold)
		assertTrue(st[1] <= 16 * st[0], "particle solves per implicit current: " + (double) st[1] / st[0]);
	}
}
