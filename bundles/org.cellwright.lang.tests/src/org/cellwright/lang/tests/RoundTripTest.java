package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.model.Cell;
import org.cellwright.model.Experiment;
import org.cellwright.model.Model;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.serializer.ISerializer;
import org.junit.jupiter.api.Test;

/** Serializer + formatter print the model back with comments and order kept. */
public class RoundTripTest {

	private static final Pattern COMMENT = Pattern.compile("//[^\n]*|/\\*.*?\\*/", Pattern.DOTALL);

	static List<String> comments(String text) {
		List<String> out = new ArrayList<>();
		Matcher m = COMMENT.matcher(text);
		while (m.find())
			out.add(m.group().trim());
		return out;
	}

	/** Compares containment trees, references by the name of their target. */
	static boolean sameModel(EObject a, EObject b) {
		EcoreUtil.EqualityHelper h = new EcoreUtil.EqualityHelper() {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean haveEqualReference(EObject x, EObject y, EReference r) {
				if (r.isContainment())
					return super.haveEqualReference(x, y, r);
				// as written: the reparsed copy lives in another resource set, where other files' names may not resolve
				return refText(x, r).equals(refText(y, r));
			}
		};
		return h.equals(a, b);
	}

	private static String refText(EObject o, EReference r) {
		StringBuilder b = new StringBuilder();
		for (org.eclipse.xtext.nodemodel.INode n : NodeModelUtils.findNodesForFeature(o, r))
			b.append(NodeModelUtils.getTokenText(n)).append(',');
		return b.length() == 0 ? nameOf(o.eGet(r)) : b.toString();
	}

	private static String nameOf(Object o) {
		if (o instanceof List<?> l) {
			StringBuilder b = new StringBuilder();
			for (Object x : l)
				b.append(nameOf(x)).append(',');
			return b.toString();
		}
		if (o instanceof EObject e) {
			Object n = e.eClass().getEStructuralFeature("name") == null ? null : e.eGet(e.eClass().getEStructuralFeature("name"));
			return String.valueOf(n);
		}
		return String.valueOf(o);
	}

	static String format(CellWrightChecker checker, EObject root) {
		return checker.injector().getInstance(ISerializer.class).serialize(root, SaveOptions.newBuilder().format().getOptions());
	}

	static void assertRoundTrip(CellWrightChecker checker, XtextResource res) throws Exception {
		String original = NodeModelUtils.getNode(res.getContents().get(0)).getRootNode().getText();
		String printed = format(checker, res.getContents().get(0));
		assertEquals(comments(original), comments(printed), res.getURI() + ": comments lost or reordered\n" + printed);
		XtextResource again = checker.parse(printed, "again-" + res.getURI().lastSegment());
		assertTrue(again.getErrors().isEmpty(), res.getURI() + ": printed text does not parse: " + again.getErrors() + "\n" + printed);
		assertTrue(sameModel(res.getContents().get(0), again.getContents().get(0)), res.getURI() + ": model changed\n" + printed);
		assertEquals(printed, format(checker, again.getContents().get(0)), res.getURI() + ": formatting is not stable");
	}

	@Test
	public void editedModelKeepsCommentsAndOrder() throws Exception {
		CellWrightChecker checker = new CellWrightChecker();
		XtextResource res = checker.parse("""
				package t // the package
				import cellwright.materials.*
				/* the baseline */
				cell C { area = 0.785 cm2 // pellet
				  layer wcc: SUS 10 um
				  layer sep: Li6PS5Cl 700 um // dense pellet
				  layer foil: Li 350 um layer ccc: SUS 10 um }
				""", "edit.cell");
		Cell c = (Cell) ((Model) res.getContents().get(0)).getElements().get(0);
		c.getLayers().get(1).getThickness().setValue(650); // what the graphical editor would do
		String printed = format(checker, res.getContents().get(0));
		assertTrue(printed.contains("layer sep: Li6PS5Cl 650 um // dense pellet"), printed);
		assertEquals(List.of("// the package", "/* the baseline */", "// pellet", "// dense pellet"), comments(printed));
		assertTrue(printed.indexOf("wcc") < printed.indexOf("sep") && printed.indexOf("sep") < printed.indexOf("foil"));
		assertTrue(printed.contains("\n\tlayer ccc: SUS 10 um\n}"), printed);
	}

	@Test
	public void newObjectsArePrintedInTheLabNotebookLayout() throws Exception {
		CellWrightChecker checker = new CellWrightChecker();
		XtextResource res = checker.parse("package t\nimport cellwright.materials.*\ncell C { layer a: SUS 10 um }\n", "new.cell");
		Cell c = (Cell) ((Model) res.getContents().get(0)).getElements().get(0);
		org.cellwright.model.Layer l = org.cellwright.model.CellwrightFactory.eINSTANCE.createLayer();
		l.setName("sep");
		l.setMaterial(c.getLayers().get(0).getMaterial());
		org.cellwright.model.Quantity q = org.cellwright.model.CellwrightFactory.eINSTANCE.createQuantity();
		q.setValue(0.7);
		q.setUnit("mm");
		l.setThickness(q);
		c.getLayers().add(l);
		String printed = format(checker, res.getContents().get(0));
		assertTrue(printed.contains("\tlayer sep: SUS 0.7 mm\n"), printed);
	}

	@Test
	public void expectationsArePrintedOnePerLineAndReparse() throws Exception {
		CellWrightChecker checker = new CellWrightChecker();
		XtextResource res = checker.parse("""
				package t
				experiment E { cell C protocol P record voltage
				  expect "ICE, interlayer": coulombic-efficiency of cycle 1 = 96.4 % within 2 % source "10.1002/adma.202210835" // the study
				  expect average   coulombic-efficiency > 99 %
				  expect average coulombic-efficiency from cycle 30 = 99.9 % within 0.1 %
				  expect capacity-retention of cycle 200 relative to cycle 2 = 88.9 % within 3 %
				  expect status = short-circuit expect end-time < 100 h }
				""", "expect.cell");
		assertRoundTrip(checker, res);
		String printed = format(checker, res.getContents().get(0));
		assertTrue(printed.contains("\n\texpect \"ICE, interlayer\": coulombic-efficiency of cycle 1 = 96.4 % within 2 % source \"10.1002/adma.202210835\" // the study\n"), printed);
		assertTrue(printed.contains("\n\texpect average coulombic-efficiency > 99 %\n"), printed);
		assertTrue(printed.contains("\n\texpect average coulombic-efficiency from cycle 30 = 99.9 % within 0.1 %\n"), printed);
		assertTrue(printed.contains("\n\texpect capacity-retention of cycle 200 relative to cycle 2 = 88.9 % within 3 %\n"), printed);
		assertTrue(printed.contains("\n\texpect status = short-circuit\n\texpect end-time < 100 h\n}"), printed);
	}

	/** The resistance read at a named point ('at probe', a step group) prints on its line and reparses with its point. */
	@Test
	public void anExpectationAtANamedPointRoundTrips() throws Exception {
		CellWrightChecker checker = new CellWrightChecker();
		XtextResource res = checker.parse("""
				package t
				experiment E { cell C protocol P
				  expect "crossrail, 30 degC":   cathode-interfacial-resistance at probe30 = 18.2 Ohm.cm2 within 2 Ohm.cm2 source "10.1016/j.electacta.2025.147413"
				  expect cathode-interfacial-resistance at hot < 10 Ohm.cm2
				  expect   cathode-interfacial-resistance of cycle 12 at hot < 12 Ohm.cm2 }
				""", "point.cell");
		assertRoundTrip(checker, res);
		Experiment x = (Experiment) ((Model) res.getContents().get(0)).getElements().get(0);
		assertEquals("probe30", x.getExpectations().get(0).getPoint());
		assertEquals("hot", x.getExpectations().get(1).getPoint());
		String printed = format(checker, res.getContents().get(0));
		assertTrue(printed.contains("\n\texpect \"crossrail, 30 degC\": cathode-interfacial-resistance at probe30 = 18.2 Ohm.cm2 within 2 Ohm.cm2 source \"10.1016/j.electacta.2025.147413\"\n"), printed);
		assertTrue(printed.contains("\n\texpect cathode-interfacial-resistance at hot < 10 Ohm.cm2\n"), printed);
		assertEquals(12, x.getExpectations().get(2).getCycle());
		assertEquals("hot", x.getExpectations().get(2).getPoint());
		assertTrue(printed.contains("\n\texpect cathode-interfacial-resistance of cycle 12 at hot < 12 Ohm.cm2\n}"), printed);
	}
}
