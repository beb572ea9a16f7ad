package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.app.views.RunColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Runs view's variant, checks and status columns, read from a run's folder (sweep.csv beside it, checks.json and
 * summary.json in it).
 */
class RunColumnsTest {

	@TempDir
	Path tmp;

	@Test
	void aVariantIsNamedByItsValuesFromItsSweepsTable() throws Exception {
		Path run = tmp.resolve("Sw/20261205-073850-470eff");
		Path v = run.resolve("X-stack-pressure=5MPa-temperature=-10degC");
		Files.createDirectories(v);
		Files.writeString(run.resolve("sweep.csv"), """
				run,stack-pressure,temperature,status,cycles
				X-stack-pressure=65MPa-temperature=20degC,65MPa,20degC,COMPLETED,35
				X-stack-pressure=5MPa-temperature=-10degC,5MPa,-10degC,COMPLETED,35
				""");
		assertEquals("stack-pressure=5MPa, temperature=-10degC", RunColumns.variant(v), "the values, a negative one whole");
		assertEquals("", RunColumns.variant(run.resolve("Y")), "a folder the table does not name");
		assertEquals("", RunColumns.variant(tmp.resolve("X/20261205-073850-470eff")), "a run of an experiment: no sweep.csv");
	}

	/**
	 * A soft short is said beside the status (the Runs view read "COMPLETED" alone for walk31.cell's SoftShort, cell 7
	 * formed at 100 MPa and cycled at 1 MPa, whose Results view and report said "soft short: cycle 1, step 1 ...";
	 * session 31 walk), as summary.json records it; a run without one, or without a summary.json, keeps its status.
	 */
	@Test
	void aSoftShortIsSaidBesideTheStatus() throws Exception {
		assertEquals("COMPLETED", RunColumns.status("COMPLETED", tmp), "no summary.json");
		Files.writeString(tmp.resolve("summary.json"), "{\"status\": \"COMPLETED\", \"short_circuit\": null, \"soft_short\": null}");
		assertEquals("COMPLETED", RunColumns.status("COMPLETED", tmp), "no soft short");
		Path soft = Files.createDirectories(tmp.resolve("SoftShort"));
		Files.writeString(soft.resolve("summary.json"), """
				{"status": "COMPLETED", "short_circuit": null,
				 "soft_short": {"cycle": 1, "step": 1, "time_h": 15.0,
				  "reason": "warning: cycle 1, step 1: soft short: the charge at 0.28 mA/cm2 ran into its time limit of 15 h without reaching 4.3 V",
				  "cause": "the charge at 0.28 mA/cm2 ran into its time limit of 15 h without reaching 4.3 V"}}
				""");
		assertEquals("COMPLETED, soft short in cycle 1", RunColumns.status("COMPLETED", soft));
		Files.writeString(soft.resolve("summary.json"), "{not json");
		assertEquals("COMPLETED", RunColumns.status("COMPLETED", soft), "unreadable: the status alone");
	}

	@Test
	void theChecksCountThoseThatPassOrSayHowManyFail() throws Exception {
		assertEquals("", RunColumns.checks(tmp), "no checks.json");
		Files.writeString(tmp.resolve("checks.json"), "{\"experiment\": \"X\", \"checks\": []}");
		assertEquals("", RunColumns.checks(tmp), "no check");
		Files.writeString(tmp.resolve("checks.json"), "{\"checks\": [{\"pass\": true}, {\"pass\": true}, {\"pass\": null}]}");
		assertEquals("2 pass", RunColumns.checks(tmp), "one not evaluated is not counted");
		Files.writeString(tmp.resolve("checks.json"), "{\"checks\": [{\"pass\": true}, {\"pass\": false}, {\"pass\": true}]}");
		assertEquals("1 of 3 fail", RunColumns.checks(tmp));
		Files.writeString(tmp.resolve("checks.json"), "{not json");
		assertEquals("", RunColumns.checks(tmp), "unreadable: nothing said");
	}

	/** A fit's result in the change column: its cost and fitted values under short names, read from its fit.json. */
	@Test
	void aFitsResultIsItsCostAndFittedValuesInShort() throws Exception {
		Path fit = tmp.resolve("K/20261205-120000-abcdef");
		Files.createDirectories(fit);
		Files.writeString(fit.resolve("fit.json"), """
				{"fit":"K","converged":false,"cost":1234.5,"estimates":[
				 {"target":"E.ionic-conductivity","unit":"S/m","value":0.0025},{"target":"C.porosity","unit":"","value":0.3}]}
				""");
		var r = org.cellwright.app.views.FitRecord.readWithoutRuns(fit);
		assertEquals("cost 1.23e+03; ionic-conductivity 0.00250 S/m, porosity 0.300", RunColumns.fitResult(r));
		Files.writeString(fit.resolve("fit.json"), "{\"fit\":\"K\",\"estimates\":[]}");
		assertEquals("", RunColumns.fitResult(org.cellwright.app.views.FitRecord.readWithoutRuns(fit)), "no cost, no estimate");
	}

	/**
	 * A bracket's result is its interval (it read "cost 0; ionic-conductivity 2.50 mS/cm", the zero cost a bracket
	 * writes and its start value), and its status the one word for how a bracket ended, "bracketed".
	 */
	@Test
	void aBracketsResultIsItsInterval() throws Exception {
		Path fit = tmp.resolve("K/20261205-120000-abcdef");
		Files.createDirectories(fit);
		Files.writeString(fit.resolve("fit.json"), FitReportViewUITest.BRACKET_JSON);
		var r = org.cellwright.app.views.FitRecord.readWithoutRuns(fit);
		assertEquals("ionic-conductivity holds in 0.812 .. 10.0 mS/cm", RunColumns.fitResult(r));
		assertEquals("bracketed", r.status().word(r.bracket() != null));
	}
}
