package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.folder.RunFolder;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.ltk.core.refactoring.RefactoringCore;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.resource.MoveResourcesDescriptor;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TransferData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonDropAdapter;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.CommonViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Moving a .cell file into another project left its runs behind: they stayed in results/<name>/ of the project it
 * left, and the moved file started a new history. Moved in the IDE (the move refactoring the Project Explorer's
 * Move... runs), the file takes its runs along (ResultsMoveParticipant); its next run continues the
 * history; undoing the move moves them back. A project with runs of a file of that name keeps them, and the move
 * warns. A file's history is keyed by its path in its project (RunStore.historyKey): moved to another folder of its own
 * project, results/t/ goes along to results/cells/t.cell/ (session 21; before, it stayed, named after the file alone).
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

		// to another folder of its own project: its history goes along, results/t/ to results/cells/t.cell/
		IFolder sub = project.getFolder("cells");
		sub.create(true, true, null);
		RefactoringStatus inside = move(f, sub);
		assertTrue(inside.isOK(), inside.toString());
		IFile g = sub.getFile("t.cell");
		assertTrue(g.exists(), "moved");
		assertFalse(Files.exists(results.resolve("t")), "results/t moved");
		Path inFolder = results.resolve("cells/t.cell/X").resolve(first.getFileName());
		RenameHistoryUITest.assertArrived(project, "cells/t.cell", inFolder);
		first = inFolder;

		// into another project: the history goes along
		RefactoringStatus s = move(g, other);
		assertTrue(s.isOK(), s.toString());
		IFile moved = other.getFile("t.cell");
		assertTrue(moved.exists(), "moved");
		assertFalse(Files.exists(results.resolve("cells/t.cell")), "results/cells/t.cell of the project it left moved");
		Path run = otherResults.resolve("t/X").resolve(first.getFileName());
		RenameHistoryUITest.assertArrived(other, "t", run);
		assertFalse(project.getFolder("results/cells/t.cell").exists(), "the workspace knows that it left");
		// named relative to its run folder: the record follows the history into the other project's top folder
		assertEquals(moved.getLocation().toFile().toPath().toString(), RunFolder.read(run).summary().run().sourceFile());
		RenameHistoryUITest.assertNextRunContinues(moved, otherResults.resolve("t"));

		// undo: the file and its runs go back
		RefactoringCore.getUndoManager().performUndo(new org.eclipse.ltk.core.refactoring.IValidationCheckResultQuery() {
			@Override public boolean proceed(RefactoringStatus status) { return !status.hasFatalError(); }
			@Override public void stopped(RefactoringStatus status) { fail("undo stopped: " + status); }
		}, new NullProgressMonitor());
		assertTrue(sub.getFile("t.cell").exists(), "the file back");
		assertEquals(2, RenameHistoryUITest.runs(results.resolve("cells/t.cell/X")).size(), "its runs back, the new one too");
		assertFalse(Files.exists(otherResults.resolve("t")), "none left in the other project");

		// a project with runs of a file of that name keeps them; the moved file's runs stay; the move warns
		Files.createDirectories(otherResults.resolve("t/Y"));
		Files.writeString(otherResults.resolve("t/Y/keep.txt"), "the other's own");
		other.getFolder("results").refreshLocal(IResource.DEPTH_INFINITE, null);
		RenameHistoryUITest.assertWarnedAndKept(move(sub.getFile("t.cell"), other), other.getFile("t.cell"), results.resolve("cells/t.cell/X"),
				otherResults.resolve("t/Y/keep.txt"), "the other's own");
	}

	/**
	 * Moved into a subfolder of another project (Move... or a drop on the folder), the file takes its runs along, to
	 * its key there (results/cells/t.cell/), and they find it there: they named the file where it was, beside the other
	 * project's top folder, and the Results view said "t.cell, which this run ran, is gone".
	 */
	@Test
	void aFileMovedIntoASubfolderOfAnotherProjectIsTheOneItsRunsRan() throws Exception {
		IFile f = ranOnceWithAFolderElsewhere("move-history-c", "move-history-d");
		RefactoringStatus s = move(f, other.getFolder("cells"));
		assertTrue(s.isOK(), s.toString());
		assertArrivedInTheFolder(f);
	}

	/** The first run of t.cell in the first of two new projects; the second has a folder cells/. t.cell. */
	IFile ranOnceWithAFolderElsewhere(String from, String to) throws Exception {
		IdeUITest.waitForJobs();
		project = IdeUITest.newProject(from);
		other = IdeUITest.newProject(to);
		IFile f = IdeUITest.newFile(project, "t.cell", RunsViewUITest.cell("5 MPa"));
		RunsViewUITest.run(f, "X");
		first = RenameHistoryUITest.runs(project.getLocation().toFile().toPath().resolve("results/t/X")).get(0);
		other.getFolder("cells").create(true, true, null);
		return f;
	}

	/** That run of {@link #ranOnceWithAFolderElsewhere}. */
	Path first;

	/** t.cell moved (not copied) into cells/ of the other project, its runs along: they find it, its next run continues them. */
	void assertArrivedInTheFolder(IFile f) throws Exception {
		IFile moved = other.getFolder("cells").getFile("t.cell");
		assertTrue(moved.exists(), "moved");
		assertFalse(f.exists(), "moved, not copied");
		assertFalse(Files.exists(project.getLocation().toFile().toPath().resolve("results/t")), "its runs left with it");
		Path history = other.getLocation().toFile().toPath().resolve("results/cells/t.cell");
		RenameHistoryUITest.assertArrived(other, "cells/t.cell", history.resolve("X").resolve(first.getFileName()));
		RenameHistoryUITest.assertNextRunContinues(moved, history);
	}

	/**
	 * Drag and drop in the Project Explorer (a move): the drop is driven through the explorer's own drop adapter and
	 * the Platform's resource drop assistant (ResourceDropAdapterAssistant), the file the drag carries set as the
	 * drag source sets it (LocalSelectionTransfer); only the pointer's gesture is not the window system's. The
	 * assistant runs the move refactoring (MoveResourcesDescriptor), so ResultsMoveParticipant takes the runs along as
	 * for Move...
	 */
	@Test
	void aFileDroppedOnAFolderOfAnotherProjectInTheProjectExplorerTakesItsRunsAlong() throws Exception {
		IFile f = ranOnceWithAFolderElsewhere("move-history-e", "move-history-f");
		IFolder cells = other.getFolder("cells");

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		CommonViewer viewer = ((CommonNavigator) page.showView(IPageLayout.ID_PROJECT_EXPLORER)).getCommonViewer();
		viewer.reveal(f);
		viewer.reveal(cells);
		IdeUITest.flush();
		TreeItem target = (TreeItem) viewer.testFindItem(cells);
		assertNotNull(target, "the folder shown");
		drop(viewer, new StructuredSelection(f), target, DND.DROP_MOVE);
		IdeUITest.waitForJobs();
		assertArrivedInTheFolder(f);
	}

	/**
	 * Drops a selection on a tree item of the viewer as SWT delivers a drop: the drag source's selection in the
	 * LocalSelectionTransfer, then drag enter, drag over and drop events at the item on the viewer's drop adapter.
	 */
	static void drop(CommonViewer viewer, StructuredSelection dragged, TreeItem on, int operation) throws Exception {
		LocalSelectionTransfer transfer = LocalSelectionTransfer.getTransfer();
		transfer.setSelection(dragged);
		TransferData type = transfer.getSupportedTypes()[0];
		CommonDropAdapter adapter = new CommonDropAdapter(viewer.getNavigatorContentService(), viewer);
		adapter.setFeedbackEnabled(false); // a drop on the folder, not before or after it
		Tree tree = viewer.getTree();
		Rectangle b = on.getBounds();
		Point at = tree.toDisplay(b.x + b.width / 2, b.y + b.height / 2);
		Class<?> dnd = DropTargetEvent.class.getClassLoader().loadClass("org.eclipse.swt.dnd.DNDEvent");
		java.lang.reflect.Constructor<?> make = dnd.getDeclaredConstructor();
		make.setAccessible(true);
		Event raw = (Event) make.newInstance();
		raw.widget = tree;
		raw.display = tree.getDisplay();
		java.lang.reflect.Constructor<DropTargetEvent> wrap = DropTargetEvent.class.getDeclaredConstructor(dnd);
		wrap.setAccessible(true);
		DropTargetEvent ev = wrap.newInstance(raw);
		ev.item = on;
		ev.x = at.x;
		ev.y = at.y;
		ev.detail = operation;
		ev.operations = DND.DROP_MOVE | DND.DROP_COPY;
		ev.currentDataType = type;
		ev.dataTypes = new TransferData[] { type };
		adapter.dragEnter(ev);
		adapter.dragOver(ev);
		assertEquals(operation, ev.detail, "the drop is accepted on the folder");
		ev.data = dragged;
		adapter.drop(ev);
		transfer.setSelection(null);
	}
}
