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
	 * The problem hover while a re-validation replaces the problem's markers: the markers are deleted and made again
	 * (CellValidationReconciler.updateMarkers, one workspace operation), and a hover computed between the two found no
	 * live marker and showed the unit's own text, the validator's words without "Error:" (CI twice, session 40). The
	 * hover reads the document's latest validation now (EditingSession.validation: the issues the markers are made
	 * from), which a re-validation replaces whole. Before, inside the operation below, the hover answered "unknown
	 * unit 'umm' ..." without "Error". The problem's span follows typing before it, as the markers' annotations did.
	 */
	@Test
	void theProblemHoverHasNoMomentWithoutItsProblemWhileTheMarkersAreReplaced() throws Exception {
		int at = doc.get().indexOf("layer foil: Li 350 um") + "layer foil: Li 350 ".length();
		doc.replace(at, 2, "umm");
		IdeUITest.spin(() -> marker("unknownUnit") != null && marker("unknownUnit").getAttribute(IMarker.MESSAGE, "").contains("'umm'"), 20_000,
				"the unknown-unit marker of 'umm'");
		String message = marker("unknownUnit").getAttribute(IMarker.MESSAGE, "");
		var viewer = (org.eclipse.jface.text.ITextViewer) editor.getAdapter(org.eclipse.jface.text.ITextOperationTarget.class);
		org.cellwright.editor.CellTextHover hover = new org.cellwright.editor.CellTextHover();
		String problem = "<b>Error</b>: unknown unit 'umm'";
		IdeUITest.spin(() -> String.valueOf(hover.getHoverInfo(viewer, hover.getHoverRegion(viewer, at + 1))).startsWith(problem),
				20_000, () -> "the problem hover on 'umm': " + hover.getHoverInfo(viewer, new org.eclipse.jface.text.Region(at + 1, 0)));
		// the markers deleted, the hover asked before they are made again (as a re-validation does, in one operation)
		String[] inside = new String[2];
		org.eclipse.core.resources.ResourcesPlugin.getWorkspace().run(m -> {
			file.deleteMarkers(CellValidationReconciler.MARKER_TYPE, false, IResource.DEPTH_ZERO);
			inside[0] = hover.getHoverInfo(viewer, hover.getHoverRegion(viewer, at + 1));
			inside[1] = new CellHover().getHoverInfo(viewer, new org.eclipse.jface.text.Region(at + 1, 0));
		}, file, IResource.NONE, null);
		assertTrue(inside[0] != null && inside[0].startsWith(problem), "the problem hover while the markers are replaced: " + inside[0]);
		assertNull(inside[1], "the model's hover defers to the problem meanwhile too");
		// typing before the problem (not validated yet) moves its span with the text, as the markers' annotations did
		org.cellwright.editor.EditingSession.Validation v = org.cellwright.editor.EditingSession.of(doc).validation();
		String validated = v.text();
		java.util.function.Function<String, Integer> offsetIn = now -> v.problems(now).stream().filter(x -> x.message().equals(message))
				.findFirst().map(org.cellwright.editor.EditingSession.Problem::offset).orElse(-1);
		assertEquals(at, offsetIn.apply(validated), "where it was validated");
		assertEquals(at + "// typed\n".length(), offsetIn.apply("// typed\n" + validated), "moved with the typing before it");
		assertEquals(at, offsetIn.apply(validated.substring(0, at + 3) + " " + validated.substring(at + 3)), "typing after it: in its place");
		assertEquals(-1, offsetIn.apply(validated.substring(0, at + 1) + "x" + validated.substring(at + 1)),
				"typing in its span: left out until the text is validated");
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
		PointerEvents events = null;
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
			// the editor's hover where the pointer rests is ours (the generic editor's own puts the message on one line)
			assertEquals(org.cellwright.editor.CellTextHover.class.getName(), viewerHover(viewer, at + 3), "the viewer's hover on the unknown unit");
			// The real pointer (X events through xdotool) comes to rest on the unknown unit: GTK and SWT make the hover
			// event as for a user. Each try first takes the pointer off the text (above it: a hover opens below its line)
			// and waits until SWT has told the text so: that hides a hover left from a try before and re-arms the viewer's
			// hover manager, which after one hover event takes no other until the pointer has left that hover's area. (The
			// tries used to move a little away on the text and back: the little away lay inside the hover shown below the
			// line, where the manager keeps waiting, as the pointer may be on its way into the hover; after a first hover
			// without the problem's text no later try could open another: 40 s of tries in CI.) A hover with other text is
			// a failure at once: a user would see it.
			events = new PointerEvents(text);
			List<String> tries = new java.util.ArrayList<>();
			long until = System.currentTimeMillis() + 40_000;
			while (hoverShowing(problem) == null) {
				if (System.currentTimeMillis() > until || tries.size() >= 8)
					fail("no hover with the unknown unit's message after " + tries.size() + " tries: " + String.join("; ", tries)
							+ ". " + onScreen(viewer, at + 3, problem));
				IdeUITest.spin(() -> annotated(viewer, "unknownUnit", at + 3), 20_000, "the unknown-unit marker's annotation in the viewer");
				int widgetOffset = ((org.eclipse.jface.text.ITextViewerExtension5) viewer).modelOffset2WidgetOffset(at + 3);
				org.eclipse.swt.graphics.Point p = text.getLocationAtOffset(widgetOffset);
				org.eclipse.swt.graphics.Point target = text.toDisplay(p.x + 4, p.y + text.getLineHeight() / 2);
				// off the text: above it, on the editor's tab row (a hover opens below the line it is for)
				org.eclipse.swt.graphics.Point away = text.toDisplay(Math.min(p.x + 4, text.getSize().x / 2), -12);
				events.clear();
				xdotool("mousemove", "--sync", "" + away.x, "" + away.y);
				final PointerEvents ev = events;
				IdeUITest.spin(ev::elsewhere, 10_000, () -> "SWT to see the pointer leave the text for " + away + ": " + ev);
				// onto the unit a little beside the point, then to it: SWT gives the text its pointer's move, from which the
				// hover event comes, only for a move within the text, not for the one that enters it
				events.clear();
				xdotool("mousemove", "--sync", "" + (target.x + 6), "" + target.y);
				IdeUITest.spin(ev::onText, 10_000, () -> "SWT to see the pointer enter the text at " + (target.x + 6) + "," + target.y + ": " + ev);
				xdotool("mousemove", "--sync", "" + target.x, "" + target.y);
				IdeUITest.spin(() -> ev.movedOnText(target), 10_000, () -> "SWT to see the pointer move on the unknown unit to " + target + ": " + ev);
				// the hover event (400 ms after the pointer's last move), its information (computed on a thread of the
				// hover manager) and the hover shown in the UI thread
				long rest = System.currentTimeMillis() + 10_000;
				while (System.currentTimeMillis() < rest && hoverShowing(problem) == null && !(ev.hovers() > 0 && ev.sinceHover() > 500 && !hoverComputing()))
					if (!text.getDisplay().readAndDispatch()) sleep(10);
				if (hoverShowing(problem) != null) break;
				// a hover with other text where the problem is: what a user would see, not a lost hover event
				for (org.eclipse.swt.widgets.Shell s : text.getDisplay().getShells()) {
					org.eclipse.swt.graphics.Rectangle r = s.getBounds();
					if (s.isVisible() && s != window && !shownText(s).isBlank() && r.y >= target.y && r.y <= target.y + 5 * text.getLineHeight()
							&& r.x <= target.x + 50 && r.x + r.width >= target.x - 50)
						fail("the hover on the unknown unit shows other text than its problem: '" + abbreviate(shownText(s)) + "' at " + r
								+ ". " + ev + ". " + onScreen(viewer, at + 3, problem));
				}
				tries.add("try " + (tries.size() + 1) + " to " + target + ": " + ev + ", shells " + visibleShellTexts());
			}
			if (!tries.isEmpty()) System.out.println("EditorBasicsUITest: the problem hover after " + tries.size() + " tries without: " + tries);
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
			// with CELLWRIGHT_SCREENSHOTS set (a developer's run under Xvfb): the window with the hover over it
			if (Screenshots.enabled()) {
				Screenshots.settle(500); // the hover painted on the screen (taken at once, the picture had none)
				Screenshots.windowWith(window, hover, Path.of(System.getenv("CELLWRIGHT_SCREENSHOTS"), "editor-problem-hover.png"));
			}
			hover.setVisible(false);
		} finally {
			if (events != null) events.dispose();
			window.setBounds(windowWas);
		}
	}

	/**
	 * The pointer events SWT dispatched since the last {@link #clear()}: on the text widget (moves, enter, exit, hover)
	 * and on other controls, as the hover manager sees them.
	 */
	static final class PointerEvents implements org.eclipse.swt.widgets.Listener {
		static final int[] TYPES = { org.eclipse.swt.SWT.MouseMove, org.eclipse.swt.SWT.MouseEnter, org.eclipse.swt.SWT.MouseExit, org.eclipse.swt.SWT.MouseHover };
		final org.eclipse.swt.custom.StyledText text;
		final List<String> seen = new java.util.ArrayList<>();
		org.eclipse.swt.graphics.Point lastMoveOnText;
		boolean elsewhere, onText;
		int hovers;
		long lastHover;

		PointerEvents(org.eclipse.swt.custom.StyledText text) {
			this.text = text;
			for (int t : TYPES) text.getDisplay().addFilter(t, this);
		}

		@Override
		public void handleEvent(org.eclipse.swt.widgets.Event e) {
			if (!(e.widget instanceof org.eclipse.swt.widgets.Control c) || c.isDisposed()) return;
			org.eclipse.swt.graphics.Point d = c.toDisplay(e.x, e.y);
			String name = switch (e.type) {
				case org.eclipse.swt.SWT.MouseMove -> "move";
				case org.eclipse.swt.SWT.MouseEnter -> "enter";
				case org.eclipse.swt.SWT.MouseExit -> "exit";
				default -> "hover";
			};
			if (seen.size() < 16) seen.add(name + (c == text ? "" : " " + c.getClass().getSimpleName()) + " " + d.x + "," + d.y);
			if (c == text) {
				if (e.type == org.eclipse.swt.SWT.MouseExit) elsewhere = true;
				else onText = true;
				if (e.type == org.eclipse.swt.SWT.MouseMove) lastMoveOnText = d;
				if (e.type == org.eclipse.swt.SWT.MouseHover) {
					hovers++;
					lastHover = System.currentTimeMillis();
				}
			} else if (e.type == org.eclipse.swt.SWT.MouseMove || e.type == org.eclipse.swt.SWT.MouseEnter) elsewhere = true;
		}

		void clear() {
			seen.clear();
			lastMoveOnText = null;
			elsewhere = onText = false;
			hovers = 0;
		}

		/** Whether SWT told of the pointer off the text (its exit, or a move on another control). */
		boolean elsewhere() {
			return elsewhere;
		}

		/** Whether SWT told the text of the pointer on it (its enter or a move). */
		boolean onText() {
			return onText;
		}

		/** Whether the text's last pointer move was to the point (screen coordinates). */
		boolean movedOnText(org.eclipse.swt.graphics.Point p) {
			return lastMoveOnText != null && Math.abs(lastMoveOnText.x - p.x) <= 1 && Math.abs(lastMoveOnText.y - p.y) <= 1;
		}

		int hovers() {
			return hovers;
		}

		long sinceHover() {
			return System.currentTimeMillis() - lastHover;
		}

		void dispose() {
			if (text.isDisposed()) return;
			for (int t : TYPES) text.getDisplay().removeFilter(t, this);
		}

		@Override
		public String toString() {
			return "SWT saw " + (seen.isEmpty() ? "no pointer event" : String.join(", ", seen)) + " (hover events on the text: " + hovers + ")";
		}
	}

	/** Whether the text viewer's hover manager is computing a hover's information (on its thread). */
	static boolean hoverComputing() {
		return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && "Text Viewer Hover Presenter".equals(t.getName()));
	}

	/** The class of the hover the viewer asks at an offset for the pointer resting without modifier keys. */
	static String viewerHover(org.eclipse.jface.text.ITextViewer viewer, int offset) {
		try {
			java.lang.reflect.Method m = org.eclipse.jface.text.TextViewer.class.getDeclaredMethod("getTextHover", int.class, int.class);
			m.setAccessible(true);
			Object h = m.invoke(viewer, offset, 0);
			return h == null ? "none" : h.getClass().getName();
		} catch (ReflectiveOperationException | RuntimeException e) {
			return "unknown (" + e + ")";
		}
	}

	/** What a failure tells of the screen: the visible shells' texts, the hover's answer asked directly, the pointer. */
	String onScreen(org.eclipse.jface.text.ITextViewer viewer, int offset, String problem) {
		org.eclipse.swt.custom.StyledText text = viewer.getTextWidget();
		org.eclipse.swt.widgets.Display d = text.getDisplay();
		String direct;
		try {
			direct = new org.cellwright.editor.CellTextHover().getHoverInfo(viewer, new org.eclipse.jface.text.Region(offset, 0));
		} catch (RuntimeException e) {
			direct = e.toString();
		}
		return "Visible shells: " + visibleShellTexts() + "; CellTextHover at the offset answers "
				+ (direct == null ? "nothing" : "'" + abbreviate(direct) + "'") + " (wanted '" + abbreviate(problem) + "')"
				+ "; the viewer's hover there " + viewerHover(viewer, offset) + "; pointer at " + d.getCursorLocation() + " over "
				+ d.getCursorControl() + "; text widget on screen at " + text.toDisplay(0, 0) + " " + text.getSize() + "; active shell "
				+ d.getActiveShell() + "; annotated " + annotated(viewer, "unknownUnit", offset);
	}

	static String abbreviate(String s) {
		String one = s.replaceAll("\\s+", " ").strip();
		return one.length() <= 90 ? one : one.substring(0, 90) + "...";
	}

	/** The visible shells other than the workbench window, each with the text it shows. */
	static List<String> visibleShellTexts() {
		List<String> out = new java.util.ArrayList<>();
		org.eclipse.swt.widgets.Shell main = PlatformUI.getWorkbench().getActiveWorkbenchWindow() == null ? null
				: PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		for (org.eclipse.swt.widgets.Shell s : org.eclipse.swt.widgets.Display.getCurrent().getShells()) // (all, children too)
			if (s.isVisible() && s != main) out.add(s.getBounds() + " '" + abbreviate(shownText(s)) + "'");
		return out;
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
