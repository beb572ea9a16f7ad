package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.flush;
import static org.cellwright.app.tests.IdeUITest.spin;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cellwright.app.ExperimentJob;
import org.cellwright.app.views.Measurement;
import org.cellwright.app.views.ResultsView;
import org.cellwright.app.wizards.MeasuredDataImportWizard;
import org.cellwright.measured.BdfWriter;
import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Measurements;
import org.cellwright.testing.PlatingCell;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measured data in the Results view: a run of an experiment that names its measurement shows it over the simulation
 * (voltage against time, against capacity per cycle, capacity and CE per cycle) with its error figures; the import
 * wizard overlays cycler data on a run, and a bad file ends in one error naming file and line with nothing loaded.
 * <p>
 * The "measurement" is CellWright's own run of the cell at a separator conductivity of 1.5 mS/cm, with 0.5 mV of
 * noise; the simulation compared with it has 2.5 mS/cm, so its voltage differs by the separator's ohmic drop
 * i L (1/1.5 - 1/2.5) mS^-1 cm = 0.3 mA/cm2 x 700 um x 266.7 Ohm cm = 5.6 mV while current flows.
 */
class MeasuredDataUITest extends ProjectUITest {

	static final double AREA_CM2 = 0.785, NOISE_V = 0.0005, OHMIC_DIFFERENCE_V = 0.3e-3 * 0.07 * (1 / 1.5e-3 - 1 / 2.5e-3);

	static String cell(String conductivity, String measured) {
		return PlatingCell.cell("m", conductivity, "5 MPa") + PlatingCell.protocol("0.3 mA/cm2")
				+ "experiment X { cell C protocol P %s }\n".formatted(measured);
	}


	/** The test's project goes with its markers: later tests see no new error. */
	@RegisterExtension
	final NoNewErrors noNewErrors = new NoNewErrors();

	@AfterEach
	void tearDown() throws Exception {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().findView(ResultsView.ID);
	}

	static ExperimentJob run(IFile f) {
		ExperimentJob job = new ExperimentJob(f, "X");
		job.schedule();
		spin(() -> job.getResult() != null, 120_000, "the run of " + f.getName());
		assertTrue(job.getResult().getSeverity() <= IStatus.WARNING, job.getResult().toString());
		return job;
	}

	/** The run's series with noise, as a cycler would record it: time, voltage, current (A), cycle and step. */
	static MeasuredSeries noisy(RunFolder run) {
		Map<MeasuredQuantity, double[]> cols = Measurements.noisy(run, AREA_CM2, NOISE_V, 20261203);
		CsvTable ts = run.timeseries();
		cols.put(MeasuredQuantity.CYCLE, ts.column("cycle"));
		cols.put(MeasuredQuantity.STEP, ts.column("step"));
		return new MeasuredSeries(cols, null, "generated");
	}

	/** The wizard with its error dialog recorded instead of shown. */
	static final class Wizard extends MeasuredDataImportWizard {
		final List<String> errors = new ArrayList<>();

		@Override
		protected void showError(String message) {
			errors.add(message);
		}

		/** The wizard in its dialog over the view's window, not blocking. */
		WizardDialog open(ResultsView view) {
			init(PlatformUI.getWorkbench(), null);
			WizardDialog dialog = new WizardDialog(view.getSite().getShell(), this);
			dialog.setBlockOnOpen(false);
			dialog.open();
			return dialog;
		}
	}

	/** The "measurement" made: m.cell's run at 1.5 mS/cm, and its series with noise in data/cell-m.bdf.csv. */
	record Truth(IFile file, Path results, Path run, MeasuredSeries measured) {}

	/** A new project with m.cell run at 1.5 mS/cm, its series with noise written to data/cell-m.bdf.csv. */
	Truth truth(String projectName) throws Exception {
		project = IdeUITest.newProject(projectName);
		IFile f = IdeUITest.newFile(project, "m.cell", cell("1.5 mS/cm", ""));
		run(f);
		Path results = project.getLocation().toFile().toPath().resolve("results/m/X");
		Path run = RunStore.latest(results);
		MeasuredSeries measured = noisy(RunFolder.read(run));
		BdfWriter.write(measured, project.getLocation().toFile().toPath().resolve("data/cell-m.bdf.csv"));
		return new Truth(f, results, run, measured);
	}

	@Test
	void aRunWithItsMeasurementShowsOverlaysAndErrorFiguresAndTheWizardImportsAllOrNothing() throws Exception {
		Truth truth = truth("measured-overlay");
		IFile f = truth.file();
		Path results = truth.results(), truthRun = truth.run();
		MeasuredSeries measured = truth.measured();

		f.setContents(new ByteArrayInputStream(cell("2.5 mS/cm", "measured \"data/cell-m.bdf.csv\" noise 0.5 mV").getBytes(StandardCharsets.UTF_8)),
				IResource.FORCE, null);
		run(f);
		Path simRun = RunStore.latest(results);
		assertNotEquals(truthRun, simRun, "both runs kept");
		assertTrue(Files.isRegularFile(simRun.resolve(RunFiles.MEASURED)), "the measurement kept beside the run");

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		spin(() -> view.whenLoaded().isDone() && simRun.equals(view.shown()) && !view.loading(), 60_000, "the Results view to show the run");
		assertEquals(1, view.measurements().size(), "the run's own measurement");
		Measurement m = view.measurements().get(0);
		assertNull(m.problem(), m.problem());
		// the voltage differs by the separator's ohmic drop while current flows, plus the noise
		assertEquals(Math.hypot(OHMIC_DIFFERENCE_V, NOISE_V), m.figures().voltageRms(), 0.25 * OHMIC_DIFFERENCE_V,
				"RMS " + m.figures().voltageRms() + " V against an ohmic difference of " + OHMIC_DIFFERENCE_V + " V");
		for (var c : m.figures().capacityByCycle())
			assertEquals(0, c.relativeError(), 0.01, "the same charge passes in the plating step of cycle " + c.cycle());
		ISeries<?> mv = view.chart(ResultsView.VOLTAGE).getSeriesSet().getSeries("measured");
		assertNotNull(mv, "measured voltage over the simulated: " + ids(view, ResultsView.VOLTAGE));
		assertEquals(measured.size(), org.cellwright.app.views.ChartInteraction.fullData(view.chart(ResultsView.VOLTAGE), mv)[0].length, "every measured point kept (for export)");
		assertNotNull(view.chart(ResultsView.CYCLES).getSeriesSet().getSeries("measured discharge (mAh/cm2)"), ids(view, ResultsView.CYCLES).toString());
		assertTrue(ids(view, ResultsView.VOLTAGE_CAPACITY).stream().anyMatch(id -> id.startsWith("measured cycle 1")), ids(view, ResultsView.VOLTAGE_CAPACITY).toString());
		assertNotNull(view.errorsTable(), "the error figures' tab");
		List<String> figures = Arrays.stream(view.errorsTable().getItems()).map(it -> it.getText(1) + "|" + it.getText(2)).toList();
		assertTrue(figures.contains("voltage RMS error (" + m.figures().points() + " points)|all"), figures.toString());
		assertTrue(figures.contains("voltage RMS error|1") && figures.contains("discharge capacity|1"), figures.toString());

		view.selectTab(ResultsView.VOLTAGE);
		Screenshots.ofView(view, "ide-results-measured.png");
		view.selectTab(ResultsView.ERRORS);
		Screenshots.ofView(view, "ide-results-measured-errors.png");

		// a bad file: one error naming file and line, nothing loaded
		Path bad = project.getLocation().toFile().toPath().resolve("data/neware-export.csv");
		Files.writeString(bad, "Record ID,Cycle ID,Step ID,Total Time(s),Current(mA),Voltage(V)\n1,1,1,0,-0.2355,0.010\n"
				+ "2,1,1,10,-0.2355,0.009\n3,1,1,twenty,-0.2355,0.008\n");
		Wizard w = new Wizard();
		WizardDialog dialog = w.open(view);
		try {
			w.set(bad, null, truthRun);
			assertFalse(w.performFinish(), "a bad file is not loaded");
			assertEquals(1, w.errors.size(), "one error: " + w.errors);
			assertTrue(w.errors.get(0).contains("neware-export.csv:4:"), "names file and line: " + w.errors.get(0));
			flush();
			assertEquals(List.of(simRun), view.runs().stream().map(RunFolder::folder).toList(), "the view unchanged");

			// a headerless export through the column mapping, overlaid on the run it was measured from
			Path plain = project.getLocation().toFile().toPath().resolve("data/plain.csv");
			StringBuilder b = new StringBuilder();
			double[] t = measured.values(MeasuredQuantity.TIME), v = measured.values(MeasuredQuantity.VOLTAGE);
			for (int k = 0; k < t.length; k++) b.append(String.format(Locale.ROOT, "%.7f,%.6f%n", t[k] / 60, v[k]));
			Files.writeString(plain, b.toString());
			// detected from the header, it has none: the error says how to map it here (it named the .cell file's syntax,
			// for which the wizard has no field)
			w.set(plain, null, truthRun);
			assertFalse(w.performFinish(), "no header: not loaded");
			assertTrue(w.errors.get(w.errors.size() - 1).contains("plain.csv:1: the file has no header row: choose the format \"Other CSV (map the columns)\""),
					w.errors.toString());
			assertFalse(w.errors.get(w.errors.size() - 1).contains("columns \"time=1:s"), w.errors.toString());
			w.set(plain, "Other CSV (map the columns)", truthRun);
			w.map("time", "1", "min");
			w.map("voltage", "2", "V");
			// the experiment's clause for these choices, relative to the run's .cell file; a flipped current is the
			// clause's sign (read by the same reader option), not a rewritten file
			assertEquals("measured \"data/plain.csv\" columns \"time=1:min,voltage=2:V\"", w.clause());
			w.flipCurrent(true);
			assertEquals("measured \"data/plain.csv\" columns \"time=1:min,voltage=2:V\" sign discharge-positive", w.clause());
			w.flipCurrent(false);
			dialog.getShell().setSize(760, 480);
			dialog.showPage(w.getPage("mapping"));
			Screenshots.ofShell(dialog.getShell(), "ide-import-measured-mapping.png");
			assertTrue(w.performFinish(), "the mapped file is read: " + w.errors);
		} finally {
			dialog.close();
		}
		spin(() -> view.whenLoaded().isDone() && !view.loading() && view.runs().size() == 2, 60_000, "the run with the imported measurement");
		Measurement imported = view.measurements().stream().filter(x -> x.run().folder().equals(truthRun)).findFirst().orElseThrow();
		// against the run it came from only the noise is left (21 samples, one of them at a step's jump: within a factor 2)
		double rms = imported.figures().voltageRms();
		assertTrue(rms > NOISE_V / 2 && rms < 2 * NOISE_V, "against the run it came from, the noise is what is left: " + rms);
		assertTrue(imported.capacityByCycle().isEmpty(), "no current column: no capacities");
		// no step column either: its RMS per step is over the simulation's steps, which the Model error tab names as the
		// report's protocol list and the run's messages do (StepNumbers: "1 (line 3)"), not by the solver's index in the
		// flattened protocol from 0 (msg31b); the first measurement's steps are its own counts, shown as they are
		assertTrue(imported.figures().simulatedSteps(), "the simulation's steps");
		spin(() -> view.errorsTable() != null && view.errorsTable().getItemCount() > 0, 10_000, "the error figures of both runs");
		List<String> steps = Arrays.stream(view.errorsTable().getItems()).map(it -> it.getText(3)).filter(x -> !x.isEmpty()).toList();
		assertTrue(steps.stream().anyMatch(x -> x.matches("\\d+(\\.\\d+)* \\([^()]*line \\d+\\)")), steps.toString());
		assertTrue(steps.stream().anyMatch(x -> x.matches("\\d+")), "the first measurement's own step counts: " + steps);
	}

	/**
	 * A liquid-electrolyte (DFN) run keeps no inputs.json (dfn-inputs.json instead): its comparison with its measurement
	 * takes the cell's area from summary.json, as the pipeline's measured-comparison.json does, and so does Export as
	 * BDF for the current (the Model error tab of chen2020-halfcell.cell's runs read only "not compared: the run has no
	 * inputs.json: its area is unknown", and the export left the current out; seen walking the IDE in session 28). The
	 * run here is the solid-state one of {@link #truth} with its inputs.json deleted.
	 */
	@Test
	void aRunWithoutInputsJsonIsComparedAndExportedWithTheAreaOfItsSummary() throws Exception {
		Truth truth = truth("measured-no-inputs");
		truth.file().setContents(new ByteArrayInputStream(cell("2.5 mS/cm", "measured \"data/cell-m.bdf.csv\" noise 0.5 mV")
				.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		run(truth.file());
		Path simRun = RunStore.latest(truth.results());
		Files.delete(simRun.resolve(RunFiles.INPUTS));
		assertNull(RunFolder.read(simRun).inputs());

		ResultsView view = (ResultsView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(ResultsView.ID);
		view.setRuns(List.of(simRun));
		spin(() -> view.whenLoaded().isDone() && simRun.equals(view.shown()) && !view.loading(), 60_000, "the Results view to show the run");
		assertEquals(1, view.measurements().size(), "the run's own measurement");
		Measurement m = view.measurements().get(0);
		assertNull(m.problem(), m.problem());
		assertEquals(AREA_CM2 * 1e-4, m.areaM2(), 1e-12, "summary.json's area");
		assertEquals(Math.hypot(OHMIC_DIFFERENCE_V, NOISE_V), m.figures().voltageRms(), 0.25 * OHMIC_DIFFERENCE_V, "RMS " + m.figures().voltageRms());
		assertFalse(m.figures().capacityByCycle().isEmpty(), "capacities compared");
		for (var c : m.figures().capacityByCycle())
			assertEquals(0, c.relativeError(), 0.01, "the same charge passes in the plating step of cycle " + c.cycle());
		List<String> figures = Arrays.stream(view.errorsTable().getItems()).map(it -> it.getText(1) + "|" + it.getText(2)).toList();
		assertTrue(figures.contains("voltage RMS error (" + m.figures().points() + " points)|all") && figures.contains("discharge capacity|1"),
				figures.toString());

		RunFolder run = RunFolder.read(simRun);
		Path out = project.getLocation().toFile().toPath().resolve("export/X.bdf.csv");
		org.cellwright.app.views.BdfExport.write(run, out);
		MeasuredSeries back = new org.cellwright.measured.CyclerDataReader().read(out);
		assertTrue(back.has(MeasuredQuantity.CURRENT), "the current written");
		double[] i = back.values(MeasuredQuantity.CURRENT), mAcm2 = run.timeseries().column("current_mA_cm2");
		for (int k = 0; k < mAcm2.length; k++)
			assertEquals(mAcm2[k] * AREA_CM2 * 1e-3, i[k], 1e-9, "current at row " + k);
	}

	/**
	 * A run with checks and a measurement has all eight tabs; at the default workbench size (the window at 1400 x 900,
	 * the perspective as it comes) every one is shown, none behind the tab folder's chevron (with the titles
	 * "Voltage-capacity", "Capacity and CE" and "Measured vs simulated" the last two, Checks and the error figures,
	 * were not).
	 */
	@Test
	void everyTabOfARunWithChecksAndAMeasurementIsShownAtTheDefaultSize() throws Exception {
		Truth truth = truth("measured-tabs");
		IFile f = truth.file();
		Path results = truth.results();
		f.setContents(new ByteArrayInputStream(cell("2.5 mS/cm", "measured \"data/cell-m.bdf.csv\" noise 0.5 mV expect status = completed")
				.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		run(f);
		Path simRun = RunStore.latest(results);

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.resetPerspective();
		page.getWorkbenchWindow().getShell().setBounds(0, 0, 1400, 900);
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		view.setRuns(List.of(simRun));
		spin(() -> view.whenLoaded().isDone() && simRun.equals(view.shown()) && !view.loading(), 60_000, "the Results view to show the run");
		assertNotNull(view.checksTable(), "the Checks tab");
		assertNotNull(view.errorsTable(), "the error figures' tab");
		flush();
		org.eclipse.swt.custom.CTabFolder folder = (org.eclipse.swt.custom.CTabFolder) view.chart().getParent();
		List<String> titles = Arrays.stream(folder.getItems()).map(org.eclipse.swt.custom.CTabItem::getText).toList();
		assertEquals(List.of(ResultsView.VOLTAGE, ResultsView.VOLTAGE_CAPACITY, ResultsView.CYCLES, ResultsView.OVERPOTENTIALS,
				ResultsView.INVENTORY, ResultsView.MECHANISM, ResultsView.CHECKS, ResultsView.ERRORS), titles);
		List<String> hidden = Arrays.stream(folder.getItems()).filter(i -> !i.isShowing()).map(org.eclipse.swt.custom.CTabItem::getText).toList();
		assertEquals(List.of(), hidden, "tabs behind the chevron in a Results view " + folder.getSize().x + " pixels wide");
		for (var i : folder.getItems()) assertNotNull(i.getToolTipText(), i.getText() + ": its tool tip says what the tab shows");
		if (Screenshots.enabled()) // the window as the test saw it, to look at (not a docs figure)
			Screenshots.window(page.getWorkbenchWindow().getShell(), Path.of(System.getenv("CELLWRIGHT_SCREENSHOTS"), "results-tabs-default-size.png"));
	}

	/**
	 * A reference solution as JSON (time and voltage arrays: the PyBaMM references that examples/chen2020-halfcell.cell
	 * names in its measured clauses) imports as the clause reads it, through the same reader
	 * ({@code MeasuredComparison.reference}); the wizard refused it ("no header row names time and voltage"). A JSON
	 * file without a voltage array is one error naming the file and what a reference needs, nothing loaded.
	 */
	@Test
	void theWizardImportsAReferenceSolutionAsTheMeasuredClauseReadsIt() throws Exception {
		project = IdeUITest.newProject("measured-json");
		IFile f = IdeUITest.newFile(project, "m.cell", cell("2.5 mS/cm", ""));
		run(f);
		Path runFolder = RunStore.latest(project.getLocation().toFile().toPath().resolve("results/m/X"));
		CsvTable ts = RunFolder.read(runFolder).timeseries();
		double[] hours = ts.column("time_h"), volts = ts.column("voltage_V");
		StringBuilder t = new StringBuilder(), v = new StringBuilder();
		for (int k = 0; k < hours.length; k++) {
			t.append(k == 0 ? "" : ", ").append(hours[k] * 3600);
			v.append(k == 0 ? "" : ", ").append(volts[k] + 0.002);
		}
		Path json = project.getLocation().toFile().toPath().resolve("data/reference.json");
		Files.createDirectories(json.getParent());
		Files.writeString(json, "{\"source\": \"generated\", \"time\": [" + t + "], \"voltage\": [" + v + "]}");
		Path bad = json.resolveSibling("no-voltage.json");
		Files.writeString(bad, "{\"time\": [0, 10]}");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		Wizard w = new Wizard();
		WizardDialog dialog = w.open(view);
		try {
			w.set(bad, null, runFolder);
			assertFalse(w.performFinish(), "no voltage: not loaded");
			assertEquals(1, w.errors.size(), w.errors.toString());
			assertTrue(w.errors.get(0).contains("no-voltage.json") && w.errors.get(0).contains("'voltage'"), w.errors.get(0));
			w.set(json, null, runFolder);
			assertEquals("measured \"data/reference.json\"", w.clause(), "the clause that reads the same file");
			assertTrue(w.performFinish(), "a reference solution is read: " + w.errors);
		} finally {
			dialog.close();
		}
		assertEquals(hours.length, w.series().size(), "every point of the reference");
		spin(() -> view.whenLoaded().isDone() && !view.loading() && view.measurements().stream().anyMatch(m -> m.run().folder().equals(runFolder)),
				60_000, "the reference overlaid on its run");
		Measurement m = view.measurements().stream().filter(x -> x.run().folder().equals(runFolder)).findFirst().orElseThrow();
		assertNull(m.problem(), m.problem());
		// the reference is the run's voltage plus 2 mV; a sample at a step's jump (two rows at one time) may compare
		// with the other side of the jump
		double rms = m.figures().voltageRms();
		assertTrue(rms > 0.0019 && rms < 0.02, "RMS " + rms + " V against the run it was made from, 2 mV higher");
	}

	@Test
	void aRunExportedAsBdfReadsBackAsTheSameSeries() throws Exception {
		project = IdeUITest.newProject("bdf-export");
		IFile f = IdeUITest.newFile(project, "m.cell", cell("2.5 mS/cm", ""));
		run(f);
		RunFolder run = RunFolder.read(RunStore.latest(project.getLocation().toFile().toPath().resolve("results/m/X")));
		Path out = project.getLocation().toFile().toPath().resolve("export/X.bdf.csv");
		org.cellwright.app.views.BdfExport.write(run, out);
		assertTrue(Files.readString(out).startsWith("Test Time / s,Voltage / V,Current / A,Cycle Count / 1,Step Count / 1\n"),
				Files.readString(out).lines().findFirst().orElse(""));
		MeasuredSeries back = new org.cellwright.measured.CyclerDataReader().read(out);
		assertEquals("BDF", back.format());
		CsvTable ts = run.timeseries();
		assertEquals(ts.rows(), back.size());
		double[] t = back.values(MeasuredQuantity.TIME), v = back.values(MeasuredQuantity.VOLTAGE), i = back.values(MeasuredQuantity.CURRENT);
		for (int k = 0; k < ts.rows(); k++) {
			assertEquals(ts.column("time_h")[k] * 3600, t[k], 1e-6 * Math.max(1, t[k]), "time at row " + k);
			assertEquals(ts.column("voltage_V")[k], v[k], 1e-8, "voltage at row " + k);
			// mA/cm2 x 0.785 cm2 = mA; charge positive as in the run
			assertEquals(ts.column("current_mA_cm2")[k] * AREA_CM2 * 1e-3, i[k], 1e-9, "current at row " + k);
		}
	}

	static List<String> ids(ResultsView v, String tab) {
		return Arrays.stream(v.chart(tab).getSeriesSet().getSeries()).map(ISeries::getId).toList();
	}
}
