package org.cellwright.lang.tests;

import static org.cellwright.lang.tests.ValidationTest.*;
import static org.cellwright.lang.validation.CellWrightValidator.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * The validation rules at their boundaries (the value just inside and just outside) and where their messages point
 * (line, column, length). Each case kills a mutation that survived the session-21 test strength audit (A3-A16 in
 * docs/solid-state-solver.md).
 */
public class ValidationBoundaryTest {

	/** The 1-based column of the first occurrence of token in line (1-based) of the validated text (after HEAD). */
	static void at(Issue i, String text, int line, String token) {
		String[] lines = (HEAD + text).split("\n", -1);
		assertEquals(line, i.getLineNumber(), "line of " + i);
		int col = lines[line - 1].indexOf(token);
		assertTrue(col >= 0, token + " not in line " + line);
		assertEquals(col + 1, i.getColumn(), "column of " + i + " (at '" + token + "')");
		assertEquals(token.length(), i.getLength(), "length of " + i + " ('" + token + "')");
	}

	/** A3: -100 degC (173.15 K) is the coldest temperature a cell may have; -150 degC is refused with the range in degC. */
	@Test
	public void theColdestTemperatureIsMinus100DegC() throws Exception {
		none(v("cell C { area = 1 cm2 temperature = -100 degC }"), OUT_OF_RANGE);
		none(v("cell C { area = 1 cm2 ambient-temperature = -100 degC }"), OUT_OF_RANGE);
		has(v("cell C { area = 1 cm2 temperature = -150 degC }"), OUT_OF_RANGE, Severity.ERROR, "temperature", "-100 to 500 degC");
		has(v("cell C { area = 1 cm2 temperature = -100.5 degC }"), OUT_OF_RANGE, Severity.ERROR, "temperature", "173.15");
		has(v("cell C { area = 1 cm2 ambient-temperature = -150 degC }"), OUT_OF_RANGE, Severity.ERROR, "ambient-temperature");
	}

	/** A4: a number without a unit is underlined at the number (there is no unit to underline); a wrong unit at the unit. */
	@Test
	public void aMissingUnitIsReportedAtTheNumberAWrongOneAtTheUnit() throws Exception {
		String text = "protocol P {\n  charge at 0.3 for 10 h\n}\n";
		List<Issue> issues = v(text);
		Issue i = has(issues, WRONG_DIMENSION, Severity.ERROR, "a plain number without unit");
		at(i, text, 5, "0.3");
		String text2 = "protocol P {\n  charge at 0.3 V for 10 h\n}\n";
		Issue j = has(v(text2), WRONG_DIMENSION, Severity.ERROR, "'V' is");
		at(j, text2, 5, "V");
	}

	/** A5: a duplicate name is an error at the second occurrence (the one that would silently override), not at the first. */
	@Test
	public void aDuplicateIsReportedAtTheSecondOccurrence() throws Exception {
		String text = "material M is binder { }\nmaterial M is binder { }\n";
		List<Issue> issues = v(text);
		Issue i = has(issues, DUPLICATE_NAME, Severity.ERROR, "duplicate element 'M'");
		assertEquals(5, i.getLineNumber(), "at the second M: " + issues);
		assertEquals(1, issues.stream().filter(x -> DUPLICATE_NAME.equals(x.getCode())).count(), "once: " + issues);
		String layers = "cell C { area = 1 cm2\n  layer a: SUS 1 um\n  layer a: SUS 2 um\n}\n";
		Issue l = has(v(layers), DUPLICATE_NAME, Severity.ERROR, "duplicate layer 'a'");
		assertEquals(6, l.getLineNumber(), "at the second layer a");
	}

	static final String SWEEP_HEAD = "cell C { area = 1 cm2 }\nprotocol P { rest for 1 s }\nexperiment X { cell C protocol P }\n";

	/** A13: a sweep range needs a step > 0; a step of 0 is an error at the step (it would never reach the end). */
	@Test
	public void aSweepStepOfZeroIsAnErrorAtTheStep() throws Exception {
		String text = SWEEP_HEAD + "sweep S {\n  experiment X\n  vary temperature from 20 degC to 60 degC step 0 degC\n}\n";
		Issue i = has(v(text), SWEEP, Severity.ERROR, "a range runs upwards with a step > 0");
		assertEquals(9, i.getLineNumber(), i.toString());
		assertEquals((HEAD + text).split("\n")[8].lastIndexOf("0 degC") + 1, i.getColumn(), "at the step: " + i);
		none(v(SWEEP_HEAD + "sweep S {\n  experiment X\n  vary temperature from 20 degC to 60 degC step 1 degC\n}\n"), SWEEP);
	}

	/** A14: a sweep of exactly 1000 runs is silent; 1001 runs is warned about with its count, at the sweep's name. */
	@Test
	public void aSweepIsWarnedAboutAbove1000Runs() throws Exception {
		// 1, 2, ..., 1000 MPa: 1000 runs
		none(v(SWEEP_HEAD + "sweep S { experiment X vary stack-pressure from 1 MPa to 1000 MPa step 1 MPa }"), SWEEP);
		String text = SWEEP_HEAD + "sweep S { experiment X vary stack-pressure from 1 MPa to 1001 MPa step 1 MPa }";
		Issue w = has(v(text), SWEEP, Severity.WARNING, "this sweep runs 1001 simulations");
		at(w, text, 7, "S");
		none(v(SWEEP_HEAD + "sweep S { experiment X vary stack-pressure from 1 MPa to 500 MPa step 1 MPa vary area in 1 cm2, 2 cm2 }"), SWEEP);
		has(v(SWEEP_HEAD + "sweep S { experiment X vary stack-pressure from 1 MPa to 500 MPa step 1 MPa vary area in 1 cm2, 2 cm2, 3 cm2 }"),
				SWEEP, Severity.WARNING, "runs 1500 simulations");
	}

	/** A15: a current of 0 is refused like a negative one (the direction sets the sign; a zero current is a rest). */
	@Test
	public void aZeroCurrentIsRefusedAtTheNumber() throws Exception {
		String text = "protocol P {\n  discharge at 0 mA/cm2 for 10 h\n}\n";
		Issue i = has(v(text), SIGNED_RATE, Severity.ERROR, "give the magnitude of the discharge rate (> 0)");
		assertFalse(i.getMessage().contains("write charge"), "no sign to flip for 0: " + i.getMessage());
		at(i, text, 5, "0");
		none(v("protocol P { discharge at 1e-6 mA/cm2 for 10 h }"), SIGNED_RATE);
	}

	/** A16: 'repeat 0' is an error at the count (a block that never runs is a mistake); 'repeat 1' is fine. */
	@Test
	public void repeatZeroIsAnErrorAtTheCount() throws Exception {
		String text = "protocol P {\n  repeat 0 { rest for 1 h }\n}\n";
		Issue i = has(v(text), OUT_OF_RANGE, Severity.ERROR, "repeat at least once ('repeat 1 { ... }'), not 0 times");
		at(i, text, 5, "0");
		none(v("protocol P { repeat 1 { rest for 1 h } }"), OUT_OF_RANGE);
	}
}
