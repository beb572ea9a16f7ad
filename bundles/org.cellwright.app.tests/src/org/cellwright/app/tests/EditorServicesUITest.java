package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.CellContentAssistProcessor;
import org.cellwright.editor.CellHover;
import org.cellwright.editor.CellHyperlinkDetector;
import org.cellwright.editor.CellOutlinePage;
import org.cellwright.editor.CellQuickFixProcessor;
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
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor's language services on the study's half cells, in the running IDE. */
class EditorServicesUITest extends HalfCellsEditorFixture {

	@Test
	void theStudysExamplesAreImportedWithTheirFolder() {
		assertTrue(file.exists(), "the study's examples are imported with their folder");
	}

	@Test
	void contentAssistOffersALibraryMaterialAfterTheLayerColon() {
		int at = doc.get().indexOf("layer separator: ") + "layer separator: ".length();
		List<ICompletionProposal> ps = CellContentAssistProcessor.proposals(doc, at);
		List<String> labels = ps.stream().map(ICompletionProposal::getDisplayString).toList();
		assertTrue(labels.stream().anyMatch(l -> l.startsWith("Li6PS5Cl")), "the standard library's electrolyte: " + labels);
		assertTrue(labels.stream().anyMatch(l -> l.startsWith("SUS")), "the library's current collector: " + labels);
	}

	@Test
	void contentAssistOffersUnitsAfterANumber() throws Exception {
		int at = doc.get().indexOf("10 um") + 3;
		doc.replace(at, 2, "m");
		List<String> labels = CellContentAssistProcessor.proposals(doc, at + 1).stream().map(ICompletionProposal::getDisplayString).toList();
		assertTrue(labels.stream().anyMatch(l -> l.startsWith("mm")), labels.toString());
		assertTrue(labels.stream().anyMatch(l -> l.startsWith("mA/cm2")), labels.toString());
		assertFalse(labels.stream().anyMatch(l -> l.startsWith("um")), "only units that start with the prefix: " + labels);
	}

	@Test
	void hoverShowsAMaterialsPropertiesWithUnitsAndSources() {
		int at = doc.get().indexOf("layer separator: Li6PS5Cl") + "layer separator: ".length() + 2;
		String info = CellHover.info(DocumentModel.parse(doc), at);
		assertNotNull(info);
		assertTrue(info.startsWith("material Li6PS5Cl"), info);
		assertTrue(info.contains("g/cm3"), "with units: " + info);
		assertTrue(info.contains("10.1002/adma.202210835"), "with sources: " + info);
	}

	@Test
	void definitionOfALibraryMaterialIsInTheLibraryFile() {
		int at = doc.get().indexOf("layer separator: Li6PS5Cl") + "layer separator: ".length() + 2;
		CellHyperlinkDetector.Target t = CellHyperlinkDetector.targetAt(DocumentModel.parse(doc), at);
		assertNotNull(t, "a link on the reference");
		assertEquals("Li6PS5Cl", t.name());
		assertTrue(t.uri().toString().endsWith("materials.cell"), t.uri().toString());
		assertTrue(t.length() > 0);
	}

	@Test
	void outlineListsCellsAndTheirLayers() {
		assertInstanceOf(CellOutlinePage.class, editor.getAdapter(IContentOutlinePage.class), "the editor offers an outline for .cell files");
		org.eclipse.ui.views.contentoutline.ContentOutline view;
		try {
			view = (org.eclipse.ui.views.contentoutline.ContentOutline) page.showView("org.eclipse.ui.views.ContentOutline");
		} catch (Exception e) {
			throw new AssertionError(e);
		}
		page.activate(editor);
		IdeUITest.flush();
		assertInstanceOf(CellOutlinePage.class, view.getCurrentPage(), "the Outline view shows the .cell outline");
		var tree = ((CellOutlinePage) view.getCurrentPage()).getControl();
		assertNotNull(tree);
		// the Outline shows the document's one parse, read off the UI thread (EditingSession): wait for it
		IdeUITest.spin(() -> ((org.eclipse.swt.widgets.Tree) tree).getItemCount() > 0, 30_000, "the Outline to show the parse");
		var items = ((org.eclipse.swt.widgets.Tree) tree).getItems();
		assertTrue(items.length >= 5, "the five half cells: " + items.length);
		assertEquals("cell Cell3", items[0].getText());
		assertTrue(items[0].getItemCount() >= 3, "layers under the cell");
	}

	@Test
	void quickFixReplacesAnUnknownUnitAndTheMarkerGoes() throws Exception {
		int at = doc.get().indexOf("350 um") + 4;
		doc.replace(at, 2, "umm");
		IdeUITest.spin(() -> marker() != null, 20_000, "an unknown-unit marker");
		List<ICompletionProposal> fixes = CellQuickFixProcessor.fixes(doc, marker());
		assertFalse(fixes.isEmpty());
		ICompletionProposal um = fixes.stream().filter(f -> f.getDisplayString().equals("Change unit to 'um'")).findFirst()
				.orElseThrow(() -> new AssertionError(fixes.stream().map(ICompletionProposal::getDisplayString).toList().toString()));
		um.apply(doc);
		assertTrue(doc.get().contains("350 um"), "the unit is fixed in the text");
		IdeUITest.spin(() -> marker() == null, 20_000, "the marker to go away");
	}

	IMarker marker() {
		try {
			for (IMarker m : file.findMarkers(CellValidationReconciler.MARKER_TYPE, true, IResource.DEPTH_ZERO))
				if (m.getAttribute(CellValidationReconciler.CODE, "").endsWith("unknownUnit")) return m;
		} catch (Exception e) {
			return null;
		}
		return null;
	}
}
