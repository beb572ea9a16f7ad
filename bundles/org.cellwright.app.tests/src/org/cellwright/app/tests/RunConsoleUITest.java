package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.cellwright.app.RunConsole;
import org.cellwright.app.WorkspaceSetup;
import org.eclipse.core.resources.IFile;
import org.junit.jupiter.api.Test;

/** The Console view's "CellWright Runs" console: a line per run the IDE starts and ends, with status, checks and folder. */
class RunConsoleUITest {

	@Test
	void eachRunOfTheIdeIsListedInTheRunsConsole() throws Exception {
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		IFile base = any.getProject().getFile("baseline-halfcell.cell");
		IdeUITest.waitForJobs();
		int before = RunConsole.console().getDocument().getLength();
		RunsViewUITest.run(base, "FirstCycle");
		IdeUITest.spin(() -> RunConsole.console().getDocument().get().substring(before).contains("FirstCycle  "), 30_000, "the run's line");
		String added = RunConsole.console().getDocument().get().substring(before);
		assertTrue(added.contains("Running 1 run of /examples/baseline-halfcell.cell (FirstCycle)"), added);
		assertTrue(added.matches("(?s).*\\n  FirstCycle  COMPLETED  checks: \\d+ pass, 0 fail  \\S*results/baseline-halfcell/FirstCycle/\\S+.*"), added);
	}
}
