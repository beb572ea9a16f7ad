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
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The IDE runs a file's experiments and sweeps through the one pipeline, into the project's run store; every run is
 * kept; the Runs view lists the history with what changed, and selecting two compares them.
 */
class RunsViewUITest {

	static String cell(String pressure) {
		return PlatingCell.cell("t", "2.5 mS/cm", pressure) + PlatingCell.protocol("0.1 mA/cm2") + """
				experiment X { cell C protocol P }
				sweep Sw { experiment X vary stack-pressure in 5 MPa, 20 MPa }
				""";
	}

	IProject project;

	@AfterEach
	void tearDown() throws Exception {
		if (project != null && project.exists()) project.delete(true, true, null);
	}

	static ExperimentJob run(IFile f, String only) {
		ExperimentJob job = new ExperimentJob(f, only);
		job.schedule();
		spin(() -> job.getResult() != null, 120_000, "the runs of " + f.getName());
		assertTrue(job.getResult().getSeverity() <= IStatus.WARNING, job.getResult().toString());
		return job;
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
	}
}
