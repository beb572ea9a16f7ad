package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cellwright.measured.BdfWriter;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Pipeline;
import org.cellwright.run.Plans;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.RunGroup;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.Measurements;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) while it wrote a run leaves the run in its hidden folder ({@code .<run id>.partial}): no
 * shutdown hook moves it into place. The next run of the same experiment or sweep, holding the group's lock, takes it
 * over: moved into place and listed from its folder, then written into runs.csv; a leftover holding nothing (killed
 * before it wrote a file, a fit's scratch runs alone) is deleted. pipe27b: two command lines on one results folder, one
 * killed while collecting a sweep: its run stayed hidden for good, in no listing, never cleaned up. Its rows then
 * said its solver's COMPLETED alone, as a whole run's (pipe27c): their change says it was recovered and what it lacks
 * of what its whole run would have had (session 28: checks.json and report.html were not looked for).
 */
class KilledWriterTest {

	@TempDir Path tmp;

	@Test
	void theNextRunOfTheSweepMovesWhatAKilledProcessLeftHiddenIntoPlaceAndListsIt() throws Exception {
		Path f = Cli.write(tmp.resolve("t.cell"), PlatingCell.cell("t", "2.5 mS/cm", "5 MPa") + PlatingCell.protocol("0.1 mA/cm2")
				+ "experiment X { cell C protocol P }\n" + CollectionIndexTest.SWEEP);
		Path out = tmp.resolve("out"), sweep = out.resolve("Sw");
		List<Pipeline.Result> first = run(f, out, new ArrayList<>());
		String killed = first.get(0).runId();
		// as a process killed while it collected the variants, before the run was renamed into place and its rows
		// written: the pipeline writes each variant's checks.json, then its report (the command line's and the IDE's
		// listener), then the sweep's sweep.csv; killed in the fourth variant's checks, after the third's checks
		Path hidden = sweep.resolve("." + killed + ".partial");
		Files.move(sweep.resolve(killed), hidden);
		Files.delete(hidden.resolve(RunFiles.SWEEP_TABLE));
		List<Path> variants;
		try (Stream<Path> s = Files.list(hidden)) {
			variants = s.filter(org.cellwright.run.folder.RunFolder::isRunFolder).toList();
		}
		Path third = first.get(2).folder().getFileName(), fourth = first.get(3).folder().getFileName();
		Files.delete(hidden.resolve(third).resolve(RunFiles.REPORT));
		Files.delete(hidden.resolve(fourth).resolve(RunFiles.REPORT));
		Files.delete(hidden.resolve(fourth).resolve(RunFiles.CHECKS));
		assertEquals(4, variants.size(), variants.toString());
		Files.delete(out.resolve("runs.csv"));
		Files.createDirectories(sweep.resolve(".20261205-120000-aaaaaa.partial")); // killed before it wrote anything
		Files.createDirectories(sweep.resolve(".20261205-120001-bbbbbb.partial/.scratch/1"));
		Files.writeString(sweep.resolve(".20261205-120001-bbbbbb.partial/.scratch/1/timeseries.csv"), "scratch\n");
		assertTrue(new RunStore(out).index().rows().isEmpty(), "hidden: not listed");

		List<String> said = new ArrayList<>();
		int reads = RunIndex.reads(out);
		List<Pipeline.Result> second = run(f, out, said);
		// the index read once to mark the recovered run, under its lock, and once to append the new run's rows (a check
		// before the first read it once more, outside the lock)
		assertEquals(2, RunIndex.reads(out) - reads, "runs.csv read once for the run taken over, once for the run");

		try (Stream<Path> s = Files.list(sweep)) {
			assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList(), "nothing left hidden");
		}
		assertEquals(4, countVariants(sweep.resolve(killed)), "the killed run in place with its four variants");
		assertEquals(1, said.size(), said.toString());
		assertTrue(said.get(0).contains(sweep.resolve(killed).toString()) && said.get(0).contains("killed"), said.get(0));
		List<RunIndex.Row> rows = new RunStore(out).index().rows();
		assertEquals(8, rows.size(), rows.toString());
		for (int i = 0; i < 4; i++) {
			assertEquals(killed, rows.get(i).id());
			Path variant = Path.of(rows.get(i).folder()).getFileName();
			String missing = (variant.equals(fourth) ? "checks.json, report.html, " : variant.equals(third) ? "report.html, " : "") + "the sweep's sweep.csv";
			assertEquals(RunIndex.RECOVERED + " (files missing: " + missing + ")", rows.get(i).change(),
					"its rows say it was recovered, not a whole run (its status is its solver's: " + rows.get(i).status() + ")");
			assertEquals(second.get(0).runId(), rows.get(i + 4).id());
			assertEquals("no change", rows.get(i + 4).change(), "compared with the killed run's variant " + rows.get(i).name());
		}
		assertTrue(Files.readString(out.resolve("runs.csv")).contains(killed), "written into runs.csv by the second run's rewrite");
		assertTrue(Files.readString(out.resolve("runs.csv")).contains(RunIndex.RECOVERED), "runs.csv says it was recovered");
		assertEquals(sweep.resolve(second.get(0).runId()), RunStore.latest(sweep));
	}

	static long countVariants(Path run) throws Exception {
		try (Stream<Path> s = Files.list(run)) {
			return s.filter(org.cellwright.run.folder.RunFolder::isRunFolder).count();
		}
	}

	/**
	 * A run of an experiment compared with a measurement, whose writer wrote no report (the pipeline's own callers
	 * here): killed after its solver ended, before its comparison with the measurement and its checks.json, it lacks
	 * those two; a report it never had is not guessed at.
	 */
	@Test
	void aRunKilledBeforeItsComparisonAndChecksSaysSoAndNoReportItsWriterNeverWrites() throws Exception {
		String text = PlatingCell.cell("t", "2.5 mS/cm", "5 MPa") + PlatingCell.protocol("0.1 mA/cm2") + "experiment X { cell C protocol P }\n";
		Path f = Cli.write(tmp.resolve("t.cell"), text);
		Path truth = run(f, tmp.resolve("truth"), "X", new ArrayList<>(), w -> {}).get(0).folder();
		BdfWriter.write(new MeasuredSeries(Measurements.noisy(RunFolder.read(truth), 0.785, 0.0005, 20261206), null, "generated"),
				tmp.resolve("data.bdf.csv"));
		Cli.write(f, text.replace("experiment X { cell C protocol P }", "experiment X { cell C protocol P measured \"data.bdf.csv\" noise 0.5 mV }"));
		Path out = tmp.resolve("out"), x = out.resolve("X");
		String killed = run(f, out, "X", new ArrayList<>(), w -> {}).get(0).runId();
		Path hidden = x.resolve("." + killed + ".partial");
		Files.move(x.resolve(killed), hidden);
		assertTrue(Files.isRegularFile(hidden.resolve(RunFiles.MEASURED)), "the measurement kept before the run");
		Files.delete(hidden.resolve(RunFiles.MEASURED_COMPARISON));
		Files.delete(hidden.resolve(RunFiles.CHECKS));
		Files.delete(out.resolve("runs.csv"));
		run(f, out, "X", new ArrayList<>(), w -> {});
		RunIndex.Row row = new RunStore(out).index().rows().get(0);
		assertEquals(killed, row.id());
		assertEquals(RunIndex.RECOVERED + " (files missing: " + RunFiles.MEASURED_COMPARISON + ", checks.json)", row.change());
	}

	/**
	 * A single run whose writer writes reports (the command line, the IDE), killed after its checks.json and before its
	 * report.html: its folder holds no report, and nothing else of it showed that its writer writes one (a sweep's other
	 * variants do); the run recorded it as it began ({@value RunFiles#WRITES}), and its recovery names the report
	 * (session 28 said "files missing: none").
	 */
	@Test
	void aSingleRunKilledBetweenItsChecksAndItsReportSaysItLacksTheReport() throws Exception {
		Path f = Cli.write(tmp.resolve("t.cell"), PlatingCell.cell("t", "2.5 mS/cm", "5 MPa") + PlatingCell.protocol("0.1 mA/cm2")
				+ "experiment X { cell C protocol P }\n");
		Path out = tmp.resolve("out"), x = out.resolve("X");
		String killed = run(f, out, "X", new ArrayList<>(), KilledWriterTest::report, List.of(RunFiles.REPORT)).get(0).runId();
		Path hidden = x.resolve("." + killed + ".partial");
		Files.move(x.resolve(killed), hidden);
		assertEquals(List.of(RunFiles.REPORT), Files.readAllLines(hidden.resolve(RunFiles.WRITES)), "recorded as the run began");
		Files.delete(hidden.resolve(RunFiles.REPORT));
		Files.delete(out.resolve("runs.csv"));
		run(f, out, "X", new ArrayList<>(), KilledWriterTest::report, List.of(RunFiles.REPORT));
		RunIndex.Row row = new RunStore(out).index().rows().get(0);
		assertEquals(killed, row.id());
		assertEquals(RunIndex.RECOVERED + " (files missing: " + RunFiles.REPORT + ")", row.change());
	}

	/**
	 * checks.json is written whole or not at all (Atomic, as the folder's other files): a process killed while writing
	 * it leaves a hidden file beside it, not a cut checks.json; it was written in place, through another name of the
	 * file (a hard link) too. A cut checks.json, as a killed writer before session 29 left it, is named unreadable by the
	 * recovered run's missing files (it was counted as there: "files missing: none").
	 */
	@Test
	void checksJsonIsWrittenWholeAndACutOneIsSaidUnreadableWhenItsRunIsRecovered() throws Exception {
		Path d = Files.createDirectories(tmp.resolve("d")), other = d.resolve("other.json");
		Files.writeString(other, "{\"experiment\": \"before\", \"checks\": []}");
		Files.createLink(d.resolve(RunFiles.CHECKS), other);
		org.cellwright.run.Checks.write(d, "X", List.of());
		assertEquals("{\"experiment\": \"before\", \"checks\": []}", Files.readString(other), "a new file renamed over it, not written in place");
		assertEquals(List.of(), RunFolder.checksOf(d));
		try (Stream<Path> s = Files.list(d)) {
			assertEquals(List.of(RunFiles.CHECKS, "other.json"), s.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
		}

		Path f = Cli.write(tmp.resolve("t.cell"), PlatingCell.cell("t", "2.5 mS/cm", "5 MPa") + PlatingCell.protocol("0.1 mA/cm2")
				+ "experiment X { cell C protocol P expect status = completed }\n");
		Path out = tmp.resolve("out"), x = out.resolve("X");
		String killed = run(f, out, "X", new ArrayList<>(), w -> {}).get(0).runId();
		Path hidden = x.resolve("." + killed + ".partial"), checks = hidden.resolve(RunFiles.CHECKS);
		Files.move(x.resolve(killed), hidden);
		String whole = Files.readString(checks);
		assertTrue(whole.contains("\"checks\"") && whole.length() > 40, whole);
		Files.writeString(checks, whole.substring(0, whole.length() / 2)); // cut as a kill mid-write left it
		Files.delete(out.resolve("runs.csv"));
		run(f, out, "X", new ArrayList<>(), w -> {});
		RunIndex.Row row = new RunStore(out).index().rows().get(0);
		assertEquals(killed, row.id());
		assertEquals(RunIndex.RECOVERED + " (files missing: " + RunFiles.CHECKS + " (unreadable))", row.change());
	}

	/** A stand-in for the report the command line and the IDE write as each unit is finished (Pipeline.Listener#finishing). */
	static void report(Path writing) {
		try {
			Files.writeString(writing.resolve(RunFiles.REPORT), "<!DOCTYPE html>\n");
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Runs the sweep Sw of the file into out, writing reports; what the pipeline says of runs it took over is added to said. */
	static List<Pipeline.Result> run(Path f, Path out, List<String> said) throws Exception {
		return run(f, out, "Sw", said, KilledWriterTest::report, List.of(RunFiles.REPORT));
	}

	/**
	 * Runs the group {@code only} of the file into out, {@code finishing} as each unit is finished (writing a report where
	 * it is {@link #report}, as the listener then says: Pipeline.Listener#finishes); what the pipeline says of runs it took
	 * over to said.
	 */
	static List<Pipeline.Result> run(Path f, Path out, String only, List<String> said, java.util.function.Consumer<Path> finishing) throws Exception {
		return run(f, out, only, said, finishing, List.of());
	}

	static List<Pipeline.Result> run(Path f, Path out, String only, List<String> said, java.util.function.Consumer<Path> finishing,
			List<String> finishes) throws Exception {
		CellFiles files = CellFiles.load(List.of(f));
		assertFalse(files.hasErrors(), files.problems().toString());
		var groups = Plans.of(files.runnables(null)).stream().filter(g -> g.name().equals(only)).toList();
		try (RunExecutor pool = RunExecutor.local(2)) {
			return new Pipeline(new RunStore(out), pool, new Cancel()).run(groups, new Pipeline.Listener() {
				@Override
				public void tookOver(RunGroup group, String message) {
					said.add(message);
				}

				@Override
				public void finishing(Path writing) {
					finishing.accept(writing);
				}

				@Override
				public List<String> finishes() {
					return finishes;
				}
			});
		}
	}
}
