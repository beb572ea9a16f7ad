package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.function.Consumer;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.text.TextPatch;
import org.cellwright.model.Cell;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.Experiment;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Model;
import org.cellwright.model.Property;
import org.cellwright.model.Quantity;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.serializer.ISerializer;
import org.junit.jupiter.api.Test;

/**
 * A model edit written back into the text as the editor's session does it (print, change, print again, write the
 * changed span: {@link TextPatch}) leaves no empty <code>{ }</code> where it removed a block's last property, whether
 * or not the text was parsed again between the edit that wrote the property and the one that removes it (the
 * Properties view's test failed now and then when the session's parse came in between), and keeps the comments.
 */
class EmptiedBlockWriteBackTest {

	static final CellWrightChecker CHECKER = new CellWrightChecker();

	static final String MATERIALS = "package t\n"
			+ "material Li is lithium-metal { density = 0.534 g/cm3 }\n"
			+ "material Si is alloy-host { density = 2.33 g/cm3 lithiates to Li15Si4 }\n"
			+ "material Li15Si4 is alloy-host { density = 1.18 g/cm3 }\n";

	/** A parse of the text and the text it is in step with: the editor's document and the session's model. */
	static final class Session {
		String text;
		XtextResource model;

		Session(String text) throws Exception {
			this.text = text;
			reparse();
		}

		/** The session's parse after typing pauses (300 ms after an edit): a new model with a node model of the text. */
		Session reparse() throws Exception {
			model = CHECKER.parse(text, "edit.cell");
			assertTrue(model.getErrors().isEmpty(), model.getErrors() + "\n" + text);
			return this;
		}

		Model root() {
			return (Model) model.getContents().get(0);
		}

		/** An edit of the model written back as the session does: only the span that changed. */
		Session edit(Consumer<Model> change) {
			String before = print(model);
			change.accept(root());
			TextPatch p = TextPatch.of(text, before, print(model));
			if (p != null) text = p.applyTo(text);
			return this;
		}
	}

	static String print(XtextResource r) {
		return CHECKER.injector().getInstance(ISerializer.class).serialize(r.getContents().get(0), SaveOptions.newBuilder().format().getOptions());
	}

	static Layer layer(Model m, String name) {
		return m.getElements().stream().filter(Cell.class::isInstance).map(Cell.class::cast).flatMap(c -> c.getLayers().stream())
				.filter(l -> name.equals(l.getName())).findFirst().orElseThrow();
	}

	static Property property(String name, double value, String unit) {
		Property p = CellwrightFactory.eINSTANCE.createProperty();
		p.setName(name);
		Quantity q = CellwrightFactory.eINSTANCE.createQuantity();
		q.setValue(value);
		q.setUnit(unit);
		p.setValue(q);
		return p;
	}

	static void addPorosity(Model m) {
		layer(m, "foil").getProperties().add(property("porosity", 5, "%"));
	}

	static void removePorosity(Model m) {
		layer(m, "foil").getProperties().removeIf(p -> "porosity".equals(p.getName()));
	}

	static final String CELL = MATERIALS + "cell C {\n\tarea = 1 cm2\n\tlayer foil: Li 350 um // the foil\n\tlayer ccc: Li 10 um\n}\n";

	@Test
	void aLayersLastPropertyRemovedAfterAReparseLeavesNoBracesAndKeepsTheCommentAfterThem() throws Exception {
		Session s = new Session(CELL).edit(EmptiedBlockWriteBackTest::addPorosity);
		assertTrue(s.text.contains("layer foil: Li 350 um {"), s.text);
		assertTrue(s.text.contains("porosity = 5 %"), s.text);
		assertTrue(s.text.contains("// the foil"), s.text);
		String written = s.text;

		// the session read the text again before the second edit: the model's node model has the braces
		String reparsed = s.reparse().edit(EmptiedBlockWriteBackTest::removePorosity).text;
		assertEquals(CELL, reparsed, "the braces go, the comment after them stays");

		// and without the parse in between, the same text
		Session same = new Session(CELL).edit(EmptiedBlockWriteBackTest::addPorosity);
		assertEquals(written, same.text);
		assertEquals(CELL, same.edit(EmptiedBlockWriteBackTest::removePorosity).text);
	}

	/** The text after the porosity is removed from a freshly parsed cell whose foil layer is written so. */
	static String porosityRemoved(String foil) throws Exception {
		return new Session(MATERIALS + "cell C {\n\t" + foil + "\n\tlayer ccc: Li 10 um\n}\n").edit(EmptiedBlockWriteBackTest::removePorosity).text;
	}

	@Test
	void aOneLineBlockWithATrailingCommentLosesItsBracesNotTheComment() throws Exception {
		String out = porosityRemoved("layer foil: Li 350 um { porosity = 5 % } // the foil");
		assertTrue(out.contains("\tlayer foil: Li 350 um // the foil\n\tlayer ccc: Li 10 um\n"), out);
		assertFalse(out.contains("{ }") || out.contains("{}"), out);
	}

	@Test
	void aCommentLeftInsideTheBlockKeepsTheBlock() throws Exception {
		String out = porosityRemoved("layer foil: Li 350 um {\n\t\tporosity = 5 %\n\n\t\t// pore size from the SEM images, to come\n\t}");
		assertFalse(out.contains("porosity"), out);
		assertTrue(out.matches("(?s).*layer foil: Li 350 um \\{\\s*// pore size from the SEM images, to come\\s*}\\s*layer ccc.*"), out);
	}

	@Test
	void theRemovedPropertysOwnCommentGoesWithIt() throws Exception {
		// as for any removed element (Xtext keeps a comment with the element on its line or the line after it)
		String out = porosityRemoved("layer foil: Li 350 um {\n\t\tporosity = 5 % // estimated\n\t} // the foil");
		assertTrue(out.contains("\tlayer foil: Li 350 um // the foil\n\tlayer ccc: Li 10 um\n"), out);
		assertFalse(out.contains("estimated"), out);
	}

	@Test
	void bracesWrittenEmptyByHandStayWhenSomethingElseChanges() throws Exception {
		String text = MATERIALS + "cell C {\n\tlayer foil: Li 350 um { } // to fill\n\tlayer ccc: Li 10 um\n}\n";
		String out = new Session(text).edit(m -> layer(m, "ccc").getThickness().setValue(12)).text;
		assertEquals(text.replace("Li 10 um", "Li 12 um"), out, "only the changed span is written");
	}

	@Test
	void aLithiationsAndASolverBlocksLastPropertyRemovedLeaveNoBraces() throws Exception {
		String text = "package t\nmaterial Si is alloy-host {\n\tdensity = 2.33 g/cm3\n\tlithiates to Li15Si4 { specific-capacity = 3579 mAh/g } // Obrovac 2004\n}\n"
				+ "material Li15Si4 is alloy-host { density = 1.18 g/cm3 }\n"
				+ "experiment E {\n\tcell C\n\tprotocol P\n\tsolver { output-interval = 10 s } // the default grid\n\trecord voltage\n}\n";
		String out = new Session(text).edit(m -> {
			((Material) m.getElements().get(0)).getTransformation().getProperties().clear();
			((Experiment) m.getElements().get(2)).getSettings().clear();
		}).text;
		assertTrue(out.contains("\tlithiates to Li15Si4 // Obrovac 2004\n}"), out);
		assertFalse(out.contains("solver"), out);
		assertTrue(out.contains("// the default grid"), out);
		assertTrue(CHECKER.parse(out, "again.cell").getErrors().isEmpty(), out);
	}
}
