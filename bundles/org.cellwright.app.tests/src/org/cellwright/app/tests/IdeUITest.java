package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.cellwright.app.ExperimentJob;
import org.cellwright.app.WorkspaceSetup;
import org.cellwright.app.views.ResultsView;
import org.cellwright.editor.CellValidationReconciler;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the running IDE through SWT: the editor colours and validates, a run shows its curve. */
class IdeUITest {

	IWorkbenchPage page;
	IFile file;

	@BeforeEach
	void setUp() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		file = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		file = file.getProject().getFile("baseline-halfcell.cell");
		assertTrue(file.exists(), "the example was imported into the workspace");
		waitForJobs();
	}

	@AfterEach
	void tearDown() {
		page.closeAllEditors(false);
	}

	public static void spin(BooleanSupplier until, long timeoutMs, String what) {
		spin(until, timeoutMs, () -> what);
	}

	/** As {@link #spin(BooleanSupplier, long, String)}, the failure message made when it fails (what was seen). */
	public static void spin(BooleanSupplier until, long timeoutMs, java.util.function.Supplier<String> what) {
		Display d = Display.getCurrent();
		long end = System.currentTimeMillis() + timeoutMs;
		while (!until.getAsBoolean()) {
			if (System.currentTimeMillis() > end) fail("timed out waiting for: " + what.get());
			if (!d.readAndDispatch()) d.sleep();
		}
	}

	/** Runs the event loop until {@code find} gives a value (not null), which it returns; fails after the timeout. */
	public static <T> T await(java.util.function.Supplier<T> find, long timeoutMs, String what) {
		Display d = Display.getCurrent();
		long end = System.currentTimeMillis() + timeoutMs;
		for (T found = find.get();; found = find.get()) {
			if (found != null) return found;
			if (System.currentTimeMillis() > end) fail("timed out waiting for: " + what);
			if (!d.readAndDispatch()) d.sleep();
		}
	}

	/** The error markers of the workspace, each as "path:line: message" (what the Problems view counts as errors). */
	public static java.util.List<String> errors() {
		try {
			return java.util.Arrays.stream(org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot()
					.findMarkers(org.eclipse.core.resources.IMarker.PROBLEM, true, org.eclipse.core.resources.IResource.DEPTH_INFINITE))
					.filter(m -> m.getAttribute(org.eclipse.core.resources.IMarker.SEVERITY, -1) == org.eclipse.core.resources.IMarker.SEVERITY_ERROR)
					.map(m -> m.getResource().getFullPath() + ":" + m.getAttribute(org.eclipse.core.resources.IMarker.LINE_NUMBER, 0) + ": "
							+ m.getAttribute(org.eclipse.core.resources.IMarker.MESSAGE, ""))
					.sorted().toList();
		} catch (org.eclipse.core.runtime.CoreException e) {
			throw new AssertionError(e);
		}
	}

	public static void flush() {
		Display d = Display.getCurrent();
		for (int i = 0; i < 50; i++) while (d.readAndDispatch()) { /* flush */ }
	}

	public static void waitForJobs() {
		spin(() -> Job.getJobManager().isIdle(), 60_000, "background jobs to end");
	}

	/** A new project of the workspace, open. */
	public static IProject newProject(String name) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		project.create(null);
		project.open(null);
		return project;
	}

	/** A new file of a project holding text (UTF-8). */
	public static IFile newFile(IProject project, String name, String text) throws CoreException {
		IFile f = project.getFile(name);
		f.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		return f;
	}

	@Test
	void editorColoursKeywordsNumbersAndUnits() throws Exception {
		IEditorPart editor = IDE.openEditor(page, file, true);
		flush();
		StyledText text = editor.getAdapter(org.eclipse.swt.widgets.Control.class) instanceof StyledText st ? st
				: (StyledText) ((ITextEditor) editor).getAdapter(org.eclipse.swt.widgets.Control.class);
		assertNotNull(text, "a text widget");
		String content = text.getText();
		int kw = content.indexOf("material");
		StyleRange r = text.getStyleRangeAtOffset(kw);
		assertNotNull(r, "the keyword 'material' is styled");
		assertEquals(org.eclipse.swt.SWT.BOLD, r.fontStyle & org.eclipse.swt.SWT.BOLD, "keywords are bold");
		int unit = content.indexOf("mA/cm2");
		StyleRange u = text.getStyleRangeAtOffset(unit);
		assertNotNull(u, "units are styled");
		assertNotEquals(r.foreground.getRGB(), u.foreground.getRGB(), "units look different from keywords");
	}

	@Test
	void typingAnErrorAddsAMarkerAndFixingItRemovesIt() throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String original = doc.get();
		spin(() -> errorMarkers() == 0, 20_000, "the example to validate clean");
		int at = original.indexOf("layer separator: LPSCl");
		doc.replace(at + "layer separator: ".length(), "LPSCl".length(), "Unobtainium");
		spin(() -> errorMarkers() > 0, 20_000, "an error marker for the unknown material");
		IMarker m = file.findMarkers(CellValidationReconciler.MARKER_TYPE, true, IResource.DEPTH_ZERO)[0];
		assertTrue(m.getAttribute(IMarker.MESSAGE, "").contains("Unobtainium"), m.getAttribute(IMarker.MESSAGE, ""));
		assertEquals(doc.getLineOfOffset(at) + 1, m.getAttribute(IMarker.LINE_NUMBER, -1), "marker on the edited line");
		doc.set(original);
		spin(() -> errorMarkers() == 0, 20_000, "the marker to go away after the fix");
		editor.doRevertToSaved();
	}

	int errorMarkers() {
		try {
			int n = 0;
			for (IMarker m : file.findMarkers(CellValidationReconciler.MARKER_TYPE, true, IResource.DEPTH_ZERO))
				if (m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR) n++;
			return n;
		} catch (Exception e) {
			return -1;
		}
	}

	@Test
	void runningAnExperimentPlotsItsVoltageCurve() throws Exception {
		ExperimentJob job = new ExperimentJob(file);
		job.schedule();
		spin(() -> job.getResult() != null, 120_000, "the experiment job");
		assertTrue(job.getResult().isOK(), job.getResult().toString());
		IFile csv = file.getProject().getFile("results/baseline-halfcell/FirstCycle/latest/timeseries.csv");
		assertTrue(csv.exists(), "results are written into the project and visible in the workspace");
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		spin(() -> view.shown() != null && view.shown().getParent().endsWith("FirstCycle"), 10_000, "the Results view to show the run");
		ISeries<?>[] series = view.chart().getSeriesSet().getSeries();
		assertEquals(1, series.length);
		assertTrue(series[0].getYSeries().length > 20, "a curve with points: " + series[0].getYSeries().length);
		double min = java.util.Arrays.stream(series[0].getYSeries()).min().orElseThrow();
		double max = java.util.Arrays.stream(series[0].getYSeries()).max().orElseThrow();
		assertTrue(min < 0 && max > 0, "plating below 0 V and stripping above it: " + min + " .. " + max);
		var perCycle = view.cyclesChart().getSeriesSet();
		for (String id : new String[] {"charge (mAh/cm2)", "discharge (mAh/cm2)", "CE (%)"})
			assertNotNull(perCycle.getSeries(id), id + " per cycle");
		assertEquals(1.0, perCycle.getSeries("discharge (mAh/cm2)").getYSeries()[0], 1e-3,
				"the cycle's discharge (plated) capacity in mAh/cm2");
	}
}
