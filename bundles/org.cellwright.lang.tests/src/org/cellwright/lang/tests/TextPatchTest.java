package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.lang.text.TextPatch;
import org.junit.jupiter.api.Test;

/** A model change goes into hand-laid-out text at the changed span only. */
class TextPatchTest {

	static String apply(String doc, String before, String after) {
		TextPatch p = TextPatch.of(doc, before, after);
		return p == null ? doc : p.applyTo(doc);
	}

	@Test
	void aValueChangedInOneCellLeavesTheOneLineCellsAsWritten() {
		String doc = "cell A {\n    area = 1 cm2   // pellet\n    layer foil: Li 350 um\n}\ncell B extends A { stack-pressure = 5 MPa }\n";
		String before = "cell A {\n\tarea = 1 cm2 // pellet\n\tlayer foil: Li 350 um\n}\n\ncell B extends A {\n\tstack-pressure = 5 MPa\n}\n";
		String after = before.replace("350 um", "0.03 mm");
		assertEquals(doc.replace("350 um", "0.03 mm"), apply(doc, before, after));
	}

	@Test
	void aChangeInsideAOneLineCellKeepsItOnOneLine() {
		String doc = "cell B extends A { stack-pressure = 5 MPa }\n";
		String before = "cell B extends A {\n\tstack-pressure = 5 MPa\n}\n";
		assertEquals("cell B extends A { stack-pressure = 6 MPa }\n", apply(doc, before, before.replace("5 MPa", "6 MPa")));
	}

	@Test
	void anInsertedLineTakesTheFormattersLayoutAndKeepsTheCommentBeforeIt() {
		String doc = "cell C {\n    layer a: X 1 um   // note\n}\n";
		String before = "cell C {\n\tlayer a: X 1 um // note\n}\n";
		String after = "cell C {\n\tlayer a: X 1 um // note\n\tlayer b: Y 2 um\n}\n";
		assertEquals("cell C {\n    layer a: X 1 um   // note\n\tlayer b: Y 2 um\n}\n", apply(doc, before, after));
		// and removing it again gives the text back
		String added = apply(doc, before, after);
		assertEquals(doc, apply(added, after, before));
	}

	@Test
	void aDocumentThatIsNotTheModelsPrintoutIsReplacedByPlainDifference() {
		String doc = "cell A { area = 1 cm2 } // other";
		String before = "cell A {\n\tarea = 1 cm2\n}\n";
		assertEquals(before.replace("1 cm2", "2 cm2"), apply(doc, before, before.replace("1 cm2", "2 cm2")));
		assertNull(TextPatch.of(doc, before, before), "no change, no edit");
	}

	/**
	 * A rename changes several places; each is written alone and the text between them stays byte for byte. Before,
	 * one span from the first place to the last was printed by the formatter: the blank line went and the one-line
	 * cell became three lines.
	 */
	@Test
	void aChangeInSeveralPlacesLeavesTheTextBetweenThemAsWritten() {
		String doc = "cell A {\n    layer wcc: X 1 um   // note\n\n    layer foil: Li 350 um\n}\ncell B extends A { remove foil }  // gone\ncell C extends A { layer i: Y 2 um after wcc }\n";
		String before = "cell A {\n\tlayer wcc: X 1 um // note\n\tlayer foil: Li 350 um\n}\n\ncell B extends A {\n\tremove foil\n} // gone\n\ncell C extends A {\n\tlayer i: Y 2 um after wcc\n}\n";
		String renamed = apply(doc, before, before.replace("foil", "lithium"));
		assertEquals(doc.replace("foil", "lithium"), renamed);
		assertEquals(doc.replace("wcc", "cc"), apply(doc, before, before.replace("wcc", "cc")));
		// and back: the text byte for byte
		assertEquals(doc, apply(renamed, before.replace("foil", "lithium"), before));
	}

	@Test
	void aChangeOfTheFormattersBlanksAloneLeavesTheDocumentAsWritten() {
		String doc = "cell A {\n    area = 1 cm2   // pellet\n}\n";
		String before = "cell A {\n\tarea = 1 cm2 // pellet\n}\n";
		assertNull(TextPatch.of(doc, before, before.replace("cm2 //", "cm2   //")));
	}

	/**
	 * A large file: the lines equal at its start and end are not compared pair by pair (a 200,000-line library with
	 * one value changed would have needed 4e10 pairs of lines in memory, an OutOfMemoryError), and where the changed
	 * lines lie far apart the comparison is bounded: the lines between them take the formatter's layout, the model's
	 * text is right.
	 */
	@Test
	void aChangeInALargeFileIsFoundWithoutComparingEveryPairOfLines() {
		StringBuilder d = new StringBuilder(), b = new StringBuilder();
		for (int k = 0; k < 200_000; k++) {
			d.append("    layer l").append(k).append(": X ").append(k).append(" um   // as written\n");
			b.append("\tlayer l").append(k).append(": X ").append(k).append(" um // as written\n");
		}
		String doc = "cell C {\n" + d + "}\n", before = "cell C {\n" + b + "}\n";
		String after = before.replace("l100000: X 100000 um", "l100000: X 7 um");
		assertEquals(doc.replace("l100000: X 100000 um", "l100000: X 7 um"), apply(doc, before, after));

		String far = before.replace("l0: X 0 um", "l0: X 1 um").replace("l199999: X 199999 um", "l199999: X 2 um");
		String patched = apply(doc, before, far);
		assertEquals(far.replaceAll("\\s+", ""), patched.replaceAll("\\s+", ""));
		assertTrue(patched.startsWith("cell C {\n    layer l0: X"), patched.substring(0, 80));
	}
}
