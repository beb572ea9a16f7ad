package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.model.Cell;
import org.cellwright.run.CellFiles;
import org.cellwright.run.SimulationInputs;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.physics.LayerComposition;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-phase tortuosity in a solid-state cell (issue 14; docs/language.md, "Layer and cell"): on a solid-state layer
 * {@code bruggeman-electrolyte} is the exponent of its ionic conduction (the solid electrolyte's network) and
 * {@code bruggeman-solid} that of its electronic conduction; each changes the phase it names and only that one, and a
 * layer without them maps as before (the study's cells unchanged). {@code bruggeman = 0} maps as the bulk.
 */
class PerPhaseTortuosityMappingTest {

	@TempDir Path tmp;

	static final String CELLS = """
			package p
			import cellwright.materials.*
			import cellwright.composites.*
			cell Plain {
				area = 0.785 cm2
				stack-pressure = 5 MPa
				layer wcc: SUS 10 um
				layer foil: Li 30 um
				layer separator: Li6PS5Cl 700 um
				layer cathode: CathodeMix { areal-loading = 20 mg/cm2  porosity = 10 %  particle-radius = 5.22 um }
				layer ccc: SUS 10 um
			}
			cell Ionic0 extends Plain { layer cathode: CathodeMix { areal-loading = 20 mg/cm2  porosity = 10 %  particle-radius = 5.22 um  bruggeman-electrolyte = 0 } }
			cell Electronic0 extends Plain { layer cathode: CathodeMix { areal-loading = 20 mg/cm2  porosity = 10 %  particle-radius = 5.22 um  bruggeman-solid = 0 } }
			cell Both15 extends Plain { layer cathode: CathodeMix { areal-loading = 20 mg/cm2  porosity = 10 %  particle-radius = 5.22 um  bruggeman-electrolyte = 1.5  bruggeman-solid = 1.5 } }
			cell Bulk extends Plain { layer cathode: CathodeMix { areal-loading = 20 mg/cm2  porosity = 10 %  particle-radius = 5.22 um  bruggeman = 0 } }
			""";

	private LayerSpec cathode(String cell) throws Exception {
		CellFiles f = CellFiles.load(List.of(Cli.write(tmp.resolve("c.cell"), CELLS)));
		assertFalse(f.hasErrors(), f.problems().toString());
		Cell c = f.models().get(0).getElements().stream().filter(e -> e instanceof Cell x && cell.equals(x.getName()))
				.map(Cell.class::cast).findFirst().orElseThrow();
		CellSpec spec = SimulationInputs.cell(c);
		return spec.layers().stream().filter(l -> l.name().equals("cathode")).findFirst().orElseThrow();
	}

	/** {ionic, electronic} effective conductivity [S/m] of the layer at 25 degC. */
	private static double[] sigma(LayerSpec l) {
		LayerComposition c = new LayerComposition(l);
		return new double[] { c.effectiveConductivity(MaterialProperty.IONIC_CONDUCTIVITY, 298.15),
				c.effectiveConductivity(MaterialProperty.ELECTRONIC_CONDUCTIVITY, 298.15) };
	}

	@Test
	void eachExponentChangesTheConductionItNamesAndOnlyThatOne() throws Exception {
		LayerSpec plain = cathode("Plain"), ionic0 = cathode("Ionic0"), electronic0 = cathode("Electronic0");
		assertTrue(Double.isNaN(plain.ionicBruggemanExponent()) && Double.isNaN(plain.electronicBruggemanExponent()),
				"not written: the layer's bruggeman for both phases, as before");
		assertEquals(0, ionic0.ionicBruggemanExponent());
		assertEquals(0, electronic0.electronicBruggemanExponent());
		double[] p = sigma(plain), i = sigma(ionic0), e = sigma(electronic0);
		assertTrue(i[0] > 2 * p[0], "bruggeman-electrolyte = 0: the SE network conducts as its bulk share, " + i[0] + " vs " + p[0] + " S/m");
		assertEquals(p[1], i[1], 0, "bruggeman-electrolyte leaves the electronic conduction");
		assertTrue(e[1] > 2 * p[1], "bruggeman-solid = 0: " + e[1] + " vs " + p[1] + " S/m");
		assertEquals(p[0], e[0], 0, "bruggeman-solid leaves the ionic conduction");
		// written as the default exponent, they change nothing
		assertArrayEquals(p, sigma(cathode("Both15")), 0);
		// bruggeman = 0 (accepted by the language since issue 14): both phases as their bulk
		double[] bulk = sigma(cathode("Bulk"));
		assertEquals(i[0], bulk[0], 1e-12 * i[0]);
		assertEquals(e[1], bulk[1], 1e-12 * e[1]);
	}

	@Test
	void theExponentsAreKeptInInputsJsonAndALayerWithoutThemIsWrittenAsBefore() throws Exception {
		for (String cell : List.of("Plain", "Ionic0", "Electronic0")) {
			LayerSpec l = cathode(cell);
			CellSpec spec = CellSpec.builder(cell).area(0.785e-4).temperature(298.15).layer(l).build();
			ResolvedInputs in = new ResolvedInputs(new ResolvedInputs.Provenance(cell, null, 0, "test", "now"), spec,
					new ProtocolSpec("p", List.of(StepSpec.currentDensity(10, Cutoff.duration(60)))), SolverSettings.defaults());
			String json = InputsJson.toJson(in).toString();
			assertEquals(cell.equals("Ionic0"), json.contains("\"ionic_bruggeman_exponent\":0.0"), json);
			assertEquals(cell.equals("Electronic0"), json.contains("\"electronic_bruggeman_exponent\":0.0"), json);
			if (cell.equals("Plain"))
				assertFalse(json.contains("ionic_bruggeman") || json.contains("electronic_bruggeman"), "written as before: " + json);
			LayerSpec back = InputsJson.parse(json, "inputs.json").cell().layers().get(0);
			assertEquals(l.ionicBruggemanExponent(), back.ionicBruggemanExponent(), 0);
			assertEquals(l.electronicBruggemanExponent(), back.electronicBruggemanExponent(), 0);
		}
	}
}
