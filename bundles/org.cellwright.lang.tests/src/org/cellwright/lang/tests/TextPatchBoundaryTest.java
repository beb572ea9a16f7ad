package org.cellwright.lang.tests;

import static org.cellwright.lang.tests.TextPatchTest.apply;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * TextPatch's line comparison where TextPatchTest does not look: a change on a last line that has no line end (the
 * file's last line, a printout not ending with one) is written, not lost. Mutation audit, session 22 (T1 in
 * docs/solid-state-solver.md): the last line left out of the comparison passed every test, whose texts all ended with
 * a line end, and the model change was silently not written back.
 */
class TextPatchBoundaryTest {

	@Test
	void aChangeOnALastLineWithoutALineEndIsWritten() {
		String doc = "material M is binder { }\nmaterial N is binder {   density = 1 g/cm3 }";
		String before = "material M is binder { }\nmaterial N is binder { density = 1 g/cm3 }";
		String after = before.replace("1 g/cm3", "2 g/cm3");
		assertEquals(doc.replace("1 g/cm3", "2 g/cm3"), apply(doc, before, after), "the change written, the layout kept");
		assertEquals(doc, apply(apply(doc, before, after), after, before), "and back");
	}
}
