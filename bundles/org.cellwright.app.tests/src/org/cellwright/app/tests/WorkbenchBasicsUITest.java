package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cellwright.app.Perspective;
import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.CellHyperlinkDetector;
import org.cellwright.editor.DocumentModel;
import org.cellwright.editor.DocumentValidator;
import org.cellwright.editor.LibraryEditorInput;
import org.cellwright.editor.protocol.ProtocolTimelineView;
import org.cellwright.editor.references.FindReferences;
import org.cellwright.editor.references.ReferencesView;
import org.eclipse.core.commands.Command;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workbench basics: menus in their order, Window > Show View, marker images, read-only library, Find References. */
class WorkbenchBasicsUITest {

	IWorkbenchPage page;
	IFile halfCells;

	@BeforeEach
	void setUp() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		halfCells = any.getProject().getFile("sung2023/half-cells.cell");
		IdeUITest.waitForJobs();
	}

	/**
	 * The examples project holds the data an example reads beside it, with its licence (ecker2015-fit.cell's measured
	 * discharges): before, only the .cell files were imported, and Run > Fit Parameters found no measurement file.
	 */
	@Test
	void theExamplesComeWithTheMeasuredDataBesideThem() {
		var project = halfCells.getProject();
		for (String f : List.of("ecker2015-fit.cell", "ecker2015-fit-data/Ecker_1C.csv", "ecker2015-fit-data/Ecker_5C.csv",
				"ecker2015-fit-data/LICENSE-PyBaMM.txt", "ecker2015-fit-data/SOURCES.tsv"))
			assertTrue(project.getFile(f).exists(), "imported: " + f);
	}

	@AfterEach
	void tearDown() {
		page.closeAllEditors(false);
	}

	static String plain(String label) {
		String s = label.replace("&", "");
		int tab = s.indexOf('\t');
		return tab < 0 ? s : s.substring(0, tab);
	}

	static List<String> labels(Menu menu) {
		// menus are filled when shown: run what the menu managers do on SWT.Show
		menu.notifyListeners(SWT.Show, new Event());
		return Arrays.stream(menu.getItems()).map(i -> plain(i.getText())).toList();
	}

	static MenuItem item(Menu menu, String label) {
		menu.notifyListeners(SWT.Show, new Event());
		return Arrays.stream(menu.getItems()).filter(i -> plain(i.getText()).equals(label)).findFirst()
				.orElseThrow(() -> new AssertionError("no '" + label + "' in " + labels(menu)));
	}

	Menu menuBar() {
		return page.getWorkbenchWindow().getShell().getMenuBar();
	}

	@Test
	void menuBarRunsFileEditRunWindowHelpWithHelpLast() {
		List<String> bar = Arrays.stream(menuBar().getItems()).map(i -> plain(i.getText())).filter(s -> !s.isEmpty()).toList();
		assertEquals("File", bar.get(0), bar.toString());
		assertEquals("Edit", bar.get(1), bar.toString());
		assertEquals("Help", bar.get(bar.size() - 1), "Help is the last menu: " + bar);
		assertEquals("Window", bar.get(bar.size() - 2), "Window before Help: " + bar);
		assertTrue(bar.indexOf("Run") > 1 && bar.indexOf("Run") < bar.indexOf("Window"), "Run between Edit and Window: " + bar);
		assertTrue(labels(item(menuBar(), "Help").getMenu()).contains("Getting Started"), "Help keeps Getting Started");
	}

	/**
	 * The File menu closes, saves under another name and reverts, as the Eclipse IDE's does (it had Save and Save All
	 * only: an editor was closed by its tab alone, a .cell file could not be saved as a copy); Close Editor closes it.
	 */
	@Test
	void fileMenuClosesSavesAsAndReverts() throws Exception {
		Menu file = item(menuBar(), "File").getMenu();
		List<String> items = labels(file);
		for (String s : List.of("Close Editor", "Close All Editors", "Save", "Save As...", "Save All", "Revert", "Exit"))
			assertTrue(items.contains(s), s + " in File: " + items);
		assertTrue(items.indexOf("Close Editor") < items.indexOf("Save") && items.indexOf("Save") < items.indexOf("Save As...")
				&& items.indexOf("Save As...") < items.indexOf("Revert"), "in the Eclipse IDE's order: " + items);
		org.eclipse.ui.IEditorPart editor = org.eclipse.ui.ide.IDE.openEditor(page, halfCells, true);
		IdeUITest.flush();
		labels(file); // the menu's items updated as when it is shown
		assertTrue(item(file, "Close Editor").isEnabled(), "Close Editor is enabled with an editor open");
		assertTrue(item(file, "Save As...").isEnabled(), "Save As... is enabled with an editor open");
		item(file, "Close Editor").notifyListeners(SWT.Selection, new Event());
		IdeUITest.flush();
		assertNull(page.findEditor(editor.getEditorInput()), "File > Close Editor closed the editor");
	}

	/**
	 * One Run menu in the window's menu bar, counting those not shown yet: org.eclipse.debug.ui's empty Run menu
	 * (org.eclipse.ui.run) stood beside CellWright's, and the menu bar read File, Edit, Run, Run, Window, Help for some
	 * seconds after the window appeared, until the empty one was hidden (session 30 walk).
	 */
	@Test
	void theMenuBarHasOneRunMenu() {
		org.eclipse.e4.ui.model.application.ui.basic.MWindow window = page.getWorkbenchWindow()
				.getService(org.eclipse.e4.ui.model.application.ui.basic.MWindow.class);
		List<String> runs = window.getMainMenu().getChildren().stream()
				.filter(m -> m.getLabel() != null && plain(m.getLabel()).equals("Run")).map(m -> m.getElementId()).toList();
		assertEquals(1, runs.size(), "Run menus in the model: " + runs);
	}

	/** The Run menu reads Run Experiments (Ctrl+R) first; it read Fit Parameters, Run Configurations..., Run Experiments. */
	@Test
	void runMenuStartsWithRunExperiments() {
		List<String> run = labels(item(menuBar(), "Run").getMenu()).stream().filter(s -> !s.isEmpty()).toList();
		assertEquals(List.of("Run Experiments", "Fit Parameters", "Run Configurations..."), run);
	}

	@Test
	void windowMenuShowsTheStandardViewsResetPerspectiveAndPreferences() throws Exception {
		Menu window = item(menuBar(), "Window").getMenu();
		List<String> items = labels(window);
		assertTrue(items.stream().anyMatch(s -> s.startsWith("Reset Perspective")), items.toString());
		assertTrue(items.stream().anyMatch(s -> s.startsWith("Preferences")), items.toString());
		assertTrue(item(window, "Reset Perspective...").isEnabled(), "Reset Perspective is enabled");
		Menu showView = item(window, "Show View").getMenu();
		List<String> views = labels(showView);
		// Runs, Sweep and Fit Report were only under Other...
		for (String v : List.of("Protocol Timeline", "Stack", "Properties", "Results", "Runs", "Sweep", "Fit Report", "Problems", "Outline",
				"References"))
			assertTrue(views.contains(v), v + " in Window > Show View: " + views);
		assertTrue(views.stream().anyMatch(s -> s.startsWith("Other")), "and Other... for every view: " + views);
		assertEquals(Perspective.SHOW_VIEW_SHORTCUTS.size(), views.stream().filter(s -> !s.isEmpty() && !s.startsWith("Other")).count(),
				"exactly the perspective's shortcuts: " + views);

		// a closed view comes back through the menu
		var timeline = page.findView(ProtocolTimelineView.ID);
		if (timeline != null) page.hideView(timeline);
		assertNull(page.findView(ProtocolTimelineView.ID));
		item(showView, "Protocol Timeline").notifyListeners(SWT.Selection, new Event());
		IdeUITest.flush();
		assertNotNull(page.findView(ProtocolTimelineView.ID), "Window > Show View > Protocol Timeline opens it");
	}

	@Test
	void editDeleteIsInTheEditMenu() {
		assertTrue(labels(item(menuBar(), "Edit").getMenu()).contains("Delete"), "Edit > Delete");
	}

	@Test
	void problemsViewHasRealImagesForEachSeverity() {
		ImageData missing = ImageDescriptor.getMissingImageDescriptor().getImageData(100);
		for (String key : List.of("IMG_OBJS_ERROR_PATH", "IMG_OBJS_WARNING_PATH", "IMG_OBJS_INFO_PATH")) {
			ImageDescriptor d = PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(key);
			assertNotNull(d, key + " is declared (the Problems view draws severities with it)");
			ImageData data = d.getImageData(100);
			assertNotNull(data, key + " loads");
			assertFalse(Arrays.equals(missing.data, data.data), key + " is not the red 'missing image' square");
		}
		ImageData warning = PlatformUI.getWorkbench().getSharedImages().getImageDescriptor("IMG_OBJS_WARNING_PATH").getImageData(100);
		ImageData error = PlatformUI.getWorkbench().getSharedImages().getImageDescriptor("IMG_OBJS_ERROR_PATH").getImageData(100);
		assertFalse(Arrays.equals(warning.data, error.data), "a warning does not look like an error");
	}

	@Test
	void everyWarningOfTheShippedExamplesIsExplainedOnItsLine() throws Exception {
		List<String> unexplained = new ArrayList<>();
		int warnings = 0;
		// the shipped examples (other tests add files of their own to the project)
		Path shipped = Path.of(System.getProperty("cellwright.examples"));
		List<IFile> files = new ArrayList<>();
		try (var s = java.nio.file.Files.walk(shipped)) {
			for (Path p : s.filter(p -> p.toString().endsWith(".cell")).toList())
				files.add(halfCells.getProject().getFile(shipped.relativize(p).toString()));
		}
		assertTrue(files.size() >= 6, "the examples: " + files);
		for (IFile f : files) {
			String text = java.nio.file.Files.readString(shipped.resolve(f.getProjectRelativePath().toString()));
			String[] lines = text.split("\n", -1);
			for (Issue i : DocumentValidator.validate(f, text, CancelIndicator.NullImpl)) {
				assertNotEquals(Severity.ERROR, i.getSeverity(), f + ":" + i.getLineNumber() + ": " + i.getMessage());
				if (i.getSeverity() != Severity.WARNING) continue;
				warnings++;
				if (!lines[i.getLineNumber() - 1].contains("warning expected"))
					unexplained.add(f.getName() + ":" + i.getLineNumber() + ": " + i.getMessage());
			}
		}
		assertTrue(warnings > 0, "the examples show the real findings (Li on LPSCl)");
		assertEquals(List.of(), unexplained, "each warning is fixed or explained by a comment on its line");
	}

	@Test
	void definitionInTheStandardLibraryOpensReadOnly() throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, halfCells, true);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int at = doc.get().indexOf("layer separator: Li6PS5Cl") + "layer separator: ".length() + 2;
		CellHyperlinkDetector.Target t = CellHyperlinkDetector.targetAt(DocumentModel.parse(doc), at);
		assertNotNull(t);
		t.open();
		IdeUITest.flush();
		IEditorPart opened = page.getActiveEditor();
		assertInstanceOf(LibraryEditorInput.class, opened.getEditorInput(), "a library file is not opened as a writable file");
		ITextEditor lib = (ITextEditor) opened;
		assertFalse(lib.isEditable(), "the library is read-only");
		assertTrue(((org.eclipse.ui.texteditor.ITextEditorExtension) lib).isEditorInputReadOnly(), "its input is read-only");
		IDocument libDoc = lib.getDocumentProvider().getDocument(lib.getEditorInput());
		assertTrue(libDoc.get().contains("material Li6PS5Cl"), "the library's text is shown");
		assertFalse(lib.isDirty());
		assertTrue(opened.getTitleToolTip().contains("read-only"), opened.getTitleToolTip());
	}

	@Test
	void findReferencesListsTheReferencesAcrossFilesAndIsEnabledInTheEditor() throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, halfCells, true);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int at = onCell3(doc.get());
		FindReferences.Result r = FindReferences.find(halfCells, doc.get(), at);
		assertNotNull(r);
		assertEquals("Cell3", r.name().substring(r.name().lastIndexOf('.') + 1));
		List<String> where = r.matches().stream().map(m -> m.file().getName() + ":" + m.line()).toList();
		assertTrue(where.contains("half-cells.cell:32"), "Cell1 extends Cell3: " + where);
		assertTrue(where.stream().anyMatch(s -> s.startsWith("experiments.cell:")), "experiments use it: " + where);
		assertTrue(r.matches().stream().allMatch(m -> m.lineText().contains("Cell3")), "each match is on a line naming it");

		// the generic editor's Find References command (Ctrl+Shift+G) runs it into the References view
		editor.selectAndReveal(at, 0);
		page.activate(editor);
		IdeUITest.flush();
		Command find = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand("org.eclipse.ui.genericeditor.findReferences");
		assertTrue(find.isEnabled(), "Find References is enabled in a .cell editor");
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(find.getId(), null);
		ReferencesView view = (ReferencesView) page.findView(ReferencesView.ID);
		assertNotNull(view, "the References view shows the result");
		IdeUITest.spin(() -> view.result() != null, 30_000, "the references");
		assertEquals(r.matches().size(), view.lines().size(), view.lines().toString());
		assertTrue(view.title().contains(r.matches().size() + " references"), view.title());
	}

	/**
	 * Cancel of Find References (the Progress view's) stops the reading of the workspace's files: the references of the
	 * files read until then are shown, the edited file's at least, and the title says the search was cancelled (as
	 * Eclipse's search does). Before, the job's monitor was not passed to the search: cancelled or not, every file was
	 * read and every reference listed.
	 */
	@Test
	void findReferencesCancelledShowsTheReferencesOfTheFilesReadAndSaysSo() throws Exception {
		ITextEditor opened = (ITextEditor) IDE.openEditor(page, halfCells, true);
		String text = opened.getDocumentProvider().getDocument(opened.getEditorInput()).get();
		int at = onCell3(text);
		FindReferences.Result all = FindReferences.find(halfCells, text, at);
		assertTrue(all.matches().stream().anyMatch(m -> !m.file().equals(halfCells)), "other files name Cell3: " + all.matches());
		assertFalse(all.cancelled());
		assertEquals(all.files(), all.searched());

		ReferencesView view = (ReferencesView) page.showView(ReferencesView.ID);
		// the user's Cancel, as soon as the search runs
		var cancel = new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
			@Override
			public void running(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
				if ("Find references".equals(event.getJob().getName())) event.getJob().cancel();
			}
		};
		Job.getJobManager().addJobChangeListener(cancel);
		try {
			view.search(halfCells, text, at);
			IdeUITest.spin(() -> view.result() != null, 30_000, "the references");
		} finally {
			Job.getJobManager().removeJobChangeListener(cancel);
		}
		FindReferences.Result r = view.result();
		assertTrue(r.cancelled(), "the result says it is cancelled: " + r.searched() + " of " + r.files());
		assertEquals(1, r.searched(), "the edited file only was read");
		assertEquals(all.files(), r.files());
		List<FindReferences.Match> here = all.matches().stream().filter(m -> m.file().equals(halfCells)).toList();
		assertEquals(here.stream().map(Object::toString).toList(), r.matches().stream().map(Object::toString).toList(),
				"the references of the file read, no other file's");
		assertTrue(view.title().contains(here.size() + " reference") && view.title().contains("(cancelled: 1 of " + all.files() + " .cell files searched)"),
				view.title());
	}

	/** An offset on the name of cell Cell3 in half-cells.cell. */
	private static int onCell3(String text) {
		return text.indexOf("cell Cell3 {") + "cell ".length() + 1;
	}

	@Test
	void startUpWorkRunsInJobsNotOnTheUiThread() throws Exception {
		Job job = WorkspaceSetup.onStartup();
		assertNotNull(job, "the start-up work is a job");
		assertTrue(job.getState() != Job.NONE || job.getResult() != null, "scheduled");
		IdeUITest.spin(() -> job.getResult() != null, 60_000, "the start-up job");
		assertTrue(job.getResult().isOK(), job.getResult().toString());
		assertTrue(halfCells.getProject().isAccessible());
		assertTrue(halfCells.getProject().getFolder("sung2023").members(IResource.NONE).length >= 5);
	}
}
