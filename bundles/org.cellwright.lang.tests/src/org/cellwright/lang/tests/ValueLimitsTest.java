package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.CellWrightChecker.Severity;
import org.cellwright.lang.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plausibility limits of session 23 (docs/language.md "Limits"; session 22's fuzz found each passing the check):
 * a step's duration and a protocol's steps that end only by their duration at most 20 years
 * ({@link Limits#MAX_SIMULATED_TIME}: 'rest for 1e300 h' ran until Ctrl-C), 'max-step' at least 1 ms
 * ({@link Limits#MIN_MAX_STEP}: '1e-300 s' was accepted), a stack pressure at most 1 GPa
 * ({@link Limits#MAX_STACK_PRESSURE}: '1e300 MPa' ended NOT_CONVERGED at 0 s), a cell's area, a material's stresses,
 * a step's C-rate, current (density) and power (density) below their limits. Each is an error at its value's line; values
 * just inside the limits check clean of them.
 */
public class ValueLimitsTest {

	@TempDir
	Path dir;

	private static final String CELL = "package t\nmaterial LPSCl is solid-electrolyte { ionic-conductivity = 2.5 mS/cm }\n"
			+ "material SUS is current-collector { }\n" // lines 1-3
			+ "cell C { area = 1 cm2\n  layer a: SUS 10 um\n  layer separator: LPSCl 600 um\n  layer b: SUS 10 um\n}\n"; // 4-8

	private CellWrightChecker.Result check(String text) throws Exception {
		CellWrightChecker.Result r = CheckerTest.check(dir, "t.cell", CELL + text);
		HardeningTest.assertNoCrash(r);
		return r;
	}

	private static List<CheckIssue> limits(CellWrightChecker.Result r) {
		List<CheckIssue> l = r.issues().stream().filter(i -> i.message().contains("the limit, see 'Limits'")).toList();
		for (CheckIssue i : l)
			assertEquals(Severity.ERROR, i.severity(), i.toString());
		return l;
	}

	private static List<Integer> lines(List<CheckIssue> l) {
		return l.stream().map(CheckIssue::line).toList();
	}

	@Test
	public void aStepLongerThanTwentyYearsIsAnErrorAtItsDuration() throws Exception {
		CellWrightChecker.Result r = check("""
				protocol P {  // 9
				  rest for 1e300 h  // 10
				  charge at 1 mA/cm2 for 1e300 h  // 11
				  discharge at 1 mA/cm2 until 2.5 V for 7400 d  // 12: 20.3 years
				  rest for 7300 d  // 13: 19.99 years, inside
				}
				""");
		List<CheckIssue> l = limits(r);
		assertEquals(List.of(10, 11, 12), lines(l), l.toString());
		assertTrue(l.get(0).message().startsWith("a duration of 1e300 h: ") && l.get(0).message().contains("is longer than 20 years"),
				l.get(0).message());
		// the rest of 19.99 years is inside the limit and adds no error of the protocol's total: the other steps count
		// nothing in it (one that may end by a cut-off counts 0, one beyond the limit is its own error)
	}

	@Test
	public void aRepeatOfTimedStepsBeyondTwentyYearsIsAnErrorAtItsCount() throws Exception {
		CellWrightChecker.Result r = check("""
				protocol P {  // 9
				  repeat 100000 {  // 10: 100000 x 2 days = 547.57 years
				    rest for 1 d
				    charge at 1 mA/cm2 for 1 d
				  }
				}
				protocol Q {  // 15
				  repeat 100000 {  // 16: the charge may end at 4.2 V before its 1 d: only the rests count, 274 years
				    rest for 1 d
				    charge at 1 mA/cm2 until 4.2 V for 1 d
				  }
				}
				protocol Cutoffs {  // 21: every step may end earlier: nothing counts
				  repeat 100000 {
				    charge at 1 mA/cm2 until 4.2 V for 1 d
				    discharge at 1 mA/cm2 until 2.5 V for 1 d
				  }
				}
				protocol Many {  // 27: two rests of 15 years, neither alone beyond the limit
				  rest for 5479 d
				  rest for 5479 d
				}
				protocol Calls {  // 31
				  run Half  // 32: 10.95 years
				  repeat 2 { run Half }  // 33: 21.9 years
				}
				protocol Half { rest for 4000 d }  // 35: 10.95 years
				experiment One { cell C protocol Half, Half }  // 36: 21.9 years, in the experiment's two protocols
				experiment Two { cell C protocol Half }  // 37
				""");
		List<CheckIssue> l = limits(r);
		assertEquals(List.of(10, 16, 27, 33, 36), lines(l), l.toString());
		assertTrue(l.get(4).message().startsWith("experiment One runs steps that end only by their duration: 21.903 years"), l.get(4).message());
		assertTrue(l.get(0).message().startsWith("'repeat 100000' runs steps that end only by their duration: 547.57 years is longer than 20 years"),
				l.get(0).message());
		assertTrue(l.get(2).message().startsWith("protocol Many runs steps that end only by their duration: 30.001 years"), l.get(2).message());
	}

	@Test
	public void maxStepBelowOneMillisecondIsAnErrorAtItsValue() throws Exception {
		CellWrightChecker.Result r = check("""
				protocol P { rest for 1 h }  // 9
				experiment X { cell C protocol P solver { max-step = 1e-300 s } }  // 10
				experiment Y { cell C protocol P solver { max-step = 1 ms } }  // 11: the limit itself
				""");
		List<CheckIssue> l = limits(r);
		assertEquals(List.of(10), lines(l), l.toString());
		assertTrue(l.get(0).message().startsWith("max-step must be >= 0.001 s (largest time step, at least 1 ms"), l.get(0).message());
	}

	@Test
	public void aStackPressureAboveOneGigapascalIsAnErrorAtItsValue() throws Exception {
		CellWrightChecker.Result r = check("""
				cell D extends C { stack-pressure = 1e300 MPa }  // 9
				cell E extends C { stack-pressure = 1000 MPa }  // 10: the limit itself
				protocol P {
				  set stack-pressure = 2 GPa  // 12
				  rest for 1 h
				}
				experiment X { cell E protocol P }  // 15
				sweep S {
				  experiment X
				  vary stack-pressure in 5 MPa, 1.5 GPa  // 18
				}
				""");
		List<CheckIssue> l = limits(r);
		assertEquals(List.of(9, 12, 18), lines(l), l.toString());
		assertTrue(l.get(0).message().startsWith("stack-pressure must be in [0, 1000000000] Pa (uniaxial stack pressure, at most 1000 MPa"),
				l.get(0).message());
	}

	@Test
	public void anAreaAStressAndARateBeyondTheirLimitsAreErrorsAtTheirValues() throws Exception {
		CellWrightChecker.Result r = check("""
				cell D extends C { area = 1e300 m2 }  // 9
				material Hard is solid-electrolyte { ionic-conductivity = 1 mS/cm  young-modulus = 1e300 GPa }  // 10
				protocol P {  // 11
				  charge at 1e300 C until 4.2 V  // 12
				  discharge at 1e300 mA/cm2 until 2.5 V  // 13
				  charge at 1e300 mA until 4.2 V  // 14
				  discharge at 1e300 W until 2.5 V  // 15
				  charge at 1000 C until 4.2 V  // 16: the limit itself
				  discharge at 10 A/cm2 until 2.5 V  // 17: the limit itself
				}
				""");
		List<CheckIssue> l = limits(r);
		assertEquals(List.of(9, 10, 12, 13, 14, 15), lines(l), l.toString());
		assertTrue(l.get(2).message().startsWith("charge at 1e300 C is more than 1000 C, the highest C-rate of a step"), l.get(2).message());
	}
}
