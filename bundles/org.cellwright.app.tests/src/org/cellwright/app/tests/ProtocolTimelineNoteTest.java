package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.CellFiles;
import org.cellwright.editor.protocol.ProtocolTimeline;
import org.cellwright.editor.protocol.TimelinePainter;
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

		// drawn on as many lines as it needs, up to three, whole where they hold it; the plot below it (on one line it was
		// cut with an ellipsis: "... holds the liquid electrolyte Ecker2015LiPF6: such a ce...")
		List<java.util.regex.MatchResult> wide = noteLines(t, 1600);
		assertTrue(wide.size() >= 2 && wide.size() <= TimelinePainter.MAX_NOTE_LINES, wide.toString());
		String note = String.join(" ", wide.stream().map(m -> m.group(2)).toList());
		assertTrue(note.startsWith(t.capacityNote) && !note.contains("..."), "the whole note: " + note);
		for (var m : wide) assertTrue(m.group(2).length() * 0.6 * 12 <= 1580, "a line fits: " + m.group(2));
		// a narrower view: three lines, the last shortened
		List<java.util.regex.MatchResult> narrow = noteLines(t, 600);
		assertEquals(TimelinePainter.MAX_NOTE_LINES, narrow.size());
		assertTrue(narrow.get(2).group(2).endsWith("..."), narrow.get(2).group(2));
		for (var m : narrow) assertTrue(m.group(2).length() * 0.6 * 12 <= 580, "a line fits: " + m.group(2));
	}

	/** The note's lines as the timeline draws them at a width (y, text), asserting the plot is below them. */
	static List<java.util.regex.MatchResult> noteLines(ProtocolTimeline t, int width) {
		org.cellwright.editor.draw.SvgDrawing d = new org.cellwright.editor.draw.SvgDrawing(width, 400);
		new TimelinePainter().paint(d, 0, 0, width, 400, t);
		String svg = d.toSvg();
		java.util.regex.Pattern grey = java.util.regex.Pattern.compile("<text x=\"10\" y=\"([\\d.]+)\" fill=\"#505050\">([^<]*)</text>");
		List<java.util.regex.MatchResult> lines = grey.matcher(svg).results().toList();
		java.util.regex.Matcher charge = java.util.regex.Pattern.compile("y=\"([\\d.]+)\" fill=\"#d9534f\">charge<").matcher(svg);
		assertTrue(charge.find(), svg);
		assertTrue(!lines.isEmpty() && Double.parseDouble(charge.group(1)) > Double.parseDouble(lines.get(lines.size() - 1).group(1)) + 5,
				"the plot below the note: " + svg);
		return lines;
	}

	/**
	 * A liquid-electrolyte cell's 1 C from its nominal-capacity, as the DFN solver reads it: the note said the solid-state
	 * solver's inputs refused the cell ("... such a cell runs through the DFN solver ...; durations of 'until' steps are
	 * not known") above the protocol of the example that fits one.
	 */
	@Test
	void aLiquidElectrolyteCellGivesItsOneC() throws Exception {
		Path f = Path.of(System.getProperty("cellwright.examples")).resolve("ecker2015-fit.cell");
		CellFiles files = CellFiles.load(List.of(f));
		var elements = files.models().get(0).getElements();
		Cell cell = (Cell) elements.stream().filter(e -> e instanceof Cell c && c.getName().equals("Ecker2015KokamThermal")).findFirst().orElseThrow();
		Protocol p = (Protocol) elements.stream().filter(e -> e instanceof Protocol q && q.getName().equals("Discharge1C")).findFirst().orElseThrow();
		ProtocolTimeline t = ProtocolTimeline.of(p, cell);
		assertTrue(t.capacityNote.startsWith("cell Ecker2015KokamThermal, 1 C = "), t.capacityNote);
		assertFalse(Double.isNaN(t.capacity), t.capacityNote);
		assertEquals(1.0, t.segments.get(0).duration(), 0.01, "1 C for about an hour: " + t.capacityNote);
	}
}
