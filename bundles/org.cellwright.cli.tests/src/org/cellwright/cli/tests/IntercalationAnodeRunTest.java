package org.cellwright.cli.tests;

import static org.cellwright.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.CellFiles;
import org.cellwright.run.InputException;
import org.cellwright.run.SimulationInputs;
import org.cellwright.model.Cell;
import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.testing.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a solid electrolyte the solver models lithium-metal and interlayer anodes only: a cell with an
 * intercalation-anode layer (graphite) and no liquid electrolyte ends before solving with one located error naming the
 * cell, the layer and what is supported (a graphite-like electrode runs in a liquid-electrolyte cell: DfnRunTest).
 */
class IntercalationAnodeRunTest {

	@TempDir Path tmp;

	static final String FILE = """
			package anode
			import cellwright.materials.*
			import cellwright.composites.*
			material Graphite is intercalation-anode {
				density = 2.26 g/cm3
				max-concentration = 29730 mol/m3
				diffusivity = 2.728e-14 m2/s
				exchange-current-density = 0.648 A/m2
				ocv function V = 0.063 + 0.8*exp(-75*(x + 0.001))
			}
			composite AnodeMix is intercalation-anode { Graphite 90 wt%  Li6PS5Cl 10 wt% }
			cell GraphiteCell {
				area = 0.785 cm2
				nominal-capacity = 2.8 mAh/cm2
				layer acc: SUS 10 um
				layer NegativeElectrode: Graphite 85 um { porosity = 0.25  particle-radius = 5.86 um }
				layer sep: Li6PS5Cl 700 um
				layer cathode: CathodeMix { areal-loading = 20 mg/cm2 }
				layer ccc: SUS 10 um
			}
			cell MixCell extends GraphiteCell { layer NegativeElectrode: AnodeMix 60 um { particle-radius = 5 um } }
			protocol Discharge { discharge at 0.1 C until 2.8 V }
			experiment GraphiteDischarge {
				cell GraphiteCell
				protocol Discharge
			}
			experiment MixDischarge { cell MixCell protocol Discharge }
			sweep Pressures { experiment GraphiteDischarge vary stack-pressure in 5 MPa, 65 MPa }
			""";

	static final String MESSAGE = "layer NegativeElectrode of cell GraphiteCell is an intercalation anode (graphite-like) in a cell without a"
			+ " liquid electrolyte; the solid-state solver models lithium-metal and interlayer anodes only, the DFN solver a graphite-like"
			+ " electrode in a liquid electrolyte";

	@Test
	void aRunOfAGraphiteCellEndsBeforeSolvingAtTheExperiment() throws Exception {
		Path f = tmp.resolve("graphite.cell");
		Files.writeString(f, FILE);
		Result check = cli("check", f.toString());
		assertEquals(0, check.rc(), "the file itself is valid: only the solver cannot run it");
		assertTrue(check.out().contains("graphite.cell:16:8: info: layer NegativeElectrode is an intercalation anode (Graphite)")
				&& check.out().contains("so 'run' stops at this cell") && check.out().contains("0 error(s), 0 warning(s)"), check.out());
		Path out = tmp.resolve("out");
		Result r = cli("run", f.toString(), "--experiment", "GraphiteDischarge", "--out", out.toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		List<String> lines = r.err().strip().lines().toList();
		assertEquals(1, lines.size(), "one line: " + r.err());
		assertTrue(lines.get(0).matches(".*graphite\\.cell:23:\\d+: error: .*"), "at the experiment's file and line: " + lines.get(0));
		assertTrue(lines.get(0).contains(MESSAGE), lines.get(0));
		assertTrue(lines.get(0).contains("cellwright export-bpx graphite.cell --cell GraphiteCell"), lines.get(0));
		assertFalse(r.err().contains("Exception"), r.err());
		assertFalse(Files.exists(out.resolve("GraphiteDischarge")), "nothing simulated, no results written");
	}

	@Test
	void everyRunOfTheFileEndsSoIncludingCompositesInheritedCellsAndSweeps() throws Exception {
		Path f = tmp.resolve("graphite.cell");
		Files.writeString(f, FILE);
		Path out = tmp.resolve("out");
		Result r = cli("run", f.toString(), "--out", out.toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		// the composite anode of a derived cell
		assertTrue(r.err().contains("graphite.cell:27:") && r.err().contains("layer NegativeElectrode of cell MixCell is an intercalation anode"),
				r.err());
		// the experiment, and the sweep once for its runs (the experiment's own problem, not its swept values': it used
		// to be repeated for each run of the sweep; SweepRunTest)
		assertEquals(2, r.err().lines().filter(l -> l.contains("of cell GraphiteCell is an intercalation anode")).count(), r.err());
		assertFalse(r.err().contains("Exception"), r.err());
		assertFalse(Files.exists(out.resolve("GraphiteDischarge")));
		assertFalse(Files.exists(out.resolve("Pressures")));
	}

	@Test
	void theMappingRefusesTheCellAtTheCell() throws Exception {
		Path f = tmp.resolve("graphite.cell");
		Files.writeString(f, FILE);
		CellFiles files = CellFiles.load(List.of(f));
		Cell cell = null;
		Experiment x = null;
		for (Element e : files.models().get(0).getElements()) {
			if (e instanceof Cell c && c.getName().equals("GraphiteCell")) cell = c;
			if (e instanceof Experiment e2 && e2.getName().equals("GraphiteDischarge")) x = e2;
		}
		Cell c = cell;
		InputException ex = assertThrows(InputException.class, () -> SimulationInputs.cell(c));
		assertEquals(12, ex.problem().line(), "the cell's line: " + ex.problem().format());
		assertTrue(ex.problem().message().startsWith(MESSAGE), ex.problem().message());
		Experiment run = x;
		InputException ex2 = assertThrows(InputException.class, () -> SimulationInputs.of(run));
		assertEquals(23, ex2.problem().line(), "the experiment's line: " + ex2.problem().format());
	}

	/** An imported BPX cell is a DFN cell (liquid electrolyte in the pores): it runs (its 1 C discharge: BpxRunTest). */
	@Test
	void anImportedBpxCellRuns() throws Exception {
		Path bpx = Path.of(System.getProperty("cellwright.bpx", "../org.cellwright.sharing.tests/data/bpx")).resolve("nmc_pouch_cell_BPX.json");
		assertTrue(Files.isRegularFile(bpx), bpx.toString());
		Result imported = cli("import-bpx", bpx.toString(), "--out", tmp.toString());
		assertEquals(0, imported.rc(), imported.out() + imported.err());
		Path cell = tmp.resolve("nmc_pouch_cell_BPX.cell");
		String text = Files.readString(cell);
		assertTrue(text.contains("material NegativeElectrode is intercalation-anode {"), text);
		assertTrue(text.contains("material Electrolyte is liquid-electrolyte {"), text);
		Result r = cli("run", cell.toString(), "--out", tmp.resolve("out").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		assertTrue(r.out().contains("Discharge1C: COMPLETED"), r.out());
		assertFalse(r.err().contains("Exception"), r.err());
	}
}
