package org.cellwright.model.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;

import org.cellwright.model.Cell;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.CellwrightPackage;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Model;
import org.cellwright.model.Quantity;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;

/** The metamodel is registered in OSGi and its instances survive a save/load round trip. */
class ModelTest {

	static final CellwrightFactory F = CellwrightFactory.eINSTANCE;

	static Quantity q(double v, String u) {
		Quantity q = F.createQuantity();
		q.setValue(v);
		q.setUnit(u);
		return q;
	}

	@Test
	void packageIsRegisteredByNamespace() {
		assertSame(CellwrightPackage.eINSTANCE, EPackage.Registry.INSTANCE.getEPackage("http://www.cellwright.org/model/1.0"));
	}

	@Test
	void cellRoundTripsThroughXmi() throws Exception {
		Model m = F.createModel();
		m.setName("sung2023");
		Material se = F.createMaterial();
		se.setName("LPSCl");
		se.setKind(MaterialKind.SOLID_ELECTROLYTE);
		m.getElements().add(se);
		Cell c = F.createCell();
		c.setName("Baseline");
		Layer l = F.createLayer();
		l.setName("separator");
		l.setMaterial(se);
		l.setThickness(q(700, "um"));
		c.getLayers().add(l);
		m.getElements().add(c);

		ResourceSetImpl rs = new ResourceSetImpl();
		rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
		Resource r = rs.createResource(URI.createURI("mem:/a.xmi"));
		r.getContents().add(m);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		r.save(bytes, Map.of());
		Resource back = new ResourceSetImpl() {{
			getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
		}}.createResource(URI.createURI("mem:/b.xmi"));
		back.load(new ByteArrayInputStream(bytes.toByteArray()), Map.of());
		Model m2 = (Model) back.getContents().get(0);
		assertTrue(EcoreUtil.equals(m, m2), "same model after the round trip");
		Layer l2 = ((Cell) m2.getElements().get(1)).getLayers().get(0);
		assertSame(m2.getElements().get(0), l2.getMaterial(), "the layer still refers to the material");
		assertEquals(700, l2.getThickness().getValue());
	}

	@Test
	void intercalationAnodeIsAKindOfItsOwn() throws Exception {
		MaterialKind k = MaterialKind.get("intercalation-anode");
		assertSame(MaterialKind.INTERCALATION_ANODE, k, "the literal names the kind");
		assertEquals("INTERCALATION_ANODE", k.getName());
		// a new literal, not a renamed one: the existing kinds keep their values (and so their meaning in saved models)
		assertEquals(1, MaterialKind.INTERCALATION_CATHODE.getValue());
		assertEquals(2, MaterialKind.ALLOY_HOST.getValue());
		assertEquals(6, MaterialKind.LITHIUM_METAL.getValue());
		assertNotEquals(MaterialKind.ALLOY_HOST, k);
		assertNotEquals(MaterialKind.INTERCALATION_CATHODE, k);

		Material graphite = F.createMaterial();
		graphite.setName("Graphite");
		graphite.setKind(MaterialKind.INTERCALATION_ANODE);
		Model m = F.createModel();
		m.setName("bpx");
		m.getElements().add(graphite);
		ResourceSetImpl rs = new ResourceSetImpl();
		rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
		Resource r = rs.createResource(URI.createURI("mem:/g.xmi"));
		r.getContents().add(m);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		r.save(bytes, Map.of());
		assertTrue(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).contains("kind=\"intercalation-anode\""), bytes.toString());
		Resource back = rs.createResource(URI.createURI("mem:/g2.xmi"));
		back.load(new ByteArrayInputStream(bytes.toByteArray()), Map.of());
		Material g2 = (Material) ((Model) back.getContents().get(0)).getElements().get(0);
		assertTrue(g2.isSetKind());
		assertSame(MaterialKind.INTERCALATION_ANODE, g2.getKind());
	}
}
