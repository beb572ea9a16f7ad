package org.cellwright.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.cellwright.cli.CellWrightCli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** What the tests share: the command line in this JVM, small fast cells, and run folders compared file for file. */
final class Folders {
	private Folders() {}

	record Result(int rc, String out, String err) {}

	static Result cli(String... args) {
		PlainJava.setUp();
		StringWriter out = new StringWriter(), err = new StringWriter();
		int rc = CellWrightCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Result(rc, out.toString(), err.toString());
	}

	/**
	 * A Li|SE|Li-on-steel cell plated for {@code hours} and stripped, and a sweep of it over {@code pressures} (as
	 * written, "5 MPa, 10 MPa"): each run takes well under a second.
	 */
	static String sweep(String pressures, double hours) {
		return """
				package t
				material S is current-collector { electronic-conductivity = 1.4e4 S/cm }
				material E is solid-electrolyte { density = 1.64 g/cm3  ionic-conductivity = 2.5 mS/cm }
				material L is lithium-metal { density = 0.534 g/cm3  electronic-conductivity = 1.1e5 S/cm }
				cell C { area = 0.785 cm2  stack-pressure = 5 MPa  temperature = 25 degC
					layer a: S 10 um  layer s: E 700 um  layer l: L 350 um  layer b: S 10 um }
				protocol P { discharge at 0.1 mA/cm2 for %s h  charge at 0.1 mA/cm2 until 0.2 V for 2 h }
				experiment X { cell C protocol P expect status = completed }
				sweep Sw { experiment X vary stack-pressure in %s }
				""".formatted(Double.toString(hours), pressures);
	}

	/** The same sweep with {@code cycles} cycles of half an hour's plating and the stripping back (some 0.2-1 s a run at 40). */
	static String cycling(String pressures, int cycles) {
		return sweep(pressures, 0.5).replace("protocol P { discharge at 0.1 mA/cm2 for 0.5 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h }",
				"protocol P { repeat " + cycles + " { discharge at 0.1 mA/cm2 for 0.5 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h } }");
	}

	/** {@code n} pressures from 1 MPa in steps of 1 MPa, as a sweep writes them. */
	static String pressures(int n) {
		StringBuilder b = new StringBuilder();
		for (int i = 1; i <= n; i++) b.append(i == 1 ? "" : ", ").append(i).append(" MPa");
		return b.toString();
	}

	static Path write(Path file, String text) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		return Files.writeString(file, text);
	}

	/**
	 * The run folders below two sweep runs are the same, file for file: the same files, the same bytes in the solver's
	 * tables and resolved inputs, the same summary.json but for when the run happened ({@code run}: id, times, seconds).
	 */
	static void assertSameRuns(Path a, Path b, String... notCompared) throws IOException {
		TreeMap<String, Path> fa = files(a), fb = files(b);
		fb.remove(SweepParquet.FILE_NAME); // what the Spark engine adds
		for (String n : notCompared) { // files a caller of the pipeline writes (e.g. the command line's sweep page)
			fa.remove(n);
			fb.remove(n);
		}
		assertEquals(fa.keySet(), fb.keySet(), "the same files");
		assertTrue(fa.keySet().stream().anyMatch(k -> k.endsWith("summary.json")), "runs were written: " + fa.keySet());
		for (String k : fa.keySet()) {
			Path x = fa.get(k), y = fb.get(k);
			if (k.endsWith("summary.json")) assertEquals(withoutWhen(x), withoutWhen(y), k);
			else if (k.endsWith("inputs.json")) assertEquals(uncreated(x), uncreated(y), k);
			else if (k.endsWith(".csv") && !k.equals("sweep.csv") || k.endsWith("checks.json"))
				assertEquals(Files.readString(x, StandardCharsets.UTF_8), Files.readString(y, StandardCharsets.UTF_8), k);
		}
		// the sweep's table: the same rows (the same numbers) but for nothing
		assertEquals(Files.readAllLines(a.resolve("sweep.csv")), Files.readAllLines(b.resolve("sweep.csv")), "sweep.csv");
	}

	static TreeMap<String, Path> files(Path root) throws IOException {
		TreeMap<String, Path> m = new TreeMap<>();
		try (Stream<Path> s = Files.walk(root)) {
			for (Path p : s.filter(Files::isRegularFile).toList()) m.put(root.relativize(p).toString(), p);
		}
		return m;
	}

	/** Resolved inputs but for when they were written. */
	static JsonObject uncreated(Path inputs) throws IOException {
		JsonObject o = JsonParser.parseString(Files.readString(inputs, StandardCharsets.UTF_8)).getAsJsonObject();
		o.getAsJsonObject("provenance").remove("created");
		return o;
	}

	static JsonObject withoutWhen(Path summary) throws IOException {
		JsonObject o = JsonParser.parseString(Files.readString(summary, StandardCharsets.UTF_8)).getAsJsonObject();
		JsonObject run = o.getAsJsonObject("run");
		for (String k : List.of("id", "started", "ended", "finished", "seconds")) run.remove(k);
		return o;
	}
}
