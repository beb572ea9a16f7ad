package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.protocol.ProtocolTimelineView;
import org.cellwright.editor.stack.StackView;
import org.eclipse.core.resources.IFile;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The diagrams export to SVG with the same layout as on the screen. */
class DiagramSvgUITest {

	IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

	ITextEditor open(String path) throws Exception {
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		IdeUITest.waitForJobs();
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, any.getProject().getFile(path), true);
		page.activate(editor);
		IdeUITest.flush();
		return editor;
	}

	@AfterEach
	void tearDown() {
		page.closeAllEditors(false);
	}

	static Document xml(String svg) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	static List<Element> withClass(Document d, String tag, String cls) {
		List<Element> out = new ArrayList<>();
		NodeList all = d.getElementsByTagName(tag);
		for (int i = 0; i < all.getLength(); i++) if (cls.equals(((Element) all.item(i)).getAttribute("class"))) out.add((Element) all.item(i));
		return out;
	}

	@Test
	void theStackSvgHasOneRectanglePerLayerSizedByThicknessInLinearMode() throws Exception {
		open("sung2023/full-cells.cell");
		StackView view = (StackView) page.showView(StackView.ID);
		view.reparse();
		view.selectCell("Cell6");
		view.setLogScale(false);
		int width = 4000;
		Document svg = xml(view.svg(width, 500));
		assertEquals("svg", svg.getDocumentElement().getTagName());
		List<Element> layers = withClass(svg, "rect", "layer");
		var slabs = org.cellwright.editor.stack.StackModel.slabs(view.cell());
		assertEquals(slabs.size(), layers.size(), "one rectangle per layer");
		double total = slabs.stream().mapToDouble(s -> s.thickness()).sum();
		for (int i = 0; i < layers.size(); i++) {
			double w = Double.parseDouble(layers.get(i).getAttribute("width"));
			double expected = (width - 20) * slabs.get(i).thickness() / total;
			assertEquals(Math.max(2, expected), w, 1.0, "layer " + slabs.get(i).label() + " drawn to scale");
			assertEquals(layers.get(0).getAttribute("height"), layers.get(i).getAttribute("height"), "all layers the same height");
		}
		// the layers are side by side from the left margin, in stack order
		double x = 10;
		for (Element r : layers) {
			assertEquals(x, Double.parseDouble(r.getAttribute("x")), 1e-9);
			x += Double.parseDouble(r.getAttribute("width"));
		}
		assertTrue(view.svg(1400, 500).contains("Li6PS5Cl"), "labels are text");
		Path file = Files.createTempFile("stack", ".svg");
		view.exportSvg(file, 1400, 500);
		xml(Files.readString(file));
	}

	@Test
	void theTimelineExportsSvgAndPng() throws Exception {
		open("sung2023/protocols.cell");
		ProtocolTimelineView view = (ProtocolTimelineView) page.showView(ProtocolTimelineView.ID);
		view.show("protocol FullCellCycling");
		Document svg = xml(view.svg(1200, 400));
		assertEquals(4, withClass(svg, "rect", "step").size(), "one bar per drawn step");
		assertTrue(svg.getDocumentElement().getTextContent().contains("x 199"), "the repeat's bracket");
		Path png = Files.createTempFile("timeline", ".png");
		view.exportPng(png, 1200, 400);
		byte[] head = Files.readAllBytes(png);
		assertTrue(head.length > 1000);
		assertEquals('P', head[1]);
	}
}
