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
		assertFalse(l.stream().anyMatch(s -> s.startsWith("density")), "a material's property is not a cell's: " + l);
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
		assertSame(DocumentModel.parseCached(doc), DocumentModel.parseCached(doc), "one parse per text");
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
