package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.flush;
import static org.cellwright.app.tests.IdeUITest.spin;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cellwright.app.ExperimentJob;
import org.cellwright.app.FitJob;
import org.cellwright.app.SaveBeforeRun;
import org.cellwright.app.preferences.CellWrightPreferences;
import org.cellwright.app.views.RunsView;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Run Experiments and Fit Parameters on a changed editor ask before saving it, as Eclipse's launches do (the run reads
 * the saved file): Cancel runs nothing and leaves the editor changed, Save and Run saves and runs, "Remember my
 * decision" or the preference "always" saves without asking (SaveBeforeRun, CellWrightPreferences.SAVE_BEFORE_RUN).
 * Before, both saved the editor without asking.
 */
class SaveBeforeRunUITest extends ProjectUITest {

	private static final String CHANGE = "\n// changed in the editor\n";

	private final List<Job> scheduled = new CopyOnWriteArrayList<>();
	private final IJobChangeListener jobs = new JobChangeAdapter() {
		@Override
		public void scheduled(IJobChangeEvent event) {
			if (event.getJob() instanceof ExperimentJob || event.getJob() instanceof FitJob) scheduled.add(event.getJob());
		}
	};
	private IWorkbenchPage page;

	@BeforeEach
	void listen() {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Job.getJobManager().addJobChangeListener(jobs);
	}

	@AfterEach
	void restore() throws Exception {
		Job.getJobManager().removeJobChangeListener(jobs);
		for (Job j : scheduled) j.join();
		page.closeAllEditors(false);
		CellWrightPreferences.instance().remove(CellWrightPreferences.SAVE_BEFORE_RUN);
		CellWrightPreferences.instance().flush();
		flush();
	}

	/** An editor on a new file of the project, changed (a comment appended) and not saved. */
	private ITextEditor changedEditor(String name) throws Exception {
		project = IdeUITest.newProject("save-before-run");
		IFile f = IdeUITest.newFile(project, name, RunsViewUITest.cell("5 MPa"));
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, f, true);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		doc.replace(doc.getLength(), 0, CHANGE);
		assertTrue(editor.isDirty());
		return editor;
	}

	private static String onDisk(ITextEditor editor) throws Exception {
		return Files.readString(editor.getEditorInput().getAdapter(IFile.class).getLocation().toFile().toPath(), StandardCharsets.UTF_8);
	}

	/** What a dialog said, and whether one opened: filled by {@link #answer}. */
	private static final class Seen {
		volatile String text;
		volatile boolean stopped;
	}

	/** The answers waiting for a dialog: stopped once the command has returned (one test's answer answers no other's). */
	private final List<Seen> answers = new CopyOnWriteArrayList<>();

	/**
	 * Answers the dialog titled {@link SaveBeforeRun#TITLE} when it opens (its event loop runs this timer): checks
	 * "Remember my decision" if asked, then presses the button; records what it said.
	 */
	private Seen answer(String button, boolean remember) {
		Seen seen = new Seen();
		answers.add(seen);
		Display d = Display.getCurrent();
		Runnable[] poll = new Runnable[1];
		long end = System.currentTimeMillis() + 20_000;
		poll[0] = () -> {
			if (seen.stopped) return;
			for (Shell sh : d.getShells())
				if (!sh.isDisposed() && sh.isVisible() && SaveBeforeRun.TITLE.equals(sh.getText())) {
					seen.text = OpenReportUITest.labels(sh);
					for (Button b : RunsViewUITest.buttons(sh))
						if (remember && b.getText().equals(SaveBeforeRun.REMEMBER)) {
							b.setSelection(true);
							b.notifyListeners(SWT.Selection, new Event());
						}
					for (Button b : RunsViewUITest.buttons(sh)) if (b.getText().replace("&", "").equals(button)) {
						b.notifyListeners(SWT.Selection, new Event());
						return;
					}
				}
			if (System.currentTimeMillis() < end) d.timerExec(100, poll[0]);
		};
		d.timerExec(100, poll[0]);
		return seen;
	}

	/** Runs the command on the editor, made the active part (a run shows the Results view). */
	private void execute(String command, ITextEditor editor) throws Exception {
		page.activate(editor);
		flush();
		try {
			PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(command, null);
		} finally {
			answers.forEach(a -> a.stopped = true);
		}
		flush();
	}

	private void awaitRuns() {
		for (Job j : scheduled) {
			spin(() -> j.getResult() != null, 120_000, "the run " + j.getName());
			assertTrue(j.getResult().getSeverity() <= IStatus.WARNING, j.getResult().toString());
		}
	}

	@Test
	void runExperimentsOnAChangedEditorAsksAndCancelRunsNothingAndKeepsItChanged() throws Exception {
		ITextEditor editor = changedEditor("asked.cell");
		cancelled("org.cellwright.app.runExperiments", editor);

		Seen seen = answer(SaveBeforeRun.SAVE_AND_RUN, false);
		execute("org.cellwright.app.runExperiments", editor);
		assertNotNull(seen.text, "asked again");
		assertFalse(editor.isDirty(), "saved");
		assertTrue(onDisk(editor).contains(CHANGE), "the editor's text on disk");
		assertEquals(1, scheduled.size(), "run: " + scheduled);
		assertTrue(scheduled.get(0) instanceof ExperimentJob);
		awaitRuns();
		assertFalse(CellWrightPreferences.saveBeforeRunWithoutAsking(), "not remembered: asks next time");
	}

	@Test
	void fitParametersOnAChangedEditorAsksToo() throws Exception {
		cancelled("org.cellwright.app.runFit", changedEditor("fit.cell"));
	}

	/** The command on the changed editor asks, naming its file; Cancel runs nothing and leaves the editor changed. */
	private void cancelled(String command, ITextEditor editor) throws Exception {
		Seen seen = answer(IDialogConstants.CANCEL_LABEL, false);
		execute(command, editor);
		assertNotNull(seen.text, "a dialog asked");
		String file = editor.getEditorInput().getAdapter(IFile.class).getFullPath().makeRelative().toString();
		assertTrue(seen.text.contains(file), "it names the file " + file + ": " + seen.text);
		assertEquals(List.of(), scheduled, "Cancel runs nothing");
		assertTrue(editor.isDirty(), "the editor keeps its changes unsaved");
		assertFalse(onDisk(editor).contains(CHANGE), "the file as it was");
	}

	@Test
	void rememberMyDecisionAndThePreferenceAlwaysSaveWithoutAsking() throws Exception {
		ITextEditor editor = changedEditor("always.cell");
		Seen seen = answer(SaveBeforeRun.SAVE_AND_RUN, true);
		execute("org.cellwright.app.runExperiments", editor);
		assertNotNull(seen.text, "asked the first time");
		assertTrue(CellWrightPreferences.saveBeforeRunWithoutAsking(), "remembered");
		assertFalse(editor.isDirty());
		awaitRuns();

		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		doc.replace(doc.getLength(), 0, "// again\n");
		seen = answer(IDialogConstants.CANCEL_LABEL, false); // would cancel a dialog if one opened
		execute("org.cellwright.app.runExperiments", editor);
		assertNull(seen.text, "no dialog: " + seen.text);
		assertFalse(editor.isDirty(), "saved without asking");
		assertTrue(onDisk(editor).endsWith("// again\n"));
		assertEquals(2, scheduled.size(), "run again: " + scheduled);
		awaitRuns();
	}

	/**
	 * A launch of a CellWright Experiment configuration (Run in Run Configurations..., the toolbar's Run and its history,
	 * Run Last Launched, Run As: all through the platform's launch) asks too: Cancel runs nothing and leaves the editor
	 * changed, Save and Run saves and runs. Before session 30 only Run As asked; the others ran the file as last saved
	 * without a word (the configuration's delegate had no pre-launch check).
	 */
	@Test
	void aLaunchOfAConfigurationOnAChangedFileAsksToo() throws Exception {
		ITextEditor editor = changedEditor("launched.cell");
		IFile f = editor.getEditorInput().getAdapter(IFile.class);
		org.eclipse.debug.core.ILaunchConfigurationWorkingCopy wc = org.cellwright.app.launch.ExperimentLaunchShortcut.configurationFor(f)
				.getWorkingCopy();
		wc.setAttribute(org.cellwright.app.launch.ExperimentLaunch.EXPERIMENT, "X"); // one experiment, as the dialog's tab chooses it
		org.eclipse.debug.core.ILaunchConfiguration configuration = wc.doSave();

		Seen seen = launch(configuration, IDialogConstants.CANCEL_LABEL);
		assertNotNull(seen.text, "a dialog asked");
		assertTrue(seen.text.contains("save-before-run/launched.cell"), seen.text);
		assertEquals(List.of(), scheduled, "Cancel runs nothing");
		assertTrue(editor.isDirty(), "the editor keeps its changes unsaved");
		assertFalse(onDisk(editor).contains(CHANGE), "the file as it was");

		seen = launch(configuration, SaveBeforeRun.SAVE_AND_RUN);
		assertNotNull(seen.text, "asked again");
		assertFalse(editor.isDirty(), "saved");
		assertTrue(onDisk(editor).contains(CHANGE), "the editor's text on disk");
		spin(() -> !scheduled.isEmpty(), 30_000, "the launched run");
		assertTrue(scheduled.get(0) instanceof ExperimentJob, scheduled.toString());
		awaitRuns();
	}

	/** Launches the configuration as the Run Configurations dialog's Run does, answering the dialog with {@code button}. */
	private Seen launch(org.eclipse.debug.core.ILaunchConfiguration configuration, String button) {
		Seen seen = answer(button, false);
		try {
			org.eclipse.debug.ui.DebugUITools.launch(configuration, org.eclipse.debug.core.ILaunchManager.RUN_MODE);
			spin(() -> seen.text != null, 30_000, "the Save and Run dialog");
			// the launch goes on in a job of the platform's ("Launching launched.cell"): until it has ended
			spin(() -> java.util.Arrays.stream(Job.getJobManager().find(null)).noneMatch(j -> j.getName().startsWith("Launching ")), 30_000,
					"the launch to end");
			flush();
		} finally {
			seen.stopped = true;
		}
		return seen;
	}

	/** The Runs view's Run Again runs the file as it is now: a changed editor of it is asked about too. */
	@Test
	void runAgainOnARunOfAChangedFileAsksToo() throws Exception {
		ITextEditor editor = changedEditor("again.cell");
		editor.doSave(null);
		IFile f = editor.getEditorInput().getAdapter(IFile.class);
		RunsViewUITest.run(f, "X");
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		doc.replace(doc.getLength(), 0, "// again\n");
		RunsView view = (RunsView) page.showView(RunsView.ID);
		view.refresh();
		flush();
		java.nio.file.Path here = project.getLocation().toFile().toPath();
		RunsView.Run run = view.runs().stream().filter(r -> r.folder().startsWith(here) && r.row().name().equals("X")).findFirst()
				.orElseThrow(() -> new AssertionError("the run of X: " + view.runs()));
		view.table().setSelection(view.runs().indexOf(run));
		scheduled.clear();
		Seen seen = answer(IDialogConstants.CANCEL_LABEL, false);
		ExperimentJob again;
		try {
			again = view.runAgain();
		} finally {
			answers.forEach(a -> a.stopped = true);
		}
		assertNotNull(seen.text, "a dialog asked");
		assertTrue(seen.text.contains("save-before-run/again.cell"), seen.text);
		assertNull(again, "Cancel runs nothing");
		assertEquals(List.of(), scheduled);
		assertTrue(editor.isDirty());
	}
}
