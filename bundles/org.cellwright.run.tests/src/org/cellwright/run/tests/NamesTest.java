package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.cellwright.run.store.Names;
import org.junit.jupiter.api.Test;

/** Names that become folders: what can name one, and that every folder stays inside its root. */
class NamesTest {

	@Test
	void ordinaryNamesPass() {
		assertNull(Names.problem("FullCellWithInterlayer"));
		assertNull(Names.problem("InterlayerHalfCell-stack-pressure=5MPa-temperature=20degC"));
	}

	@Test
	void pathsDotsControlCharactersAndLongNamesAreRefused() {
		for (String bad : new String[] { "../../x", "/tmp/x", "a/b", "a\\b", "..", ".", ".hidden", "", "a\u001b[2Jb", "x".repeat(300) })
			assertNotNull(Names.problem(bad), bad);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Names.check("experiment", "a\u001b[2Jb"));
		assertFalse(e.getMessage().contains("\u001b"), "the control character is escaped in the message: " + e.getMessage());
	}

	@Test
	void confinedStaysInsideItsRoot(@org.junit.jupiter.api.io.TempDir Path tmp) {
		assertEquals(tmp.resolve("Exp").toAbsolutePath().normalize(), Names.confined(tmp, "experiment", "Exp"));
		assertThrows(IllegalArgumentException.class, () -> Names.confined(tmp, "experiment", ".."));
		assertThrows(IllegalArgumentException.class, () -> Names.confined(tmp, "experiment", "../x"));
	}
}
