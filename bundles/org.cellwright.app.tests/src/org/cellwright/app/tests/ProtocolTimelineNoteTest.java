package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.CellFiles;
import org.cellwright.editor.protocol.ProtocolTimeline;
import org.cellwright.model.Cell;
import org.cellwright.model.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol timeline's note says why a cell gives no 1 C (here: a cell the solver does not take). */
class ProtocolTimelineNoteTest {

	@Test
	void aCellWithAnIntercalationAnodeSaysSoInTheNote(@TempDir Path dir) throws Exception {
		Path f = dir.resolve("graphite.cell");
		Files.writeString(f, """
				package graphite
				import cellwright.materials.*
				material Graphite is intercalation-anode {
					density = 2.2 g/cm3
				}
				protocol P {
					discharge at 0.1 mA/cm2 for 1 h
				}
				cell G {
					area = 1 cm2
					layer acc: SUS 10 um
					layer neg: Graphite 50 um {
						porosity = 0.3
					}
					layer sep: Li6PS5Cl 700 um
					layer foil: Li 30 um
					layer ccc: SUS 10 um
				}
				""");
		CellFiles files = CellFiles.load(List.of(f));
		var elements = files.models().get(0).getElements();
		Cell cell = (Cell) elements.stream().filter(Cell.class::isInstance).findFirst().orElseThrow();
		Protocol p = (Protocol) elements.stream().filter(Protocol.class::isInstance).findFirst().orElseThrow();
		ProtocolTimeline t = ProtocolTimeline.of(p, cell);
		assertTrue(t.capacityNote.contains("layer neg of cell G is an intercalation anode"), t.capacityNote);
		assertTrue(t.capacityNote.endsWith("durations of 'until' steps are not known"), t.capacityNote);
		assertEquals(1, t.segments.size(), "the protocol is still drawn");
	}
}
