package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.ltk.core.refactoring.CheckConditionsOperation;
import org.eclipse.ltk.core.refactoring.PerformRefactoringOperation;
import org.eclipse.ltk.core.refactoring.Refactoring;
import org.eclipse.ltk.core.refactoring.RefactoringCore;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.resource.RenameResourceDescriptor;
import org.junit.jupiter.api.Test;

/**
 * Renaming a .cell file split its run history: its runs stayed in results/<old name>/ and the renamed file started a
 * new one ("first run"). Renamed in the IDE (the rename refactoring the Project Explorer's Rename... runs), the file
 * takes its runs along (ResultsRenameParticipant): results/<new name>/ holds them, and its next run continues the
 * history. A new name with runs of its own keeps them; the old file's runs stay where they are, and the rename warns.
 */
class RenameHistoryUITest extends ProjectUITest {

	static RefactoringStatus rename(org.eclipse.core.resources.IResource f, String newName) throws Exception {
		RenameResourceDescriptor d = (RenameResourceDescriptor) RefactoringCore
				.getRefactoringContribution(RenameResourceDescriptor.ID).createDescriptor();
		d.setResourcePath(f.getFullPath());
		d.setNewName(newName);
		return perform(d);
	}

	/** Performs the refactoring as the IDE does, all its conditions checked; the conditions' status. */
	static RefactoringStatus perform(org.eclipse.ltk.core.refactoring.RefactoringDescriptor d) throws Exception {
		RefactoringStatus created = new RefactoringStatus();
		Refactoring r = d.createRefactoring(created);
		assertTrue(created.isOK(), created.toString());
		PerformRefactoringOperation op = new PerformRefactoringOperation(r, CheckConditionsOperation.ALL_CONDITIONS);
		ResourcesPlugin.getWorkspace().run(op, null);
		RefactoringStatus s = op.getConditionStatus();
		return s == null ? new RefactoringStatus() : s;
	}

	static List<Path> runs(Path experiment) throws Exception {
		try (Stream<Path> s = Files.list(experiment)) {
			return s.filter(p -> p.getFileName().toString().matches("\\d{8}-\\d{6}-[0-9a-f]{6}(-\\d+)?")).sorted().toList();
		}
	}

	/**
	 * A run arrived with its history at {@code run} (results/<history>/X/<id> of {@code project}): its files there, the
	 * workspace knows its folder, it is the latest, and it names (by its name in the project) a file that is there: it
	 * is current, not "gone" (a file moved into a subfolder of another project said so).
	 */
	static void assertArrived(IProject project, String history, Path run) throws Exception {
		assertTrue(Files.isRegularFile(run.resolve("summary.json")), "the run at " + run);
		assertTrue(project.getFolder("results/" + history + "/X").exists(), "the workspace knows it");
		assertEquals(run, RunStore.latest(run.getParent()), "latest moved with it");
		assertNull(org.cellwright.run.Staleness.of(RunFolder.read(run).summary().run(), run), "current: the file as it ran");
	}

	/** The next run of {@code file} continues its history ({@code history}/X): two runs, one index, no change. */
	static void assertNextRunContinues(IFile file, Path history) throws Exception {
		RunsViewUITest.run(file, "X");
		assertEquals(2, runs(history.resolve("X")).size(), "the next run continues the history");
		List<RunIndex.Row> rows = new RunStore(history).index().rows();
		assertEquals(2, rows.size(), "one index");
		assertEquals("no change", rows.get(1).change(), "compared with the run before");
	}

	/**
	 * A rename or move onto a name with runs of its own: the refactoring warned, the file went all the same, its
	 * runs ({@code stayed}, two) stayed, the other's ({@code keep}) not overwritten.
	 */
	static void assertWarnedAndKept(RefactoringStatus warned, IFile went, Path stayed, Path keep, String kept) throws Exception {
		assertTrue(warned.hasWarning() && warned.toString().contains("holds runs already"), warned.toString());
		assertTrue(went.exists(), "the file went all the same");
		assertEquals(2, runs(stayed).size(), "its runs where they were");
		assertEquals(kept, Files.readString(keep), "not overwritten");
	}

	/** The project's results folder and the first run of {@link #ranOnce}. */
	Path results, first;

	/**
	 * A new project with the file {@code path} (its folder made) at 5 MPa, its experiment X run once (that run:
	 * {@link #first}); the file.
	 */
	IFile ranOnce(String projectName, String path) throws Exception {
		IdeUITest.waitForJobs();
		project = IdeUITest.newProject(projectName);
		if (path.contains("/")) project.getFolder(path.substring(0, path.lastIndexOf('/'))).create(true, true, null);
		IFile f = IdeUITest.newFile(project, path, RunsViewUITest.cell("5 MPa"));
		RunsViewUITest.run(f, "X");
		results = project.getLocation().toFile().toPath().resolve("results");
		first = runs(results.resolve(RunStore.historyKey(project.getLocation().toFile().toPath(), f.getLocation().toFile().toPath())).resolve("X")).get(0);
		return f;
	}

	@Test
	void aRenamedFileTakesItsRunsAlongAndItsNextRunContinuesTheHistory() throws Exception {
		IFile f = ranOnce("rename-history", "t.cell");

		RefactoringStatus s = rename(f, "u.cell");
		assertTrue(s.isOK(), s.toString());
		IFile u = project.getFile("u.cell");
		assertTrue(u.exists(), "renamed");
		assertFalse(Files.exists(results.resolve("t")), "results/t moved");
		Path moved = results.resolve("u/X").resolve(first.getFileName());
		assertArrived(project, "u", moved);
		assertEquals(project.getFile("t.cell").getLocation().toFile().toPath().toString(),
				RunFolder.read(moved).summary().run().sourceFile(), "the run ran t.cell");
		assertNextRunContinues(u, results.resolve("u"));

		// a new name with runs of its own: they are kept, u's stay where they are, the rename warns
		Files.createDirectories(results.resolve("v/Y"));
		Files.writeString(results.resolve("v/Y/keep.txt"), "v's own");
		project.getFolder("results").refreshLocal(org.eclipse.core.resources.IResource.DEPTH_INFINITE, null);
		assertWarnedAndKept(rename(u, "v.cell"), project.getFile("v.cell"), results.resolve("u/X"), results.resolve("v/Y/keep.txt"), "v's own");
	}

	/**
	 * A file in a folder has its history at results/<folder>/<name>.cell/ (RunStore.historyKey): renamed, the file takes
	 * it to its new name there; the folder renamed, the histories of the files in it go along to the folder's new name
	 * (a history keyed by the path would otherwise stay under the old folder's name, its file "gone"); Run Again in the
	 * Runs view runs the renamed file (it said that a/t.cell "is not a file of the workspace").
	 */
	@Test
	void aFileInAFolderAndTheFolderRenamedTakeTheirRunsAlong() throws Exception {
		IFile f = ranOnce("rename-history-folder", "a/t.cell");

		RefactoringStatus s = rename(f, "u.cell");
		assertTrue(s.isOK(), s.toString());
		assertFalse(Files.exists(results.resolve("a/t.cell")), "results/a/t.cell moved");
		assertArrived(project, "a/u.cell", results.resolve("a/u.cell/X").resolve(first.getFileName()));

		s = rename(project.getFolder("a"), "b");
		assertTrue(s.isOK(), s.toString());
		assertTrue(project.getFile("b/u.cell").exists(), "the folder renamed");
		assertFalse(Files.exists(results.resolve("a/u.cell")), "results/a/u.cell moved");
		Path moved = results.resolve("b/u.cell/X").resolve(first.getFileName());
		assertArrived(project, "b/u.cell", moved);

		// Run Again on the moved run (it names a/t.cell, gone) runs the file its history is keyed by, and continues it
		org.cellwright.app.views.RunsView view = (org.cellwright.app.views.RunsView) org.eclipse.ui.PlatformUI.getWorkbench()
				.getActiveWorkbenchWindow().getActivePage().showView(org.cellwright.app.views.RunsView.ID);
		view.refresh();
		IdeUITest.flush();
		org.cellwright.app.views.RunsView.Run row = view.runs().stream().filter(r -> r.folder().equals(moved)).findFirst()
				.orElseThrow(() -> new AssertionError("the moved run listed: " + view.runs()));
		view.table().setSelection(view.runs().indexOf(row));
		org.cellwright.app.ExperimentJob again = view.runAgain();
		assertNotNull(again, "b/u.cell found for the run that ran a/t.cell");
		IdeUITest.spin(() -> again.getResult() != null, 120_000, "the run again");
		assertTrue(again.getResult().getSeverity() <= org.eclipse.core.runtime.IStatus.WARNING, again.getResult().toString());
		assertEquals(2, runs(results.resolve("b/u.cell/X")).size(), "the next run continues the history");
		List<RunIndex.Row> rows = new RunStore(results.resolve("b/u.cell")).index().rows();
		assertEquals("no change", rows.get(rows.size() - 1).change(), "compared with the run before the renames");
	}
}
