package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.CellContentAssistProcessor;
import org.cellwright.editor.CellHover;
import org.cellwright.editor.CellQuickFixProcessor;
import org.cellwright.editor.CellTokenScanner;
import org.cellwright.editor.CellValidationReconciler;
import org.cellwright.editor.DocumentModel;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor's services where users found them wanting: completion of a partial word, Ctrl+1 on units, colouring, hover. */
class EditorBasicsUITest extends HalfCellsEditorFixture {

	List<String> replacements(int offset) {
		return CellContentAssistProcessor.proposals(doc, offset).stream().map(p -> {
			IDocument copy = new org.eclipse.jface.text.Document(doc.get());
			p.apply(copy);
			return copy.get();
		}).toList();
	}

	List<String> labels(int offset) {
		return CellContentAssistProcessor.proposals(doc, offset).stream().map(ICompletionProposal::getDisplayString).toList();
	}

	/** Types text at an offset (in Cell3's body, after its temperature) and returns the offset after it. */
	int type(String text) throws Exception {
		int at = doc.get().indexOf("temperature = 25 degC") + "temperature = 25 degC".length();
		doc.replace(at, 0, text);
		return at + text.length();
	}

	@Test
	void aPartialWordCompletesToTheMatchingPropertiesAndKeywords() throws Exception {
		int end = type("\n\tst");
		List<String> l = labels(end);
		assertTrue(l.stream().anyMatch(s -> s.startsWith("stack-pressure")), "the cell property: " + l);
		assertFalse(l.stream().anyMatch(s -> s.equals("=")), "not just '=': " + l);
		assertTrue(l.stream().allMatch(s -> s.toLowerCase().startsWith("st")), "only what starts with 'st': " + l);
		ICompletionProposal p = CellContentAssistProcessor.proposals(doc, end).stream()
				.filter(x -> x.getDisplayString().startsWith("stack-pressure")).findFirst().orElseThrow();
		p.apply(doc);
		assertTrue(doc.get().contains("\n\tstack-pressure = "), "the word is replaced, not appended to");
	}

	@Test
	void aHyphenatedPrefixCompletes() throws Exception {
		int end = type("\n\tstack-pr");
		List<String> l = labels(end);
		assertEquals(1, l.stream().filter(s -> s.startsWith("stack-pressure")).count(), l.toString());
	}

	@Test
	void anEmptyCellBodyOffersCellPropertiesNotMaterialOnes() throws Exception {
		doc.replace(doc.getLength(), 0, "\ncell Empty {\n\t\n}\n");
		int at = doc.get().lastIndexOf("\t\n}") + 1;
		List<String> l = labels(at);
		assertTrue(l.stream().anyMatch(s -> s.startsWith("stack-pressure")), l.toString());
		assertTrue(l.stream().anyMatch(s -> s.startsWith("area")), l.toString());
		assertTrue(l.stream().anyMatch(s -> s.startsWith("layer")), "the keyword that starts a layer: " + l);
		assertFalse(l.stream().anyMatch(s -> s.startsWith("diffusivity")), "a material's property is not a cell's: " + l); // (density is a cell's too: its heat capacity)
		assertFalse(l.stream().anyMatch(s -> s.startsWith("specific-capacity")), l.toString());
	}

	@Test
	void aLayerBodyOffersLayerProperties() throws Exception {
		int at = doc.get().indexOf("porosity = 0\n") ;
		doc.replace(at, 0, "po");
		List<String> l = labels(at + 2);
		assertTrue(l.stream().anyMatch(s -> s.startsWith("porosity")), l.toString());
		assertTrue(l.stream().anyMatch(s -> s.startsWith("pore-size")), l.toString());
	}

	@Test
	void contentAssistOnAnInterruptedThreadStillAnswersAndLogsNothing() throws Exception {
		int end = type("\n\tst");
		String text = doc.get();
		IDocument copy = new org.eclipse.jface.text.Document(text);
		AtomicReference<List<String>> out = new AtomicReference<>();
		AtomicReference<Throwable> failed = new AtomicReference<>();
		// the editor interrupts a computation it no longer needs; with a thread pool the context factory then logged
		// an InterruptedException (with its stack trace) and answered nothing
		Thread t = new Thread(() -> {
			Thread.currentThread().interrupt();
			try {
				out.set(CellContentAssistProcessor.proposals(copy, end).stream().map(ICompletionProposal::getDisplayString).toList());
			} catch (Throwable x) {
				failed.set(x);
			}
		});
		t.start();
		IdeUITest.spin(() -> !t.isAlive(), 30_000, "content assist on the interrupted thread");
		assertNull(failed.get());
		assertTrue(out.get().stream().anyMatch(s -> s.startsWith("stack-pressure")), String.valueOf(out.get()));
	}

	@Test
	void quickFixOffersTheUnitsOfTheExpectedDimension() throws Exception {
		int at = doc.get().indexOf("layer foil: Li 350 um") + "layer foil: Li 350 ".length();
		doc.replace(at, 2, "mA");
		IdeUITest.spin(() -> marker("wrongDimension") != null, 20_000, "a wrong-dimension marker");
		List<ICompletionProposal> fixes = CellQuickFixProcessor.fixes(doc, marker("wrongDimension"));
		List<String> l = fixes.stream().map(ICompletionProposal::getDisplayString).toList();
		assertTrue(l.contains("Change unit to 'um'"), l.toString());
		assertTrue(l.contains("Change unit to 'mm'"), l.toString());
		assertFalse(l.stream().anyMatch(s -> s.contains("'mA/cm2'") || s.contains("'V'")), "only lengths: " + l);
		fixes.stream().filter(f -> f.getDisplayString().equals("Change unit to 'um'")).findFirst().orElseThrow().apply(doc);
		assertTrue(doc.get().contains("layer foil: Li 350 um"));
		IdeUITest.spin(() -> marker("wrongDimension") == null, 20_000, "the marker to go away");
	}

	@Test
	void aPropertyAfterAUnitlessNumberIsNotColouredAsAUnit() {
		String text = "material M {\n\tx = 0.5\n\tinitial-stoichiometry = 0.9\n\tthickness = 10 um\n}\n";
		List<String> styles = new CellTokenScanner().styles(text);
		int initial = text.indexOf("initial");
		int um = text.indexOf("um");
		assertTrue(styles.contains(initial + ":7:DEFAULT"), "'initial' is part of a property name: " + styles);
		assertTrue(styles.contains(um + ":2:UNIT"), "'um' after 10 is a unit: " + styles);
	}

	@Test
	void unitHoverPrintsTheSiValueWithItsUnit() {
		int at = doc.get().indexOf("layer foil: Li 350 um") + "layer foil: Li 350 u".length();
		String info = CellHover.info(DocumentModel.parse(doc), at);
		assertNotNull(info);
		assertTrue(info.contains("350 um = 0.00035 m (SI)"), info);
		int pct = doc.get().indexOf("porosity = 58.5 %") + "porosity = 58.5 ".length();
		String p = CellHover.info(DocumentModel.parse(doc), pct);
		assertTrue(p.contains("58.5 % = 0.585 (dimensionless)"), p);
	}

	@Test
	void theHoverDefersToTheMarkerHoverOnAProblem() throws Exception {
		int at = doc.get().indexOf("layer foil: Li 350 um") + "layer foil: Li 350 ".length();
		doc.replace(at, 2, "umm");
		IdeUITest.spin(() -> marker("unknownUnit") != null, 20_000, "an unknown-unit marker");
		var viewer = (org.eclipse.jface.text.ITextViewer) editor.getAdapter(org.eclipse.jface.text.ITextOperationTarget.class);
		IdeUITest.spin(() -> new CellHover().getHoverInfo(viewer, new org.eclipse.jface.text.Region(at + 1, 0)) == null, 10_000,
				"one box for a problem: the marker's message, not a second one of ours");
		// and where there is no problem, the hover answers from the model parsed once for this text
		int li = doc.get().indexOf("layer separator: Li6PS5Cl") + "layer separator: ".length() + 2;
		String first = new CellHover().getHoverInfo(viewer, new org.eclipse.jface.text.Region(li, 0));
		assertNotNull(first);
		assertSame(DocumentModel.readCached(doc, r -> r), DocumentModel.readCached(doc, r -> r), "one parse per text");
	}

	@Test
	void anUnknownUnitsModelHoverSaysWhatTheValidatorSays() throws Exception {
		int at = doc.get().indexOf("layer foil: Li 350 um") + "layer foil: Li 350 ".length();
		doc.replace(at, 2, "umm");
		String info = CellHover.info(DocumentModel.parse(doc), at + 1);
		assertTrue(info.startsWith("unknown unit 'umm'") && info.contains("did you mean"), info);
		// the same text as the problem's, not a shorter one: a hover that opens before the marker's annotation is in
		// the viewer (the model's) tells what the problem hover tells once it is (the marker of 'umm': the previous
		// test's text may still be marked until the new text is validated)
		IdeUITest.spin(() -> info.equals(marker("unknownUnit") == null ? null : marker("unknownUnit").getAttribute(IMarker.MESSAGE, "")), 20_000,
				() -> "an unknown-unit marker with the hover's text '" + info + "': "
						+ (marker("unknownUnit") == null ? "none" : marker("unknownUnit").getAttribute(IMarker.MESSAGE, "")));
	}

	/**
	 * A long problem message in the hover that the mouse resting on the problem opens (the viewer's hover manager, as
	 * for a user): the text is wrapped at the hover's maximum width, nothing in it is clipped, and the hover lies on the
	 * screen, inside the monitor of the workbench window.
	 */
	@Test
	void aLongProblemMessageIsWrappedInAHoverThatStaysOnTheScreen() throws Exception {
		org.eclipse.swt.widgets.Shell window = page.getWorkbenchWindow().getShell();
		org.eclipse.swt.graphics.Rectangle windowWas = window.getBounds();
		try {
			window.setBounds(window.getMonitor().getClientArea());
			window.forceActive();
			int at = doc.get().indexOf("layer foil: Li 350 um") + "layer foil: Li 350 ".length();
			doc.replace(at, 2, "umicrometresofthelithiumfoilasmeasuredbycalipersbeforepressing");
			// this text's marker (the previous test's text may still be marked until the new text is validated)
			IdeUITest.spin(() -> marker("unknownUnit") != null && marker("unknownUnit").getAttribute(IMarker.MESSAGE, "").contains("umicrometres"),
					20_000, "the unknown-unit marker of this text");
			String message = marker("unknownUnit").getAttribute(IMarker.MESSAGE, "");
			assertTrue(message.length() > 120, "a long message: " + message);
			var viewer = (org.eclipse.jface.text.ITextViewer) editor.getAdapter(org.eclipse.jface.text.ITextOperationTarget.class);
			org.eclipse.swt.custom.StyledText text = viewer.getTextWidget();
			editor.selectAndReveal(at, 0);
			IdeUITest.flush();
			// the problem hover ("Error: " and the message) is what this test is about: it answers once the marker's
			// annotation is in the viewer's annotation model, which follows the marker on the annotation model's own
			// schedule; a pointer resting before that opened the model's hover (CI, once)
			String problem = "Error: " + message;
			// the real pointer (X events through xdotool) comes to rest on the unknown unit: the window gets the pointer's
			// focus, and GTK and SWT make the hover event as for a user; each try comes from a little away
			long until = System.currentTimeMillis() + 40_000;
			String seen = "";
			while (hoverShowing(problem) == null) {
				IdeUITest.spin(() -> annotated(viewer, "unknownUnit", at + 3), 20_000, "the unknown-unit marker's annotation in the viewer");
				int widgetOffset = ((org.eclipse.jface.text.ITextViewerExtension5) viewer).modelOffset2WidgetOffset(at + 3);
				org.eclipse.swt.graphics.Point p = text.getLocationAtOffset(widgetOffset);
				org.eclipse.swt.graphics.Point onScreen = text.toDisplay(p.x + 4, p.y + text.getLineHeight() / 2);
				seen = "pointer to " + onScreen + ", text widget on screen at " + text.toDisplay(0, 0) + " " + text.getSize()
						+ ", active shell " + text.getDisplay().getActiveShell() + ", control under the pointer " + text.getDisplay().getCursorControl();
				if (System.currentTimeMillis() > until) fail("no hover with the unknown unit's message: " + seen);
				xdotool("mousemove", "--sync", "" + (onScreen.x + 60), "" + (onScreen.y + 3 * text.getLineHeight()));
				xdotool("mousemove", "--sync", "" + onScreen.x, "" + onScreen.y);
				long wait = System.currentTimeMillis() + 2500;
				while (System.currentTimeMillis() < wait && hoverShowing(problem) == null) if (!text.getDisplay().readAndDispatch()) sleep(10);
			}
			org.eclipse.swt.widgets.Shell hover = hoverShowing(problem);
			org.eclipse.swt.graphics.Rectangle b = hover.getBounds(), monitor = window.getMonitor().getBounds();
			assertTrue(monitor.contains(b.x, b.y) && monitor.contains(b.x + b.width - 1, b.y + b.height - 1),
					"the hover " + b + " on the monitor " + monitor);
			org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(hover);
			gc.setFont(org.eclipse.jface.resource.JFaceResources.getDialogFont());
			double charWidth = gc.getFontMetrics().getAverageCharacterWidth();
			gc.dispose();
			assertTrue(b.width <= charWidth * org.cellwright.editor.CellTextHover.MAX_WIDTH_CHARS + 40,
					"at most " + org.cellwright.editor.CellTextHover.MAX_WIDTH_CHARS + " characters wide: " + b);
			for (org.eclipse.swt.widgets.Control c : leaves(hover)) {
				org.eclipse.swt.graphics.Point wants = c.computeSize(org.eclipse.swt.SWT.DEFAULT, org.eclipse.swt.SWT.DEFAULT);
				assertTrue(wants.x <= c.getSize().x + 2, "nothing clipped: " + c + " wants " + wants + ", has " + c.getSize());
			}
			String shown = shownText(hover);
			assertTrue(shown.strip().lines().count() >= 2, "wrapped onto several lines:\n" + shown);
			// the whole message, broken only where it wraps (also after a hyphen: "case-|sensitive")
			assertTrue(shown.replaceAll("\\s+", "").contains(message.replaceAll("\\s+", "")), "the whole message:\n" + shown);
			hover.setVisible(false);
		} finally {
			window.setBounds(windowWas);
		}
	}

	/** Whether the viewer's annotation model holds the annotation of a marker with the code, covering the offset. */
	static boolean annotated(org.eclipse.jface.text.ITextViewer viewer, String code, int offset) {
		if (!(viewer instanceof org.eclipse.jface.text.source.ISourceViewer sv) || sv.getAnnotationModel() == null) return false;
		var model = sv.getAnnotationModel();
		for (var it = model.getAnnotationIterator(); it.hasNext();) {
			if (!(it.next() instanceof org.eclipse.ui.texteditor.MarkerAnnotation ma) || ma.isMarkedDeleted() || !ma.getMarker().exists()) continue;
			org.eclipse.jface.text.Position p = model.getPosition(ma);
			if (p != null && !p.isDeleted() && offset >= p.getOffset() && offset <= p.getOffset() + p.getLength()
					&& ma.getMarker().getAttribute(CellValidationReconciler.CODE, "").endsWith(code)) return true;
		}
		return false;
	}

	/** Runs xdotool (real X input through XTest) with the UI thread dispatching; fails when it cannot. */
	static void xdotool(String... args) throws Exception {
		List<String> cmd = new java.util.ArrayList<>(List.of("xdotool"));
		cmd.addAll(List.of(args));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		IdeUITest.spin(() -> !p.isAlive(), 10_000, "xdotool " + cmd);
		assertEquals(0, p.exitValue(), "xdotool " + cmd + ": " + new String(p.getInputStream().readAllBytes()));
	}

	/** The visible hover shell showing (a piece of) the message, or null. */
	static org.eclipse.swt.widgets.Shell hoverShowing(String message) {
		String piece = message.substring(0, Math.min(30, message.length()));
		for (org.eclipse.swt.widgets.Shell top : org.eclipse.swt.widgets.Display.getCurrent().getShells())
			for (org.eclipse.swt.widgets.Shell s : withChildren(top))
				if (s.isVisible() && s != PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell() && shownText(s).replaceAll("\\s+", " ").contains(piece)) return s;
		return null;
	}

	static List<org.eclipse.swt.widgets.Shell> withChildren(org.eclipse.swt.widgets.Shell s) {
		List<org.eclipse.swt.widgets.Shell> all = new java.util.ArrayList<>(List.of(s));
		for (org.eclipse.swt.widgets.Shell c : s.getShells()) all.addAll(withChildren(c));
		return all;
	}

	static List<org.eclipse.swt.widgets.Control> leaves(org.eclipse.swt.widgets.Composite c) {
		List<org.eclipse.swt.widgets.Control> out = new java.util.ArrayList<>();
		for (org.eclipse.swt.widgets.Control k : c.getChildren()) {
			if (k instanceof org.eclipse.swt.custom.StyledText || !(k instanceof org.eclipse.swt.widgets.Composite comp)) out.add(k);
			else out.addAll(leaves(comp));
		}
		return out;
	}

	/** The text of a shell's labels and text widgets. */
	static String shownText(org.eclipse.swt.widgets.Shell s) {
		StringBuilder b = new StringBuilder();
		for (org.eclipse.swt.widgets.Control c : leaves(s)) {
			if (c instanceof org.eclipse.swt.custom.StyledText t) b.append(t.getText()).append('\n');
			else if (c instanceof org.eclipse.swt.widgets.Label l) b.append(l.getText()).append('\n');
		}
		return b.toString();
	}

	static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	IMarker marker(String code) {
		try {
			for (IMarker m : file.findMarkers(CellValidationReconciler.MARKER_TYPE, true, IResource.DEPTH_ZERO))
				if (m.getAttribute(CellValidationReconciler.CODE, "").endsWith(code)) return m;
		} catch (Exception e) {
			return null;
		}
		return null;
	}
}
