package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.numerics.Continuation;
import org.junit.jupiter.api.Test;

/**
 * The continuation that moves a forcing (a cell's current with its concentrations held) through solved states
 * (numerics.Continuation, the DFN runner's current jumps), on a model of what Newton's solve of a cell's state does: the
 * state is the current carried; a solve at forcing f from state x finds a state where f is at most the largest current
 * any state carries (beyond it there is none: a transport limit) and |f - x| lies within Newton's reach from x.
 */
class ContinuationTest {

	/** The model problem; its solves recorded as (forcing, found). */
	static final class Carried implements Continuation.Problem {
		final double limit;
		final java.util.function.DoubleUnaryOperator reach;
		double x, f;
		final List<double[]> solves = new ArrayList<>();

		Carried(double x, double limit, java.util.function.DoubleUnaryOperator reach) {
			this.x = f = x;
			this.limit = limit;
			this.reach = reach;
		}

		@Override
		public boolean solve() {
			boolean ok = f <= limit && Math.abs(f - x) <= reach.applyAsDouble(x) + 1e-12;
			solves.add(new double[] {f, ok ? 1 : 0});
			if (ok) x = f;
			return ok;
		}

		@Override
		public double[] state() {
			return new double[] {x};
		}

		@Override
		public boolean start(double[] s) {
			x = s[0];
			return f <= limit;
		}

		List<Double> found() {
			return solves.stream().filter(s -> s[1] == 1).map(s -> s[0]).toList();
		}
	}

	/**
	 * A current beyond the largest the state carries (4.2 of 10, from 1): every pass fails at the first stage past 4.2.
	 * Each pass goes on from the last stage the pass before solved (stage k - 1 of n is stage 2k - 2 of 2n): no stage
	 * is solved twice, and each pass tries one or two stages; the state is put back at its start, the forcing left at
	 * the target: 9 solves. Every pass starting again from 1 (until session 25) solved 1 + 2 + 5 + 11 + 22 stages below
	 * the limit, the same currents again and again (47 solves), each a consistent initialisation of the cell.
	 */
	@Test
	void aCurrentNoStateCarriesFailsAtEveryPassAndNoStageIsSolvedTwice() {
		Carried p = new Carried(1, 4.2, x -> 100);
		double[] set = {Double.NaN};
		assertFalse(Continuation.run(v -> p.f = set[0] = v, p, 1, 10));
		assertEquals(p.found().size(), p.found().stream().distinct().count(), "a stage solved twice: " + p.found());
		assertTrue(p.solves.size() <= 2 * 6, "solves: " + p.solves.size());
		// the last pass (64 stages) reached the last stage before the limit: 1 + 9 * 23 / 64 = 4.234 fails, 4.094 solved
		assertEquals(1 + 9.0 * 22 / 64, p.found().get(p.found().size() - 1), 1e-12);
		assertEquals(1, p.x, 0, "the state put back where it started");
		assertEquals(10, set[0], 0, "the forcing left at the target, as a failed solve leaves it");
	}

	/**
	 * Newton's reach shrinking where the state nears a steep stretch (0.5 below 1, 0.1 beyond): the 4-stage pass reaches
	 * 1.0 and fails at 1.5; the 8- and 16-stage passes go on from 1.0 and fail at their first stage; the 32-stage pass
	 * goes on from 1.0 to 2 (steps of 0.0625). No stage below 1 is solved after the 4-stage pass.
	 */
	@Test
	void aFinerPassGoesOnFromTheLastStageSolved() {
		Carried p = new Carried(0, Double.POSITIVE_INFINITY, x -> x < 1 - 1e-12 ? 0.5 : 0.1);
		assertTrue(Continuation.run(v -> p.f = v, p, 0, 2));
		assertEquals(2, p.x, 0);
		assertEquals(List.of(0.5, 1.0), p.found().subList(0, 2), p.found().toString());
		assertTrue(p.found().subList(2, p.found().size()).stream().allMatch(v -> v > 1), p.found().toString());
		assertEquals(2 + 16, p.found().size(), "32 stages of 0.0625 from 1.0: " + p.found());
	}

	/** A jump beyond Newton's reach everywhere (0.1 of 2): passes of 2 to 16 stages fail at once, 32 stages reach the target. */
	@Test
	void aJumpBeyondNewtonsReachIsCrossedByTheFirstPassFineEnough() {
		Carried p = new Carried(0, Double.POSITIVE_INFINITY, x -> 0.1);
		assertTrue(Continuation.run(v -> p.f = v, p, 0, 2));
		assertEquals(2, p.x, 0);
		assertEquals(4 + 32, p.solves.size(), "four passes failing at their first stage, then the 32 stages");
	}
}
