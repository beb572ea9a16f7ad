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

	/**
	 * An error of the diagram server on a request of a page (here a page asking for the diagram of a file that is not
	 * there) is in the Error Log: an error of the server's plug-in, org.cellwright.diagram, naming the request in words
	 * and the file, with the exception (its stack trace under the entry). The server runs in the IDE's process
	 * (DiagramServers, Jetty on 127.0.0.1): its errors went to log4j, which has no provider in the IDE, and were only on
	 * the page, under its line's Details and in the browser's console (session 40).
	 */
	@Test
	void anErrorOfTheDiagramServerIsInTheErrorLogWithTheRequestTheFileAndTheException(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		java.util.List<org.eclipse.core.runtime.IStatus> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
		org.eclipse.core.runtime.ILogListener listener = (status, plugin) -> logged.add(status);
		org.eclipse.core.runtime.Platform.addLogListener(listener);
		Path missing = dir.resolve("no-such-file.cell");
		java.util.concurrent.BlockingQueue<String> in = new java.util.concurrent.LinkedBlockingQueue<>();
		java.net.http.WebSocket ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
				.buildAsync(org.cellwright.diagram.ui.DiagramServers.get().websocketUri(), new java.net.http.WebSocket.Listener() {
					final StringBuilder partial = new StringBuilder();

					@Override
					public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence data, boolean last) {
						partial.append(data);
						if (last) {
							in.add(partial.toString());
							partial.setLength(0);
						}
						socket.request(1);
						return null;
					}
				}).get(10, java.util.concurrent.TimeUnit.SECONDS);
		try {
			// GLSP's start of a page: initialize, its client session, the model of its file
			ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"applicationId\":\"test\",\"protocolVersion\":\"1.0.0\"}}", true).get(10, java.util.concurrent.TimeUnit.SECONDS);
			spin(() -> in.stream().anyMatch(m -> m.contains("\"id\":1")), 30_000, "the server's answer to initialize");
			ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initializeClientSession\",\"params\":{\"clientSessionId\":\"c1\",\"diagramType\":\""
					+ org.cellwright.diagram.CellDiagramModule.TYPE + "\",\"clientActionKinds\":[\"message\"]}}", true).get(10, java.util.concurrent.TimeUnit.SECONDS);
			spin(() -> in.stream().anyMatch(m -> m.contains("\"id\":2")), 30_000, "the server's answer to initializeClientSession");
			String request = "{\"jsonrpc\":\"2.0\",\"method\":\"process\",\"params\":{\"clientId\":\"c1\",\"action\":{\"kind\":\"requestModel\",\"options\":{\"diagramType\":\""
					+ org.cellwright.diagram.CellDiagramModule.TYPE + "\",\"sourceUri\":\"" + missing.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}}}";
			ws.sendText(request, true).get(10, java.util.concurrent.TimeUnit.SECONDS);
			spin(() -> logged.stream().anyMatch(s -> "org.cellwright.diagram".equals(s.getPlugin())), 30_000,
					"an entry of org.cellwright.diagram in the log (logged: " + logged + "; the page was told: " + in + ")");
			org.eclipse.core.runtime.IStatus status = logged.stream().filter(s -> "org.cellwright.diagram".equals(s.getPlugin())).findFirst().orElseThrow();
			assertEquals(org.eclipse.core.runtime.IStatus.ERROR, status.getSeverity(), status.toString());
			assertEquals("The diagram server failed while opening the diagram of the file (" + missing + "): not a .cell file: " + missing, status.getMessage());
			assertNotNull(status.getException(), "the exception, whose stack trace the Error Log shows");
			assertEquals("not a .cell file: " + missing, status.getException().getMessage());
			assertTrue(in.stream().anyMatch(m -> m.contains("\"request\":\"opening the diagram of the file\"")), "the page is told too, the request named: " + in);
		} finally {
			org.eclipse.core.runtime.Platform.removeLogListener(listener);
			ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done");
		}
	}

	/**
	 * The diagram's tab and the text editor's of the same file read alike when narrow ("baseline-hal...", session 29
	 * walk): the diagram has its own icon and a tooltip naming it, as two Eclipse editors on one file are told apart.
	 */
	@Test
	void theDiagramsTabIsToldFromTheTextEditorsOfTheFileByItsIconAndTooltip() throws Exception {
		ITextEditor text = (ITextEditor) IDE.openEditor(page, file, true);
		CellDiagramEditor diagram = openDiagram();
		org.eclipse.swt.graphics.Image a = text.getTitleImage(), b = diagram.getTitleImage();
		assertNotNull(b, "the diagram's tab has an icon");
		assertFalse(java.util.Arrays.equals(a.getImageData().data, b.getImageData().data), "the two tabs' icons differ");
		// its own icon, not the platform's default editor image
		org.eclipse.swt.graphics.Image declared = org.eclipse.jface.resource.ResourceLocator
				.imageDescriptorFromBundle("org.cellwright.diagram.ui", "icons/diagram16.png").orElseThrow().createImage();
		try {
			assertArrayEquals(declared.getImageData().data, b.getImageData().data, "the icon of plugin.xml");
		} finally {
			declared.dispose();
		}
		assertEquals("Diagram of " + file.getFullPath(), diagram.getTitleToolTip());
		assertNotEquals(text.getTitleToolTip(), diagram.getTitleToolTip());
		assertEquals(file.getName() + " (diagram)", diagram.getPartName());
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
		// the diagram alone in the window: a view of a minimized stack shown by an earlier step (the Results view a run
		// showed) pops over the maximized editor area until the editor is activated again
		page.activate(editor);
		settle(1000);
		screenshot("diagram-editor-ide.png");
	}

	/**
	 * With the diagram active, the Stack view shows the cell of the diagram's file (as it does for the text editor: the
	 * file's one document and model) and the Outline its elements; an element chosen in the Outline is selected in the
	 * diagram.
	 */
	@Test
	void theStackViewAndTheOutlineFollowTheDiagram() throws Exception {
		org.cellwright.editor.stack.StackView stack = (org.cellwright.editor.stack.StackView) page.showView(org.cellwright.editor.stack.StackView.ID);
		IDE.openEditor(page, file.getProject().getFile("chen2020-halfcell.cell"), true); // another file's cell shown first
		spin(() -> stack.cell() != null && "Chen2020HalfCell".equals(stack.cell().getName()), 30_000, "the text editor's cell in the Stack view");
		CellDiagramEditor editor = openDiagram(); // baseline-halfcell.cell, alone: no text editor on it
		page.activate(editor);
		spin(() -> stack.cell() != null && "BareSUS".equals(stack.cell().getName()), 30_000,
				"the Stack view on the diagram's cell (shows " + (stack.cell() == null ? null : stack.cell().getName()) + ")");
		assertSame(editor.document(), stack.document(), "the diagram's document, the one a text editor of the file shows");

		org.eclipse.ui.views.contentoutline.ContentOutline outline = (org.eclipse.ui.views.contentoutline.ContentOutline) page
				.showView(org.eclipse.ui.IPageLayout.ID_OUTLINE);
		page.activate(editor);
		org.cellwright.editor.CellOutlinePage p = assertInstanceOf(org.cellwright.editor.CellOutlinePage.class, outline.getCurrentPage());
		spin(() -> p.viewer().getTree().getItemCount() > 0, 30_000, "the diagram's file in the Outline");
		java.util.List<String> items = java.util.Arrays.stream(p.viewer().getTree().getItems()).map(i -> i.getText()).toList();
		assertTrue(items.stream().anyMatch(t -> t.contains("BareSUS")), items.toString());
		org.eclipse.swt.widgets.TreeItem cell = java.util.Arrays.stream(p.viewer().getTree().getItems()).filter(i -> i.getText().contains("BareSUS"))
				.findFirst().orElseThrow();
		p.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(cell.getData()));
		spin(() -> editor.selectedIds().stream().anyMatch(id -> id.contains("BareSUS")), 10_000,
				"the Outline's cell selected in the diagram (selected: " + editor.selectedIds() + ")");

		// an edit in the Stack view while only the diagram shows the file is written to the file, as a diagram edit is
		String before = text(file);
		assertTrue(stack.moveLayer(0, 1), "the first layer moved");
		spin(() -> !text(file).equals(before), 10_000, "the moved layer written to the file");
		stack.undo();
		spin(() -> text(file).equals(before), 10_000, "the undo written to the file");
	}

	/**
	 * A layer selected in the diagram shows in the Properties view (before, the view kept the Stack view's or the
	 * Outline's selection, here another file's layer); a value typed there is an EMF command of the file's editing session
	 * written into the file (comments and the layout of the rest kept; no text editor open), a wrong unit is refused with
	 * the reason above the sheet, a new name is drawn in the diagram, and Edit > Undo over the diagram takes it back.
	 */
	@Test
	void aLayerSelectedInTheDiagramShowsInThePropertiesViewAndItsEditsGoToTheText() throws Exception {
		org.cellwright.editor.stack.StackView stack = (org.cellwright.editor.stack.StackView) page.showView(org.cellwright.editor.stack.StackView.ID);
		IDE.openEditor(page, file.getProject().getFile("chen2020-halfcell.cell"), true);
		spin(() -> stack.cell() != null && "Chen2020HalfCell".equals(stack.cell().getName()), 30_000, "the text editor's cell in the Stack view");
		stack.select(0);
		page.activate(stack); // the Properties view shows the Stack view's layer of the other file
		org.eclipse.ui.views.properties.PropertySheet sheet = (org.eclipse.ui.views.properties.PropertySheet) page
				.showView(org.eclipse.ui.IPageLayout.ID_PROP_SHEET);
		page.activate(stack);
		settle(500);
		String original = text(file);
		try {
			CellDiagramEditor editor = openDiagram(); // baseline-halfcell.cell, alone: no text editor on it
			page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_RESTORED); // the Properties view visible
			page.showView(org.eclipse.ui.IPageLayout.ID_PROP_SHEET, null, IWorkbenchPage.VIEW_VISIBLE);
			page.activate(editor);
			settle(500);
			// what a click on the counter layer's node sends
			editor.dispatch("{kind:'elementSelected', selectedElementsIDs:['layer:BareSUS.counter'], deselectedElementsIDs:[], deselectAll:true}");
			spin(() -> propertyRow(sheet, "name") != null && "counter".equals(propertyRow(sheet, "name").getText(1)), 30_000,
					"the diagram's counter layer in the Properties view (name shown: "
							+ (propertyRow(sheet, "name") == null ? null : propertyRow(sheet, "name").getText(1)) + ")");
			assertEquals("350 um", propertyRow(sheet, "thickness").getText(1));
			assertInstanceOf(org.cellwright.editor.properties.ReasonPropertySheetPage.class, sheet.getCurrentPage());

			// typed in the sheet as a user does: a current density is refused for a thickness, with the reason
			typeInSheet(sheet, "thickness", "5 mA/cm2");
			assertEquals(original, text(file), "nothing written for a refused value");
			String reason = ((org.cellwright.editor.properties.ReasonPropertySheetPage) sheet.getCurrentPage()).reason();
			assertTrue(reason.startsWith("Refused:"), reason);
			typeInSheet(sheet, "thickness", "0.4 mm");
			spin(() -> text(file).contains("layer counter: Li 0.4 mm"), 30_000, "the new thickness written to the file:\n" + text(file));
			assertEquals(original.replace("layer counter: Li 350 um", "layer counter: Li 0.4 mm"), text(file),
					"only the thickness rewritten: comments and layout kept");
			settle(1000);
			screenshot("diagram-editor-properties.png");

			// a new name: in the text and drawn in the diagram
			typeInSheet(sheet, "name", "lithium");
			spin(() -> text(file).contains("layer lithium: Li 0.4 mm"), 30_000, "the new name written to the file:\n" + text(file));
			assertTrue(text(file).contains("// A first look at CellWright"), "comments kept");
			// the same layer still shown, under its new name
			spin(() -> "lithium".equals(propertyRow(sheet, "name").getText(1)), 10_000, "the renamed layer still in the Properties view");
			// drawn under its new name (the diagram maximized again: sprotty draws only the nodes in its viewport, fitted
			// to the maximized editor when the page loaded)
			page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
			long until = System.currentTimeMillis() + 30_000;
			while (!labels(editor).lines().anyMatch("lithium"::equals) && System.currentTimeMillis() < until) settle(200);
			assertTrue(labels(editor).lines().anyMatch("lithium"::equals), "the renamed layer drawn; labels:\n" + labels(editor));
			assertFalse(labels(editor).lines().anyMatch("counter"::equals), "the old name gone; labels:\n" + labels(editor));

			page.activate(editor);
			var handlers = PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class);
			handlers.executeCommand(org.eclipse.ui.IWorkbenchCommandConstants.EDIT_UNDO, null);
			spin(() -> text(file).contains("layer counter: Li 0.4 mm"), 30_000, "Edit > Undo to take the name back:\n" + text(file));
			handlers.executeCommand(org.eclipse.ui.IWorkbenchCommandConstants.EDIT_UNDO, null);
			spin(() -> text(file).equals(original), 30_000, "Edit > Undo to take the thickness back:\n" + text(file));
		} finally {
			if (!text(file).equals(original)) Files.writeString(file.getLocation().toFile().toPath(), original);
			file.refreshLocal(0, null);
		}
	}

	/**
	 * The Protocol Timeline follows the diagram as the Stack view does: with the diagram active it shows the diagram's
	 * file (before, it kept the last text editor's protocol, here of another file), and an experiment selected in the
	 * diagram is drawn.
	 */
	@Test
	void theProtocolTimelineFollowsTheDiagramAndTheExperimentSelectedInIt() throws Exception {
		org.cellwright.editor.protocol.ProtocolTimelineView timeline = (org.cellwright.editor.protocol.ProtocolTimelineView) page
				.showView(org.cellwright.editor.protocol.ProtocolTimelineView.ID);
		IDE.openEditor(page, file.getProject().getFile("chen2020-halfcell.cell"), true);
		spin(() -> title(timeline).contains("Discharge1C") || title(timeline).contains("HalfCell1C"), 30_000,
				"the text editor's protocol in the time line (shows " + title(timeline) + ")");
		CellDiagramEditor editor = openDiagram(); // baseline-halfcell.cell, alone: no text editor on it
		page.activate(editor);
		spin(() -> title(timeline).contains("FirstPlatingStripping") || title(timeline).contains("FirstCycle"), 30_000,
				"the diagram's file in the time line (shows " + title(timeline) + ")");
		editor.dispatch("{kind:'elementSelected', selectedElementsIDs:['experiment:FirstCycle'], deselectedElementsIDs:[], deselectAll:true}");
		spin(() -> title(timeline).startsWith("experiment FirstCycle"), 30_000, "the experiment selected in the diagram drawn (shows "
				+ title(timeline) + ")");
		assertTrue(timeline.timeline().segments.size() >= 2, "its plating and stripping");
	}

	static String title(org.cellwright.editor.protocol.ProtocolTimelineView v) {
		return v.timeline() == null ? "" : v.timeline().title;
	}

	/** The row of a property in the Properties view's current page, or null. */
	static org.eclipse.swt.widgets.TreeItem propertyRow(org.eclipse.ui.views.properties.PropertySheet sheet, String name) {
		org.eclipse.swt.widgets.Tree tree = org.cellwright.testing.ui.Widgets.tree(sheet.getCurrentPage().getControl());
		return tree == null ? null : org.cellwright.testing.ui.Widgets.item(tree.getItems(), name);
	}

	/**
	 * A click on the row's value as a user does (it activates the Properties view, which keeps the diagram's selection;
	 * the sheet puts a text editor over the value), the value typed and Enter.
	 */
	static void typeInSheet(org.eclipse.ui.views.properties.PropertySheet sheet, String name, String value) {
		sheet.getSite().getPage().activate(sheet);
		settle(200);
		org.eclipse.swt.widgets.Tree tree = org.cellwright.testing.ui.Widgets.tree(sheet.getCurrentPage().getControl());
		var item = org.cellwright.testing.ui.Widgets.item(tree.getItems(), name);
		assertNotNull(item, "the row " + name);
		tree.setSelection(item);
		var bounds = item.getBounds(1);
		var e = new org.eclipse.swt.widgets.Event();
		e.x = bounds.x + bounds.width / 2;
		e.y = bounds.y + bounds.height / 2;
		e.button = 1;
		tree.notifyListeners(org.eclipse.swt.SWT.MouseDown, e);
		settle(200);
		org.eclipse.swt.widgets.Text t = null;
		for (var c : tree.getChildren()) if (c instanceof org.eclipse.swt.widgets.Text x && x.isVisible()) t = x;
		assertNotNull(t, "a cell editor on the row " + name + " (the tree visible: " + tree.isVisible() + ", the value at " + bounds + ")");
		t.setText(value);
		t.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
		settle(300);
	}

	static String text(IFile f) {
		try {
			return Files.readString(f.getLocation().toFile().toPath());
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
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

	/**
	 * Real mouse and keyboard (X events through xdotool, at the browser's screen coordinates): a click on the palette's
	 * Layer tool and one on the empty canvas write a layer into the open text editor's document (comments kept); Ctrl+Z
	 * typed over the diagram takes it out again.
	 */
	@Test
	void theRealMouseCreatesALayerWithThePaletteAndCtrlZUndoesIt() throws Exception {
		ITextEditor text = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
		String original = doc.get();
		try {
			CellDiagramEditor editor = openDiagram();
			double[] tool = box(editor, "return [...document.querySelectorAll('.tool-palette .tool-button')].find(b => b.textContent.trim() === 'Layer');");
			assertNotNull(tool, "the palette's Layer tool");
			int[] at = screen(editor, tool[0] + tool[2] / 2, tool[1] + tool[3] / 2);
			XInput.click(at[0], at[1]);
			spin(() -> Boolean.TRUE.equals(editor.browser().evaluate(
					"return [...document.querySelectorAll('.tool-palette .tool-button.clicked')].some(b => b.textContent.trim() === 'Layer');")),
					10_000, "the Layer tool chosen by the click");
			double[] empty = emptyCanvasPoint(editor);
			assertNotNull(empty, "an empty place on the canvas");
			int[] there = screen(editor, empty[0], empty[1]);
			XInput.click(there[0], there[1]);
			// the first cell (BareSUS) gets layer1 of the file's first material (SUS), written into the open document
			spin(() -> doc.get().matches("(?s).*layer layer1\\s*:\\s*SUS.*"), 30_000, "layer1 in the text:\n" + doc.get());
			assertTrue(doc.get().contains("// A first look at CellWright"), "comments kept");
			spin(() -> labels(editor).contains("layer1"), 30_000, "layer1 drawn");
			screenshot("diagram-editor-new-layer.png");
			XInput.key("ctrl+z");
			spin(() -> doc.get().equals(original), 30_000, "Ctrl+Z to restore the text:\n" + doc.get());
			spin(() -> !labels(editor).contains("layer1"), 30_000, "layer1 gone from the diagram");
		} finally {
			if (!doc.get().equals(original)) doc.set(original);
			text.doRevertToSaved();
		}
	}

	/**
	 * Real input renames: a double-click on the LPSCl label opens GLSP's label editor, the new name typed and Enter write
	 * it into the open text editor's document with every reference (comments kept); Ctrl+Z over the diagram takes the
	 * rename back.
	 */
	@Test
	void theRealKeyboardRenamesAMaterialByItsLabelAndCtrlZUndoesIt() throws Exception {
		ITextEditor text = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
		String original = doc.get();
		try {
			CellDiagramEditor editor = openDiagram();
			double[] label = box(editor, "return [...document.querySelectorAll('#sprotty svg .sprotty-label')].find(t => t.textContent === 'LPSCl');");
			assertNotNull(label, "the LPSCl label drawn");
			int[] at = screen(editor, label[0] + label[2] / 2, label[1] + label[3] / 2);
			String input = "return document.querySelector('.label-edit input, .label-edit textarea, input.sprotty-label-edit, .edit-label input');";
			for (int i = 0; i < 10 && box(editor, input) == null; i++) {
				XInput.doubleClick(at[0], at[1]);
				settle(500);
			}
			assertNotNull(box(editor, input), "the label editor opened by the double-click");
			XInput.key("ctrl+a");
			XInput.type("Argyrodite");
			XInput.key("Return");
			spin(() -> doc.get().contains("material Argyrodite is solid-electrolyte"), 30_000, "the new name in the text:\n" + doc.get());
			String code = doc.get().lines().filter(l -> !l.trim().startsWith("//")).collect(java.util.stream.Collectors.joining("\n"));
			assertFalse(code.matches("(?s).*\\bLPSCl\\b.*"), "every reference renamed:\n" + doc.get());
			assertTrue(doc.get().contains("// A first look at CellWright"), "comments kept");
			spin(() -> labels(editor).contains("Argyrodite"), 30_000, "the renamed material drawn");
			settle(1500);
			screenshot("diagram-editor-renamed.png");
			double[] empty = emptyCanvasPoint(editor); // the focus on the diagram, nothing selected
			assertNotNull(empty, "an empty place on the canvas");
			int[] there = screen(editor, empty[0], empty[1]);
			XInput.click(there[0], there[1]);
			XInput.key("ctrl+z");
			spin(() -> doc.get().equals(original), 30_000, "Ctrl+Z to restore the text:\n" + doc.get());
			spin(() -> labels(editor).contains("LPSCl"), 30_000, "LPSCl drawn again");
		} finally {
			if (!doc.get().equals(original)) doc.set(original);
			text.doRevertToSaved();
		}
	}

	/**
	 * Real input deletes: a click selects the counter layer's node, the Delete key takes the layer out of the open text
	 * editor's document (comments kept) and the drawing; Ctrl+Z brings it back.
	 */
	@Test
	void theRealDeleteKeyRemovesTheSelectedLayerAndCtrlZBringsItBack() throws Exception {
		ITextEditor text = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
		String original = doc.get();
		String id = "layer:BareSUS.counter";
		try {
			CellDiagramEditor editor = openDiagram();
			double[] b = box(editor, "return " + nodeJs(id) + ";");
			assertNotNull(b, "the node " + id + " drawn");
			int[] at = screen(editor, b[0] + b[2] / 2, b[1] + b[3] / 2);
			for (int i = 0; i < 10 && !editor.selectedIds().contains(id); i++) {
				XInput.click(at[0], at[1]);
				settle(300);
			}
			assertTrue(editor.selectedIds().contains(id), id + " selected by the click: " + editor.selectedIds());
			XInput.key("Delete");
			spin(() -> !doc.get().contains("layer counter"), 30_000, "the counter layer gone from the text:\n" + doc.get());
			assertTrue(doc.get().contains("layer separator"), "only the selected layer deleted:\n" + doc.get());
			assertTrue(doc.get().contains("// A first look at CellWright"), "comments kept");
			spin(() -> box(editor, "return " + nodeJs(id) + ";") == null, 30_000, id + " gone from the drawing");
			settle(1500); // the layout's animation ends
			screenshot("diagram-editor-deleted-layer.png");
			XInput.key("ctrl+z");
			spin(() -> doc.get().equals(original), 30_000, "Ctrl+Z to restore the text:\n" + doc.get());
			spin(() -> box(editor, "return " + nodeJs(id) + ";") != null, 30_000, id + " drawn again");
		} finally {
			if (!doc.get().equals(original)) doc.set(original);
			text.doRevertToSaved();
		}
	}

	/**
	 * A node dragged with the real mouse: its new place goes into the sidecar file {@code .<name>.cell.layout.json}
	 * (the text untouched), the server's layout keeps it, and it is there again after the diagram is closed and reopened.
	 */
	@Test
	void aNodeDraggedByTheRealMouseStaysWhereItWasDroppedAlsoAfterReopening() throws Exception {
		Path cell = file.getLocation().toPath();
		Path sidecar = org.cellwright.diagram.LayoutSidecar.of(cell);
		Files.deleteIfExists(sidecar);
		String textBefore = Files.readString(cell);
		String id = "material:Li";
		try {
			CellDiagramEditor editor = openDiagram();
			double[] from = position(editor, id);
			assertNotNull(from, "the node " + id + " drawn");
			double[] b = box(editor, "return " + nodeJs(id) + ";");
			int[] start = screen(editor, b[0] + b[2] / 2, b[1] + b[3] / 2);
			// GLSP moves the selected elements: a click selects the node, then it is dragged
			XInput.click(start[0], start[1]);
			spin(() -> editor.selectedIds().contains(id), 10_000, id + " selected by the click: " + editor.selectedIds());
			// to a free place of the canvas (a drop onto another node is refused), the node's size around it free
			double[] free = emptyCanvasPoint(editor, b[2] + 30, b[3] + 30);
			assertNotNull(free, "a free place for the node");
			int dx = (int) Math.round(free[0] - (b[0] + b[2] / 2)), dy = (int) Math.round(free[1] - (b[1] + b[3] / 2));
			// what the page receives (for the failure message): the mouse events and the node's place after the drag
			editor.browser().evaluate("window.cwEvents = []; for (const t of ['mousedown', 'mousemove', 'mouseup'])"
					+ " document.addEventListener(t, e => { if (t !== 'mousemove') window.cwEvents.push(t + ' ' + e.clientX + ',' + e.clientY"
					+ " + ' b' + e.buttons); }, true);"
					+ " const send = WebSocket.prototype.send; WebSocket.prototype.send = function(m) {"
					+ "  if (String(m).includes('Bounds') || String(m).includes('compound')) window.cwEvents.push('sent ' + String(m).substring(0, 300));"
					+ "  return send.call(this, m); };"
					+ " for (const k of ['warn', 'error']) { const f = console[k]; console[k] = function(...a) {"
					+ "  window.cwEvents.push(k + ' ' + a.map(String).join(' ').substring(0, 300)); return f.apply(console, a); }; }"
					+ " return true;");
			XInput.drag(start[0], start[1], start[0] + dx, start[1] + dy);
			spin(() -> org.cellwright.diagram.LayoutSidecar.read(cell).containsKey(id), 30_000,
					"the moved position of " + id + " in " + sidecar.getFileName() + " (dragged from " + java.util.Arrays.toString(start)
							+ " by (" + dx + ", " + dy + "); the node drawn at " + java.util.Arrays.toString(position(editor, id)) + ", was at "
							+ java.util.Arrays.toString(from) + "; selected " + editor.selectedIds() + "; page events: "
							+ editor.browser().evaluate("return (window.cwEvents || []).join('; ');") + ")");
			double[] stored = org.cellwright.diagram.LayoutSidecar.read(cell).get(id);
			double mx = stored[0] - from[0], my = stored[1] - from[1];
			assertTrue(Math.hypot(mx, my) > 20 && mx * dx + my * dy > 0.8 * Math.hypot(mx, my) * Math.hypot(dx, dy),
					"moved the way it was dragged: from " + java.util.Arrays.toString(from) + " to " + java.util.Arrays.toString(stored)
							+ " by a drag of (" + dx + ", " + dy + ") px");
			assertEquals(textBefore, Files.readString(cell), "moving a node does not touch the text");
			// the server lays the diagram out again after the move: the node stays where it was dropped
			spin(() -> near(position(editor, id), stored), 30_000, id + " at " + java.util.Arrays.toString(stored) + " after the move, drawn at "
					+ java.util.Arrays.toString(position(editor, id)));
			screenshot("diagram-editor-moved-node.png");
			page.closeEditor(editor, false);
			CellDiagramEditor reopened = openDiagram();
			spin(() -> near(position(reopened, id), stored), 30_000, id + " at " + java.util.Arrays.toString(stored) + " after reopening, drawn at "
					+ java.util.Arrays.toString(position(reopened, id)));
		} finally {
			Files.deleteIfExists(sidecar);
		}
	}

	static boolean near(double[] a, double[] b) {
		return a != null && b != null && Math.abs(a[0] - b[0]) <= 1 && Math.abs(a[1] - b[1]) <= 1;
	}

	/** JavaScript naming the SVG group of a node by its GLSP id. */
	static String nodeJs(String id) {
		return "(document.getElementById('sprotty_" + id + "') || [...document.querySelectorAll('#sprotty svg g.sprotty-node')].find(g => g.id.endsWith('" + id + "')))";
	}

	/** A node's position in the diagram's coordinates (its translation), or null. */
	static double[] position(CellDiagramEditor editor, String id) {
		Object o = editor.browser().evaluate("var g = " + nodeJs(id) + "; if (!g) return null; var t = g.transform.baseVal.consolidate();"
				+ " return t ? [t.matrix.e, t.matrix.f] : [0, 0];");
		return o instanceof Object[] a ? new double[] { ((Number) a[0]).doubleValue(), ((Number) a[1]).doubleValue() } : null;
	}

	/** The page's bounding box [x, y, width, height] (CSS pixels) of the element a script returns, or null. */
	static double[] box(CellDiagramEditor editor, String script) {
		Object o = editor.browser().evaluate("var el = (function() { " + script + " })(); if (!el) return null;"
				+ " var r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height];");
		if (!(o instanceof Object[] a)) return null;
		return new double[] { ((Number) a[0]).doubleValue(), ((Number) a[1]).doubleValue(), ((Number) a[2]).doubleValue(), ((Number) a[3]).doubleValue() };
	}

	/** A point of the canvas (page coordinates) with no node, edge, label or palette under it, from the lower right. */
	static double[] emptyCanvasPoint(CellDiagramEditor editor) {
		return emptyCanvasPoint(editor, 0, 0);
	}

	/** The centre of a free box of the canvas (page coordinates): no node, edge, label or palette in it, from the lower right. */
	static double[] emptyCanvasPoint(CellDiagramEditor editor, double width, double height) {
		Object o = editor.browser().evaluate("var svg = document.querySelector('#sprotty svg'); var r = svg.getBoundingClientRect();"
				+ " var w = " + width + ", h = " + height + ";"
				+ " function free(x, y) { var el = document.elementFromPoint(x, y);"
				+ "  return el && (el === svg || svg.contains(el)) && !el.closest('.sprotty-node') && !el.closest('.sprotty-edge')"
				+ "   && !el.closest('.sprotty-label') && !el.closest('.tool-palette'); }"
				+ " for (var fy = 0.92; fy > 0.1; fy -= 0.02) for (var fx = 0.92; fx > 0.1; fx -= 0.02) {"
				+ "  var x = r.x + r.width * fx, y = r.y + r.height * fy, ok = true;"
				+ "  for (var i = 0; i <= 4 && ok; i++) for (var j = 0; j <= 4 && ok; j++) ok = free(x - w / 2 + w * i / 4, y - h / 2 + h * j / 4);"
				+ "  if (ok) return [x, y]; }"
				+ " return null;");
		return o instanceof Object[] a ? new double[] { ((Number) a[0]).doubleValue(), ((Number) a[1]).doubleValue() } : null;
	}

	/** A page point (CSS pixels of the browser's viewport) on the screen. */
	static int[] screen(CellDiagramEditor editor, double x, double y) {
		org.eclipse.swt.graphics.Point o = editor.browser().toDisplay(0, 0);
		return new int[] { o.x + (int) Math.round(x), o.y + (int) Math.round(y) };
	}

	/**
	 * A layer renamed in the diagram that a cell of another file names ('after collector') is renamed there too, after
	 * the user was asked naming that file: the diagram's session is the document's editing session, which renames the
	 * layer across files (LayerRenameAcrossFiles); the other file is saved with its comment kept, this one is edited
	 * unsaved in its open editor. Edit > Undo with the diagram active puts both files back, Redo renames both again.
	 * Before session 23 the diagram refused the rename naming the other file.
	 */
	@Test
	void aLayerOtherFilesNameRenamedInTheDiagramIsRenamedThereTooAndOneUndoPutsBothBack() throws Exception {
		IFile other = file.getParent().getFile(new org.eclipse.core.runtime.Path("bare-thin.cell"));
		String thin = "package examples.thin\n\nimport examples.baseline.*\n\n// an interlayer on the collector\n"
				+ "cell BareSUSThin extends BareSUS {\n\tlayer interlayer: SUS 1 um after collector // kept\n}\n";
		ITextEditor text = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
		String original = doc.get();
		var asked = new java.util.concurrent.CopyOnWriteArrayList<String>();
		var was = org.cellwright.editor.references.LayerRenameAcrossFiles.confirmation;
		org.cellwright.editor.references.LayerRenameAcrossFiles.confirmation = q -> asked.add(q);
		try {
			other.create(new java.io.ByteArrayInputStream(thin.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, null);
			spin(() -> Job.getJobManager().isIdle(), 60_000, "background jobs");
			CellDiagramEditor editor = openDiagram();
			spin(() -> labels(editor).lines().anyMatch("collector"::equals), 30_000, "the collector drawn");
			editor.dispatch("{kind:'applyLabelEdit', isOperation:true, labelId:'layer:BareSUS.collector#label', text:'wcc'}");
			spin(() -> doc.get().contains("layer wcc: SUS 10 um"), 30_000, "the new name in the text:\n" + doc.get());
			assertEquals(1, asked.size(), "asked once");
			assertTrue(asked.get(0).contains("bare-thin.cell: cell BareSUSThin: after collector"), asked.get(0));
			assertEquals(thin.replace("after collector", "after wcc"), text(other), "the other file renamed and saved, its comments kept");
			assertTrue(text.isDirty(), "this file edited in its open editor, unsaved");
			var handlers = PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class);
			page.activate(editor);
			handlers.executeCommand(org.eclipse.ui.IWorkbenchCommandConstants.EDIT_UNDO, null);
			spin(() -> doc.get().equals(original), 30_000, "undo to restore the text:\n" + doc.get());
			assertEquals(thin, text(other), "one undo puts the other file back too");
			page.activate(editor);
			handlers.executeCommand(org.eclipse.ui.IWorkbenchCommandConstants.EDIT_REDO, null);
			spin(() -> doc.get().contains("layer wcc: SUS 10 um"), 30_000, "redo:\n" + doc.get());
			assertEquals(thin.replace("after collector", "after wcc"), text(other), "redo renames the other file again");
		} finally {
			org.cellwright.editor.references.LayerRenameAcrossFiles.confirmation = was;
			if (!doc.get().equals(original)) doc.set(original);
			text.doRevertToSaved();
			other.delete(true, null);
		}
	}

	/**
	 * The diagram's Delete of a layer that a cell of another folder names ('after collector', not among the files read
	 * with the diagram's model: those of its folder) is refused in the IDE, as the Stack view's Delete refuses it: the
	 * IDE's session searches the workspace (LayerRenameAcrossFiles.namesInOtherFilesWithProgress, one search for both);
	 * the text and the other file unchanged. The next Delete, of a layer nothing names, goes through: the server takes
	 * the operations in order, so the first was refused. Before session 25 the collector was deleted and the other
	 * folder's cell then named no layer ("no layer 'collector' to place interlayer after"). The refused Delete is of two
	 * layers at once, the counter and the collector: it reads the workspace's files once (one "Linking the files'
	 * references"), not once per layer as before session 26.
	 */
	@Test
	void aLayerACellOfAnotherFolderNamesIsNotDeletedInTheDiagram() throws Exception {
		org.eclipse.core.resources.IFolder folder = file.getProject().getFolder("further");
		IFile other = folder.getFile("bare-thin.cell");
		String thin = "package further\n\nimport examples.baseline.*\n\ncell BareSUSThin extends BareSUS {\n"
				+ "\tlayer interlayer: SUS 1 um after collector\n}\n";
		ITextEditor text = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
		String original = doc.get();
		var tasks = new java.util.concurrent.CopyOnWriteArrayList<String>();
		var monitor = new org.eclipse.core.runtime.NullProgressMonitor() {
			@Override
			public void subTask(String name) {
				tasks.add(name);
			}
		};
		var wasProgress = org.cellwright.editor.references.LayerRenameAcrossFiles.progress;
		org.cellwright.editor.references.LayerRenameAcrossFiles.progress = (fork, cancelable, work) -> work.run(monitor);
		try {
			folder.create(true, true, null);
			other.create(new java.io.ByteArrayInputStream(thin.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, null);
			spin(() -> Job.getJobManager().isIdle(), 60_000, "background jobs");
			CellDiagramEditor editor = openDiagram();
			spin(() -> labels(editor).lines().anyMatch("collector"::equals), 30_000, "the collector drawn");
			editor.dispatch("{kind:'deleteElement', isOperation:true, elementIds:['layer:BareSUS.counter', 'layer:BareSUS.collector']}");
			editor.dispatch("{kind:'deleteElement', isOperation:true, elementIds:['layer:BareSUS.counter']}");
			spin(() -> !doc.get().contains("layer counter"), 30_000, "the counter layer deleted:\n" + doc.get());
			assertTrue(doc.get().contains("layer collector: SUS 10 um"), "the collector kept:\n" + doc.get());
			assertEquals(original.replace("\tlayer counter: Li 350 um\n", ""), doc.get());
			assertEquals(thin, text(other), "the other folder's file unchanged");
			assertEquals(2, tasks.stream().filter("Linking the files' references"::equals).count(),
					"the workspace read once for the delete of two layers, once for the next: " + tasks);
			assertTrue(tasks.stream().anyMatch(t -> t.endsWith("further/bare-thin.cell")), "the other folder's file read: " + tasks);
		} finally {
			org.cellwright.editor.references.LayerRenameAcrossFiles.progress = wasProgress;
			if (!doc.get().equals(original)) doc.set(original);
			text.doRevertToSaved();
			folder.delete(true, null);
		}
	}

	/**
	 * The IDE's diagram page opened in an ordinary browser (headless Chromium driven by playwright-core, as
	 * DiagramPageTest drives the stand-alone server: web/test/diagram-rename-files.test.mjs), on the IDE's own GLSP
	 * server, whose sessions are the workspace documents' editing sessions: a layer rename that a cell of another file
	 * names is asked in the page (naming thin.cell and where it names the layer), not in the IDE; Cancel changes no
	 * file; yes renames the layer in both files (written, no editor shows them); one Ctrl+Z in the page puts both back
	 * byte for byte. Before, this was tested with the stand-alone server only.
	 */
	@Test
	void aLayerRenameFromAnOrdinaryBrowserOnTheIdesServerIsAskedInThePageAndMadeInBothFiles() throws Exception {
		org.eclipse.core.resources.IFolder folder = file.getProject().getFolder("rename-in-a-browser");
		String baseText = """
				package t

				import cellwright.materials.*
				import cellwright.composites.*

				// the base: collector, separator, foil
				cell Base {
					layer wcc: SUS 10 um // the working collector

					layer separator: Li6PS5Cl 700 um
					layer foil: Li 350 um
					layer ccc: SUS 10 um
				}

				""";
		String thinText = """
				package t

				import cellwright.materials.*
				import cellwright.composites.*

				// a thinner separator and an interlayer on the collector
				cell Thin extends Base {
					layer separator: Li6PS5Cl 100 um // replaces the base's
					layer interlayer: SiCNT 2 um after wcc
				}
				""";
		var asked = new java.util.concurrent.CopyOnWriteArrayList<String>();
		var was = org.cellwright.editor.references.LayerRenameAcrossFiles.confirmation;
		org.cellwright.editor.references.LayerRenameAcrossFiles.confirmation = q -> {
			asked.add(q);
			return false; // no: the page asked already
		};
		try {
			folder.create(true, true, null);
			IFile base = folder.getFile("base.cell"), thin = folder.getFile("thin.cell");
			base.create(new java.io.ByteArrayInputStream(baseText.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, null);
			thin.create(new java.io.ByteArrayInputStream(thinText.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, null);
			spin(() -> Job.getJobManager().isIdle(), 60_000, "background jobs");
			org.cellwright.diagram.CellDiagramServer server = org.cellwright.diagram.ui.DiagramServers.get();
			Path shot = Path.of("target", "diagram-rename-in-a-browser.png").toAbsolutePath();
			Files.createDirectories(shot.getParent());
			Path web = Path.of(System.getProperty("cellwright.diagram.web", "../org.cellwright.diagram/web")).toAbsolutePath().normalize();
			Path log = Path.of("target", "diagram-rename-in-a-browser.log").toAbsolutePath();
			ProcessBuilder pb = new ProcessBuilder("bash", web.resolve("test/page-test.sh").toString(),
					server.pageUri(base.getLocation().toFile().toPath()).toString(), base.getLocation().toOSString(),
					thin.getLocation().toOSString(), shot.toString());
			pb.environment().put("PAGE_TEST", "diagram-rename-files.test.mjs");
			Process browser = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
			try {
				// the server's calls run on this (the UI) thread: it keeps dispatching while the page works
				spin(() -> !browser.isAlive(), 300_000, "the page in Chromium (log: " + log + ")");
			} finally {
				browser.destroyForcibly();
			}
			String out = Files.readString(log);
			assertEquals(0, browser.exitValue(), out);
			assertTrue(out.contains("ok: one undo put both files back byte for byte"), out);
			assertEquals(java.util.List.of(), asked, "asked in the page, not again in the IDE");
			assertEquals(baseText, text(base), "undone");
			assertEquals(thinText, text(thin), "undone");
		} finally {
			org.cellwright.editor.references.LayerRenameAcrossFiles.confirmation = was;
			if (folder.exists()) folder.delete(true, null);
		}
	}

	/**
	 * A diagram opened on a file no editor shows is drawn once for the text it opens with: the IDE's editing session
	 * announces its first parse (made on the server's thread) on the UI thread afterwards, and that is no change of the
	 * text. Before, the diagram took it for one and was drawn again just after the page had loaded; a double-click on a
	 * name in that moment got no label edit (CI, session 34: the first double-click of
	 * {@link #aLayerRenameFromAnOrdinaryBrowserOnTheIdesServerIsAskedInThePageAndMadeInBothFiles}; the redraw moved the
	 * clicked node, which sprotty had brought to the front, back to its place, and the browser drops a click whose node
	 * left the page meanwhile). Typing still redraws it.
	 */
	@Test
	void aDiagramIsNotDrawnAgainForTheParseItOpenedWith() throws Exception {
		org.eclipse.core.resources.IFolder folder = file.getProject().getFolder("opened-once");
		try {
			folder.create(true, true, null);
			IFile cell = folder.getFile("once.cell");
			cell.create(new java.io.ByteArrayInputStream("package once\n\nimport cellwright.materials.*\n\ncell Once {\n\tlayer wcc: SUS 10 um\n}\n"
					.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, null);
			spin(() -> Job.getJobManager().isIdle(), 60_000, "background jobs");
			org.cellwright.diagram.ui.DiagramServers.get(); // the IDE's sessions: the documents' editing sessions
			var redraws = new java.util.concurrent.atomic.AtomicInteger();
			// opened and read on another thread, as the server's loadSourceModel does
			var opening = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
				org.cellwright.diagram.DiagramSession s = org.cellwright.diagram.DiagramSessions.open(cell.getLocation().toFile().toPath());
				s.onExternalChange(redraws::incrementAndGet);
				assertTrue(s.read(m -> m != null), "the model read");
				return s;
			});
			spin(opening::isDone, 60_000, "the diagram's session opened");
			org.cellwright.diagram.DiagramSession session = opening.get();
			try {
				Display d = Display.getCurrent();
				while (d.readAndDispatch()) {
					// what the server's read posted to the UI thread runs: the editing session's announcement
				}
				assertEquals(0, redraws.get(), "the diagram is not drawn again for the parse it opened with");
				ITextEditor text = (ITextEditor) IDE.openEditor(page, cell, true);
				IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
				doc.replace(doc.get().indexOf("cell Once"), 0, "// typed\n");
				spin(() -> redraws.get() >= 1, 30_000, "the typed text told to the diagram");
				text.doRevertToSaved();
			} finally {
				session.close();
			}
		} finally {
			page.closeAllEditors(false);
			if (folder.exists()) folder.delete(true, null);
		}
	}

	/** Typing in the text editor redraws the diagram (the same document). */
	/**
	 * A moved node renamed in the diagram keeps its place: the layout sidecar's key follows the rename; Edit > Undo (the
	 * editing session's undo, which puts the text back rather than undoing the command) gives the text back byte for
	 * byte and the old key with it; Edit > Redo the new one. Before, the renamed node went back to ELK's place.
	 */
	@Test
	void aMovedNodeRenamedInTheDiagramKeepsItsPlaceAndUndoByTextGivesTheOldKeyBack() throws Exception {
		Path cell = file.getLocation().toPath();
		Path sidecar = org.cellwright.diagram.LayoutSidecar.of(cell);
		ITextEditor text = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
		String original = doc.get();
		try {
			org.cellwright.diagram.LayoutSidecar.store(cell, java.util.Map.of("material:LPSCl", new double[] { 600, 420 }));
			CellDiagramEditor editor = openDiagram();
			double[] place = { 600, 420 };
			spin(() -> near(position(editor, "material:LPSCl"), place), 30_000, "LPSCl drawn at its stored place, drawn at "
					+ java.util.Arrays.toString(position(editor, "material:LPSCl")));
			editor.dispatch("{kind:'applyLabelEdit', isOperation:true, labelId:'material:LPSCl#label', text:'Argyrodite'}");
			spin(() -> doc.get().contains("material Argyrodite is solid-electrolyte"), 30_000, "the new name in the text:\n" + doc.get());
			var stored = org.cellwright.diagram.LayoutSidecar.read(cell);
			assertEquals(java.util.Set.of("material:Argyrodite"), stored.keySet(), "the place re-keyed");
			assertArrayEquals(new double[] { 600, 420 }, stored.get("material:Argyrodite"));
			// drawn at its stored place, not ELK's, once the page has laid out the new graph
			spin(() -> near(position(editor, "material:Argyrodite"), place), 30_000, "Argyrodite drawn at its stored place (600, 420), not ELK's");
			var handlers = PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class);
			page.activate(editor);
			handlers.executeCommand(org.eclipse.ui.IWorkbenchCommandConstants.EDIT_UNDO, null);
			spin(() -> doc.get().equals(original), 30_000, "undo to restore the text:\n" + doc.get());
			assertEquals(java.util.Set.of("material:LPSCl"), org.cellwright.diagram.LayoutSidecar.read(cell).keySet(), "the old key back");
			page.activate(editor);
			handlers.executeCommand(org.eclipse.ui.IWorkbenchCommandConstants.EDIT_REDO, null);
			spin(() -> doc.get().contains("material Argyrodite is solid-electrolyte"), 30_000, "redo:\n" + doc.get());
			assertEquals(java.util.Set.of("material:Argyrodite"), org.cellwright.diagram.LayoutSidecar.read(cell).keySet(), "the new key again");
		} finally {
			if (!doc.get().equals(original)) doc.set(original);
			text.doRevertToSaved();
			Files.deleteIfExists(sidecar);
		}
	}

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
		Object s = editor.browser().evaluate("return document.body ? document.body.dataset.state : null;"); // null while the page loads
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
