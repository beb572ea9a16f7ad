package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.model.Cell;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Problem;
import org.cellwright.run.SimulationInputs;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.OptionalMechanism;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'without contact-loss' in a layer reaches the solver; an unknown mechanism is an error at its line. */
class MechanismSwitchMappingTest {

	@TempDir Path tmp;

	static final String CELLS = """
			package p
			import cellwright.materials.*
			cell On {
				area = 1 cm2
				stack-pressure = 5 MPa
				temperature = 25 degC
				layer wcc: SUS 10 um
				layer wli: Li 50 um
				layer separator: Li6PS5Cl 500 um
				layer foil: Li 50 um
				layer ccc: SUS 10 um
			}
			cell Off extends On {
				layer foil: Li 50 um { without contact-loss }
			}
			""";

	private CellFiles load(String text) throws Exception {
		return CellFiles.load(List.of(Cli.write(tmp.resolve("c.cell"), text)));
	}

	private static LayerSpec layer(CellSpec c, String name) {
		return c.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void withoutContactLossSwitchesTheFoilsContactLossOffAndOnlyThere() throws Exception {
		CellFiles f = load(CELLS);
		assertFalse(f.hasErrors(), f.problems().toString());
		Cell on = (Cell) f.models().get(0).getElements().get(0), off = (Cell) f.models().get(0).getElements().get(1);
		CellSpec specOn = SimulationInputs.cell(on), specOff = SimulationInputs.cell(off);
		assertTrue(layer(specOn, "foil").has(OptionalMechanism.CONTACT_LOSS), "on by default");
		assertFalse(layer(specOff, "foil").has(OptionalMechanism.CONTACT_LOSS), "switched off");
		assertTrue(layer(specOff, "wli").has(OptionalMechanism.CONTACT_LOSS), "the other foil keeps it");
	}

	@Test
	void anUnknownMechanismIsAnErrorAtItsLine() throws Exception {
		CellFiles f = load(CELLS.replace("without contact-loss", "without contact-los"));
		Problem p = f.problems().stream().filter(Problem::isError).findFirst().orElseThrow(() -> new AssertionError(f.problems()));
		assertEquals(14, p.line(), p.format());
		assertTrue(p.message().contains("'without contact-los'") && p.message().contains("switchable: contact-loss"), p.message());
		// on a layer whose material has nothing to switch off
		CellFiles g = load(CELLS.replace("layer separator: Li6PS5Cl 500 um", "layer separator: Li6PS5Cl 500 um { without contact-loss }"));
		assertTrue(g.problems().stream().anyMatch(q -> q.isError() && q.line() == 9 && q.message().contains("no optional mechanism")),
				g.problems().toString());
	}
}
