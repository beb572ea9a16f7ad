package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.stack.StackView;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With CELLWRIGHT_SCREENSHOTS set to a folder (a developer's run under Xvfb, not CI): the screenshots of the README's
 * IDE section, taken from the running product with real input events (keyboard mnemonics, a right click):
 * ide-window-menu.png, ide-problems-warnings.png, ide-stack-context-menu.png, ide-editor-stack-outline.png,
 * ide-properties.png, ide-references.png, ide-protocol-timeline.png, ide-runs.png, ide-getting-started.png,
 * ide-walking-skeleton.png, the Results view's ide-results-*.png and ide-console.png.
 */
class DocsScreenshotsUITest {

	IWorkbenchPage page;
	Path dir;
	IFile halfCells;

	@BeforeEach
	void setUp() throws Exception {
		String d = System.getenv("CELLWRIGHT_SCREENSHOTS");
		if (d == null || d.isBlank()) return; // screenshots only when CELLWRIGHT_SCREENSHOTS names a folder
		dir = Path.of(d);
		Files.createDirectories(dir);
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		halfCells = any.getProject().getFile("sung2023/half-cells.cell");
		IdeUITest.waitForJobs();
		page.resetPerspective();
		Shell shell = page.getWorkbenchWindow().getShell();
		shell.setBounds(0, 0, 1400, 900);
		shell.forceActive();
		IDE.openEditor(page, halfCells, true);
		settle(1500);
	}

	@AfterEach
	void tearDown() {
		if (dir == null) return;
		key(SWT.ESC);
		key(SWT.ESC);
		settle(300);
		page.closeAllEditors(false);
	}

	static void settle(long ms) {
		Display d = Display.getCurrent();
		long until = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < until) if (!d.readAndDispatch()) try { Thread.sleep(10); } catch (InterruptedException e) { return; }
	}

	static void post(int type, int keyCode, char character, int button, int x, int y) {
		Event e = new Event();
		e.type = type;
		e.keyCode = keyCode;
		e.character = character;
		e.button = button;
		e.x = x;
		e.y = y;
		Display.getCurrent().post(e);
		settle(80);
	}

	static void key(int keyCode) {
		post(SWT.KeyDown, keyCode, (char) 0, 0, 0, 0);
		post(SWT.KeyUp, keyCode, (char) 0, 0, 0, 0);
	}

	static void type(char c) {
		post(SWT.KeyDown, 0, c, 0, 0, 0);
		post(SWT.KeyUp, 0, c, 0, 0, 0);
	}

	static org.eclipse.swt.widgets.Tree warnings(org.eclipse.swt.widgets.Control c) {
		if (c instanceof org.eclipse.swt.widgets.Tree t && t.getColumnCount() > 1 && t.getColumn(0).getText().equals("Description")
				&& t.getItemCount() > 0) return t;
		if (c instanceof org.eclipse.swt.widgets.Composite comp) for (var child : comp.getChildren()) {
			var t = warnings(child);
			if (t != null) return t;
		}
		return null;
	}

	void shot(String name) throws Exception {
		Shell shell = page.getWorkbenchWindow().getShell();
		Path file = dir.resolve(name);
		Screenshots.window(shell, file);
		assertTrue(Files.size(file) > 10_000, file + " holds a picture");
	}

	@Test
	void windowMenuWithShowView() throws Exception {
		if (dir == null) return;
		// Alt+W opens Window (its mnemonic), V opens Show View
		post(SWT.KeyDown, SWT.ALT, (char) 0, 0, 0, 0);
		type('w');
		post(SWT.KeyUp, SWT.ALT, (char) 0, 0, 0, 0);
		settle(600);
		type('v');
		settle(800);
		shot("ide-window-menu.png");
	}

	@Test
	void problemsViewWithWarnings() throws Exception {
		if (dir == null) return;
		IDE.openEditor(page, halfCells.getProject().getFile("sung2023/full-cells.cell"), true);
		IdeUITest.spin(() -> {
			try {
				return halfCells.getProject().findMarkers(IMarker.PROBLEM, true, 2).length >= 14;
			} catch (Exception e) {
				return false;
			}
		}, 30_000, "the examples' warnings");
		var problems = page.showView(IPageLayout.ID_PROBLEM_VIEW);
		page.activate(problems);
		settle(1500);
		// open the Warnings group as a click on its arrow does
		problems.setFocus();
		settle(300);
		key(SWT.HOME);
		key(SWT.ARROW_RIGHT); // the keyboard's way to open the selected group
		settle(1000);
		shot("ide-problems-warnings.png");
	}

	@Test
	void stackEditorContextMenu() throws Exception {
		if (dir == null) return;
		StackView view = (StackView) page.showView(StackView.ID);
		view.reparse();
		view.selectCell("Cell1");
		// the view maximized: in its place below the editor the stack is about 170 px high and the menu covered most of
		// it, the pale inherited layers and the separator's amber band with them
		var ref = page.getReference(view);
		page.setPartState(ref, IWorkbenchPage.STATE_MAXIMIZED);
		settle(1500);
		var canvas = view.canvas();
		view.select(1);
		settle(300);
		// the view's own context menu, opened where a right click in the upper part of the interlayer opens it (the
		// layers' names are written upwards from their bottom, the band runs along their top)
		var at = canvas.toDisplay(view.slabCenter(1), canvas.getSize().y / 3);
		try {
			canvas.getMenu().setLocation(at);
			canvas.getMenu().setVisible(true);
			settle(1000);
			shot("ide-stack-context-menu.png");
		} finally {
			canvas.getMenu().setVisible(false);
			page.setPartState(ref, IWorkbenchPage.STATE_RESTORED);
		}
	}
	/** The editor, the Outline and the Stack view on Cell1 (extends Cell3: inherited layers pale, the warning's band). */
	@Test
	void editorOutlineAndStack() throws Exception {
		if (dir == null) return;
		StackView view = (StackView) page.showView(StackView.ID);
		view.reparse();
		view.selectCell("Cell1");
		settle(1000);
		shot("ide-editor-stack-outline.png");
	}

	/**
	 * The Properties view on Cell1's interlayer: the values it does not write marked with where they come from; a
	 * current density typed for its thickness refused with the reason shown in the view.
	 */
	@Test
	void propertiesWithEffectiveValuesAndARefusal() throws Exception {
		if (dir == null) return;
		StackView view = (StackView) page.showView(StackView.ID);
		view.reparse();
		view.selectCell("Cell1");
		settle(800);
		int interlayer = -1;
		for (int i = 0; i < 8 && interlayer < 0; i++) {
			view.select(i);
			if (view.propertySource() != null && "interlayer".equals(view.propertySource().getPropertyValue("name"))) interlayer = i;
		}
		assertTrue(interlayer >= 0, "Cell1 shows its interlayer");
		var sheet = (org.eclipse.ui.views.properties.PropertySheet) page.showView(IPageLayout.ID_PROP_SHEET);
		page.activate(view);
		settle(1000);
		var tree = PropertiesUITest.tree(sheet.getCurrentPage().getControl());
		for (var item : tree.getItems()) item.setExpanded(true);
		var editor = PropertiesUITest.openCellEditor(tree, "thickness");
		editor.setText("5 mA/cm2");
		editor.notifyListeners(SWT.DefaultSelection, new Event());
		settle(1000);
		shot("ide-properties.png");
	}

	/** Find References (Ctrl+Shift+G) on Cell3: the References view lists every reference in the workspace. */
	@Test
	void referencesView() throws Exception {
		if (dir == null) return;
		var editor = (org.eclipse.ui.texteditor.ITextEditor) page.getActiveEditor();
		var doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		editor.selectAndReveal(doc.get().indexOf("cell Cell3 {") + "cell ".length() + 1, 0);
		page.activate(editor);
		settle(500);
		PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class)
				.executeCommand("org.eclipse.ui.genericeditor.findReferences", null);
		var view = (org.cellwright.editor.references.ReferencesView) page.findView(org.cellwright.editor.references.ReferencesView.ID);
		assertNotNull(view);
		IdeUITest.spin(() -> view.result() != null, 30_000, "the references");
		settle(800);
		shot("ide-references.png");
	}

	/** The Protocol Timeline of the full cell's long cycling: the activation, then the cycles drawn once under "x N". */
	@Test
	void protocolTimeline() throws Exception {
		if (dir == null) return;
		IDE.openEditor(page, halfCells.getProject().getFile("sung2023/long-cycling.cell"), true);
		var view = (org.cellwright.editor.protocol.ProtocolTimelineView) page.showView(org.cellwright.editor.protocol.ProtocolTimelineView.ID);
		view.reparse();
		view.show("FullCellLongCycling");
		settle(1500);
		Screenshots.ofView(view, "ide-protocol-timeline.png");
	}

	/** The Runs view after two runs of the baseline half cell at different stack pressures: what changed between them. */
	@Test
	void runsView() throws Exception {
		if (dir == null) return;
		IFile base = halfCells.getProject().getFile("baseline-halfcell.cell");
		var editor = (org.eclipse.ui.texteditor.ITextEditor) IDE.openEditor(page, base, true);
		var doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String original = doc.get();
		try {
			RunsViewUITest.run(base, null);
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("stack-pressure\\s*=\\s*([0-9.]+) MPa").matcher(original);
			assertTrue(m.find(), "the baseline writes a stack pressure");
			doc.replace(m.start(1), m.end(1) - m.start(1), "20");
			editor.doSave(null);
			RunsViewUITest.run(base, null);
			var view = (org.cellwright.app.views.RunsView) page.showView(org.cellwright.app.views.RunsView.ID);
			view.refresh();
			IdeUITest.spin(() -> view.runs().size() >= 2, 30_000, "two runs listed");
			settle(1000);
			Screenshots.ofView(view, "ide-runs.png"); // maximized: every column shows
		} finally {
			doc.set(original);
			editor.doSave(null);
		}
	}
	/** Help > Getting Started: the view walking from opening a cell to comparing two runs. */
	@Test
	void gettingStarted() throws Exception {
		if (dir == null) return;
		var view = page.showView(org.cellwright.app.wizards.GettingStartedView.ID);
		Screenshots.ofView(view, "ide-getting-started.png");
	}

	/**
	 * The first start: the baseline example in the editor, run, its voltage curve in the Results view (the view showed
	 * whatever an earlier test had left there: the Cycles tab of a run made out of date by the Runs view's edit).
	 */
	@Test
	void walkingSkeleton() throws Exception {
		if (dir == null) return;
		IFile base = halfCells.getProject().getFile("baseline-halfcell.cell");
		var editor = IDE.openEditor(page, base, true);
		RunsViewUITest.run(base, null);
		IdeUITest.flush();
		var view = (org.cellwright.app.views.ResultsView) page.showView(org.cellwright.app.views.ResultsView.ID);
		view.show(org.cellwright.run.folder.RunFolder.resolve(
				halfCells.getProject().getFolder("results/baseline-halfcell/FirstCycle").getLocation().toFile().toPath()));
		ResultsUITest.loaded(view);
		view.selectTab(org.cellwright.app.views.ResultsView.VOLTAGE);
		page.activate(editor);
		settle(1500);
		shot("ide-walking-skeleton.png");
	}

	/** Runs one experiment of the study file through the IDE's job; its latest run folder. */
	Path runExperiment(String name) {
		return runExperiment("experiments", name);
	}

	/** Runs one experiment of a file of the study (sung2023/{@code file}.cell); its latest run folder. */
	Path runExperiment(String file, String name) {
		IFile cell = halfCells.getProject().getFile("sung2023/" + file + ".cell");
		RunsViewUITest.run(cell, name);
		IdeUITest.flush();
		return org.cellwright.run.folder.RunFolder.resolve(
				halfCells.getProject().getFolder("results/sung2023/" + file + ".cell/" + name).getLocation().toFile().toPath());
	}

	/** The Results view: the workbench with a run, each tab of one run and of two runs compared, the Checks tab. */
	@Test
	void resultsView() throws Exception {
		if (dir == null) return;
		Path interlayer = runExperiment("InterlayerHalfCell"), bare = runExperiment("BareHalfCell");
		Path withInterlayer = runExperiment("long-cycling", "FullCellLongCycling"), baseline = runExperiment("long-cycling", "BaselineLongCycling");
		var view = (org.cellwright.app.views.ResultsView) page.showView(org.cellwright.app.views.ResultsView.ID);
		view.show(interlayer);
		ResultsUITest.loaded(view);
		view.selectTab(org.cellwright.app.views.ResultsView.VOLTAGE);
		var explorer = revealInExplorer(interlayer);
		settle(1500);
		shot("ide-results-workbench.png");
		// the Explorer closed again and the Results view active, as the tests after this one found them before
		// (collapsed first: GTK moves the selection of a row it collapses to the row's parent, the project)
		explorer.getCommonViewer().collapseAll();
		explorer.getCommonViewer().setSelection(org.eclipse.jface.viewers.StructuredSelection.EMPTY);
		page.activate(view);
		tabs(view, null, org.cellwright.app.views.ResultsView.VOLTAGE_CAPACITY, "ide-results-voltage-capacity.png",
				org.cellwright.app.views.ResultsView.MECHANISM, "ide-results-mechanism-map.png",
				org.cellwright.app.views.ResultsView.CHECKS, "ide-results-checks.png");
		tabs(view, java.util.List.of(bare, interlayer), org.cellwright.app.views.ResultsView.VOLTAGE, "ide-results-voltage-compare.png",
				org.cellwright.app.views.ResultsView.MECHANISM, "ide-results-mechanism-map-compare.png");
		// the first cycles record the Li inventory and the overpotentials' parts
		tabs(view, java.util.List.of(runExperiment("FirstCycleBare"), runExperiment("FirstCycleInterlayer")),
				org.cellwright.app.views.ResultsView.OVERPOTENTIALS, "ide-results-overpotentials-compare.png",
				org.cellwright.app.views.ResultsView.INVENTORY, "ide-results-inventory-compare.png");
		tabs(view, java.util.List.of(withInterlayer, baseline), org.cellwright.app.views.ResultsView.CYCLES, "ide-results-cycles.png");
		// the Console view below the editor, as the perspective places it: the runs console lists the runs above
		var console = page.showView("org.eclipse.ui.console.ConsoleView");
		org.eclipse.ui.console.ConsolePlugin.getDefault().getConsoleManager().showConsoleView(org.cellwright.app.RunConsole.console());
		assertTrue(org.cellwright.app.RunConsole.console().getDocument().get().contains("InterlayerHalfCell  COMPLETED"));
		settle(1000);
		Screenshots.ofView(console, "ide-console.png");
	}

	/**
	 * The Project Explorer opened down to a run folder the IDE wrote, the folder selected and its files listed (left
	 * as the perspective opens it, the Explorer showed only the project, "examples").
	 */
	org.eclipse.ui.navigator.CommonNavigator revealInExplorer(Path run) throws Exception {
		var folder = org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot()
				.getContainerForLocation(org.eclipse.core.runtime.Path.fromOSString(run.toString()));
		assertNotNull(folder, run + " is in the workspace");
		folder.getProject().getFolder("results").refreshLocal(org.eclipse.core.resources.IResource.DEPTH_INFINITE, null);
		var explorer = (org.eclipse.ui.navigator.CommonNavigator) page.showView("org.eclipse.ui.navigator.ProjectExplorer");
		var viewer = explorer.getCommonViewer();
		viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(folder), true);
		viewer.expandToLevel(folder, 1);
		page.activate(explorer);
		settle(800);
		var selected = viewer.getTree().getSelection();
		assertEquals(1, selected.length, "the run folder selected");
		assertTrue(selected[0].getText().startsWith(folder.getName()), "the run folder selected: " + selected[0].getText());
		viewer.getTree().showItem(selected[0]);
		return explorer;
	}

	/** The runs (null: those shown) in the Results view, then each named tab (tab, file, tab, file, ...) photographed. */
	static void tabs(org.cellwright.app.views.ResultsView view, java.util.List<Path> runs, String... tabsAndFiles) throws Exception {
		if (runs != null) {
			view.setRuns(runs);
			ResultsUITest.loaded(view);
		}
		for (int i = 0; i + 1 < tabsAndFiles.length; i += 2) {
			view.selectTab(tabsAndFiles[i]);
			Screenshots.ofView(view, tabsAndFiles[i + 1]);
		}
	}
}
