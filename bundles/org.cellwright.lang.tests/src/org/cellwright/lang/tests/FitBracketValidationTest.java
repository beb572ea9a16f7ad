package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bracket fit ({@code method bracket}, FitValidator): one estimate, its start value given (a value at which every
 * target's expectations pass) and inside its bounds, targets read by their expectations; each error at its line. A
 * least-squares fit is held to none of these.
 */
public class FitBracketValidationTest {

	@TempDir
	Path dir;

	private static final String FILE = LithiumMeltingBoundaryTest.MATERIALS + String.join("\n", // lines 1-4
			"cell C { area = 1 cm2  stack-pressure = 5 MPa", "  layer a: SUS 10 um", "  layer separator: LPSCl 600 um", "  layer b: Li 20 um", "}", // 5-9
			"protocol P { rest for 1 s }", // 10
			"experiment X { cell C protocol P expect status = completed }", // 11
			"experiment N { cell C protocol P measured \"data.csv\" noise 0.5 mV expect status = completed }", // 12
			"fit Good {", // 13
			"  estimate stack-pressure between 1 MPa and 100 MPa from 5 MPa", // 14
			"  target X expectations", // 15
			"  method bracket", // 16
			"}", // 17
			"fit Two {", // 18
			"  estimate stack-pressure between 1 MPa and 100 MPa from 5 MPa", // 19
			"  estimate separator.thickness between 100 um and 700 um from 600 um", // 20
			"  target X expectations", // 21
			"  method bracket", // 22: two estimates
			"}", // 23
			"fit NoStart {", // 24
			"  estimate stack-pressure between 1 MPa and 100 MPa", // 25: no start
			"  target X expectations", // 26
			"  method bracket", // 27
			"}", // 28
			"fit Measured {", // 29
			"  estimate stack-pressure between 1 MPa and 100 MPa from 5 MPa", // 30
			"  target N measured", // 31: a measurement has no pass or fail
			"  method bracket", // 32
			"}", // 33
			"fit Outside {", // 34
			"  estimate stack-pressure between 1 MPa and 100 MPa from 200 MPa", // 35: the start outside its bounds
			"  target X expectations", // 36
			"  method bracket", // 37
			"}", // 38
			"fit LeastSquares {", // 39
			"  estimate stack-pressure between 1 MPa and 100 MPa", // 40: no start, fine
			"  estimate separator.thickness between 100 um and 700 um", // 41
			"  target N measured", // 42
			"}", "");

	private CellWrightChecker.Result check() throws Exception {
		return FitValidationBoundaryTest.check(dir, "bracket.cell", FILE);
	}

	private static List<CheckIssue> errorsAt(CellWrightChecker.Result r, int line) {
		return FitValidationBoundaryTest.errorsAt(r, line);
	}

	private static void errorAt(CellWrightChecker.Result r, int line, String message) {
		List<CheckIssue> e = errorsAt(r, line);
		assertEquals(1, e.size(), "one error at line " + line + ": " + r.issues());
		assertEquals(message, e.get(0).message());
	}

	@Test
	public void aBracketWithOneEstimateItsStartAndExpectationsIsValid() throws Exception {
		CellWrightChecker.Result r = check();
		for (int line = 13; line <= 17; line++) assertEquals(List.of(), errorsAt(r, line), "fit Good, line " + line);
	}

	@Test
	public void aBracketEstimatesExactlyOneValueFromAStartInsideItsBoundsAgainstExpectations() throws Exception {
		CellWrightChecker.Result r = check();
		errorAt(r, 22, "a bracket fit estimates exactly one value; this one estimates 2");
		errorAt(r, 25, "a bracket fit starts from a value at which every target's expectations pass: give it ('from 80 MPa')");
		errorAt(r, 31, "a bracket fit reads its targets' expectations, pass or fail: 'target N expectations'");
		errorAt(r, 35, "the start value lies outside the bounds");
	}

	@Test
	public void aLeastSquaresFitIsHeldToNoneOfThem() throws Exception {
		CellWrightChecker.Result r = check();
		for (int line = 39; line <= 43; line++) assertEquals(List.of(), errorsAt(r, line), "fit LeastSquares, line " + line);
	}
}
