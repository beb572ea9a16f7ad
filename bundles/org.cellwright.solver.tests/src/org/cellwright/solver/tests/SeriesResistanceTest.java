package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.physics.SeriesResistance;
import org.junit.jupiter.api.Test;

/** A reaction behind an ohmic film, j = f(eta - j R), solved for j ({@link SeriesResistance}). */
class SeriesResistanceTest {

	@Test
	void aLinearReactionBehindAFilmAddsTheResistances() {
		// f = eta / Rct: j = eta / (Rct + R) and dj/deta = 1 / (Rct + R)
		double rct = 0.02, r = 0.05;
		for (double eta : new double[] {-1, -1e-3, 0, 2e-4, 0.7}) {
			assertEquals(eta / (rct + r), SeriesResistance.current(x -> x / rct, x -> 1 / rct, r, eta, false), 1e-12 * Math.max(1, Math.abs(eta / rct)));
			assertEquals(1 / (rct + r), SeriesResistance.current(x -> x / rct, x -> 1 / rct, r, eta, true), 1e-9);
		}
	}

	@Test
	void anExponentialReactionIsLimitedByTheFilmNotTheExponential() {
		// Tafel f = i0 e^{eta / b}: at a large eta the film carries nearly eta / R, and the drop j R + b ln(j / i0) = eta
		double i0 = 10, b = 0.05, r = 0.01;
		for (double eta : new double[] {-0.3, 0.1, 0.5, 2.0, 5.0}) {
			double j = SeriesResistance.current(x -> i0 * Math.exp(x / b), x -> i0 / b * Math.exp(x / b), r, eta, false);
			assertEquals(eta, j * r + b * Math.log(j / i0), 1e-9, "eta = " + eta);
			double d = SeriesResistance.current(x -> i0 * Math.exp(x / b), x -> i0 / b * Math.exp(x / b), r, eta, true);
			double h = 1e-6;
			double num = (SeriesResistance.current(x -> i0 * Math.exp(x / b), x -> i0 / b * Math.exp(x / b), r, eta + h, false)
					- SeriesResistance.current(x -> i0 * Math.exp(x / b), x -> i0 / b * Math.exp(x / b), r, eta - h, false)) / (2 * h);
			assertEquals(num, d, 1e-5 * Math.abs(num), "slope at eta = " + eta);
			assertTrue(j < i0 * Math.exp(eta / b) && (eta < 0 || j <= eta / r * (1 + 1e-9)), "below the reaction's and the film's own currents");
		}
	}

	@Test
	void aFilmWhoseDropIsBelowTheReactionsRoundingGivesTheReactionsCurrent() {
		// R f' ~ 1e-25: g(f(eta)) = f(eta) - f(eta - f R) is rounding of either sign, no bracket to solve in
		double rct = 0.02, r = 1e-27;
		for (double eta : new double[] {-3e-8, 1e-6, 0.4})
			assertEquals(eta / rct, SeriesResistance.current(x -> x / rct, x -> 1 / rct, r, eta, false), 1e-15 * Math.abs(eta / rct));
	}

	@Test
	void fromTheLastSolvesCurrentTheSameCurrentInAFewEvaluations() {
		// Tafel behind a film, as the interlayer's collector site behind its half node (MiecChargeBalance): Newton from a
		// start near the root reaches the bracketed solve's current in a few evaluations; a start far off or of the wrong
		// sign falls back to the bracketed solve and still gives its current
		double i0 = 10, b = 0.05, r = 0.01;
		for (double eta : new double[] {-0.3, 0.1, 0.5, 2.0}) {
			double j = SeriesResistance.current(x -> i0 * Math.exp(x / b), x -> i0 / b * Math.exp(x / b), r, eta, false);
			for (double start : new double[] {j * (1 + 1e-4), j * (1 - 1e-3), -5 * j, 1e6, Double.NaN}) {
				int[] evaluations = new int[1];
				double from = SeriesResistance.currentFrom(x -> { evaluations[0]++; return i0 * Math.exp(x / b); },
						x -> i0 / b * Math.exp(x / b), r, eta, start);
				assertEquals(j, from, 1e-12 * Math.max(1, Math.abs(j)), "eta = " + eta + " from " + start);
				if (Math.abs(start / j - 1) < 1e-2) assertTrue(evaluations[0] <= 4, evaluations[0] + " evaluations from " + start);
			}
		}
	}

	@Test
	void withoutAFilmTheReactionItself() {
		assertEquals(3.0, SeriesResistance.current(x -> 3 * x, x -> 3, 0, 1, false));
		assertEquals(3.0, SeriesResistance.current(x -> 3 * x, x -> 3, 0, 1, true));
	}
	/**
	 * A far trial of Newton (plating 5.7e11 A/m2 at the interlayer's SE-side deposit behind 1 Ohm m2 of interphase)
	 * puts the bracket's far end where the reaction overflows: g(f(eta)) was NaN, and Brent's solver refused the
	 * bracket, ending the run NOT_CONVERGED. The end moves towards 0 until g is a number.
	 */
	@Test
	void aBracketEndWhereTheReactionOverflowsMovesToWhereItIsANumber() {
		// f = i0 (e^{x/b} - e^{-x/b}), no number beyond |x| = 700 b (0 x inf, as a site without nuclei gave)
		double i0 = 10, b = 0.025, r = 1;
		java.util.function.DoubleUnaryOperator f = x -> Math.abs(x) > 700 * b ? Double.NaN : i0 * (Math.exp(x / b) - Math.exp(-x / b));
		java.util.function.DoubleUnaryOperator fp = x -> Math.abs(x) > 700 * b ? Double.NaN : i0 / b * (Math.exp(x / b) + Math.exp(-x / b));
		for (double eta : new double[] {-1.0, -0.6, 0.7}) {
			assertTrue(Double.isNaN(f.applyAsDouble(eta - f.applyAsDouble(eta) * r)), "the far end is no number at eta = " + eta);
			double j = SeriesResistance.current(f, fp, r, eta, false);
			assertEquals(j, f.applyAsDouble(eta - j * r), 1e-9 * Math.abs(j), "j = f(eta - j R) at eta = " + eta);
			assertTrue(Math.abs(j) < Math.abs(eta) / r, "the film limits it: " + j);
		}
	}
}
