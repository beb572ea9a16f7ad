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

	@Test
	void everyMaterialKindHasItsOwnColourInTheStack() throws Exception {
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		IdeUITest.waitForJobs();
		IFile f = any.getProject().getFile("every-kind.cell");
		String text = """
				package everykind
				import cellwright.materials.*
				import cellwright.composites.*
				material Graphite is intercalation-anode { max-concentration = 29730 mol/m3 diffusivity = 3e-14 m2/s
				  exchange-current-density = 0.6 A/m2 ocv function V = 0.1 + 0.8*exp(-75*x) }
				material PVDF is binder { density = 1.78 g/cm3 }
				material Unknown { density = 1 g/cm3 }
				composite AnodeMix is intercalation-anode { Graphite 90 wt%  PVDF 10 wt% }
				// one layer of each kind (not a valid cell: only its colours matter here)
				cell EveryKind { area = 1 cm2
				  layer cc: SUS 10 um layer li: Li 30 um layer si: SiNP 2 um layer cnt: CNT 2 um layer b: PVDF 2 um
				  layer se: Li6PS5Cl 700 um layer ncm: NCM811 50 um layer u: Unknown 5 um layer g: Graphite 85 um layer mix: AnodeMix 60 um }
				""";
		if (f.exists()) f.delete(true, null);
		f.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, f, true);
		page.activate(editor);
		IdeUITest.flush();
		StackView view = (StackView) page.showView(StackView.ID);
		view.reparse();
		view.selectCell("EveryKind");
		var slabs = org.cellwright.editor.stack.StackModel.slabs(view.cell());
		assertEquals(10, slabs.size());
		assertEquals("unknown", slabs.get(7).kind());
		assertEquals("intercalation-anode", slabs.get(8).kind());
		assertEquals("intercalation-anode", slabs.get(9).kind(), "a composite takes its anode's kind, not its binder's");
		List<Element> layers = withClass(xml(view.svg(1400, 500)), "rect", "layer");
		assertEquals(10, layers.size());
		List<String> fills = layers.stream().map(r -> r.getAttribute("fill")).toList();
		// every kind has its own colour, none falls back to the colour of a material without a kind
		assertEquals(9, fills.subList(0, 9).stream().distinct().count(), "one colour per kind: " + fills);
		assertEquals(fills.get(8), fills.get(9), "graphite and its composite alike: " + fills);
	}
}
