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

	/**
	 * kim2025.cell's KimHeated (the formation, then 45 and 60 degC an hour apart) drawn as wide as the IDE's Protocol
	 * Timeline beside the editor: the two set-temperature markers' labels stay apart and inside the view, each giving
	 * its temperature, and no time under the axis reads as the one before it. Before session 26 "set temperature =
	 * 45 degC" was drawn under "set temperature = 60 d" (cut at the view's edge), and the times read "45 h, 46 h, 46 h,
	 * 47 h, 48 h, 49 h, 49 h".
	 */
	@Test
	void closeSetMarkersKeepTheirValuesApartAndNoTimeReadsAsTheOneBefore() throws Exception {
		ProtocolTimeline t = example("sung2023/kim2025.cell", "KimHeated", "Kim62");
		int width = 560;
		org.cellwright.editor.draw.SvgDrawing d = new org.cellwright.editor.draw.SvgDrawing(width, 300);
		new TimelinePainter().paint(d, 0, 0, width, 300, t);
		String svg = d.toSvg();
		List<java.util.regex.MatchResult> texts = java.util.regex.Pattern.compile("<text x=\"([\\d.]+)\" y=\"([\\d.]+)\" fill=\"(#[0-9a-f]+)\">([^<]*)</text>")
				.matcher(svg).results().toList();
		List<java.util.regex.MatchResult> sets = texts.stream().filter(m -> m.group(4).contains("degC")).toList();
		assertEquals(2, sets.size(), svg);
		assertTrue(sets.get(0).group(4).contains("45 degC") && sets.get(1).group(4).contains("60 degC"), "each its temperature: " + sets.stream().map(m -> m.group(4)).toList());
		double firstEnds = Double.parseDouble(sets.get(0).group(1)) + d.textWidth(sets.get(0).group(4), false);
		assertTrue(firstEnds < Double.parseDouble(sets.get(1).group(1)), "the first label ends before the second begins: " + svg);
		assertTrue(Double.parseDouble(sets.get(1).group(1)) + d.textWidth(sets.get(1).group(4), false) <= width, "inside the view: " + svg);
		List<String> times = texts.stream().map(m -> m.group(4)).filter(s -> s.matches("[\\d.]+ (h|min)")).toList();
		assertTrue(times.size() >= 5, times.toString());
		for (int i = 1; i < times.size(); i++) assertNotEquals(times.get(i - 1), times.get(i), "a time reads as the one before it: " + times);
	}

	/** The timeline of a protocol of a shipped example (a path below examples/) with a cell of that file. */
	static ProtocolTimeline example(String file, String protocol, String cell) {
		CellFiles files = CellFiles.load(List.of(Path.of(System.getProperty("cellwright.examples")).resolve(file)));
		var elements = files.models().get(0).getElements();
		Cell c = (Cell) elements.stream().filter(e -> e instanceof Cell x && x.getName().equals(cell)).findFirst().orElseThrow();
		Protocol p = (Protocol) elements.stream().filter(e -> e instanceof Protocol q && q.getName().equals(protocol)).findFirst().orElseThrow();
		return ProtocolTimeline.of(p, c);
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
		ProtocolTimeline t = example("ecker2015-fit.cell", "Discharge1C", "Ecker2015KokamThermal");
		assertTrue(t.capacityNote.startsWith("cell Ecker2015KokamThermal, 1 C = "), t.capacityNote);
		assertFalse(Double.isNaN(t.capacity), t.capacityNote);
		assertEquals(1.0, t.segments.get(0).duration(), 0.01, "1 C for about an hour: " + t.capacityNote);
	}
}
