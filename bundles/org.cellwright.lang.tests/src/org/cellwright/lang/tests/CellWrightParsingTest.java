package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.model.CurrentStep;
import org.cellwright.model.Direction;
import org.cellwright.model.LimitKind;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Model;
import org.cellwright.model.Protocol;
import org.eclipse.emf.ecore.resource.Resource.Diagnostic;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/** The parser builds the model the CLI and IDE consume. */
@ExtendWith(InjectionExtension.class)
@InjectWith(CellWrightInjectorProvider.class)
public class CellWrightParsingTest {
	@Inject
	private ParseHelper<Model> parseHelper;

	@Test
	public void parsesMaterialsAndProtocols() throws Exception {
		Model m = parseHelper.parse("""
				package demo
				material Li is lithium-metal { lithium-per-host = 1  max-step = 1 s  hardness = 7 MPa source "10.1002/adma.202210835" }
				protocol P { discharge at 0.3 mA/cm2 for 10 h until -0.5 V  charge at 0.3 mA/cm2 until 0.2 V }
				""");
		List<Diagnostic> errors = m.eResource().getErrors();
		assertTrue(errors.isEmpty(), "Unexpected errors: " + errors);
		Material li = (Material) m.getElements().get(0);
		assertEquals(MaterialKind.LITHIUM_METAL, li.getKind());
		assertEquals(List.of("lithium-per-host", "max-step", "hardness"), li.getProperties().stream().map(p -> p.getName()).toList());
		assertEquals("MPa", li.getProperties().get(2).getValue().getUnit());
		assertEquals("10.1002/adma.202210835", li.getProperties().get(2).getSource());
		CurrentStep s = (CurrentStep) ((Protocol) m.getElements().get(1)).getSteps().get(0);
		assertEquals(Direction.DISCHARGE, s.getDirection());
		assertEquals(0.3, s.getRate().getValue());
		assertEquals(LimitKind.FOR, s.getLimits().get(0).getKind());
		assertEquals(-0.5, s.getLimits().get(1).getValue().getValue());
		assertEquals("V", s.getLimits().get(1).getValue().getUnit());
	}
}
