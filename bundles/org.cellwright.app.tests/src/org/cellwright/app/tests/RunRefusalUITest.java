package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.spin;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.app.ExperimentJob;
import org.cellwright.testing.PlatingCell;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;

/**
 * Running a file with errors is refused, and the refusal's message itself (what the error dialog shows without
 * Details) names the first errors as {@code check} prints them, {@code file:line:col: error: message}, then "and N more".
 */
class RunRefusalUITest extends ProjectUITest {


	private IStatus run(String name, String text) throws Exception {
		project = IdeUITest.newProject("run-refusal");
		IFile f = IdeUITest.newFile(project, name, text);
		ExperimentJob job = new ExperimentJob(f);
		job.schedule();
		spin(() -> job.getResult() != null, 60_000, "the refused run");
		assertTrue(job.outcomes().isEmpty(), "nothing ran");
		return job.getResult();
	}

	@Test
	void aSyntaxErrorIsNamedInTheMessageWithItsLineAndColumn() throws Exception {
		// the walkthrough's slip: "density 1.64 g/cm3" without its '=' (line 3 of the file)
		IStatus s = run("broken.cell", PlatingCell.file("5 MPa").replace("material E is solid-electrolyte { density = 1.64",
				"material E is solid-electrolyte { density 1.64"));
		assertEquals(IStatus.ERROR, s.getSeverity(), s.toString());
		List<String> lines = s.getMessage().lines().toList();
		assertEquals("broken.cell has an error; fix it before running:", lines.get(0), s.getMessage());
		assertEquals(2, lines.size(), s.getMessage());
		assertTrue(lines.get(1).matches("broken\\.cell:3:\\d+: error: .+"), "file:line:col: error: message, the file by its name: " + lines.get(1));
		assertEquals(1, s.getChildren().length, "Details: every error");
		assertEquals(lines.get(1), s.getChildren()[0].getMessage());
	}

	/**
	 * Run Experiments on a file of cells only (the study's half-cells.cell, whose cells the experiments in
	 * experiments.cell and other files run): refused with an error (a dialog), naming where its cells are run. It ended
	 * with a warning, which the workbench does not show: the user asked to run and saw nothing happen.
	 */
	@Test
	void aFileWithoutExperimentsIsRefusedNamingWhereItsCellsAreRun() throws Exception {
		IProject examples = org.cellwright.app.WorkspaceSetup.importExamples(java.nio.file.Path.of(System.getProperty("cellwright.examples")))
				.getProject();
		IdeUITest.waitForJobs();
		ExperimentJob job = new ExperimentJob(examples.getFile("sung2023/half-cells.cell"));
		job.schedule();
		spin(() -> job.getResult() != null, 60_000, "the refused run");
		assertTrue(job.outcomes().isEmpty(), "nothing ran");
		IStatus s = job.getResult();
		assertEquals(IStatus.ERROR, s.getSeverity(), "an error, which the workbench shows: " + s);
		assertTrue(s.getMessage().startsWith("half-cells.cell has no experiment or sweep to run; its cells are run by experiments in "),
				s.getMessage());
		assertTrue(s.getMessage().contains("experiments.cell ("), "the study's experiments named: " + s.getMessage());
		assertFalse(s.getMessage().contains("half-cells.cell ("), s.getMessage());
	}

	@Test
	void manyErrorsNameTheFirstThreeAndHowManyMore() throws Exception {
		String text = PlatingCell.file("5 MPa").replace("layer a: S 10 um  layer s: E 700 um  layer l: L 350 um  layer b: S 10 um",
				"layer a: S1 10 um  layer s: E1 700 um  layer l: L1 350 um  layer b: S2 10 um  layer c: S3 10 um");
		IStatus s = run("many.cell", text);
		assertEquals(IStatus.ERROR, s.getSeverity(), s.toString());
		List<String> lines = s.getMessage().lines().toList();
		int n = s.getChildren().length;
		assertTrue(n >= 5, "an error per unknown material: " + s);
		assertEquals("many.cell has " + n + " errors; fix them before running:", lines.get(0));
		assertEquals(5, lines.size(), s.getMessage());
		for (String l : lines.subList(1, 4)) assertTrue(l.matches("many\\.cell:6:\\d+: error: .+"), l);
		assertEquals("and " + (n - 3) + " more", lines.get(4));
	}
}
