package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.protocol.ProtocolTimeline;
import org.cellwright.editor.protocol.ProtocolTimeline.Kind;
import org.cellwright.editor.protocol.ProtocolTimeline.Segment;
import org.cellwright.editor.protocol.ProtocolTimelineView;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Protocol Timeline view follows the caret in a .cell editor and the text as it changes. */
class ProtocolTimelineUITest {

	IWorkbenchPage page;
	ITextEditor editor;
	IDocument doc;
	ProtocolTimelineView view;
	IFile any;

	@BeforeEach
	void setUp() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		IdeUITest.waitForJobs();
		view = (ProtocolTimelineView) page.showView(ProtocolTimelineView.ID);
	}

	void open(String path) throws Exception {
		editor = (ITextEditor) IDE.openEditor(page, any.getProject().getFile(path), true);
		doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		page.activate(editor);
		IdeUITest.flush();
	}

	@AfterEach
	void tearDown() {
		if (editor != null) editor.doRevertToSaved();
		page.closeAllEditors(false);
	}

	@Test
	void theCaretInAProtocolShowsItsStepsWithRepeatsOnceAndTheTextEditUpdatesIt() throws Exception {
		open("sung2023/protocols.cell");
		int at = doc.get().indexOf("protocol FullCellCycling");
		editor.selectAndReveal(at + 12, 0);
		IdeUITest.spin(() -> view.timeline() != null && view.timeline().title.equals("protocol FullCellCycling"), 10_000, "the view to follow the caret");
		ProtocolTimeline t = view.timeline();
		assertEquals(4, t.segments.size(), "activation charge + discharge, the repeat's body once: " + t.segments);
		assertEquals(4, t.count(Kind.CURRENT));
		assertTrue(t.brackets.stream().anyMatch(b -> b.label().equals("x 199") && b.first() == 2 && b.last() == 3), "the repeat as a bracket: " + t.brackets);
		assertTrue(t.brackets.stream().anyMatch(b -> b.label().equals("run FullCellActivation")), t.brackets.toString());
		assertTrue(t.brackets.stream().anyMatch(b -> b.label().equals("Activation")), "the group: " + t.brackets);
		assertEquals("C", t.rateUnit);
		Segment first = t.segments.get(0);
		assertEquals(0.1, first.rate(), 1e-12, "charge is positive");
		assertEquals(10, first.duration(), 1e-9, "until 4.3 V at 0.1 C: about one full charge, 10 h (under the 15 h safety cut-off)");
		assertTrue(first.estimated());
		assertEquals("until 4.3 V for 15 h", first.cutoff());
		assertEquals(-0.35, t.segments.get(3).rate(), 1e-12, "discharge is negative");
		assertEquals(2 * 10 + 199 * 2 / 0.35, t.fullHours, 1e-6, "the whole protocol counts the repeats");
		assertTrue(t.drawnHours < 30, "drawn once: " + t.drawnHours);

		int close = doc.get().indexOf("discharge at 0.35 C until 2.8 V for 5 h", at);
		doc.replace(close, 0, "rest for 30 min\n\t\t");
		IdeUITest.spin(() -> view.timeline().segments.size() == 5, 10_000, "the view to follow the edit");
		Segment rest = view.timeline().segments.get(3);
		assertEquals(Kind.REST, rest.kind());
		assertEquals(0.5, rest.duration(), 1e-12);
		assertTrue(view.timeline().brackets.stream().anyMatch(b -> b.label().equals("x 199") && b.first() == 2 && b.last() == 4), "the rest is inside the repeat");
	}

	@Test
	void anExperimentUsesItsCellsCapacityForCurrentDensitiesAndMarksSetConditions() throws Exception {
		open("sung2023/experiments.cell");
		view.show("experiment FullCellWithInterlayer");
		ProtocolTimeline t = view.timeline();
		double mAhPerCm2 = t.capacity / 3.6 / (t.area * 1e4);
		// Cell6: 20 mg/cm2 of a 67 wt% NCM811 cathode at about 200 mAh/g
		assertTrue(mAhPerCm2 > 2.4 && mAhPerCm2 < 3.2, "1 C of cell 6 from its cathode: " + mAhPerCm2 + " mAh/cm2");
		assertTrue(t.capacityNote.contains("1 C ="), t.capacityNote);

		view.show("experiment NucleationBare");
		t = view.timeline();
		assertEquals("mA/cm2", t.rateUnit);
		assertEquals(1, t.segments.size());
		assertEquals(-0.3, t.segments.get(0).rate(), 1e-12, "discharge at 0.3 mA/cm2, plotted in mA/cm2");
		assertEquals(1, t.segments.get(0).duration(), 1e-12);
		assertFalse(t.segments.get(0).estimated(), "a 'for' step's duration is written, not estimated");

		// a set-condition is a marker; a current density 'until' a voltage with a known capacity is estimated from it
		int at = doc.get().indexOf("experiment NucleationBare");
		doc.replace(at, 0, "protocol Probe {\n\tset temperature = 60 degC\n\tcharge at 0.28 mA/cm2 until 4.3 V\n}\n"
				+ "experiment ProbeRun {\n\tcell Cell6\n\tprotocol Probe\n}\n\n");
		IdeUITest.spin(() -> { view.reparse(); view.show("experiment ProbeRun"); return view.timeline() != null && view.timeline().segments.size() == 2; },
				10_000, "the new experiment");
		t = view.timeline();
		assertEquals(Kind.SET, t.segments.get(0).kind());
		assertEquals("set temperature = 60 degC", t.segments.get(0).rateLabel());
		Segment charge = t.segments.get(1);
		double expected = t.capacity / (t.area * 1e4) / 3.6 / 0.28; // h = (mAh/cm2) / (mA/cm2)
		assertEquals(expected, charge.duration(), 1e-6, t.capacityNote);
		assertTrue(charge.estimated());
	}

	@Test
	void aStepWithoutAKnownDurationGetsAFixedWidthAndAnUnknownRunIsShown() throws Exception {
		open("sung2023/protocols.cell");
		int at = doc.get().indexOf("protocol Formation");
		doc.replace(at, 0, "protocol Odd {\n\tdischarge at 0.3 mA/cm2 until 5 mV\n\thold at 4.3 V until 0.05 mA/cm2\n\trun Missing\n}\n\n");
		IdeUITest.spin(() -> { view.reparse(); view.show("protocol Odd"); return view.timeline() != null && view.timeline().segments.size() == 3; },
				10_000, "the new protocol");
		ProtocolTimeline t = view.timeline();
		assertTrue(t.segments.get(0).fixedWidth(), "no capacity, no 'for': the duration is unknown");
		assertEquals(Kind.HOLD, t.segments.get(1).kind());
		assertEquals(-0.05, t.segments.get(1).endRate(), 1e-12, "the hold's current decays to its cut-off");
		assertEquals(Kind.UNRESOLVED, t.segments.get(2).kind());
		assertTrue(view.svg(900, 400).contains("run ?"), "drawn with its label");
	}
	/**
	 * A step's label stays off the time axis's labels: InterlayerHalfCellAt60C's discharge at the full rate drew
	 * "dischar..." over "35 h" at the view's default size. Drawn with the screen's font at sizes from low to tall.
	 */
	@Test
	void aStepsLabelIsNeverDrawnOverTheTimeAxisLabels() throws Exception {
		open("sung2023/experiments.cell");
		view.show("experiment InterlayerHalfCellAt60C");
		assertNotNull(view.timeline());
		var display = view.canvas().getDisplay();
		for (int width = 400; width <= 1400; width += 200) for (int height = 160; height <= 700; height += 30) {
			java.util.List<double[]> ticks = new java.util.ArrayList<>(), others = new java.util.ArrayList<>();
			java.util.List<String> texts = new java.util.ArrayList<>();
			paint(display, width, height, new org.cellwright.editor.protocol.TimelinePainter(), screen -> (org.cellwright.editor.draw.Drawing) java.lang.reflect.Proxy
					.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { org.cellwright.editor.draw.Drawing.class }, (proxy, m, args) -> {
						if (m.getName().equals("text")) {
							String text = (String) args[0];
							double[] box = { (double) args[1], (double) args[2], screen.textWidth(text, (boolean) args[4]), screen.lineHeight() };
							boolean tick = (int) args[3] == org.cellwright.editor.draw.Drawing.GRAY && text.matches("[0-9.]+ (h|min)");
							(tick ? ticks : others).add(box);
							if (!tick) texts.add(text);
						}
						return m.invoke(screen, args);
					}));
			assertFalse(ticks.isEmpty(), "the time axis is labelled");
			for (double[] t : ticks) for (int k = 0; k < others.size(); k++) {
				double[] o = others.get(k);
				boolean overlap = o[0] < t[0] + t[2] && t[0] < o[0] + o[2] && o[1] < t[1] + t[3] && t[1] < o[1] + o[3];
				assertFalse(overlap, "at " + width + " x " + height + " '" + texts.get(k) + "' is drawn over a time label at x " + t[0]);
			}
		}
	}
	/**
	 * A group's bracket label is as wide as its name needs where its row leaves room beside the bracket: kim2025.cell's
	 * KimHeated drew "prob..." for probe30, probe45 and probe60 (each a bracket under one 10 min step) at the view's
	 * default size beside the editor (about 700 x 250, session 26). The labels of a row stay apart, a name is cut only
	 * where there is no room, and then the whole name is the tooltip over it.
	 */
	@Test
	void aGroupsNameIsDrawnWholeBesideItsShortBracketAndCutOnlyWithoutRoom() throws Exception {
		open("sung2023/kim2025.cell");
		view.show("protocol KimHeated");
		assertNotNull(view.timeline());
		var display = view.canvas().getDisplay();
		for (int width = 600; width <= 1400; width += 200) {
			var painter = paint(display, width, 250, new org.cellwright.editor.protocol.TimelinePainter());
			var labels = painter.bracketLabels();
			assertEquals(java.util.List.of("probe30", "probe45", "probe60"),
					labels.stream().map(org.cellwright.editor.protocol.TimelinePainter.BracketLabel::drawn).filter(l -> l.startsWith("prob")).sorted().toList(),
					"the groups' names whole at " + width + " px: " + labels);
			for (var a : labels) for (var b : labels)
				if (a != b)
					assertTrue(a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x() || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y(),
							"labels apart at " + width + " px: " + a + ", " + b);
			assertNull(painter.cutLabelAt(labels.get(0).x() + 1, labels.get(0).y() + 1), "no tooltip over a whole name");
			for (var l : labels) // a label wider than its bracket hangs under its line: drawn over it, it hid the whole bracket
				assertTrue(l.x() >= l.left() && l.x() + l.width() <= l.right() || l.y() > l.lineY(), "the bracket in view beside " + l);
		}
		// too narrow for the names: cut, each whole in the tooltip over it (on the view's canvas too)
		var narrow = paint(display, 260, 250, view.painter());
		var cut = narrow.bracketLabels().stream().filter(org.cellwright.editor.protocol.TimelinePainter.BracketLabel::cut).findFirst().orElseThrow(
				() -> new AssertionError("a name cut at 260 px: " + narrow.bracketLabels()));
		assertTrue(cut.drawn().endsWith("..."), cut.toString());
		org.eclipse.swt.widgets.Event move = new org.eclipse.swt.widgets.Event();
		move.x = (int) (cut.x() + cut.width() / 2);
		move.y = (int) (cut.y() + cut.height() / 2);
		view.canvas().notifyListeners(org.eclipse.swt.SWT.MouseMove, move);
		assertEquals(cut.name(), view.canvas().getToolTipText(), "the whole name under the pointer");
	}

	/** Paints the view's time line at a size with the screen's font into an image, with the painter given. */
	private org.cellwright.editor.protocol.TimelinePainter paint(org.eclipse.swt.widgets.Display display, int width, int height,
			org.cellwright.editor.protocol.TimelinePainter painter) {
		return paint(display, width, height, painter, screen -> screen);
	}

	/** As {@link #paint}, drawing through what {@code through} makes of the screen's drawing (a recorder). */
	private org.cellwright.editor.protocol.TimelinePainter paint(org.eclipse.swt.widgets.Display display, int width, int height,
			org.cellwright.editor.protocol.TimelinePainter painter,
			java.util.function.Function<org.cellwright.editor.draw.Drawing, org.cellwright.editor.draw.Drawing> through) {
		var image = new org.eclipse.swt.graphics.Image(display, width, height);
		var gc = new org.eclipse.swt.graphics.GC(image);
		try (var screen = new org.cellwright.editor.draw.GcDrawing(gc)) {
			painter.paint(through.apply(screen), 0, 0, width, height, view.timeline());
		} finally {
			gc.dispose();
			image.dispose();
		}
		return painter;
	}
}
