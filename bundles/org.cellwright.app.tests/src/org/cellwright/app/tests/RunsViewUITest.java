package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.flush;
import static org.cellwright.app.tests.IdeUITest.spin;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.app.ExperimentJob;
import org.cellwright.app.views.ResultsView;
import org.cellwright.app.views.RunsView;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.PlatingCell;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * The IDE runs a file's experiments and sweeps through the one pipeline, into the project's run store; every run is
 * kept; the Runs view lists the history with what changed, and selecting two compares them.
 */
class RunsViewUITest extends ProjectUITest {

	static String cell(String pressure) {
		return PlatingCell.cell("t", "2.5 mS/cm", pressure) + PlatingCell.protocol("0.1 mA/cm2") + """
				experiment X { cell C protocol P expect status = completed }
				sweep Sw { experiment X vary stack-pressure in 5 MPa, 20 MPa }
				""";
	}


	static ExperimentJob run(IFile f, String only) {
		ExperimentJob job = new ExperimentJob(f, only);
		job.schedule();
		spin(() -> job.getResult() != null, 120_000, "the runs of " + f.getName());
		assertTrue(job.getResult().getSeverity() <= IStatus.WARNING, job.getResult().toString());
		return job;
	}

	/**
	 * a/t.cell and b/t.cell of one project run in the IDE: each into a history of its own, results/a/t.cell/ and
	 * results/b/t.cell/ (RunStore.historyKey; before, both into results/t/, one runs.csv, b's run "changed" against a's),
	 * and the Runs view lists both, each its file's first run.
	 */
	@Test
	void twoFilesOfOneNameInTwoFoldersRunIntoTwoHistoriesAndTheRunsViewListsBoth() throws Exception {
		project = IdeUITest.newProject("runs-two-folders");
		for (String d : List.of("a", "b")) project.getFolder(d).create(true, true, null);
		IFile a = IdeUITest.newFile(project, "a/t.cell", cell("5 MPa")), b = IdeUITest.newFile(project, "b/t.cell", cell("20 MPa"));
		run(a, "X");
		run(b, "X");
		Path here = project.getLocation().toFile().toPath();
		assertEquals(5, pressureMPa(here.resolve("results/a/t.cell/X")), 1e-9, "a's run in a's history");
		assertEquals(20, pressureMPa(here.resolve("results/b/t.cell/X")), 1e-9, "b's run in b's history");
		assertFalse(Files.exists(here.resolve("results/t")), "no shared history");
		RunsView view = (RunsView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(RunsView.ID);
		view.refresh();
		flush();
		List<RunsView.Run> mine = view.runs().stream().filter(r -> r.folder().startsWith(here)).toList();
		assertEquals(List.of(here.resolve("results/a/t.cell"), here.resolve("results/b/t.cell")),
				mine.stream().map(RunsView.Run::store).sorted().toList(), "both listed, each from its history: " + mine);
		assertEquals(List.of("first run", "first run"), mine.stream().map(r -> r.row().change()).toList(), "neither compared with the other file's run");
	}

	/** The stack pressure [MPa] of an experiment folder's latest run. */
	private static double pressureMPa(Path experiment) {
		return org.cellwright.run.folder.RunFolder.read(experiment).inputs().cell().stackPressure() / 1e6;
	}

	@Test
	void theIdeRunsSweepsKeepsEveryRunAndTheRunsViewComparesTwo() throws Exception {
		project = IdeUITest.newProject("runs-history");
		IFile f = IdeUITest.newFile(project, "t.cell", cell("5 MPa"));

		ExperimentJob all = run(f, null);
		assertEquals(List.of("X", "Sw/X-stack-pressure=5MPa", "Sw/X-stack-pressure=20MPa"),
				all.outcomes().stream().map(ExperimentJob.Outcome::experiment).toList(), "the experiment and the sweep's runs");
		Path results = project.getLocation().toFile().toPath().resolve("results/t");
		Path sweepRun = RunStore.latest(results.resolve("Sw"));
		assertTrue(Files.isRegularFile(sweepRun.resolve("X-stack-pressure=20MPa/summary.json")), "the sweep's runs in the run store");
		assertTrue(Files.isRegularFile(sweepRun.resolve("sweep.csv")), "with the sweep's table");

		// a launch of several runs brings up the Runs view with the launch's runs selected, each with its checks, and the
		// Results view overlays them, as selecting them there does (before session 27 it showed the last run only while
		// the Runs view selected all); a sweep's variants, of one run id, told apart by their values
		IWorkbenchPage page0 = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		spin(() -> page0.findView(RunsView.ID) instanceof RunsView v && v.table().getSelectionCount() == 3, 20_000,
				"the Runs view to come up with the launch's three runs selected");
		RunsView launched = (RunsView) page0.findView(RunsView.ID);
		assertTrue(page0.isPartVisible(launched), "the Runs view is in view");
		List<Path> selected = java.util.Arrays.stream(launched.table().getSelection()).map(i -> ((RunsView.Run) i.getData()).folder()).sorted().toList();
		assertEquals(all.outcomes().stream().map(o -> o.folder().normalize()).sorted().toList(), selected, "the launch's runs selected");
		ResultsView launchShown = (ResultsView) page0.findView(ResultsView.ID);
		spin(() -> launchShown.whenLoaded().isDone() && launchShown.runs().size() == 3, 60_000, "the Results view to show the launch's three runs");
		assertEquals(selected, launchShown.runs().stream().map(r -> r.folder().normalize()).sorted().toList(), "the Results view shows the runs selected");
		for (int i : launched.table().getSelectionIndices()) // a sweep's variants are not checked (RunUnit.checked)
			assertEquals(launched.text(i, "experiment").equals("X") ? "1 pass" : "", launched.text(i, "checks"),
					"the experiment's expect clause, passed: " + launched.text(i, "experiment"));
		List<String> variants = java.util.Arrays.stream(launched.table().getSelectionIndices())
				.mapToObj(i -> launched.text(i, "experiment") + " | " + launched.text(i, "variant")).sorted().toList();
		assertEquals(List.of("Sw | stack-pressure=20MPa", "Sw | stack-pressure=5MPa", "X | "), variants, "the variants by their values");
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(launched.table());
		try {
			int w = launched.table().getColumn(RunsView.COLUMNS.indexOf("variant")).getWidth();
			assertTrue(w >= gc.textExtent("stack-pressure=20MPa").x, "the variant column fits its values: " + w);
			// the run's id and time whole (cut at 170 and 110 pixels: "...-470ef", "2026-12-05 12:3")
			for (String c : List.of("run", "time (UTC)")) {
				int cw = launched.table().getColumn(RunsView.COLUMNS.indexOf(c)).getWidth();
				for (int i = 0; i < launched.table().getItemCount(); i++)
					assertTrue(cw >= gc.textExtent(launched.text(i, c)).x, "the " + c + " column (" + cw + " px) fits " + launched.text(i, c));
			}
		} finally {
			gc.dispose();
		}
		Screenshots.settle(1500);
		assertTrue(launched.table().isVisible() && launched.table().getSize().x > 200 && launched.table().getSize().y > 50,
				"the table on the screen: " + launched.table().getSize());
		Screenshots.window(launched.getSite().getShell(), Path.of("target", "screenshots", "runs-view-after-a-launch.png"));

		f.setContents(new ByteArrayInputStream(cell("20 MPa").getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		run(f, "X");
		assertTrue(project.getFolder("results/t/X").exists());

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		RunsView view = (RunsView) page.showView(RunsView.ID);
		view.refresh();
		flush();
		Path here = project.getLocation().toFile().toPath();
		List<RunsView.Run> mine = view.runs().stream().filter(r -> r.folder().startsWith(here)).toList();
		List<RunsView.Run> xs = mine.stream().filter(r -> r.row().name().equals("X")).toList();
		assertEquals(2, xs.size(), "both runs of X are kept and listed: " + view.runs());
		assertEquals("stack-pressure 5 MPa -> 20 MPa", xs.get(0).row().change(), "newest first, with what changed");
		assertEquals("first run", xs.get(1).row().change());
		assertEquals(4, mine.size(), "X twice and the sweep's two runs: " + mine);
		assertEquals(view.runs().size(), view.table().getItemCount(), "a row per run of the workspace");

		// selecting the two runs of X compares them in the Results view
		int[] rows = { view.runs().indexOf(xs.get(0)), view.runs().indexOf(xs.get(1)) };
		view.table().setSelection(rows);
		view.table().notifyListeners(SWT.Selection, new Event());
		ResultsView shown = (ResultsView) page.findView(ResultsView.ID);
		assertNotNull(shown);
		spin(() -> shown.whenLoaded().isDone() && shown.runs().size() == 2, 60_000, "the Results view to show both runs");
		assertEquals(List.of(xs.get(0).folder(), xs.get(1).folder()).stream().sorted().toList(),
				shown.runs().stream().map(r -> r.folder()).sorted().toList());
		// a curve per run, each named by its run id (both were "t/X": one legend entry, the second curve over the first)
		List<String> curves = java.util.Arrays.stream(shown.chart().getSeriesSet().getSeries()).map(s -> s.getId()).sorted().toList();
		assertEquals(xs.stream().map(r -> "X (" + r.folder().getFileName() + ")").sorted().toList(), curves);

		// Run Again (context menu) on a sweep's variant runs its sweep again from the .cell file, as it is now
		RunsView.Run variant = mine.stream().filter(r -> !r.row().group().isEmpty() && !r.row().name().equals(r.row().group()))
				.findFirst().orElseThrow(() -> new AssertionError("a sweep variant: " + mine));
		view.table().setSelection(view.runs().indexOf(variant));
		ExperimentJob again = view.runAgain();
		assertNotNull(again, "the run's .cell file found from its inputs.json");
		spin(() -> again.getResult() != null, 180_000, "the sweep run again");
		assertTrue(again.getResult().getSeverity() <= IStatus.WARNING, again.getResult().toString());
		view.refresh();
		flush();
		List<RunsView.Run> after = view.runs().stream().filter(r -> r.folder().startsWith(here)).toList();
		assertEquals(6, after.size(), "the sweep's two variants once more: " + after);

		// Run Again on an experiment's run goes through the one pipeline: checked against its expect clause, which its
		// inputs.json records as data, so that a re-run from there (./cellwright run RUN/inputs.json) checks it too
		RunsView.Run lastX = after.stream().filter(r -> r.row().name().equals("X")).findFirst().orElseThrow();
		view.table().setSelection(view.runs().indexOf(lastX));
		ExperimentJob againX = view.runAgain();
		assertNotNull(againX);
		spin(() -> againX.getResult() != null, 180_000, "X run again");
		assertTrue(againX.getResult().getSeverity() <= IStatus.WARNING, againX.getResult().toString());
		view.refresh();
		flush();
		RunsView.Run newX = view.runs().stream().filter(r -> r.folder().startsWith(here) && r.row().name().equals("X")).findFirst().orElseThrow();
		assertNotEquals(lastX.folder(), newX.folder(), "a new run of X");
		assertEquals("1 pass", view.text(view.runs().indexOf(newX), "checks"));
		var recorded = org.cellwright.run.folder.RunFolder.read(newX.folder()).inputs().expectations();
		assertNotNull(recorded, "inputs.json records the expect clauses");
		assertEquals(List.of("status"), recorded.stream().map(e -> e.metric()).toList(), recorded.toString());
	}

	/**
	 * A launch of more runs than the Results view overlays ({@link ExperimentJob#OVERLAID}; the study's experiments.cell
	 * has 21) shows its last run there, and the Runs view selects that run: the two views agree on what is shown.
	 */
	@Test
	void aLaunchOfManyRunsShowsItsLastRunAndTheRunsViewSelectsThatOne() throws Exception {
		project = IdeUITest.newProject("runs-many");
		String values = String.join(", ", java.util.stream.IntStream.rangeClosed(1, ExperimentJob.OVERLAID).mapToObj(i -> (5 * i) + " MPa").toList());
		IFile f = IdeUITest.newFile(project, "t.cell", cell("5 MPa").replace("vary stack-pressure in 5 MPa, 20 MPa", "vary stack-pressure in " + values));
		ExperimentJob all = run(f, null);
		assertEquals(ExperimentJob.OVERLAID + 1, all.outcomes().size(), "the experiment and the sweep's variants: " + all.outcomes());
		Path last = all.outcomes().get(all.outcomes().size() - 1).folder().normalize();
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		spin(() -> page.findView(RunsView.ID) instanceof RunsView v && v.table().getSelectionCount() == 1
				&& ((RunsView.Run) v.table().getSelection()[0].getData()).folder().equals(last), 20_000, "the Runs view to select the last run");
		ResultsView results = (ResultsView) page.findView(ResultsView.ID);
		spin(() -> results.whenLoaded().isDone() && results.runs().size() == 1, 60_000, "the Results view to show one run");
		assertEquals(last, results.runs().get(0).folder().normalize(), "the launch's last run");
	}

	/** Presses a button of the dialog titled so when it opens (the dialog's event loop runs this timer). */
	static void answer(String title, String button) {
		org.eclipse.swt.widgets.Display d = org.eclipse.swt.widgets.Display.getCurrent();
		Runnable[] poll = new Runnable[1];
		long end = System.currentTimeMillis() + 20_000;
		poll[0] = () -> {
			for (org.eclipse.swt.widgets.Shell sh : d.getShells()) {
				if (!sh.isDisposed() && sh.isVisible() && title.equals(sh.getText())) {
					for (org.eclipse.swt.widgets.Button b : buttons(sh)) if (b.getText().replace("&", "").equals(button)) {
						b.notifyListeners(SWT.Selection, new Event());
						return;
					}
				}
			}
			if (System.currentTimeMillis() < end) d.timerExec(100, poll[0]);
		};
		d.timerExec(100, poll[0]);
	}

	static List<org.eclipse.swt.widgets.Button> buttons(org.eclipse.swt.widgets.Composite c) {
		List<org.eclipse.swt.widgets.Button> out = new java.util.ArrayList<>();
		for (org.eclipse.swt.widgets.Control k : c.getChildren()) {
			if (k instanceof org.eclipse.swt.widgets.Button b) out.add(b);
			if (k instanceof org.eclipse.swt.widgets.Composite cc) out.addAll(buttons(cc));
		}
		return out;
	}

	static void pressDelete(RunsView view) {
		Event key = new Event();
		key.keyCode = SWT.DEL;
		view.table().notifyListeners(SWT.KeyDown, key);
	}

	/**
	 * A run folder deleted in the Project Explorer was still listed as if it were there (runs.csv keeps its row and the
	 * view refreshed only when runs.csv changed), and the Runs view could not delete a run. Now such a row is shown
	 * "folder deleted" at once, and Delete asks, then removes the runs' folders and rows (Cancel deletes nothing).
	 */
	@Test
	void deletingARunAsksThenRemovesItsFolderAndRowAndAFolderDeletedElsewhereIsShownSo() throws Exception {
		project = IdeUITest.newProject("runs-delete");
		IFile f = IdeUITest.newFile(project, "t.cell", cell("5 MPa"));
		for (String p : List.of("5 MPa", "10 MPa", "20 MPa")) {
			f.setContents(new ByteArrayInputStream(cell(p).getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
			run(f, "X");
		}
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		RunsView view = (RunsView) page.showView(RunsView.ID);
		view.refresh();
		flush();
		Path here = project.getLocation().toFile().toPath();
		java.util.function.Supplier<List<RunsView.Run>> xs = () -> view.runs().stream()
				.filter(r -> r.folder().startsWith(here) && r.row().name().equals("X")).toList();
		assertEquals(3, xs.get().size());
		RunsView.Run newest = xs.get().get(0), middle = xs.get().get(1), oldest = xs.get().get(2);

		// the oldest run's folder deleted as the Project Explorer deletes it: the view shows so at once
		project.findMember(here.relativize(oldest.folder()).toString()).delete(true, null);
		spin(() -> xs.get().size() == 3 && !xs.get().get(2).exists()
				&& view.table().getItem(view.runs().indexOf(xs.get().get(2))).getText(RunsView.COLUMNS.indexOf("results")).startsWith("folder deleted: "),
				10_000, () -> "the row of the deleted folder marked: " + java.util.Arrays.stream(view.table().getItems()).map(i -> i.getText(RunsView.COLUMNS.indexOf("results"))).toList());

		// Delete asks; Cancel deletes nothing
		view.table().setSelection(view.runs().indexOf(xs.get().get(0)));
		answer(RunsView.DELETE_TITLE, "Cancel");
		pressDelete(view);
		flush();
		assertTrue(Files.isDirectory(newest.folder()), "Cancel keeps the run");
		assertEquals(3, xs.get().size());

		// Delete: the newest run's folder and row go, latest names the one before
		view.table().setSelection(view.runs().indexOf(xs.get().get(0)));
		answer(RunsView.DELETE_TITLE, "Delete");
		pressDelete(view);
		flush();
		assertFalse(Files.exists(newest.folder()), "the run's folder is deleted");
		assertEquals(List.of(middle.row().id(), oldest.row().id()), xs.get().stream().map(r -> r.row().id()).toList());
		assertEquals(middle.folder(), RunStore.latest(here.resolve("results/t/X")), "latest names the newest run left");
		assertFalse(project.getFolder("results/t/X/" + newest.row().id()).exists(), "the Project Explorer's resources follow");

		// the row of the folder deleted elsewhere: Delete removes the row
		view.table().setSelection(view.runs().indexOf(xs.get().get(1)));
		answer(RunsView.DELETE_TITLE, "Delete");
		pressDelete(view);
		flush();
		assertEquals(List.of(middle.row().id()), xs.get().stream().map(r -> r.row().id()).toList());
		assertEquals(1, new RunStore(here.resolve("results/t")).index().rows().size(), "runs.csv keeps one row");
	}

	/**
	 * A run the IDE cannot list in runs.csv (a full disk: the product's run into a full tmpfs ended "An internal error
	 * occurred during: Run experiments of baseline-halfcell.cell", UncheckedIOException, disk26; here runs.csv is a folder
	 * in the way) ends its job with one error naming the run's folder and why; the run is in place, shown in the Results
	 * view, and the Runs view lists it from its folder once runs.csv can be read again.
	 */
	@Test
	void aRunRunsCsvCannotListEndsInOneErrorAndTheRunsViewListsItFromItsFolder() throws Exception {
		project = IdeUITest.newProject("runs-full-disk");
		IFile f = IdeUITest.newFile(project, "t.cell", cell("5 MPa"));
		run(f, "X");
		Path here = project.getLocation().toFile().toPath(), index = here.resolve("results/t/runs.csv");
		String indexed = Files.readString(index);
		Files.delete(index);
		Files.createDirectories(index.resolve("in-the-way"));
		ExperimentJob job = new ExperimentJob(f, "X");
		job.schedule();
		spin(() -> job.getResult() != null, 120_000, "the run whose row cannot be written");
		IStatus result = job.getResult();
		assertEquals(IStatus.ERROR, result.getSeverity(), result.toString());
		Path second = RunStore.latest(here.resolve("results/t/X"));
		List<IStatus> said = java.util.Arrays.stream(result.getChildren()).filter(c -> c.getMessage().contains("runs.csv")).toList();
		assertEquals(1, said.size(), result.toString());
		assertTrue(said.get(0).getMessage().startsWith("X: " + second + " is written, but runs.csv does not list it yet"), said.get(0).getMessage());
		assertEquals(List.of(second), job.outcomes().stream().map(ExperimentJob.Outcome::folder).toList(), "the run ended and is shown");

		org.cellwright.lang.files.FileTrees.deleteTree(index); // space again
		Files.writeString(index, indexed);
		RunsView view = (RunsView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(RunsView.ID);
		view.refresh();
		flush();
		List<RunsView.Run> xs = view.runs().stream().filter(r -> r.folder().startsWith(here) && r.row().name().equals("X")).toList();
		assertEquals(2, xs.size(), "both runs listed: " + xs);
		assertEquals(second, xs.get(0).folder(), "the newest first");
		assertEquals(org.cellwright.run.store.RunIndex.UNLISTED, xs.get(0).row().change());
	}

	/**
	 * A fit's folder has no row in runs.csv, so the Runs view did not list fits (their history was browsed through
	 * their fit.json files in the Project Explorer). Now each fit kept in results/<file>/<fit>/<id>/ is a row of kind
	 * "fit" with its id, time and result (cost and fitted values); a double click shows it in the Fit Report view, and
	 * Delete asks before deleting its folder (latest then names the fit before it; no runs.csv is made).
	 */
	@Test
	void fitsAreRowsOfTheRunsViewThatOpenTheirFitReportAndDeleteAfterAsking() throws Exception {
		project = IdeUITest.newProject("runs-fits");
		IdeUITest.newFile(project, "t.cell", cell("5 MPa"));
		Path here = project.getLocation().toFile().toPath(), store = here.resolve("results/t");
		Path older = store.resolve("K/20261205-110000-123456"), newer = store.resolve("K/20261205-120000-abcdef");
		for (Path fit : List.of(older, newer)) {
			Files.createDirectories(fit);
			Files.writeString(fit.resolve("fit.json"), FitReportViewUITest.FIT_JSON);
			Files.writeString(fit.resolve("fitted.cell"), "// fitted\n");
		}
		Files.writeString(store.resolve("K/latest.txt"), newer.getFileName() + "\n");
		project.refreshLocal(IResource.DEPTH_INFINITE, null);

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		RunsView view = (RunsView) page.showView(RunsView.ID);
		view.refresh();
		flush();
		java.util.function.Supplier<List<RunsView.Run>> fits = () -> view.runs().stream().filter(r -> r.folder().startsWith(here)).toList();
		assertEquals(List.of(newer, older), fits.get().stream().map(RunsView.Run::folder).toList(), "both fits, newest first: " + fits.get());
		int row = view.runs().indexOf(fits.get().get(0));
		assertEquals("K", view.text(row, "experiment"));
		assertEquals("fit", view.text(row, "kind"));
		assertEquals("20261205-120000-abcdef", view.text(row, "run"));
		assertEquals("2026-12-05 12:00:00", view.text(row, "time (UTC)"));
		assertEquals("converged", view.text(row, "status"));
		assertEquals("cost 0.250; 1 exchange-current-rate-constant 2.00e-11 m/s, 2 exchange-current-rate-constant 3.00e-11 m/s, ionic-conductivity 1.00 S/m",
				view.text(row, "change"), "the fit's result in short");
		// each fit.json is read once per change (every refresh read them all): unchanged, the fit as read before; changed
		// (its modification time and size), read again
		org.cellwright.app.views.FitRecord read = fits.get().get(0).fit();
		view.refresh();
		flush();
		assertSame(read, fits.get().get(0).fit(), "an unchanged fit.json is not read again");
		Path json = newer.resolve("fit.json");
		java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(json);
		Files.writeString(json, FitReportViewUITest.FIT_JSON.replace("\"converged\":true", "\"converged\":false"));
		Files.setLastModifiedTime(json, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 2000));
		view.refresh();
		flush();
		assertEquals("not converged", view.text(view.runs().indexOf(fits.get().get(0)), "status"), "a changed fit.json is read again");

		// a double click shows the fit in the Fit Report view
		view.table().setSelection(row);
		view.table().notifyListeners(SWT.DefaultSelection, new Event());
		org.cellwright.app.views.FitReportView report = (org.cellwright.app.views.FitReportView) page.findView(org.cellwright.app.views.FitReportView.ID);
		assertNotNull(report, "the Fit Report view opened");
		spin(() -> report.fit() != null && !report.loading(), 30_000, "the fit report");
		assertEquals(newer, report.fit().folder().normalize(), "the fit of the row");
		assertEquals("K", report.fit().name());

		// Delete asks; Cancel deletes nothing
		view.table().setSelection(view.runs().indexOf(fits.get().get(0)));
		answer(RunsView.DELETE_TITLE, "Cancel");
		pressDelete(view);
		flush();
		assertTrue(Files.isRegularFile(newer.resolve("fit.json")), "Cancel keeps the fit");
		// Delete: the fit's folder goes, latest names the fit before it, runs.csv is not made
		view.table().setSelection(view.runs().indexOf(fits.get().get(0)));
		answer(RunsView.DELETE_TITLE, "Delete");
		pressDelete(view);
		flush();
		assertFalse(Files.exists(newer), "the fit's folder is deleted");
		assertEquals(List.of(older), fits.get().stream().map(RunsView.Run::folder).toList());
		assertEquals(older, RunStore.latest(store.resolve("K")), "latest names the fit left");
		assertFalse(Files.exists(store.resolve("runs.csv")), "a fit has no row in runs.csv");
		assertFalse(project.getFolder("results/t/K/" + newer.getFileName()).exists(), "the Project Explorer's resources follow");
	}
}
