package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps run: the full factorial, one folder per run named after its values, the values reach the solver. */
class SweepRunTest {

	@TempDir Path tmp;

	static final String FILE = ChecksTest.CELL + """
			experiment X { cell C protocol P expect status = completed }
			sweep Sw {
				experiment X
				vary stack-pressure in 5 MPa, 20 MPa
				vary temperature from 20 degC to 60 degC step 20 degC
			}
			sweep Th {
				experiment X
				vary s.thickness in 0.5 mm
			}
			""";

	/** The last value of a column of timeseries.csv. */
	static double last(Path run, String column) throws Exception {
		List<String> lines = Files.readAllLines(run.resolve("timeseries.csv"));
		int i = List.of(lines.get(0).split(",")).indexOf(column);
		assertTrue(i >= 0, column + " in " + lines.get(0));
		return Double.parseDouble(lines.get(lines.size() - 1).split(",")[i]);
	}

	/**
	 * A range's values: from 'from' upwards by 'step' up to and including 'to', each converted to the unit of 'from'
	 * (5 MPa to 65000 kPa step 30000 kPa: 5, 35, 65 MPa) and the last one kept when decimal steps do not add up exactly
	 * in binary (0.1 mm to 0.3 mm step 0.1 mm: three values). Mutation audit, session 19: the step or the end read without
	 * its unit, and the count without its rounding allowance, passed every test.
	 */
	@Test
	void aRangeRunsFromItsStartByItsStepToItsEndInTheStartsUnit() throws Exception {
		Path f = Files.writeString(tmp.resolve("range.cell"), ChecksTest.CELL + """
				experiment X { cell C protocol P }
				sweep R {
					experiment X
					vary stack-pressure from 5 MPa to 65000 kPa step 30000 kPa
					vary s.thickness from 0.1 mm to 0.3 mm step 0.1 mm
				}
				""");
		org.cellwright.run.CellFiles loaded = org.cellwright.run.CellFiles.load(List.of(f));
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		org.cellwright.model.Sweep sweep = (org.cellwright.model.Sweep) loaded.runnables("R").get(0);
		List<org.cellwright.run.Sweeps.Run> runs = org.cellwright.run.Sweeps.expand(sweep);
		List<String> got = runs.stream().map(r -> org.cellwright.run.Sweeps.spaced(r.overrides().get("stack-pressure")) + " / "
				+ org.cellwright.run.Sweeps.spaced(r.overrides().get("s.thickness"))).toList();
		assertEquals(List.of("5 MPa / 0.1 mm", "5 MPa / 0.2 mm", "5 MPa / 0.3 mm", "35 MPa / 0.1 mm", "35 MPa / 0.2 mm", "35 MPa / 0.3 mm",
				"65 MPa / 0.1 mm", "65 MPa / 0.2 mm", "65 MPa / 0.3 mm"), got);
		assertEquals("X-stack-pressure=35MPa-s.thickness=0.2mm", runs.get(4).folderName());
	}

	@Test
	void aSweepRunsItsFullFactorialEachInItsFolder() throws Exception {
		Path f = tmp.resolve("sweep.cell");
		Files.writeString(f, FILE);
		Path out = tmp.resolve("out");
		Cli.Result r = Cli.cli("run", f.toString(), "--experiment", "Sw", "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		assertFalse(Files.exists(out.resolve("X")), "--experiment Sw runs the sweep only");
		for (String p : List.of("5", "20"))
			for (String t : List.of("20", "40", "60")) {
				Path run = CliTest.latest(out, "Sw/X-stack-pressure=" + p + "MPa-temperature=" + t + "degC");
				assertTrue(Files.isRegularFile(run.resolve("summary.json")), run + "\n" + r.out());
				assertTrue(Files.isRegularFile(run.resolve("checks.json")), run.toString());
				// the swept values reach the solver: the time series records them
				assertEquals(Double.parseDouble(p), last(run, "stack_pressure_MPa"), 1e-6);
				assertEquals(Double.parseDouble(t) + 273.15, last(run, "temperature_K"), 1e-6);
			}
		// printed in order: the summaries of the six runs, pressure outermost
		int a = r.out().indexOf("Sw/X-stack-pressure=5MPa-temperature=20degC"), b = r.out().indexOf("Sw/X-stack-pressure=20MPa-temperature=60degC");
		assertTrue(a >= 0 && b > a, r.out());
	}

	@Test
	void aLayerThicknessCanBeSweptAndAllRunTogether() throws Exception {
		Path f = tmp.resolve("sweep.cell");
		Files.writeString(f, FILE);
		Path out = tmp.resolve("out");
		Cli.Result r = Cli.cli("run", f.toString(), "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		assertTrue(Files.isRegularFile(CliTest.latest(out, "X").resolve("summary.json")));
		assertTrue(Files.isRegularFile(CliTest.latest(out, "Th/X-s.thickness=0.5mm").resolve("summary.json")), r.out());
		assertTrue(r.out().indexOf("X: ") < r.out().indexOf("Sw/X-") && r.out().indexOf("Sw/X-") < r.out().indexOf("Th/X-"),
				"summaries in file order, although the runs are parallel:\n" + r.out());
		assertTrue(r.out().contains("1 of 1 checks pass"), "only the experiment's own expect is checked, not the sweep's runs:\n" + r.out());
	}

	@Test
	void anUnknownSweepOrExperimentIsOneLine() throws Exception {
		Path f = tmp.resolve("sweep.cell");
		Files.writeString(f, FILE);
		Cli.Result r = Cli.cli("run", f.toString(), "--experiment", "Nope", "--out", tmp.resolve("o").toString());
		assertEquals(1, r.rc());
		assertTrue(r.err().contains("no experiment or sweep named 'Nope'"), r.err());
	}

	/**
	 * Swept values the solver cannot take (a porosity that leaves the library cell's active-material fraction no room)
	 * are one error at the sweep's line, naming the runs and where the cell's inputs fail in the library; it used to be
	 * the mapping's error once per run, each located at {@code <input>:94:2} (the library file named no file). Found by
	 * fuzzing, session 15.
	 */
	@Test
	void sweptValuesTheSolverCannotTakeAreOneErrorAtTheSweepNamingTheLibraryLine() throws Exception {
		Path f = tmp.resolve("sw.cell");
		Files.writeString(f, """
				package fuzzsw
				import cellwright.sets.chen2020.*
				protocol D { discharge at 1 C until 2.5 V }
				experiment Base { cell Chen2020LGM50 protocol D }
				sweep S {
					experiment Base
					vary temperature in 10 degC, 40 degC
					vary negative.porosity in 0.2, 30 %
				}
				""");
		Cli.Result r = Cli.cli("run", f.toString(), "--experiment", "S", "--out", tmp.resolve("o").toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		List<String> errors = r.err().lines().filter(l -> l.contains("error:")).toList();
		assertEquals(1, errors.size(), r.err());
		String e = errors.get(0);
		assertTrue(e.contains("sw.cell:5:1: error: sweep S: 2 of its 4 runs (Base-temperature=10degC-negative.porosity=30pct, "
				+ "Base-temperature=40degC-negative.porosity=30pct) cannot run with their values: cell Chen2020LGM50 cannot be solved: "
				+ "negative electrode active-material fraction must be positive and leave porosity + fraction <= 1, got 0.75 with porosity 0.3"
				+ " (at <standard library>/cellwright/chen2020.cell:94)"), e);
		assertFalse(r.err().contains("<input>"), r.err());
	}
}
