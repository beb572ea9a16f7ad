package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFolderException;
import org.cellwright.run.folder.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-folder reader (org.cellwright.run's, as the IDE uses it): every file of a run, what is optional, and bad input named by file and line. */
class RunFolderTest {

	@TempDir
	Path dir;

	static final String TIMESERIES = """
			time_h,step,cycle,voltage_V,current_mA_cm2,step_capacity_mAh_cm2,eta_separator_V,li_foil_mAh_cm2
			0,0,0,0,0,0,0,72.1
			0.5,0,1,-0.010,-0.1,-0.05,-0.002,72.05
			1.0,1,1,0.012,0.1,0.05,,72.1
			""";

	static final String SUMMARY = """
			{"cell":"Cell3At34MPa","area_cm2":0.785,"status":"SHORT_CIRCUIT",
			 "short_circuit":{"cycle":6,"time_h":46.5,"reason":"Li filament spans the separator"},
			 "end_time_h":46.5,"messages":["SE reduced at the Li contact"]}
			""";

	/** Writes a run folder with the given files (name, content pairs). */
	static Path run(Path parent, String name, String... files) throws IOException {
		Path f = Files.createDirectories(parent.resolve(name));
		for (int i = 0; i < files.length; i += 2) Files.writeString(f.resolve(files[i]), files[i + 1]);
		return f;
	}

	@Test
	void readsTheTimeseriesCyclesAndSummary() throws IOException {
		Path f = run(dir, "BareHalfCell", "timeseries.csv", TIMESERIES, "summary.json", SUMMARY, "cycles.csv",
				"cycle,charge_mAh_cm2,discharge_mAh_cm2,coulombic_efficiency\n1,0.9,1.0,0.9\n2,0.95,1.0,0.95\n");
		RunFolder r = RunFolder.read(f);
		assertEquals("BareHalfCell", r.experiment());
		assertEquals("Cell3At34MPa", r.cellName());
		assertEquals("SHORT_CIRCUIT", r.status());
		assertFalse(r.completed());
		assertEquals(new Summary.ShortCircuit(6, -1, 46.5, "Li filament spans the separator", "Li filament spans the separator"), r.shortCircuit(),
				"a hard short written without its cause member: its reason is its cause");
		assertNull(r.softShort(), "no soft_short: none");
		assertEquals(List.of("SE reduced at the Li contact"), r.messages());
		assertEquals(3, r.timeseries().rows());
		assertArrayEquals(new double[] {0, 0.5, 1.0}, r.timeseries().column("time_h"));
		assertTrue(Double.isNaN(r.timeseries().column("eta_separator_V")[2]), "an empty cell is NaN, not 0");
		assertEquals(List.of("eta_separator_V"), r.timeseries().columnsStartingWith("eta_"));
		assertFalse(r.timeseries().has("no_such_column"));
		assertArrayEquals(new double[] {0.9, 0.95}, r.cycles().column("coulombic_efficiency"));
		assertEquals(46.5, r.endTimeH());
		assertNull(r.checks(), "no checks.json: no checks");
		assertNull(r.mechanismMap(), "no mechanism-map.csv: no map");
		assertTrue(Double.isNaN(r.poreSizeM()));
		assertTrue(r.notes().isEmpty(), r.notes().toString());
	}

	@Test
	void aSummaryFileStandsForItsFolder() throws IOException {
		Path f = run(dir, "X", "timeseries.csv", TIMESERIES, "summary.json", SUMMARY);
		assertEquals(f, RunFolder.read(f.resolve("summary.json")).folder());
	}

	@Test
	void readsChecksMechanismMapAndTheLiSizeOfTheSummary() throws IOException {
		Path f = run(dir, "NucleationBare", "timeseries.csv", TIMESERIES, "summary.json",
				"{\"cell\":\"C\",\"status\":\"COMPLETED\",\"mechanism_map\":{\"characteristic_size_m\":5e-8}}",
				"checks.json", """
						{"experiment":"NucleationBare","checks":[
						 {"quantity":"nucleation overpotential","expected":"14.2 mV ± 2 mV","simulated":"14.4 mV","pass":true,
						  "source":"10.1002/adma.202210835","file":"examples/sung2023/experiments.cell","line":23},
						 {"quantity":"short circuit","expected":"short-circuit","simulated":"COMPLETED","pass":false}]}
						""",
				"mechanism-map.csv", "size_m,dislocation_MPa,diffusional_creep_MPa,flow_stress_MPa\n1e-8,60,0.001,0.001\n1e-6,3,1000,3\n");
		RunFolder r = RunFolder.read(f);
		assertTrue(r.completed());
		assertEquals(2, r.checks().size());
		RunFolder.Check c = r.checks().get(0);
		assertEquals(Boolean.TRUE, c.pass());
		assertEquals("14.2 mV ± 2 mV", c.expected());
		assertEquals(23, c.line());
		assertEquals(Boolean.FALSE, r.checks().get(1).pass());
		assertArrayEquals(new double[] {1e-8, 1e-6}, r.mechanismMapCurves().sizeM());
		assertArrayEquals(new double[] {0.001, 3}, r.mechanismMapCurves().flowMPa());
		assertEquals(5e-8, r.characteristicSizeM());
	}

	@Test
	void aCellThatIsNotANumberIsNamedByFileLineAndColumn() throws IOException {
		Path f = run(dir, "Bad", "timeseries.csv", "time_h,step,cycle,voltage_V,current_mA_cm2\n0,0,0,0,0\n1,0,1,oops,0\n", "summary.json", SUMMARY);
		RunFolder r = RunFolder.read(f);
		assertNull(r.timeseries(), "the broken file is not shown half-read");
		String p = String.join("\n", r.notes());
		assertTrue(p.contains("timeseries.csv:3: 'oops' in column voltage_V is not a number"), p);
		assertEquals("SHORT_CIRCUIT", r.status(), "the summary is still read");
	}

	@Test
	void brokenOptionalFilesAreProblemsNotFailures() throws IOException {
		Path f = run(dir, "Y", "timeseries.csv", TIMESERIES, "summary.json", "{ not json", "checks.json", "[]",
				"mechanism-map.csv", "size,stress\n1,2\n");
		RunFolder r = RunFolder.read(f);
		assertEquals("UNKNOWN", r.status());
		assertEquals(3, r.timeseries().rows());
		String p = String.join("\n", r.notes());
		assertTrue(p.contains("summary.json: cannot be read as JSON"), p);
		assertTrue(p.contains("mechanism-map.csv:1: the header has no column 'size_m'"), p);
		assertNull(r.mechanismMap());
		assertTrue(p.contains("cycles.csv: missing"), p);
	}

	@Test
	void aFolderWithoutRunFilesIsRefused() throws IOException {
		Path f = Files.createDirectories(dir.resolve("empty"));
		assertFalse(RunFolder.isRunFolder(f));
		RunFolderException e = assertThrows(RunFolderException.class, () -> RunFolder.read(f));
		assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
		Path g = run(dir, "Z", "timeseries.csv", "", "summary.json", "[1,2]");
		RunFolderException e2 = assertThrows(RunFolderException.class, () -> RunFolder.read(g));
		assertTrue(e2.getMessage().contains("timeseries.csv:1: empty file"), e2.getMessage());
	}
}
