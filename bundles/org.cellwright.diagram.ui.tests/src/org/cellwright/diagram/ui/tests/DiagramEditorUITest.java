package org.cellwright.diagram.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.diagram.ui.CellDiagramEditor;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.jface.text.IDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The diagram editor in the running product: Open With > Diagram draws the file's GLSP diagram in the SWT Browser. */
class DiagramEditorUITest {

	IWorkbenchPage page;
	IFile file;

	@BeforeEach
	void setUp() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		file = any.getProject().getFile("baseline-halfcell.cell");
		spin(() -> Job.getJobManager().isIdle(), 60_000, "background jobs");
	}

	@AfterEach
	void tearDown() {
		page.closeAllEditors(false);
	}

	@Test
	void theTextEditorStaysTheDefaultAndDiagramIsOfferedInOpenWith() throws Exception {
		IEditorDescriptor def = IDE.getDefaultEditor(file);
		assertTrue(def == null || !CellDiagramEditor.ID.equals(def.getId()), "default editor: " + (def == null ? null : def.getId()));
		IEditorDescriptor[] offered = PlatformUI.getWorkbench().getEditorRegistry().getEditors(file.getName(),
				file.getContentDescription() == null ? null : file.getContentDescription().getContentType());
		assertTrue(java.util.Arrays.stream(offered).anyMatch(d -> d.getId().equals(CellDiagramEditor.ID) && d.getLabel().equals("Diagram")),
				"Open With offers Diagram");
	}

	@Test
	void openWithDiagramDrawsTheElementsOfTheFile() throws Exception {
		CellDiagramEditor editor = openDiagram();
		String labels = (String) editor.browser().evaluate(
				"return Array.from(document.querySelectorAll('#sprotty svg text')).map(t => t.textContent).join('\\n');");
		for (String name : new String[] { "SUS", "LPSCl", "Li", "FirstCycle", "FirstPlatingStripping" })
			assertTrue(labels.lines().anyMatch(l -> l.contains(name)), name + " drawn; labels:\n" + labels);
		Number edges = (Number) editor.browser().evaluate("return document.querySelectorAll('#sprotty svg .sprotty-edge').length;");
		assertTrue(edges.intValue() > 0, "edges drawn");
		assertTrue(editor.page().getHost().equals("127.0.0.1"), "served on the loopback interface: " + editor.page());
		screenshot("diagram-editor-ide.png");
	}

	/** The palette's Layer operation: a layer in the text editor's document (comments kept); Edit > Undo takes it out. */
	@Test
	void aLayerAsThePaletteCreatesItAppearsInTheTextAndUndoTakesItOut() throws Exception {
		ITextEditor text = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
		String original = doc.get();
		try {
			CellDiagramEditor editor = openDiagram();
			Object tool = editor.browser().evaluate(
					"return [...document.querySelectorAll('.tool-palette .tool-button')].map(b => b.textContent.trim()).join(',');");
			assertTrue(String.valueOf(tool).contains("Layer"), "the palette offers Layer: " + tool);
			// the operation the palette's Layer tool sends on a click on the canvas (synthetic mouse events do not
			// drive the tool in WebKitGTK; the click itself is covered in Chromium by DiagramPageTest)
			editor.dispatch("{kind:'createNode', elementTypeId:'node:layer', args:{}}");
			// the first cell (BareSUS) gets layer1 of the file's first material (SUS), written into the open document
			spin(() -> doc.get().matches("(?s).*layer layer1\\s*:\\s*SUS.*"), 30_000, "layer1 in the text:\n" + doc.get());
			String withLayer = doc.get();
			assertTrue(withLayer.contains("// A first look at CellWright"), "comments kept");
			spin(() -> labels(editor).contains("layer1"), 30_000, "layer1 drawn");
			screenshot("diagram-editor-new-layer.png");
			page.activate(editor);
			PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class)
					.executeCommand(org.eclipse.ui.IWorkbenchCommandConstants.EDIT_UNDO, null);
			spin(() -> doc.get().equals(original), 30_000, "undo to restore the text:\n" + doc.get());
			spin(() -> !labels(editor).contains("layer1"), 30_000, "layer1 gone from the diagram");
		} finally {
			if (!doc.get().equals(original)) doc.set(original);
			text.doRevertToSaved();
		}
	}

	/** Typing in the text editor redraws the diagram (the same document). */
	@Test
	void typingInTheTextRedrawsTheDiagram() throws Exception {
		ITextEditor text = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
		String original = doc.get();
		try {
			CellDiagramEditor editor = openDiagram();
			doc.replace(doc.getLength(), 0, "\nmaterial Typed is binder {\n}\n");
			spin(() -> labels(editor).contains("Typed"), 30_000, "the typed material drawn");
		} finally {
			doc.set(original);
			text.doRevertToSaved();
		}
	}

	/** A node selected in the diagram selects its element's text; the caret in the text selects the element's node. */
	@Test
	void selectionFollowsBetweenDiagramAndText() throws Exception {
		ITextEditor text = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
		CellDiagramEditor editor = openDiagram();
		// what a click on the LPSCl node sends
		editor.dispatch("{kind:'elementSelected', selectedElementsIDs:['material:LPSCl'], deselectedElementsIDs:[], deselectAll:true}");
		spin(() -> selectedText(text).startsWith("material LPSCl is solid-electrolyte"), 30_000,
				"the LPSCl declaration selected in the text (selected: '" + selectedText(text) + "')");
		// the caret on the counter layer of BareSUS
		int at = doc.get().indexOf("layer counter");
		assertTrue(at > 0);
		text.selectAndReveal(at + 3, 0);
		page.activate(text);
		spin(() -> editor.selectedIds().contains("layer:BareSUS.counter"), 30_000, "the counter layer selected in the diagram: " + editor.selectedIds());
	}

	/** Export SVG: the drawing as an SVG document with the element names and the page's colours. */
	@Test
	void exportSvgGivesTheDrawing() throws Exception {
		CellDiagramEditor editor = openDiagram();
		String svg = editor.svg();
		assertNotNull(svg);
		assertTrue(svg.startsWith("<svg"), svg.substring(0, Math.min(200, svg.length())));
		for (String name : new String[] { "LPSCl", "BareSUS", "FirstCycle" }) assertTrue(svg.contains(">" + name + "<"), name);
		assertTrue(svg.contains("cw-material"), "kinds kept as classes");
		assertTrue(svg.contains("<style"), "the page's styles inlined");
		javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	static String selectedText(ITextEditor text) {
		var sel = text.getSelectionProvider().getSelection();
		return sel instanceof org.eclipse.jface.text.ITextSelection ts && ts.getText() != null ? ts.getText() : "";
	}

	static String labels(CellDiagramEditor editor) {
		return (String) editor.browser().evaluate(
				"return Array.from(document.querySelectorAll('#sprotty svg .sprotty-label')).map(t => t.textContent).join('\\n');");
	}

	CellDiagramEditor openDiagram() throws Exception {
		Shell shell = page.getWorkbenchWindow().getShell();
		shell.setBounds(0, 0, 1400, 900);
		// as Open With does: the diagram beside a text editor already open on the file
		IEditorPart part = page.openEditor(new org.eclipse.ui.part.FileEditorInput(file), CellDiagramEditor.ID, true,
				IWorkbenchPage.MATCH_ID | IWorkbenchPage.MATCH_INPUT);
		CellDiagramEditor editor = assertInstanceOf(CellDiagramEditor.class, part);
		// the editor area maximized (Ctrl+M): the diagram is fitted to the space it has when it loads
		page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		assertNotNull(editor.browser(), "an SWT Browser (WebKitGTK) on the page");
		spin(() -> "loaded".equals(state(editor)), 60_000, "the diagram page to load (state: " + state(editor) + ")");
		// wait until the layout placed the nodes (GLSP draws twice: measured, then laid out)
		spin(() -> ((Number) editor.browser().evaluate("return document.querySelectorAll('#sprotty svg .sprotty-node').length;")).intValue() > 3,
				30_000, "nodes drawn");
		settle(1000);
		return editor;
	}

	static String state(CellDiagramEditor editor) {
		Object s = editor.browser().evaluate("return document.body.dataset.state;");
		return s == null ? null : s.toString();
	}

	/** With CELLWRIGHT_SCREENSHOTS naming a folder (a developer's run under Xvfb), the workbench window as a PNG. */
	static void screenshot(String name) throws Exception {
		String d = System.getenv("CELLWRIGHT_SCREENSHOTS");
		if (d == null || d.isBlank()) return;
		Files.createDirectories(Path.of(d));
		Display display = Display.getCurrent();
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		Rectangle r = shell.getBounds();
		Image image = new Image(display, r.width, r.height);
		GC gc = new GC(display);
		gc.copyArea(image, r.x, r.y);
		gc.dispose();
		ImageLoader loader = new ImageLoader();
		loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
		loader.save(Path.of(d, name).toString(), org.eclipse.swt.SWT.IMAGE_PNG);
		image.dispose();
	}

	static void settle(long ms) {
		Display d = Display.getCurrent();
		long until = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < until) if (!d.readAndDispatch()) sleep(10);
	}

	static void spin(BooleanSupplier done, long timeoutMs, String what) {
		Display d = Display.getCurrent();
		long until = System.currentTimeMillis() + timeoutMs;
		while (!done.getAsBoolean()) {
			if (System.currentTimeMillis() > until) fail("timed out waiting for " + what);
			if (!d.readAndDispatch()) sleep(10);
		}
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
