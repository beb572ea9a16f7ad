package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.CellWrightChecker.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fit's rules at their boundaries, each error at its line (FitValidator): bounds that are equal are empty, a start
 * value on a bound is inside them, a weight and a measurement's noise of 0 are refused, a measured target needs
 * measured data, a target estimated twice is named at its second estimate, and Material.property is not a layer's
 * property where no cell of the fit has a layer of that name. Each case kills a mutation of the session-22 test
 * strength audit (A7-A10, A19-A21 in docs/solid-state-solver.md).
 */
public class FitValidationBoundaryTest {

	@TempDir
	Path dir;

	private static final String FILE = LithiumMeltingBoundaryTest.MATERIALS + String.join("\n", // lines 1-4
			"cell C { area = 1 cm2", "  layer a: SUS 10 um", "  layer separator: LPSCl 600 um", "  layer b: Li 20 um", "}", // 5-9
			"protocol P { rest for 1 s }", // 10
			"experiment X { cell C protocol P expect status = completed }", // 11
			"experiment M { cell C protocol P measured \"data.csv\" noise 0 mV }", // 12: a noise of 0
			"experiment N { cell C protocol P measured \"data.csv\" noise 0.5 mV }", // 13: fine
			"fit F {", // 14
			"  estimate stack-pressure between 5 MPa and 5 MPa", // 15: equal bounds
			"  estimate separator.thickness between 100 um and 700 um from 100 um", // 16: a start on the lower bound: fine
			"  estimate separator.porosity between 0.1 and 0.5 from 0.5", // 17: on the upper bound: fine
			"  estimate LPSCl.thickness between 100 um and 700 um", // 18: no layer LPSCl, and no material thickness
			"  estimate separator.thickness between 200 um and 700 um", // 19: estimated twice
			"  target X expectations weight 0", // 20: a weight of 0
			"  target N measured weight 0.5", // 21: fine
			"  target X measured", // 22: X has no measured data
			"}", "");

	private CellWrightChecker.Result check() throws Exception {
		return check(dir, "fit.cell", FILE);
	}

	/** {@code text} checked as {@code dir/name} beside a measurement {@code data.csv}, without a crash. */
	static CellWrightChecker.Result check(Path dir, String name, String text) throws Exception {
		Files.writeString(dir.resolve("data.csv"), "time_s,voltage_V,current_A\n0,3.8,0\n1,3.8,0\n");
		CellWrightChecker.Result r = CheckerTest.check(dir, name, text);
		HardeningTest.assertNoCrash(r);
		return r;
	}

	static List<CheckIssue> errorsAt(CellWrightChecker.Result r, int line) {
		return r.issues().stream().filter(i -> i.severity() == Severity.ERROR && i.line() == line).toList();
	}

	private static void errorAt(CellWrightChecker.Result r, int line, String start) {
		List<CheckIssue> e = errorsAt(r, line);
		assertEquals(1, e.size(), "one error at line " + line + ": " + r.issues());
		assertTrue(e.get(0).message().startsWith(start), e.get(0).message());
	}

	/** A7: equal bounds are empty, an error at the estimate; A8: a start on either bound is inside them. */
	@Test
	public void equalBoundsAreEmptyAndAStartOnABoundIsInside() throws Exception {
		CellWrightChecker.Result r = check();
		errorAt(r, 15, "empty bounds: the lower bound must be below the upper one");
		assertEquals(List.of(), errorsAt(r, 16), "a start on its lower bound");
		assertEquals(List.of(), errorsAt(r, 17), "a start on its upper bound");
	}

	/** A9: a weight of 0 is refused at the target, 0.5 is fine; A10: a noise of 0 is refused at the measurement, 0.5 mV fine. */
	@Test
	public void aWeightAndANoiseOfZeroAreRefused() throws Exception {
		CellWrightChecker.Result r = check();
		errorAt(r, 20, "a weight is a positive number");
		assertEquals(List.of(), errorsAt(r, 21));
		errorAt(r, 12, "the noise of a measurement is positive");
		assertEquals(List.of(), errorsAt(r, 13));
	}

	/** A19: a measured target needs measured data; A21: the second estimate of a target is the error; A20: no layer LPSCl. */
	@Test
	public void aMeasuredTargetWithoutDataATargetEstimatedTwiceAndAMaterialWithoutThatPropertyAreErrors() throws Exception {
		CellWrightChecker.Result r = check();
		errorAt(r, 22, "experiment X has no 'measured' data");
		errorAt(r, 19, "'separator.thickness' is estimated twice in this fit");
		errorAt(r, 18, "cannot estimate 'LPSCl.thickness'");
		assertEquals(6, r.issues().stream().filter(i -> i.severity() == Severity.ERROR).count(), r.issues().toString());
	}
}
