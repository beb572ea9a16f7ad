package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;

import org.cellwright.editor.CellHover;
import org.cellwright.editor.CellOutlinePage;
import org.cellwright.editor.CellValidationReconciler;
import org.cellwright.editor.DocumentModel;
import org.cellwright.editor.EditingSession;
import org.cellwright.editor.protocol.ProtocolTimelineView;
import org.cellwright.editor.stack.StackView;
import org.cellwright.model.Layer;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertySheet;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;

/**
 * One editing session per document: one parse per text change shared by the views, the reconciler and the hover;
 * one command history shared by every view that edits, surviving a reparse; Properties without the Stack view.
 */
class EditingSessionUITest extends HalfCellsEditorFixture {

	ContentOutline outline() throws Exception {
		ContentOutline o = (ContentOutline) page.showView(IPageLayout.ID_OUTLINE);
		page.activate(editor);
		IdeUITest.flush();
		return o;
	}

	/** An error marker on the line of the offset. */
	boolean hasMarkerNear(int offset) {
		try {
			int line = doc.getLineOfOffset(offset) + 1;
			return Arrays.stream(file.findMarkers(CellValidationReconciler.MARKER_TYPE, true, IResource.DEPTH_ZERO))
					.anyMatch(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) == line && m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR);
		} catch (Exception e) {
			return false;
		}
	}

	String outlineFoil(ContentOutline o) {
		var tree = (org.eclipse.swt.widgets.Tree) ((CellOutlinePage) o.getCurrentPage()).getControl();
		for (var cell : tree.getItems()) if (cell.getText().equals("cell Cell3"))
			for (var layer : cell.getItems()) if (layer.getText().startsWith("layer foil")) return layer.getText();
		return null;
	}

	@Test
	void oneParsePerDocumentChangeSharedByTheViewsTheReconcilerAndTheHover() throws Exception {
		ContentOutline outline = outline();
		StackView stack = (StackView) page.showView(StackView.ID);
		ProtocolTimelineView timeline = (ProtocolTimelineView) page.showView(ProtocolTimelineView.ID);
		page.activate(editor);
		EditingSession session = EditingSession.of(doc);
		IdeUITest.spin(() -> stack.cell() != null && outlineFoil(outline) != null, 20_000, "the views to read the text");
		stack.selectCell("Cell3");
		IdeUITest.waitForJobs();
		IdeUITest.flush();
		int before = session.parses();

		// one change: 350 um becomes 350 mA (an error the reconciler reports)
		int at = doc.get().indexOf("layer foil: Li 350 um") + "layer foil: Li 350 ".length();
		doc.replace(at, 2, "mA");
		IdeUITest.spin(() -> hasMarkerNear(at), 20_000, "the reconciler to validate the new text");
		IdeUITest.spin(() -> "mA".equals(stack.cell().getLayers().get(2).getThickness().getUnit()), 20_000, "the Stack view to show it");
		IdeUITest.spin(() -> outlineFoil(outline).contains("350 mA"), 20_000, "the Outline to show it: " + outlineFoil(outline));
		IdeUITest.waitForJobs();
		IdeUITest.flush();
		String hover = DocumentModel.readCached(doc, r -> CellHover.info(r, at));
		assertNotNull(hover, "the hover reads the same model");
		timeline.reparse();
		stack.reparse();

		assertEquals(before + 1, session.parses(), "the text was parsed once for the Outline, Stack, Timeline, reconciler and hover");
		XtextResource shared = session.parsed();
		assertSame(shared, DocumentModel.readCached(doc, r -> r), "the hover's model is the session's");
		assertSame(shared, stack.cell().eResource(), "the Stack view shows the session's model");
	}

	@Test
	void undoOfAStackEditSurvivesTypingElsewhereAndTheReparse() throws Exception {
		StackView stack = (StackView) page.showView(StackView.ID);
		page.activate(editor);
		IdeUITest.flush();
		stack.reparse();
		stack.selectCell("Cell3");
		EditingSession session = EditingSession.of(doc);
		assertTrue(stack.moveLayer(1, 0), "the move executes");
		String moved = doc.get();
		assertTrue(moved.indexOf("layer separator:") < moved.indexOf("layer wcc:"), moved);

		// the user types a comment at the end; the text is read again (new model objects)
		XtextResource edited = session.current();
		doc.replace(doc.getLength(), 0, "\n// typed after the move\n");
		IdeUITest.spin(() -> session.current() != edited, 20_000, "the text to be read again");
		IdeUITest.flush();
		assertTrue(session.canUndo(), "the history belongs to the document, not to one parse");

		stack.undo();
		String back = doc.get();
		assertTrue(back.indexOf("layer wcc:") < back.indexOf("layer separator:"), "undo restores the order after a reparse:\n" + back);
		assertTrue(back.endsWith("// typed after the move\n"), "what was typed meanwhile stays");
		assertEquals(original + "\n// typed after the move\n", back, "only the moved span is restored");
		assertEquals("wcc,separator,foil,ccc", String.join(",", stack.cell().getLayers().stream().map(Layer::getName).toList()));
		stack.redo();
		assertTrue(doc.get().indexOf("layer separator:") < doc.get().indexOf("layer wcc:"), "redo moves it again");
	}

	/** Cell3's foil 0.03 mm thick, set through its Properties source (an EMF SetCommand of the session), in the text. */
	EditingSession foilThicknessSetInProperties() throws Exception {
		EditingSession session = EditingSession.of(doc);
		session.parsed();
		var foil = org.cellwright.editor.properties.SessionEditing.propertySource(
				((org.cellwright.model.Cell) session.current().getContents().get(0).eContents().stream()
						.filter(e -> e instanceof org.cellwright.model.Cell c && "Cell3".equals(c.getName())).findFirst().orElseThrow())
						.getLayers().get(2), null);
		foil.setPropertyValue("thickness", "0.03 mm");
		assertTrue(doc.get().contains("layer foil: Li 0.03 mm"), doc.get());
		return session;
	}

	@Test
	void anEditedSpanChangedInTheTextIsNotUndoneBlindly() throws Exception {
		EditingSession session = foilThicknessSetInProperties();
		int at = doc.get().indexOf("0.03 mm");
		doc.replace(at, 4, "0.04");
		assertFalse(session.undo(), "the user changed the edited text: undo refuses");
		assertTrue(session.refusal().contains("changed since"), session.refusal());
		assertTrue(doc.get().contains("layer foil: Li 0.04 mm"), "the user's text stays");
	}

	/**
	 * An edit the text editor's own undo took back (Ctrl+Z in the text) is undone for the session too: nothing is left
	 * for the Stack and Properties views' Undo, and their Redo writes the edit again; the text editor's redo puts it
	 * back on the session's undo. Before, their Undo stayed enabled after Ctrl+Z in the text and refused, "Not undone:
	 * the text of 'Set' was changed since; undo it in the text editor" (EMF's label of a Properties edit; the user had
	 * just done so), seen walking the IDE in session 28. An edit whose text was changed otherwise is refused as before,
	 * named by its line.
	 */
	@Test
	void anEditUndoneInTheTextEditorIsUndoneForTheSessionToo() throws Exception {
		EditingSession session = foilThicknessSetInProperties();
		assertTrue(session.canUndo());

		var text = editor.getAdapter(org.eclipse.jface.text.ITextOperationTarget.class);
		assertTrue(text.canDoOperation(org.eclipse.jface.text.ITextOperationTarget.UNDO), "the text editor can undo the edit");
		text.doOperation(org.eclipse.jface.text.ITextOperationTarget.UNDO);
		assertEquals(original, doc.get(), "the text editor's undo took the edit back");
		assertFalse(session.canUndo(), "nothing left to undo in the session");
		assertFalse(session.undo());
		assertEquals("nothing to undo", session.refusal());
		assertTrue(session.canRedo(), "the edit can be redone");

		text.doOperation(org.eclipse.jface.text.ITextOperationTarget.REDO);
		assertTrue(doc.get().contains("layer foil: Li 0.03 mm"), "the text editor's redo: " + doc.get());
		assertTrue(session.canUndo(), "the redone edit is the session's to undo again");
		assertTrue(session.undo(), session.refusal());
		assertEquals(original, doc.get());
		assertTrue(session.redo(), session.refusal());
		assertTrue(doc.get().contains("layer foil: Li 0.03 mm"), doc.get());

		int at = doc.get().indexOf("0.03 mm");
		doc.replace(at, 4, "0.04");
		assertFalse(session.undo(), "the user changed the edited text: undo refuses");
		assertEquals("the text of the edit at line " + (doc.getLineOfOffset(at) + 1) + " was changed since; undo it in the text editor",
				session.refusal());
	}

	@Test
	void propertiesEditALayerSelectedInTheOutlineWithoutTheStackView() throws Exception {
		var stackRef = page.findViewReference(StackView.ID);
		if (stackRef != null) page.hideView(stackRef);
		ContentOutline outline = outline();
		IdeUITest.spin(() -> outlineFoil(outline) != null, 20_000, "the Outline to read the text");
		CellOutlinePage p = (CellOutlinePage) outline.getCurrentPage();
		var viewer = p.viewer();
		Layer foil = null;
		for (Object c : ((org.eclipse.jface.viewers.ITreeContentProvider) viewer.getContentProvider()).getElements(viewer.getInput()))
			if (c instanceof org.cellwright.model.Cell cell && "Cell3".equals(cell.getName())) foil = cell.getLayers().get(2);
		assertNotNull(foil);
		PropertySheet sheet = (PropertySheet) page.showView(IPageLayout.ID_PROP_SHEET);
		page.activate(outline);
		viewer.setSelection(new StructuredSelection(foil), true);
		IdeUITest.flush();
		IPropertySource source = org.eclipse.core.runtime.Adapters.adapt(foil, IPropertySource.class);
		assertNotNull(source, "an Outline layer is a property source through its document's session");
		assertEquals("350 um", source.getPropertyValue("thickness"));
		IdeUITest.spin(() -> PropertiesUITest.row(sheet.getCurrentPage().getControl(), "thickness") != null, 10_000, "the Properties view to show the Outline's layer");
		source.setPropertyValue("thickness", "0.03 mm");
		assertTrue(doc.get().contains("layer foil: Li 0.03 mm"), doc.get());
		assertTrue(EditingSession.of(doc).undo());
		assertEquals(original, doc.get(), "undo through the session restores the text");
	}
}
