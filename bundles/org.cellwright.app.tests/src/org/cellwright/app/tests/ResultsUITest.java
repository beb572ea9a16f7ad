package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.spin;
import static org.cellwright.app.tests.IdeUITest.waitForJobs;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.cellwright.app.ExperimentJob;
import org.cellwright.app.ShowResultsHandler;
import org.cellwright.app.WorkspaceSetup;
import org.cellwright.app.launch.ExperimentLaunch;
import org.cellwright.app.launch.ExperimentLaunchShortcut;
import org.cellwright.app.views.ChartInteraction;
import org.cellwright.app.views.ResultsView;
import org.cellwright.run.folder.RunFolder;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.expressions.EvaluationContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.Range;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.XMLMemento;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Results view driven through SWT on real runs of the study: every tab shows the run's series, two runs are
 * overlaid in every chart, a short circuit and failed checks are shown as status, zoom/pan/read-out and export work,
 * runs are started from a launch configuration and can be cancelled.
 */
class ResultsUITest {

	static final List<String> CHART_TABS = List.of(ResultsView.VOLTAGE, ResultsView.VOLTAGE_CAPACITY, ResultsView.CYCLES,
			ResultsView.OVERPOTENTIALS, ResultsView.INVENTORY, ResultsView.MECHANISM);

	IWorkbenchPage page;
	IProject project;
	IFile experiments;

	@TempDir
	Path tmp;

	@BeforeEach
	void setUp() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		project = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples"))).getProject();
		experiments = project.getFile("sung2023/experiments.cell");
		assertTrue(experiments.exists());
		waitForJobs();
	}

	/** Runs one experiment of the study file through the IDE's job and returns its run folder. */
	Path runExperiment(String name) {
		ExperimentJob job = new ExperimentJob(experiments, name);
		job.schedule();
		spin(() -> job.getResult() != null, 120_000, "the experiment " + name);
		assertTrue(job.getResult().getSeverity() <= IStatus.WARNING, job.getResult().toString());
		IFolder folder = project.getFolder("results/sung2023/experiments.cell/" + name);
		assertTrue(folder.getFolder("latest").getFile("summary.json").exists(), "the run is in the project's run store: " + folder);
		IdeUITest.flush(); // the job shows its run in the Results view (asyncExec): before the test asks for others
		return RunFolder.resolve(folder.getLocation().toFile().toPath());
	}

	/** Waits (running the event loop) until the view has read and drawn the runs last asked for. */
	static ResultsView loaded(ResultsView view) {
		spin(() -> view.whenLoaded().isDone(), 120_000, "the Results view to read its runs");
		assertFalse(view.whenLoaded().isCancelled(), "the load was not cancelled");
		return view;
	}

	/**
	 * The Results view showing the run folder, loaded, after the jobs of earlier tests (a run shows itself in the view
	 * when it ends, asyncExec'd after its job).
	 */
	ResultsView shown(Path f) throws Exception {
		IdeUITest.waitForJobs();
		IdeUITest.flush();
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		view.show(f);
		return loaded(view);
	}

	static List<String> ids(Chart c) {
		return Arrays.stream(c.getSeriesSet().getSeries()).map(ISeries::getId).toList();
	}

	@Test
	void aRunShowsItsSeriesInEveryTab() throws Exception {
		Path run = runExperiment("FirstCycleInterlayer");
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		view.show(run);
		loaded(view);
		for (String tab : CHART_TABS)
			assertTrue(view.chart(tab).getSeriesSet().getSeries().length > 0, tab + " has series: " + ids(view.chart(tab)));
		assertEquals(List.of("FirstCycleInterlayer"), ids(view.chart()));
		Chart cycles = view.cyclesChart();
		assertEquals(List.of("charge (mAh/cm2)", "discharge (mAh/cm2)", "CE (%)"), ids(cycles), "a half cell: no retention of a set plating capacity");
		// nor named on the chart (its right axis read "CE and retention (%)", its title "Capacity retention and ...")
		assertEquals("Coulombic efficiency (%)", cycles.getAxisSet().getYAxis(1).getTitle().getText());
		assertTrue(wholeTitle(cycles).startsWith("Capacity and Coulombic efficiency"), wholeTitle(cycles));
		ISeries<?> ce = cycles.getSeriesSet().getSeries("CE (%)");
		assertTrue(ce.getYSeries()[0] > 80 && ce.getYSeries()[0] <= 100, "first-cycle CE in %: " + ce.getYSeries()[0]);
		// a DFN run's cycles have no mAh/g either, and it has a cathode: retention drawn (RunFolder.halfCell, the rule of
		// the report and the Sweep view; the chart's own mAh/g rule drew none for every DFN run)
		Path dfn = tmp.resolve("DfnLike");
		Files.createDirectories(dfn);
		for (String f : List.of("summary.json", "timeseries.csv", "cycles.csv")) Files.copy(run.resolve(f), dfn.resolve(f));
		Files.writeString(dfn.resolve(org.cellwright.run.dfn.DfnInputs.FILE_NAME), "{}");
		assertFalse(RunFolder.read(dfn).halfCell());
		// of one cycle, its retention is 100 % by definition: not drawn as a point at 100 %, not named
		assertEquals(1, RunFolder.read(dfn).cycles().rows(), "the copied cycles.csv has one cycle");
		view.show(dfn);
		loaded(view);
		assertFalse(ids(view.cyclesChart()).contains("retention (%)"), ids(view.cyclesChart()).toString());
		assertEquals("Coulombic efficiency (%)", view.cyclesChart().getAxisSet().getYAxis(1).getTitle().getText());
		assertTrue(wholeTitle(view.cyclesChart()).startsWith("Capacity and Coulombic efficiency"), wholeTitle(view.cyclesChart()));
		// two cycles: the retention drawn
		List<String> lines = Files.readAllLines(dfn.resolve("cycles.csv"));
		Files.writeString(dfn.resolve("cycles.csv"), String.join("\n", lines) + "\n" + lines.get(1).replaceFirst("^1,", "2,") + "\n");
		assertEquals(2, RunFolder.read(dfn).cycles().rows());
		view.show(dfn);
		loaded(view);
		assertTrue(ids(view.cyclesChart()).contains("retention (%)"), ids(view.cyclesChart()).toString());
		assertEquals("CE and retention (%)", view.cyclesChart().getAxisSet().getYAxis(1).getTitle().getText());
		// a retention taken against cycle 2 (NaN at cycle 1) that falls to 50 %: the right axis reaches it (it stayed at
		// 90-100.5 %, the NaN series left out of SWTChart's range, session 22)
		List<String> header = Arrays.asList(lines.get(0).split(","));
		int dc = header.indexOf("discharge_mAh_cm2");
		String[] row = lines.get(1).split(",", -1);
		StringBuilder three = new StringBuilder(lines.get(0)).append('\n');
		for (int k = 1; k <= 3; k++) {
			String[] cells = row.clone();
			cells[0] = String.valueOf(k);
			if (k == 3) cells[dc] = String.valueOf(0.5 * Double.parseDouble(row[dc]));
			three.append(String.join(",", cells)).append('\n');
		}
		Files.writeString(dfn.resolve("cycles.csv"), three.toString());
		String sj = Files.readString(dfn.resolve("summary.json")).strip(); // the member added last: read over any earlier one
		Files.writeString(dfn.resolve("summary.json"), sj.substring(0, sj.lastIndexOf('}')) + ",\"capacity_retention_cycles\":{\"first\":2,\"last\":3}}");
		assertArrayEquals(new int[] { 2, 3 }, RunFolder.read(dfn).summary().capacityRetentionCycles());
		view.show(dfn);
		loaded(view);
		ISeries<?> kept = view.cyclesChart().getSeriesSet().getSeries("retention (%)");
		// cycle 1 has none (NaN): not drawn, where SWTChart drew it at the plot's top edge, read as a value (a soft-shorted
		// run's efficiency "rose" above 100 % in its cycles that stored nothing, session 31 walk); the export keeps the row
		assertArrayEquals(new double[] { 2, 3 }, kept.getXSeries(), "the cycles that have a retention");
		assertTrue(Math.abs(kept.getYSeries()[0] - 100) < 1e-6 && Math.abs(kept.getYSeries()[1] - 50) < 1e-6, Arrays.toString(kept.getYSeries()));
		double[][] exported = org.cellwright.app.views.ChartInteraction.fullData(view.cyclesChart(), kept);
		assertTrue(exported[0].length == 3 && Double.isNaN(exported[1][0]), "the export keeps cycle 1: " + Arrays.toString(exported[1]));
		Range right = view.cyclesChart().getAxisSet().getYAxis(1).getRange();
		assertTrue(right.lower < 50 && right.upper >= 100.5, "the right axis shows the retention's 50 %: " + right);
		view.show(run);
		loaded(view);
		// plating and stripping curves of cycle 1, voltage against the capacity passed in each step
		List<String> vq = ids(view.chart(ResultsView.VOLTAGE_CAPACITY));
		// each named by its first step as the run's messages and the protocol list name it, with its line (rev32: "cycle 1
		// step 0", the solver's flattened index, in the read-out line and the CSV export)
		assertTrue(vq.stream().allMatch(id -> id.matches("cycle 1, step [0-9.]+ \\(.*line \\d+\\)( \\(\\d+\\))?")), vq.toString());
		assertTrue(vq.size() >= 2, "a plating and a stripping curve: " + vq);
		assertTrue(ids(view.chart(ResultsView.OVERPOTENTIALS)).contains("nucleation"), ids(view.chart(ResultsView.OVERPOTENTIALS)).toString());
		// the interlayer cell's map is computed from its .cell file and marks the lithiated interlayer's pore size
		Chart map = view.chart(ResultsView.MECHANISM);
		assertTrue(ids(map).containsAll(List.of("dislocation plasticity", "diffusional creep", "flow stress")), ids(map).toString());
		ISeries<?> pore = Arrays.stream(map.getSeriesSet().getSeries()).filter(s -> s.getId().startsWith("interlayer pore size"))
				.findFirst().orElseThrow(() -> new AssertionError("no pore size marker: " + ids(map)));
		double at5MPa = pore.getXSeries()[0];
		assertTrue(at5MPa > 100 && at5MPa < 1000, "under 5 MPa the lithiated pores stay above 100 nm, below the as-cast 1 um: " + at5MPa);
		assertTrue(map.getAxisSet().getXAxis(0).isLogScaleEnabled() && map.getAxisSet().getYAxis(0).isLogScaleEnabled());
		ISeries<?> creep = map.getSeriesSet().getSeries("diffusional creep"), dis = map.getSeriesSet().getSeries("dislocation plasticity");
		assertTrue(valueAt(creep, 20) < valueAt(dis, 20), "creep is the softer mechanism at 20 nm");
		assertTrue(valueAt(creep, 10_000) > valueAt(dis, 10_000), "dislocation plasticity is the softer one at 10 um");
		Label status = view.bannerLines().get(0);
		assertTrue(status.getText().startsWith("FirstCycleInterlayer  ·  cell Cell2At5MPa  ·  COMPLETED"), status.getText());
		// the experiment's expect clauses were checked by the IDE's run as by the command line: a Checks tab
		assertTrue(Files.isRegularFile(project.getFolder("results/sung2023/experiments.cell/FirstCycleInterlayer/latest/checks.json").getLocation().toFile().toPath()));
		assertNotNull(view.checksTable(), "checks.json, so a Checks tab");
		assertTrue(view.checksTable().getItemCount() > 0, "a row per expect clause");
		// the same interlayer cycled at 34 MPa: pores below 100 nm, where Li deforms by diffusional creep
		view.show(runExperiment("InterlayerHalfCell"));
		loaded(view);
		double at34MPa = Arrays.stream(view.chart(ResultsView.MECHANISM).getSeriesSet().getSeries())
				.filter(s -> s.getId().startsWith("interlayer pore size")).findFirst().orElseThrow().getXSeries()[0];
		assertTrue(at34MPa < 100 && at34MPa < at5MPa, "higher stack pressure, smaller pores: " + at34MPa + " nm");
		ISeries<?> creep34 = view.chart(ResultsView.MECHANISM).getSeriesSet().getSeries("diffusional creep");
		ISeries<?> dis34 = view.chart(ResultsView.MECHANISM).getSeriesSet().getSeries("dislocation plasticity");
		assertTrue(valueAt(creep34, at34MPa) < valueAt(dis34, at34MPa), "creep controls at the marked pore size");
		assertTrue(ids(view.chart(ResultsView.VOLTAGE_CAPACITY)).size() > 2 * 7, "35 cycles: 8 of them drawn, plating and stripping");
		// the study's full cell, activated in one cycle: no retention (it was drawn as a single point at 100 %); its
		// capacity and CE are drawn, and the right axis names the CE only
		view.show(runExperiment("FullCellWithInterlayer"));
		loaded(view);
		assertEquals(1, view.runs().get(0).cycles().rows(), "one cycle");
		assertEquals(List.of("charge (mAh/cm2)", "discharge (mAh/cm2)", "CE (%)"), ids(view.cyclesChart()), "no retention of one cycle");
		assertEquals("Coulombic efficiency (%)", view.cyclesChart().getAxisSet().getYAxis(1).getTitle().getText());
		assertEquals(0, view.chart(ResultsView.VOLTAGE_CAPACITY).getAxisSet().getXAxis(0).getRange().lower, "capacity axis from 0");
	}

	/** The series' y at the point nearest to x (log grid). */
	static double valueAt(ISeries<?> s, double x) {
		int best = 0;
		for (int i = 0; i < s.getXSeries().length; i++)
			if (Math.abs(Math.log(s.getXSeries()[i] / x)) < Math.abs(Math.log(s.getXSeries()[best] / x))) best = i;
		return s.getYSeries()[best];
	}

	@Test
	void comparingTwoRunsOverlaysThemInEveryChart() throws Exception {
		Path bare = runExperiment("FirstCycleBare"), interlayer = runExperiment("FirstCycleInterlayer");
		IFolder b = project.getFolder("results/sung2023/experiments.cell/FirstCycleBare"), i = project.getFolder("results/sung2023/experiments.cell/FirstCycleInterlayer");
		// Project Explorer: both folders selected -> Compare Runs
		EvaluationContext ctx = new EvaluationContext(null, new Object());
		ctx.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, new StructuredSelection(List.of(b, i)));
		ctx.addVariable(ISources.ACTIVE_WORKBENCH_WINDOW_NAME, PlatformUI.getWorkbench().getActiveWorkbenchWindow());
		ctx.addVariable(ISources.ACTIVE_SHELL_NAME, PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
		new ShowResultsHandler().execute(new ExecutionEvent(null, Map.of(), null, ctx));
		ResultsView view = loaded((ResultsView) page.showView(ResultsView.ID));
		assertEquals(List.of(bare, interlayer), view.runs().stream().map(r -> r.folder()).toList());
		for (String tab : CHART_TABS) {
			List<String> ids = ids(view.chart(tab));
			assertTrue(ids.stream().anyMatch(id -> id.startsWith("FirstCycleBare")), tab + ": the bare run: " + ids);
			assertTrue(ids.stream().anyMatch(id -> id.startsWith("FirstCycleInterlayer")), tab + ": the interlayer run: " + ids);
			assertTrue(view.chart(tab).getLegend().isVisible(), tab + " has a legend");
		}
		var voltage = view.chart().getSeriesSet().getSeries();
		assertNotEquals(((org.eclipse.swtchart.ILineSeries<?>) voltage[0]).getLineColor().getRGB(),
				((org.eclipse.swtchart.ILineSeries<?>) voltage[1]).getLineColor().getRGB(), "each run in its own colour");
		// only the interlayer cell has pores to mark
		List<String> map = ids(view.chart(ResultsView.MECHANISM));
		assertTrue(map.stream().anyMatch(id -> id.startsWith("FirstCycleInterlayer: interlayer pore size")), map.toString());
		assertTrue(map.stream().noneMatch(id -> id.startsWith("FirstCycleBare: interlayer pore size")), map.toString());
		assertEquals(2, view.bannerLines().stream().filter(l -> l.getText().contains("COMPLETED")).count());
		// an experiment's folder stands for its latest run, the folder of a file's runs for the latest of each experiment
		assertEquals(List.of(bare), ShowResultsHandler.runFolders(bare.getParent()));
		assertTrue(ShowResultsHandler.runFolders(bare.getParent().getParent()).containsAll(List.of(bare, interlayer)));
		// the view remembers its runs for the next start
		XMLMemento m = XMLMemento.createWriteRoot("view");
		view.saveState(m);
		assertEquals(List.of(bare.toString(), interlayer.toString()),
				Arrays.stream(m.getChildren("run")).map(c -> c.getString("path")).toList());
		assertEquals(List.of(bare, interlayer), ResultsView.restoredRuns(m, null), "restored from the memento");
		Path last = tmp.resolve("last.txt");
		Files.write(last, List.of(interlayer.toString(), tmp.resolve("gone").toString()));
		assertEquals(List.of(interlayer), ResultsView.restoredRuns(null, last), "after a crash: the state file, vanished runs dropped");
	}

	/**
	 * A labelled resistance check (kim2025.cell's "crossrail resistance after formation, 72 wt%, 30 degC":
	 * cathode-interfacial-resistance at probe30), run through the IDE's job, says in the Checks tab what it reads, the
	 * metric and the step group, as its clause in the run's inputs.json says it, beside the study's and the simulated
	 * value with their unit; its clause's file is named as the workspace names it. Before session 26 the row gave the
	 * label only (nothing named the metric nor the group) and the file's absolute path on disk.
	 */
	@Test
	void aLabelledResistanceCheckNamesItsMetricAndGroupAndItsFileAsTheWorkspaceNamesIt() throws Exception {
		IFile kim = project.getFile("sung2023/kim2025.cell");
		ExperimentJob job = new ExperimentJob(kim, "KimCrossrail72");
		job.schedule();
		spin(() -> job.getResult() != null, 300_000, "the experiment KimCrossrail72");
		IdeUITest.flush();
		Path run = RunFolder.resolve(project.getFolder("results/sung2023/kim2025.cell/KimCrossrail72").getLocation().toFile().toPath());
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		view.show(run);
		loaded(view);
		Table checks = view.checksTable();
		assertNotNull(checks, "a Checks tab");
		List<String> columns = java.util.Arrays.stream(checks.getColumns()).map(c -> c.getText()).toList();
		TableItem resistance = checks.getItem(0);
		assertEquals("crossrail resistance after formation, 72 wt%, 30 degC", resistance.getText(columns.indexOf("Quantity")));
		assertEquals("cathode-interfacial-resistance at probe30", resistance.getText(columns.indexOf("Reads")), "the metric and the group");
		assertEquals("18.2 Ohm.cm2 ± 1.8 Ohm.cm2", resistance.getText(columns.indexOf("Study")));
		assertTrue(resistance.getText(columns.indexOf("Simulated")).matches("\\d+\\.\\d+ Ohm\\.cm2"), resistance.getText(columns.indexOf("Simulated")));
		// the clause's line read from the file, not written here: kim2025.cell's header grew by two lines in session 37
		int line = lineOf(kim, "expect \"crossrail resistance after formation, 72 wt%, 30 degC\"");
		assertEquals("10.1016/j.electacta.2025.147413  (" + kim.getFullPath() + ":" + line + ")", resistance.getText(columns.indexOf("Source")),
				"the file as the workspace names it");
	}

	/** The 1-based line of the workspace file that holds text. */
	private static int lineOf(IFile file, String text) throws java.io.IOException {
		List<String> lines = Files.readAllLines(file.getLocation().toFile().toPath(), java.nio.charset.StandardCharsets.UTF_8);
		for (int k = 0; k < lines.size(); k++)
			if (lines.get(k).contains(text)) return k + 1;
		throw new AssertionError("\"" + text + "\" is in no line of " + file.getFullPath());
	}

	@Test
	void aShortCircuitAndFailedChecksAreShownAsStatus() throws Exception {
		Path f = RunFolderTest.run(tmp, "BareHalfCell", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json", RunFolderTest.SUMMARY,
				"checks.json", """
						{"experiment":"BareHalfCell","checks":[
						 {"quantity":"shorts early","expected":"end-time < 100 h","simulated":"46.5 h","pass":true},
						 {"quantity":"initial CE","expected":"89.4 % ± 2 %","simulated":"88.9 %","pass":false},
						 {"quantity":"capacity-retention of cycle 3 relative to cycle 9","expected":"> 90 %","simulated":"-","pass":false,
						  "note":"the reference cycle 9 was not reached"}]}
						""");
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		view.show(f);
		loaded(view);
		Label status = view.bannerLines().get(0);
		assertTrue(status.getText().contains("SHORT_CIRCUIT in cycle 6 at t = 46.5 h: Li filament spans the separator"), status.getText());
		assertEquals(status.getDisplay().getSystemColor(SWT.COLOR_RED).getRGB(), status.getForeground().getRGB(), "in red");
		assertTrue(status.getText().contains("checks: 1 pass, 2 fail"), status.getText());
		assertTrue(view.bannerLines().stream().anyMatch(l -> l.getText().contains("SE reduced at the Li contact")), "solver messages shown");
		Table checks = view.checksTable();
		assertNotNull(checks, "a Checks tab");
		assertEquals(3, checks.getItemCount());
		assertEquals("PASS", checks.getItem(0).getText(0));
		assertEquals("FAIL", checks.getItem(1).getText(0));
		assertEquals("89.4 % ± 2 %", checks.getItem(1).getText(3));
		// a check's note (checks.json's: why it has no value) in the Note column; none for a check without (session 41)
		List<String> columns = java.util.Arrays.stream(checks.getColumns()).map(c -> c.getText()).toList();
		assertTrue(columns.contains("Note"), columns.toString());
		assertEquals("the reference cycle 9 was not reached", checks.getItem(2).getText(columns.indexOf("Note")));
		assertEquals("", checks.getItem(1).getText(columns.indexOf("Note")));
		assertTrue(view.bannerLines().stream().anyMatch(l -> l.getText().contains("cycles.csv: missing")), "missing files are named");
		// no .cell file to take the cell from and no mechanism-map.csv: the map says so instead of failing
		assertTrue(wholeTitle(view.chart(ResultsView.MECHANISM)).contains("mechanism map not available"),
				wholeTitle(view.chart(ResultsView.MECHANISM)));
		// a run folder with its own mechanism-map.csv and inputs.json: the map and the pore size are taken from them
		Path withMap = RunFolderTest.run(tmp, "WithMap", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json", RunFolderTest.SUMMARY,
				"mechanism-map.csv", "size_m,dislocation_MPa,diffusional_creep_MPa,flow_stress_MPa\n1e-8,60,0.5,0.5\n1e-7,40,40,40\n1e-6,20,900,20\n",
				"inputs.json", "{\"cell\":{\"layers\":[{\"role\":\"INTERLAYER\",\"poreSize\":5e-8}]}}");
		view.show(withMap);
		loaded(view);
		Chart map = view.chart(ResultsView.MECHANISM);
		assertArrayEquals(new double[] {10, 100, 1000}, map.getSeriesSet().getSeries("flow stress").getXSeries(), 1e-9, "sizes in nm");
		assertArrayEquals(new double[] {0.5, 40, 20}, map.getSeriesSet().getSeries("flow stress").getYSeries(), 1e-12);
		assertEquals(50, map.getSeriesSet().getSeries("interlayer pore size 50 nm").getXSeries()[0], 1e-9);
		// the map is drawn at the temperature the protocol set (summary.json's mechanism_map.temperature_K), and its title
		// says which, as the report's: it named none (walk31.cell's Cool, "set temperature = 20 degC", session 31 walk)
		Path at20 = RunFolderTest.run(tmp, "At20C", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json",
				RunFolderTest.SUMMARY.strip().replaceFirst("}$", ",\"mechanism_map\":{\"temperature_K\":293.15}}"),
				"mechanism-map.csv", "size_m,dislocation_MPa,diffusional_creep_MPa,flow_stress_MPa\n1e-8,60,0.5,0.5\n1e-7,40,40,40\n1e-6,20,900,20\n",
				"inputs.json", "{\"cell\":{\"layers\":[{\"role\":\"INTERLAYER\",\"poreSize\":5e-8}]}}"); // a pore size to mark: the title then names only the temperature
		view.show(at20);
		loaded(view);
		assertEquals("Deformation-mechanism map of Li at 20 \u00b0C", wholeTitle(view.chart(ResultsView.MECHANISM)));
		// two runs drawn at different temperatures: each named
		Path at25 = RunFolderTest.run(tmp, "At25C", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json",
				RunFolderTest.SUMMARY.strip().replaceFirst("}$", ",\"mechanism_map\":{\"temperature_K\":298.15}}"),
				"mechanism-map.csv", "size_m,dislocation_MPa,diffusional_creep_MPa,flow_stress_MPa\n1e-8,60,0.5,0.5\n1e-7,40,40,40\n1e-6,20,900,20\n",
				"inputs.json", "{\"cell\":{\"layers\":[{\"role\":\"INTERLAYER\",\"poreSize\":5e-8}]}}"); // a pore size to mark: the title then names only the temperature
		view.setRuns(List.of(at20, at25));
		loaded(view);
		assertEquals("Deformation-mechanism map of Li (At20C at 20 \u00b0C; At25C at 25 \u00b0C)", wholeTitle(view.chart(ResultsView.MECHANISM)));
		// a folder that is no run is named, the view stays usable
		view.setRuns(List.of(Files.createDirectories(tmp.resolve("nothing"))));
		loaded(view);
		assertTrue(view.bannerLines().stream().anyMatch(l -> l.getText().contains("not a run folder")));
		assertNull(view.shown());
	}

	/** A completed run whose step ended by solver fallback (summary.json {@code messages}): the warning is a banner line. */
	@Test
	void aStepEndWarningOfACompletedRunIsShown() throws Exception {
		String warning = "warning: cycle 2, step 3 (solver-failure at 12.5 h): the discharge at 1.4 mA/cm2 ended at 3.512 V "
				+ "after 2.1 h without reaching 2.8 V: the solver found no solution of the next time step";
		Path f = RunFolderTest.run(tmp, "WithStepEndWarning", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json",
				"{\"cell\":\"Cell3At34MPa\",\"area_cm2\":0.785,\"status\":\"COMPLETED\",\"end_time_h\":46.5,\"messages\":[\""
						+ warning + "\"]}");
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		view.show(f);
		loaded(view);
		Label line = view.bannerLines().stream().filter(l -> l.getText().contains(warning)).findFirst()
				.orElseThrow(() -> new AssertionError("the warning is shown: " + view.bannerLines().stream().map(Label::getText).toList()));
		assertEquals(line.getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW).getRGB(), line.getForeground().getRGB(),
				"a warning of a completed run, not an error");
		assertTrue(view.bannerLines().get(0).getText().contains("COMPLETED"), view.bannerLines().get(0).getText());
	}

	/**
	 * A completed run that showed a soft short (summary.json {@code soft_short}; issue 13 audit: it was only a message
	 * line): the status line says "soft short: cycle N, step M at T h: cause" in red, like a hard short's. Its warning
	 * (among the run's messages) is not listed again under it: it was, the one event twice; the count of later soft
	 * shorts, another message, stays.
	 */
	@Test
	void aSoftShortIsShownInTheStatusLineLikeAHardShort() throws Exception {
		String reason = "warning: cycle 12, step 1: soft short: the charge at 0.1 mA/cm2 ran into its time limit without reaching 4.3 V";
		Path f = RunFolderTest.run(tmp, "WithSoftShort", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json",
				"{\"cell\":\"Cell2At65MPa\",\"area_cm2\":0.785,\"status\":\"COMPLETED\",\"end_time_h\":480.0,"
						+ "\"soft_short\":{\"cycle\":12,\"time_h\":301.4,\"reason\":\"" + reason + "\"},"
						+ "\"messages\":[\"SOFT_SHORT: " + reason + "\",\"SOFT_SHORT: warning: the soft short showed again 3 times, the last in cycle 20\"]}");
		ResultsView view = shown(f);
		Label status = view.bannerLines().get(0);
		assertTrue(status.getText().contains("COMPLETED, 480.0 h simulated  ·  soft short: cycle 12, step 1 at 301.4 h"), status.getText());
		// its cause, as the run folder's reader gives it (this summary.json was written before it kept the cause)
		assertTrue(status.getText().contains("301.4 h: the charge at 0.1 mA/cm2 ran into its time limit without reaching 4.3 V"), status.getText());
		assertEquals(status.getDisplay().getSystemColor(SWT.COLOR_RED).getRGB(), status.getForeground().getRGB(), "in red");
		List<String> lines = view.bannerLines().stream().map(Label::getText).toList();
		assertEquals(1, lines.stream().filter(l -> l.contains("ran into its time limit")).count(), "the event once: " + lines);
		assertFalse(lines.stream().anyMatch(l -> l.contains(reason)), "its warning not listed again: " + lines);
		assertTrue(lines.stream().anyMatch(l -> l.contains("showed again 3 times")), "the later ones' count under it: " + lines);
	}

	/**
	 * summary.json's soft_short names its step ({@code step}): the status line takes it from there (it took it out of
	 * the warning's words with a regular expression, so a warning worded otherwise lost it); a soft short of a cycle's
	 * efficiency ({@code step} null) names none.
	 */
	@Test
	void aSoftShortsStepIsReadFromItsOwnMember() throws Exception {
		Path f = RunFolderTest.run(tmp, "WithSoftShortStep", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json",
				"{\"cell\":\"Cell2At65MPa\",\"area_cm2\":0.785,\"status\":\"COMPLETED\",\"end_time_h\":480.0,"
						+ "\"soft_short\":{\"cycle\":12,\"step\":4,\"time_h\":301.4,\"reason\":\"warning: a soft short in the fourth step\","
						+ "\"cause\":\"a leak\"},\"messages\":[]}");
		Path g = RunFolderTest.run(tmp, "WithCycleSoftShort", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json",
				"{\"cell\":\"Cell2At65MPa\",\"area_cm2\":0.785,\"status\":\"COMPLETED\",\"end_time_h\":480.0,"
						+ "\"soft_short\":{\"cycle\":3,\"step\":null,\"time_h\":30.0,\"reason\":\"warning: cycle 3: soft short: low CE\","
						+ "\"cause\":\"low CE\"},\"messages\":[]}");
		ResultsView view = shown(f);
		String status = view.bannerLines().get(0).getText();
		assertTrue(status.contains("soft short: cycle 12, step 4 at 301.4 h: a leak"), status);
		view.show(g);
		loaded(view);
		status = view.bannerLines().get(0).getText();
		assertTrue(status.contains("soft short: cycle 3 at 30.0 h: low CE"), status);
		// a run since session 31 names the step as its warning does (soft_short.step_name, StepNumbers: the report's
		// number and the file line), not by timeseries.csv's index
		Path h = RunFolderTest.run(tmp, "WithNamedSoftShortStep", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json",
				"{\"cell\":\"Cell2At65MPa\",\"area_cm2\":0.785,\"status\":\"COMPLETED\",\"end_time_h\":480.0,"
						+ "\"soft_short\":{\"cycle\":12,\"step\":4,\"step_name\":\"step 2.1 (line 6)\",\"time_h\":301.4,"
						+ "\"reason\":\"warning: cycle 12, step 2.1 (line 6): soft short: a leak\",\"cause\":\"a leak\"},\"messages\":[]}");
		view.show(h);
		loaded(view);
		status = view.bannerLines().get(0).getText();
		assertTrue(status.contains("soft short: cycle 12, step 2.1 (line 6) at 301.4 h: a leak"), status);
	}

	/**
	 * A sweep's variant (run named "sweep/variant") is said to be a variant of the experiment's cell: its header read
	 * "cell Cell2At34MPa" beside "stack-pressure=65MPa", which the cell's name contradicted; an experiment's run names
	 * its cell alone.
	 */
	@Test
	void aSweepVariantsHeaderSaysItIsAVariantOfTheCell() throws Exception {
		Path f = RunFolderTest.run(tmp, "stack-pressure=65MPa", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json",
				"{\"cell\":\"Cell2At34MPa\",\"area_cm2\":0.785,\"status\":\"COMPLETED\",\"end_time_h\":10.0,\"messages\":[],"
						+ "\"run\":{\"name\":\"PressureSweep/stack-pressure=65MPa\",\"experiment\":\"FirstCycle\"}}");
		ResultsView view = shown(f);
		String status = view.bannerLines().get(0).getText();
		assertTrue(status.contains("  ·  cell Cell2At34MPa, variant stack-pressure=65MPa  ·  COMPLETED"), status);
		// as the pipeline names a variant (experiment and values) beside its sweep's sweep.csv: the values as the table
		// names them (the line gave "variant InterlayerHalfCell-stack-pressure=65MPa-temperature=60degC", seen in the
		// product after the study's sweep PressureAndTemperature)
		Path sweep = Files.createDirectories(tmp.resolve("PressureAndTemperature/20261206-021107-88747f"));
		Files.writeString(sweep.resolve("sweep.csv"), "run,stack-pressure,temperature,status,cycles\n"
				+ "InterlayerHalfCell-stack-pressure=65MPa-temperature=60degC,65MPa,60degC,COMPLETED,35\n");
		Path v = RunFolderTest.run(sweep, "InterlayerHalfCell-stack-pressure=65MPa-temperature=60degC", "timeseries.csv", RunFolderTest.TIMESERIES,
				"summary.json", "{\"cell\":\"Cell2At34MPa\",\"area_cm2\":0.785,\"status\":\"COMPLETED\",\"end_time_h\":10.0,\"messages\":[],"
						+ "\"run\":{\"name\":\"PressureAndTemperature/InterlayerHalfCell-stack-pressure=65MPa-temperature=60degC\","
						+ "\"experiment\":\"PressureAndTemperature/InterlayerHalfCell-stack-pressure=65MPa-temperature=60degC\"}}");
		view.show(v);
		loaded(view);
		status = view.bannerLines().get(0).getText();
		assertTrue(status.contains("  ·  cell Cell2At34MPa, variant stack-pressure=65MPa, temperature=60degC  ·  COMPLETED"), status);
		Path g = RunFolderTest.run(tmp, "PlainRun", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json",
				"{\"cell\":\"Cell2At34MPa\",\"area_cm2\":0.785,\"status\":\"COMPLETED\",\"end_time_h\":10.0,\"messages\":[],"
						+ "\"run\":{\"name\":\"FirstCycle\",\"experiment\":\"FirstCycle\"}}");
		view.show(g);
		loaded(view);
		status = view.bannerLines().get(0).getText();
		assertTrue(status.startsWith("FirstCycle  ·  cell Cell2At34MPa  ·  COMPLETED"), status);
	}

	/** A chart's whole title: its tool tip where the title shown is shortened to the chart's width. */
	static String wholeTitle(Chart c) {
		return c.getToolTipText() != null ? c.getToolTipText() : c.getTitle().getText();
	}

	/**
	 * A run with a long name (a sweep variant's: sweep, experiment and its values): the voltage chart's title fits the
	 * chart, start and end kept, the whole title its tool tip, and it is fitted again when the view is resized. SWTChart
	 * drew it centred and clipped at both ends ("essureAndTemperature/...-tempe"): neither "Cell voltage" nor the
	 * variant's values could be read.
	 */
	@Test
	void aLongRunNameIsShortenedToFitTheChartsTitle() throws Exception {
		String name = "InterlayerHalfCell-stack-pressure=65MPa-temperature=60degC-separator-thickness=699um-interlayer-porosity=0.45";
		Path f = RunFolderTest.run(tmp, name, "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json", RunFolderTest.SUMMARY);
		ResultsView view = shown(f);
		Chart c = view.chart();
		IdeUITest.flush();
		String whole = "Cell voltage: " + name;
		assertEquals(whole, wholeTitle(c), "the whole title kept");
		assertTitleFits(c, whole);
		// made narrower: fitted again
		org.eclipse.swt.widgets.Shell shell = c.getShell();
		org.eclipse.swt.graphics.Point size = shell.getSize();
		try {
			shell.setSize(Math.max(700, size.x * 2 / 3), size.y);
			IdeUITest.flush();
			DocsScreenshotsUITest.settle(300);
			assertTitleFits(c, whole);
		} finally {
			shell.setSize(size);
			IdeUITest.flush();
		}
	}

	private static void assertTitleFits(Chart c, String whole) {
		String shown = c.getTitle().getText();
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(c);
		gc.setFont(c.getTitle().getFont());
		int width = gc.textExtent(shown).x, wholeWidth = gc.textExtent(whole).x;
		gc.dispose();
		int chart = c.getClientArea().width;
		assertTrue(wholeWidth > chart, "the test's title is wider than the chart: " + wholeWidth + " > " + chart + " px");
		assertTrue(width <= chart, "the title shown fits the chart: " + width + " <= " + chart + " px: " + shown);
		int dots = shown.indexOf('\u2026');
		assertTrue(dots > 0 && dots < shown.length() - 1, "shortened around an ellipsis: " + shown);
		String head = shown.substring(0, dots), tail = shown.substring(dots + 1);
		assertTrue(whole.startsWith(head) && whole.endsWith(tail) && head.startsWith("Cell voltage: ")
				&& tail.endsWith("=0.45"), "its start and its end kept around the ellipsis: " + shown);
	}

	/**
	 * An experiment without expect clauses writes checks.json with no checks: the status line said "checks: 0 pass, 0
	 * fail" and an empty Checks tab was shown; now neither is.
	 */
	@Test
	void aRunWithoutChecksShowsNoCheckCountAndNoChecksTab() throws Exception {
		Path f = RunFolderTest.run(tmp, "NoExpect", "timeseries.csv", RunFolderTest.TIMESERIES, "summary.json",
				"{\"cell\":\"C\",\"area_cm2\":0.785,\"status\":\"COMPLETED\",\"end_time_h\":2.0}", "checks.json",
				"{\"experiment\":\"NoExpect\",\"checks\":[]}");
		ResultsView view = shown(f);
		String status = view.bannerLines().get(0).getText();
		assertTrue(status.contains("COMPLETED"), status);
		assertFalse(status.contains("checks:"), "no checks to count: " + status);
		assertTrue(view.runs().get(0).folder().endsWith("NoExpect"), "this run shown: " + status);
		assertNull(view.checksTable(), "no Checks tab without checks");
	}

	@Test
	void zoomPanResetReadOutAndExport() throws Exception {
		Path run = runExperiment("FirstCycleBare");
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		view.show(run);
		loaded(view);
		view.selectTab(ResultsView.VOLTAGE);
		IdeUITest.flush();
		Chart c = view.chart();
		Control plot = c.getPlotArea().getControl();
		Range full = c.getAxisSet().getXAxis(0).getRange();
		int mx = plot.getSize().x / 2, my = plot.getSize().y / 2;
		mouse(plot, SWT.MouseVerticalWheel, mx, my, 0, 3);
		Range zoomed = c.getAxisSet().getXAxis(0).getRange();
		assertTrue(zoomed.upper - zoomed.lower < 0.9 * (full.upper - full.lower), "the wheel zooms in: " + zoomed + " of " + full);
		// right-drag pans to the right by a quarter of the plot
		mouse(plot, SWT.MouseDown, mx, my, 3, 1);
		mouse(plot, SWT.MouseMove, mx - plot.getSize().x / 4, my, 0, 0);
		mouse(plot, SWT.MouseUp, mx - plot.getSize().x / 4, my, 3, 1);
		Range panned = c.getAxisSet().getXAxis(0).getRange();
		assertTrue(panned.lower > zoomed.lower, "panned: " + panned + " after " + zoomed);
		assertEquals(zoomed.upper - zoomed.lower, panned.upper - panned.lower, 1e-6 * (full.upper - full.lower), "panning keeps the zoom");
		// a box drawn with the left button zooms into it
		mouse(plot, SWT.MouseDown, mx - 50, my - 40, 1, 1);
		mouse(plot, SWT.MouseMove, mx + 50, my + 40, 0, 0);
		mouse(plot, SWT.MouseUp, mx + 50, my + 40, 1, 1);
		Range boxed = c.getAxisSet().getXAxis(0).getRange();
		assertTrue(boxed.upper - boxed.lower < panned.upper - panned.lower, "box zoom: " + boxed);
		// the read-out names the coordinates under the pointer
		mouse(plot, SWT.MouseMove, mx, my, 0, 0);
		String text = view.readout().getText();
		assertTrue(text.startsWith("Time (h) = ") && text.contains("Voltage (V) = "), text);
		double t = Double.parseDouble(text.replaceFirst("Time \\(h\\) = ([-0-9.eE]+),.*", "$1"));
		assertTrue(t >= boxed.lower && t <= boxed.upper, t + " within " + boxed);
		// double click resets
		mouse(plot, SWT.MouseDoubleClick, mx, my, 1, 2);
		Range reset = c.getAxisSet().getXAxis(0).getRange();
		assertEquals(full.upper - full.lower, reset.upper - reset.lower, 1e-3 * (full.upper - full.lower), "all data again: " + reset);
		// export
		Path png = tmp.resolve("v.png"), csv = tmp.resolve("v.csv");
		ChartInteraction.exportPng(c, png);
		byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
		assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, "a PNG file");
		ChartInteraction.exportCsv(c, csv);
		List<String> lines = Files.readAllLines(csv);
		assertEquals("series,x,y,x_quantity,y_quantity", lines.get(0));
		assertEquals(1 + ChartInteraction.fullData(c, c.getSeriesSet().getSeries()[0])[0].length, lines.size(), "one row per point");
		assertTrue(lines.get(1).startsWith("FirstCycleBare,") && lines.get(1).endsWith(",Time (h),Voltage (V)"), lines.get(1));
	}

	static void mouse(Control c, int type, int x, int y, int button, int count) {
		Event e = new Event();
		e.x = x;
		e.y = y;
		e.button = button;
		e.count = count;
		e.doit = true;
		c.notifyListeners(type, e);
	}

	/** Selects the Outline's top-level item of this text (for the active editor) and activates the Outline. */
	org.eclipse.swt.widgets.TreeItem selectInOutline(String text) throws Exception {
		var outline = (org.eclipse.ui.views.contentoutline.ContentOutline) page.showView(org.eclipse.ui.IPageLayout.ID_OUTLINE);
		// the Outline fills its tree from the editor's parse, in the background: wait (running the event loop) until it has the item
		var item = IdeUITest.await(() -> outline.getCurrentPage() instanceof org.eclipse.ui.views.contentoutline.ContentOutlinePage p
				&& p.getControl() instanceof org.eclipse.swt.widgets.Tree t
						? Arrays.stream(t.getItems()).filter(i -> i.getText().equals(text)).findFirst().orElse(null)
						: null,
				30_000, text + " in the Outline");
		((org.eclipse.ui.views.contentoutline.ContentOutlinePage) outline.getCurrentPage()).setSelection(new StructuredSelection(item.getData()));
		page.activate(outline);
		IdeUITest.flush();
		return item;
	}

	@Test
	void theOutlineRunsTheSelectedExperiment() throws Exception {
		org.eclipse.ui.IEditorPart editor = org.eclipse.ui.ide.IDE.openEditor(page, experiments, true);
		var tree = selectInOutline("experiment NucleationInterlayer").getParent();
		IFolder folder = project.getFolder("results/sung2023/experiments.cell/NucleationInterlayer");
		if (folder.exists()) folder.delete(true, null);
		var menu = tree.getMenu();
		assertNotNull(menu, "the Outline has a context menu");
		menu.notifyListeners(SWT.Show, new Event());
		var run = Arrays.stream(menu.getItems()).filter(m -> m.getText().startsWith("Run Experiment")).findFirst()
				.orElseThrow(() -> new AssertionError("Run Experiment in " + Arrays.toString(menu.getItems())));
		run.notifyListeners(SWT.Selection, new Event());
		menu.notifyListeners(SWT.Hide, new Event());
		spin(() -> folder.getFolder("latest").getFile("summary.json").exists(), 120_000, "the selected experiment to run");
		waitForJobs();
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		spin(() -> view.shown() != null && view.shown().getParent().endsWith("NucleationInterlayer"), 10_000, "the Results view to show it");
		page.closeEditor(editor, false);
	}

	/**
	 * A sweep selected in the Outline runs from its context menu (Run Sweep), alone: the Outline had a menu for an
	 * experiment only, so a sweep ran only with the whole file (the study's: 20 experiments before it).
	 */
	@Test
	void theOutlineRunsTheSelectedSweep() throws Exception {
		IProject p = IdeUITest.newProject("outline-sweep");
		try {
			IFile f = IdeUITest.newFile(p, "s.cell", org.cellwright.testing.PlatingCell.file("5 MPa")
					+ "sweep Pressures { experiment X vary stack-pressure in 5 MPa, 20 MPa }\n");
			org.eclipse.ui.IEditorPart editor = org.eclipse.ui.ide.IDE.openEditor(page, f, true);
			var menu = selectInOutline("sweep Pressures").getParent().getMenu();
			menu.notifyListeners(SWT.Show, new Event());
			List<String> labels = Arrays.stream(menu.getItems()).map(m -> m.getText()).toList();
			var run = Arrays.stream(menu.getItems()).filter(m -> m.getText().startsWith("Run Sweep")).findFirst()
					.orElseThrow(() -> new AssertionError("Run Sweep in " + labels));
			assertFalse(labels.stream().anyMatch(l -> l.startsWith("Run Experiment")), "a sweep is not an experiment: " + labels);
			run.notifyListeners(SWT.Selection, new Event());
			menu.notifyListeners(SWT.Hide, new Event());
			Path sweep = p.getLocation().toFile().toPath().resolve("results/s/Pressures");
			spin(() -> org.cellwright.run.store.RunStore.latest(sweep) != null
					&& java.nio.file.Files.isRegularFile(org.cellwright.run.store.RunStore.latest(sweep).resolve(org.cellwright.run.folder.RunFiles.SWEEP_TABLE)),
					120_000, "the selected sweep to run");
			waitForJobs();
			assertFalse(p.getFolder("results/s/X").exists(), "only the sweep ran, not the file's experiment X");
			page.closeEditor(editor, false);
		} finally {
			p.delete(true, true, null);
		}
	}

	@Test
	void aLaunchConfigurationRunsOneExperiment() throws Exception {
		ILaunchConfigurationWorkingCopy wc = ExperimentLaunchShortcut.configurationFor(experiments).getWorkingCopy();
		assertEquals("/examples/sung2023/experiments.cell", wc.getAttribute(ExperimentLaunch.FILE, ""));
		wc.setAttribute(ExperimentLaunch.EXPERIMENT, "NucleationBare");
		IFolder folder = project.getFolder("results/sung2023/experiments.cell/NucleationBare");
		if (folder.exists()) folder.delete(true, null);
		wc.launch("run", null);
		ExperimentJob job = ExperimentLaunch.lastJob();
		assertNotNull(job, "the launch scheduled a job");
		spin(() -> job.getResult() != null, 60_000, "the launched experiment");
		assertTrue(job.getResult().isOK(), job.getResult().toString());
		assertTrue(folder.getFolder("latest").getFile("summary.json").exists(), "only the chosen experiment ran and wrote its folder");
		assertEquals(List.of("NucleationBare"), job.outcomes().stream().map(o -> o.experiment()).toList(), "only the chosen experiment ran");
	}

	/**
	 * A saved configuration of one experiment opens in Run Configurations with that experiment chosen (the file's
	 * text set first used to fill the list with the previous choice, so it showed, and applied, all experiments).
	 */
	@Test
	void aSavedConfigurationOpensWithItsExperimentChosen() throws Exception {
		ILaunchConfigurationWorkingCopy wc = ExperimentLaunchShortcut.configurationFor(experiments).getWorkingCopy();
		wc.setAttribute(ExperimentLaunch.EXPERIMENT, "NucleationBare");
		org.eclipse.swt.widgets.Shell shell = new org.eclipse.swt.widgets.Shell(page.getWorkbenchWindow().getShell());
		try {
			var tab = new org.cellwright.app.launch.ExperimentTab();
			tab.createControl(shell);
			tab.initializeFrom(wc);
			ILaunchConfigurationWorkingCopy applied = wc.copy("applied");
			applied.setAttribute(ExperimentLaunch.EXPERIMENT, "");
			tab.performApply(applied);
			assertEquals("NucleationBare", applied.getAttribute(ExperimentLaunch.EXPERIMENT, ""), "the saved experiment is the one chosen");
			wc.setAttribute(ExperimentLaunch.EXPERIMENT, "");
			tab.initializeFrom(wc);
			tab.performApply(applied);
			assertEquals("", applied.getAttribute(ExperimentLaunch.EXPERIMENT, "?"), "a configuration of the whole file: all experiments");
		} finally {
			shell.dispose();
		}
	}

	@Test
	void aRunReportsCycleProgressAndCanBeCancelled() throws Exception {
		IFile longCycling = project.getFile("sung2023/long-cycling.cell");
		ExperimentJob job = new ExperimentJob(longCycling, "FullCellLongCycling") {
			@Override
			protected void progressed(String text) {
				if (text.contains("cycle 3 of")) cancel();
			}
		};
		job.schedule();
		spin(() -> job.getResult() != null, 120_000, "the cancelled job");
		assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().toString());
		// the step named as the run's warnings and the report's protocol list name it (StepNumbers: its number as written,
		// "2.3" in the cycling repeat, and the file line), not "step 1203 of 2400" over the flattened protocol (msg31b)
		assertTrue(job.progressText().matches("FullCellLongCycling: cycle \\d+ of \\d+, t = [0-9.]+ h \\(step \\d+(\\.\\d+)* \\([^()]*line \\d+\\)\\)"),
				job.progressText());
		assertTrue(job.progressText().contains("cycle 3 of "), job.progressText());
		String summary = Files.readString(project.getFolder("results/sung2023/long-cycling.cell/FullCellLongCycling/latest").getFile("summary.json")
				.getLocation().toFile().toPath());
		assertTrue(summary.contains("\"CANCELLED\""), "the run stopped as cancelled and kept what it had: " + summary);
	}
}
