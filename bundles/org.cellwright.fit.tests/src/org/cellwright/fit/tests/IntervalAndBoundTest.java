package org.cellwright.fit.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.fit.FitOptions;
import org.cellwright.fit.FitParameter;
import org.cellwright.fit.FitResult;
import org.cellwright.fit.ParameterEstimation;
import org.cellwright.fit.ResidualModel;
import org.junit.jupiter.api.Test;

/**
 * The fit's bounds where ParameterEstimationTest does not look: an interval reaching past the upper bound (that test
 * has the lower one), a value half a percent of its range inside a zero bound (not "at its bound"), and a parameter
 * ending on its upper bound whose final Jacobian must not evaluate the model beyond it (a simulation may refuse a value
 * outside its physical range: a negative conductivity, a porosity above 1). Mutation audit, session 22 (F7-F9, F13 in
 * docs/solid-state-solver.md).
 */
class IntervalAndBoundTest {

	/** a = 2.5 +- 1.96 x 2 / 4 = [1.52, 3.48] with the upper bound at 3: cut there and said to be weak, the lower end as it is. */
	@Test
	void anIntervalReachingPastTheUpperBoundIsCutThereAndSaidToBeWeak() throws Exception {
		FitResult f = ParameterEstimation.run(p -> new double[] { (4 * p[0] - 10) / 2 }, List.of(new FitParameter("a", 2, 0, 3)),
				FitOptions.defaults()); // slope 4, tolerance 2
		assertEquals(3, f.upper95()[0], 1e-12, "cut at the upper bound");
		assertEquals(2.5 - 1.96 * 2 / 4, f.lower95()[0], 1e-3, "inside its bounds: as it is");
		assertEquals(2.5, f.value("a"), 1e-6);
		assertTrue(f.notes().stream().anyMatch(n -> n.startsWith("a's linearised 95 % interval [1.52") && n.contains(", 3.47998]")
				&& n.contains("reaches past its bounds")), f.notes().toString());
	}

	/** 0.5 % of the range inside a bound of 0 is not at the bound (the rule: within 0.1 % of the range). */
	@Test
	void aValueHalfAPercentOfItsRangeInsideAZeroBoundIsNotAtIt() {
		FitParameter x = new FitParameter("x", 0.5, 0, 1);
		assertFalse(x.atBound(0.005));
		assertTrue(x.atBound(0.0005));
		assertFalse(x.atBound(0.995));
		assertTrue(x.atBound(0.9995));
	}

	/**
	 * The straight line of ParameterEstimationTest's bounded slope, fitted by BOBYQA with the slope ending on its upper
	 * bound 0.4: no evaluation of the model beyond a bound (the final Jacobian's difference steps inwards there).
	 */
	@Test
	void theFinalJacobianAtAnUpperBoundStaysInsideTheBounds() throws Exception {
		int n = 10;
		double[] x = new double[n], y = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = 11 + i;
			y[i] = 1 + 0.5 * x[i];
		}
		ResidualModel model = p -> {
			if (p[1] > 0.4 || p[1] < 0 || p[0] < -10 || p[0] > 10)
				throw new IllegalArgumentException("the model was evaluated beyond its bounds: a = " + p[0] + ", b = " + p[1]);
			double[] r = new double[n];
			for (int i = 0; i < n; i++) r[i] = y[i] - p[0] - p[1] * x[i];
			return r;
		};
		FitResult f = ParameterEstimation.run(model, List.of(new FitParameter("a", 0, -10, 10), new FitParameter("b", 0.2, 0, 0.4)),
				FitOptions.defaults().withMethod(FitOptions.Method.BOBYQA).withMaxEvaluations(2000));
		assertEquals(0.4, f.value("b"), 1e-6, "the slope on its upper bound");
		assertTrue(f.standardErrors()[1] > 0, "a standard error from the inward difference: " + f.standardErrors()[1]);
	}
}
