package org.cellwright.lang.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;

/**
 * Benchmark (not a timed test): generates a library of about N lines (materials, composites, cells, protocols) and
 * reports how long the headless checker takes to parse, link and validate it. Run:
 * {@code java -cp <test runtime> org.cellwright.lang.tests.LibraryBenchmark [lines]} or through CheckerTest.
 */
public final class LibraryBenchmark {

	public record Figures(int lines, long bytes, long coldMillis, long warmMillis, long errors) {
		@Override
		public String toString() {
			return String.format("%d lines (%d kB): parse+link+validate cold %d ms, warm %d ms (%.0f lines/s warm), %d errors",
					lines, bytes / 1024, coldMillis, warmMillis, lines * 1000.0 / Math.max(1, warmMillis), errors);
		}
	}

	private LibraryBenchmark() {
	}

	static String generate(int targetLines) {
		StringBuilder b = new StringBuilder("// generated benchmark library\npackage bench\nimport cellwright.materials.*\n\n");
		int i = 0;
		while (b.chars().filter(c -> c == '\n').count() < targetLines) {
			b.append("material M").append(i).append(" is solid-electrolyte {\n")
					.append("\tdensity = ").append(1 + i % 7 * 0.1).append(" g/cm3 source \"10.1002/adma.202210835\"\n")
					.append("\tionic-conductivity = ").append(0.5 + i % 5).append(" mS/cm\n")
					.append("\tionic-activation-energy = 0.3 eV\n")
					.append("\tstability-window-low = 1.7 V\n}\n")
					.append("composite K").append(i).append(" { NCM811 70 wt%  M").append(i).append(" 30 wt% }\n")
					.append("cell C").append(i).append(" {\n\tarea = 0.785 cm2\n\tstack-pressure = ").append(5 + i % 60).append(" MPa\n")
					.append("\tlayer acc: SUS 10 um\n\tlayer foil: Li 30 um\n\tlayer inter: Li15Si4 3.25 um { porosity = 0.11 }\n")
					.append("\tlayer sep: M").append(i).append(" 700 um\n\tlayer cat: K").append(i).append(" { areal-loading = 20 mg/cm2 }\n")
					.append("\tlayer ccc: SUS 10 um\n}\n")
					.append("protocol P").append(i).append(" {\n\tcharge at 0.1 C until 4.3 V\n\trepeat 10 {\n\t\tdischarge at 0.35 C until 2.8 V\n\t\tcharge at 0.35 C until 4.3 V\n\t}\n}\n")
					.append("experiment E").append(i).append(" { cell C").append(i).append(" protocol P").append(i).append(" }\n\n");
			i++;
		}
		return b.toString();
	}

	public static Figures run(Path dir, int lines) throws Exception {
		String text = generate(lines);
		Path f = dir.resolve("bench.cell");
		Files.writeString(f, text);
		CellWrightChecker checker = new CellWrightChecker();
		long t0 = System.nanoTime();
		CellWrightChecker.Result r = checker.check(List.of(f));
		long cold = (System.nanoTime() - t0) / 1_000_000;
		long t1 = System.nanoTime();
		r = checker.check(List.of(f));
		long warm = (System.nanoTime() - t1) / 1_000_000;
		long errors = r.issues().stream().filter(i -> i.severity() == CellWrightChecker.Severity.ERROR).count();
		r.issues().stream().limit(5).forEach(System.out::println);
		int n = (int) text.chars().filter(c -> c == '\n').count();
		Figures fig = new Figures(n, text.length(), cold, warm, errors);
		System.out.println("LibraryBenchmark: " + fig);
		return fig;
	}

	public static void main(String[] args) throws Exception {
		int lines = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		Path dir = Files.createTempDirectory("cellwright-bench");
		run(dir, lines);
	}
}
