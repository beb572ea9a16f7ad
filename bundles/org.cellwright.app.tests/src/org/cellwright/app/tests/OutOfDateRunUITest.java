package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.spin;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.app.views.ResultsView;
import org.cellwright.run.store.RunStore;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * The Results view kept showing a run after its file was edited and saved, with nothing saying the charts no longer
 * show the file: a researcher changing the stack pressure and looking at the old curve took it for the new one. Now a
 * run whose file resolves to other inputs is marked out of date under its status line, with what changed; undoing the
 * change, or running again, removes the mark.
 */
class OutOfDateRunUITest extends ProjectUITest {

	static List<String> lines(ResultsView v) {
		return v.bannerLines().stream().filter(l -> !l.isDisposed()).map(Label::getText).toList();
	}

	static boolean marked(ResultsView v) {
		return lines(v).stream().anyMatch(t -> t.contains("Out of date"));
	}

	static void write(IFile f, String text) throws Exception {
		f.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
	}

	@Test
	void aRunIsMarkedOutOfDateWhenItsFileIsSavedWithOtherInputsAndNotAfterRunningAgain() throws Exception {
		IdeUITest.waitForJobs(); // the first start's example run, shown when it ends
		project = IdeUITest.newProject("out-of-date");
		IFile f = IdeUITest.newFile(project, "t.cell", RunsViewUITest.cell("5 MPa"));
		RunsViewUITest.run(f, "X");
		Path x = project.getLocation().toFile().toPath().resolve("results/t/X");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		view.show(RunStore.latest(x));
		spin(() -> view.whenLoaded().isDone() && !view.loading() && !view.runs().isEmpty(), 60_000, "the run shown");
		IdeUITest.waitForJobs();
		IdeUITest.flush();
		assertTrue(view.runs().get(0).folder().startsWith(x), "this run shown: " + lines(view));
		assertFalse(marked(view), "the file as it ran: " + lines(view));

		// a comment added: the same inputs, no mark
		write(f, "// tried at 5 MPa first\n" + RunsViewUITest.cell("5 MPa"));
		IdeUITest.flush(); // the check is scheduled from the UI thread after the change
		IdeUITest.waitForJobs();
		IdeUITest.flush();
		assertFalse(marked(view), "a comment changes no input: " + lines(view));

		// the stack pressure saved as 20 MPa: marked, saying what changed (a check still running from the edit before,
		// which may read the file while it is written, is dropped: the last check's mark stays)
		write(f, RunsViewUITest.cell("20 MPa"));
		String expected = "Out of date: the inputs in t.cell changed since this run (stack-pressure 5 MPa -> 20 MPa)";
		spin(() -> lines(view).stream().anyMatch(t -> t.strip().startsWith(expected)), 30_000, () -> "the run marked out of date: " + lines(view));
		IdeUITest.waitForJobs();
		IdeUITest.flush();
		IdeUITest.waitForJobs();
		assertTrue(lines(view).stream().anyMatch(t -> t.strip().startsWith(expected)), "the mark stays: " + lines(view));
		assertEquals(view.runs().size(), view.runs().stream().filter(r -> r.folder().startsWith(x)).count());

		// run again: the new run is shown, current
		RunsViewUITest.run(f, "X");
		view.show(RunStore.latest(x));
		spin(() -> view.whenLoaded().isDone() && !view.loading() && !view.runs().isEmpty(), 60_000, "the new run shown");
		IdeUITest.waitForJobs();
		IdeUITest.flush();
		assertFalse(marked(view), "the new run is current: " + lines(view));

		// undoing an edit (back to what ran) removes the mark
		write(f, RunsViewUITest.cell("10 MPa"));
		spin(() -> marked(view), 30_000, () -> "marked after the edit: " + lines(view));
		write(f, RunsViewUITest.cell("20 MPa"));
		spin(() -> !marked(view), 30_000, () -> "the mark gone after undoing the edit: " + lines(view));
	}
}
