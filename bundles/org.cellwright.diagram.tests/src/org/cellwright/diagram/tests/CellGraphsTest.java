package org.cellwright.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cellwright.diagram.CellGraphs;
import org.cellwright.diagram.ElkLayout;
import org.cellwright.lang.CellWrightChecker;
import org.cellwright.model.Model;
import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GLabel;
import org.eclipse.glsp.graph.GNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GModel of a .cell file: nodes per element, containment and reference edges, ELK layout. */
class CellGraphsTest {

	static Path example() {
		return Path.of(System.getProperty("cellwright.examples", "../../examples"), "baseline-halfcell.cell").toAbsolutePath().normalize();
	}

	static Model load(Path file) {
		CellWrightChecker.Result r = new CellWrightChecker().check(List.of(file));
		assertFalse(r.hasErrors(), () -> "parse errors: " + r.issues());
		return r.model(file);
	}

	static Map<String, GNode> nodes(GGraph g) {
		return g.getChildren().stream().filter(GNode.class::isInstance).map(GNode.class::cast)
				.collect(Collectors.toMap(GNode::getId, Function.identity()));
	}

	static Set<String> edges(GGraph g) {
		return g.getChildren().stream().filter(GEdge.class::isInstance).map(GEdge.class::cast)
				.map(e -> e.getSourceId() + " -" + e.getCssClasses().get(0).substring("cw-edge-".length()) + "-> " + e.getTargetId())
				.collect(Collectors.toSet());
	}

	@Test
	void baselineHalfCellHasOneNodePerElementLayerAndReferenceEdges() {
		GGraph g = CellGraphs.build(load(example()));
		Map<String, GNode> nodes = nodes(g);
		assertEquals(Set.of("material:SUS", "material:LPSCl", "material:Li", "cell:BareSUS", "layer:BareSUS.collector",
				"layer:BareSUS.separator", "layer:BareSUS.counter", "layer:BareSUS.backing", "protocol:FirstPlatingStripping",
				"experiment:FirstCycle"), nodes.keySet());
		Set<String> edges = edges(g);
		assertTrue(edges.contains("cell:BareSUS -contains-> layer:BareSUS.separator"), edges::toString);
		assertTrue(edges.contains("layer:BareSUS.separator -material-> material:LPSCl"), edges::toString);
		assertTrue(edges.contains("layer:BareSUS.backing -material-> material:SUS"), edges::toString);
		assertTrue(edges.contains("experiment:FirstCycle -cell-> cell:BareSUS"), edges::toString);
		assertTrue(edges.contains("experiment:FirstCycle -protocol-> protocol:FirstPlatingStripping"), edges::toString);
		assertEquals(4 + 4 + 2, edges.size(), edges::toString);
		// styled by kind: the material's kind is a CSS class, its name the first label
		GNode lpscl = nodes.get("material:LPSCl");
		assertTrue(lpscl.getCssClasses().containsAll(List.of("cw-material", "cw-kind-solid-electrolyte")), lpscl.getCssClasses()::toString);
		assertEquals("LPSCl", ((GLabel) lpscl.getChildren().get(0)).getText());
	}

	@Test
	void protocolCallsCompositesAndLibraryMaterialsBecomeEdges(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("calls.cell");
		Files.writeString(file, """
				package t
				material LPSCl is solid-electrolyte { ionic-conductivity = 2.5 mS/cm }
				material C is conductive-carbon { electronic-conductivity = 10 S/cm }
				composite Sep is solid-electrolyte { LPSCl 90 wt%  C 10 wt% }
				protocol Formation { charge at 0.1 mA/cm2 for 1 h }
				protocol Main {
					run Formation
					repeat 2 { run Formation }
				}
				""");
		GGraph g = CellGraphs.build(load(file));
		Set<String> edges = edges(g);
		assertTrue(edges.contains("protocol:Main -calls-> protocol:Formation"), edges::toString);
		assertTrue(edges.contains("composite:Sep -contains-> component:Sep.0"), edges::toString);
		assertTrue(edges.contains("component:Sep.0 -material-> material:LPSCl"), edges::toString);
		assertTrue(edges.contains("component:Sep.1 -material-> material:C"), edges::toString);
	}

	@Test
	void elkLaysOutLeftToRightWithoutOverlaps() {
		GGraph g = CellGraphs.build(load(example()));
		ElkLayout.layout(g);
		Map<String, GNode> nodes = nodes(g);
		for (GNode n : nodes.values()) assertNotNull(n.getPosition(), n.getId());
		// references point right: experiment, cell, its layers, their materials
		double xExp = nodes.get("experiment:FirstCycle").getPosition().getX();
		double xCell = nodes.get("cell:BareSUS").getPosition().getX();
		double xLayer = nodes.get("layer:BareSUS.separator").getPosition().getX();
		double xMat = nodes.get("material:LPSCl").getPosition().getX();
		assertTrue(xExp < xCell && xCell < xLayer && xLayer < xMat, () -> xExp + " " + xCell + " " + xLayer + " " + xMat);
		List<GNode> all = List.copyOf(nodes.values());
		for (int i = 0; i < all.size(); i++) {
			for (int j = i + 1; j < all.size(); j++) {
				GNode a = all.get(i), b = all.get(j);
				boolean apart = a.getPosition().getX() + a.getSize().getWidth() <= b.getPosition().getX()
						|| b.getPosition().getX() + b.getSize().getWidth() <= a.getPosition().getX()
						|| a.getPosition().getY() + a.getSize().getHeight() <= b.getPosition().getY()
						|| b.getPosition().getY() + b.getSize().getHeight() <= a.getPosition().getY();
				assertTrue(apart, a.getId() + " overlaps " + b.getId());
			}
		}
	}

	/**
	 * A cell's layers are drawn top to bottom in the order of its stack (collector to counter electrode), as the text
	 * and the Stack view list them, in every cell of the study's full and half cells.
	 */
	@Test
	void eachCellsLayersAreDrawnInTheOrderOfItsStack() {
		for (String name : List.of("sung2023/full-cells.cell", "sung2023/half-cells.cell", "baseline-halfcell.cell", "chen2020-halfcell.cell")) {
			Path file = example().resolveSibling(name);
			Model m = new CellWrightChecker().check(List.of(file)).model(file);
			GGraph g = CellGraphs.build(m);
			ElkLayout.layout(g);
			Map<String, GNode> nodes = nodes(g);
			for (var e : m.getElements()) {
				if (!(e instanceof org.cellwright.model.Cell c)) continue;
				List<String> drawn = c.getLayers().stream().map(CellGraphs::id)
						.sorted(java.util.Comparator.comparingDouble(id -> nodes.get(id).getPosition().getY())).toList();
				assertEquals(c.getLayers().stream().map(CellGraphs::id).toList(), drawn, name + ": cell " + c.getName());
			}
		}
	}
}
