package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.ltk.core.refactoring.RefactoringCore;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.resource.MoveResourcesDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Moving a .cell file into another project left its runs behind: they stayed in results/<name>/ of the project it
 * left, and the moved file started a new history. Moved in the IDE (the move refactoring the Project Explorer's
 * Move... runs), the file takes its runs along (ResultsMoveParticipant); its next run continues the
 * history; undoing the move moves them back. A project with runs of a file of that name keeps them, and the move
 * warns; a file moved to another folder of its own project keeps its history where it is (named after the file alone).
 */
class MoveHistoryUITest {
	IProject project, other;

	@AfterEach
	void tearDown() throws Exception {
		for (IProject p : new IProject[] { project, other })
			if (p != null && p.exists()) p.delete(true, true, null);
	}

	static RefactoringStatus move(IFile f, IContainer to) throws Exception {
		MoveResourcesDescriptor d = (MoveResourcesDescriptor) RefactoringCore
				.getRefactoringContribution(MoveResourcesDescriptor.ID).createDescriptor();
		d.setResourcesToMove(new IResource[] { f });
		d.setDestination(to);
		return RenameHistoryUITest.perform(d);
	}

	@Test
	void aFileMovedIntoAnotherProjectTakesItsRunsAlongAndUndoMovesThemBack() throws Exception {
		IdeUITest.waitForJobs();
		project = IdeUITest.newProject("move-history-a");
		other = IdeUITest.newProject("move-history-b");
		IFile f = IdeUITest.newFile(project, "t.cell", RunsViewUITest.cell("5 MPa"));
		RunsViewUITest.run(f, "X");
		Path results = project.getLocation().toFile().toPath().resolve("results");
		Path otherResults = other.getLocation().toFile().toPath().resolve("results");
		Path first = RenameHistoryUITest.runs(results.resolve("t/X")).get(0);

		// to another folder of its own project: its history stays (named after the file alone)
		IFolder sub = project.getFolder("cells");
		sub.create(true, true, null);
		RefactoringStatus inside = move(f, sub);
		assertTrue(inside.isOK(), inside.toString());
		IFile g = sub.getFile("t.cell");
		assertTrue(g.exists(), "moved");
		assertEquals(List.of(first), RenameHistoryUITest.runs(results.resolve("t/X")), "the history where it was");

		// into another project: the history goes along
		RefactoringStatus s = move(g, other);
		assertTrue(s.isOK(), s.toString());
		IFile moved = other.getFile("t.cell");
		assertTrue(moved.exists(), "moved");
		assertFalse(Files.exists(results.resolve("t")), "results/t of the project it left moved");
		Path run = otherResults.resolve("t/X").resolve(first.getFileName());
		assertTrue(Files.isRegularFile(run.resolve("summary.json")), "the run in the other project");
		assertTrue(other.getFolder("results/t/X").exists(), "the workspace knows it");
		assertFalse(project.getFolder("results/t").exists(), "and that it left");
		assertEquals(run, RunStore.latest(otherResults.resolve("t/X")));
		// named relative to its run folder: the record follows the history into the other project's top folder
		assertEquals(moved.getLocation().toFile().toPath().toString(), RunFolder.read(run).summary().run().sourceFile());

		RunsViewUITest.run(moved, "X");
		assertEquals(2, RenameHistoryUITest.runs(otherResults.resolve("t/X")).size(), "the next run continues the history");
		List<RunIndex.Row> rows = new RunStore(otherResults.resolve("t")).index().rows();
		assertEquals(2, rows.size());
		assertEquals("no change", rows.get(1).change(), "compared with the run before the move");

		// undo: the file and its runs go back
		RefactoringCore.getUndoManager().performUndo(new org.eclipse.ltk.core.refactoring.IValidationCheckResultQuery() {
			@Override public boolean proceed(RefactoringStatus status) { return !status.hasFatalError(); }
			@Override public void stopped(RefactoringStatus status) { fail("undo stopped: " + status); }
		}, new NullProgressMonitor());
		assertTrue(sub.getFile("t.cell").exists(), "the file back");
		assertEquals(2, RenameHistoryUITest.runs(results.resolve("t/X")).size(), "its runs back, the new one too");
		assertFalse(Files.exists(otherResults.resolve("t")), "none left in the other project");

		// a project with runs of a file of that name keeps them; the moved file's runs stay; the move warns
		Files.createDirectories(otherResults.resolve("t/Y"));
		Files.writeString(otherResults.resolve("t/Y/keep.txt"), "the other's own");
		other.getFolder("results").refreshLocal(IResource.DEPTH_INFINITE, null);
		RefactoringStatus warned = move(sub.getFile("t.cell"), other);
		assertTrue(warned.hasWarning() && warned.toString().contains("holds runs already"), warned.toString());
		assertTrue(other.getFile("t.cell").exists(), "the file moved all the same");
		assertEquals(2, RenameHistoryUITest.runs(results.resolve("t/X")).size(), "its runs where they were");
		assertEquals("the other's own", Files.readString(otherResults.resolve("t/Y/keep.txt")), "not overwritten");
	}
}
