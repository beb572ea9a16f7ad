package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.run.fit.MeasuredComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reference solution a {@code measured "x.json"} clause reads ({@code time} and {@code voltage} arrays) is held to
 * what a measurement's CSV is (CyclerDataReader): times that go back and values that are no finite number (Gson reads
 * {@code NaN}, {@code Infinity} and {@code 1e400}) and values that are no number are refused naming their JSON path. Before (session 24's fuzz) they
 * were read: descending times made the comparison search from the start at each point (quadratic), NaN went into the
 * error figures.
 */
public class MeasuredReferenceTest {

	@TempDir
	Path tmp;

	private IllegalArgumentException refused(String json) throws Exception {
		Path f = Files.writeString(tmp.resolve("ref.json"), json);
		return assertThrows(IllegalArgumentException.class, () -> MeasuredComparison.reference(f));
	}

	@Test
	void timesThatGoBackAndValuesThatAreNoFiniteNumberAreRefusedAtTheirPath() throws Exception {
		assertEquals("$.time[2]: time goes back from 20.0 s to 10.0 s", refused("{\"time\": [0, 20, 10], \"voltage\": [4, 3.9, 3.8]}").getMessage());
		assertEquals("$.voltage[1]: NaN is not a finite number", refused("{\"time\": [0, 10], \"voltage\": [4, NaN]}").getMessage());
		assertEquals("$.time[1]: 1e400 is not a finite number", refused("{\"time\": [0, 1e400], \"voltage\": [4, 3.9]}").getMessage());
		// what is no number at all, at its index (it was "For input string: \"a\"" or "JsonObject")
		assertEquals("$.time[0]: 'a' is not a number", refused("{\"time\": [\"a\", 1], \"voltage\": [4, 3.9]}").getMessage());
		assertEquals("$.voltage[1]: an object, not a number", refused("{\"time\": [0, 1], \"voltage\": [4, {}]}").getMessage());
		assertEquals("$.voltage[0]: an array, not a number", refused("{\"time\": [0, 1], \"voltage\": [[4], 3]}").getMessage());
		assertEquals("$.time[1]: true, not a number", refused("{\"time\": [0, true], \"voltage\": [4, 3]}").getMessage());
		// equal times (a step's change) and an ordinary reference are read
		Path ok = Files.writeString(tmp.resolve("ok.json"), "{\"time\": [0, 10, 10, 20], \"voltage\": [4, 3.9, 3.8, 3.7]}");
		assertArrayEquals(new double[] { 0, 10, 10, 20 }, MeasuredComparison.reference(ok).values(MeasuredQuantity.TIME));
	}

	/**
	 * A reference nested deeper than the JSON parser reads (Gson's 255 levels) is one line saying so, at its line and
	 * column, its path cut: it was "com.google.gson.stream.MalformedJsonException: Nesting limit 255 reached at line 1
	 * column 265 path $.time[0][0]..." with 800 characters of path (session 24's fuzz, input25).
	 */
	@Test
	void aReferenceNestedDeeperThanTheParserReadsIsOneLineSayingSo() throws Exception {
		Path f = Files.writeString(tmp.resolve("deep.json"), "{\"time\": " + "[".repeat(10_000) + "]".repeat(10_000) + ", \"voltage\": [4, 3]}");
		RuntimeException e = assertThrows(RuntimeException.class, () -> MeasuredComparison.reference(f));
		assertEquals("not JSON: nested deeper than 255 levels (arrays or objects within each other) at line 1 column 265 path $.time"
				+ "[0]".repeat(18) + "..." + " (a JSON reference needs 'time' [s] and 'voltage' [V] arrays)", MeasuredComparison.referenceProblem(e));
	}
}
