package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.CellWrightChecker.Severity;
import org.cellwright.lang.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the checker over files mutated from the shipped examples (byte flips, token deletions and
 * duplications, deep nesting, long chains, odd numbers and characters). For every file: no exception escapes, it ends
 * within a time bound, and a rejected file has at least one located error (line >= 1), every issue being located.
 * A failure names the seed and the file index: rerun with {@code -Dcellwright.fuzz.seed=SEED} (and
 * {@code -Dcellwright.fuzz.count=N}) to reproduce it; file i is mutated with {@code new Random(seed + i)}.
 */
public class FuzzTest {

	private static final long SEED = Long.getLong("cellwright.fuzz.seed", 20261203L);
	private static final int COUNT = Integer.getInteger("cellwright.fuzz.count", 2000);
	/** Per-file bound: far above the few hundred milliseconds a file takes, far below a hang. */
	private static final long TIMEOUT_SECONDS = 60;
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*|[0-9][0-9.eE+-]*|\"[^\"\\n]*\"|\\S");

	@TempDir
	Path dir;

	@Test
	public void mutatedExamplesEndInLocatedErrorsNeverInCrashes() throws Exception {
		List<String> corpus = new ArrayList<>();
		for (Path p : TestFiles.examples())
			corpus.add(Files.readString(p));
		assertFalse(corpus.isEmpty());
		CellWrightChecker checker = new CellWrightChecker();
		ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "fuzz");
			t.setDaemon(true);
			return t;
		});
		int rejected = 0;
		try {
			for (int i = 0; i < COUNT; i++) {
				Random rnd = new Random(SEED + i);
				List<String> how = new ArrayList<>();
				byte[] bytes = mutate(corpus.get(rnd.nextInt(corpus.size())), rnd, how);
				String where = "fuzz seed " + SEED + ", file " + i + " (" + String.join(", ", how) + ")";
				Path f = dir.resolve("fuzz" + i + ".cell");
				Files.write(f, bytes);
				Future<CellWrightChecker.Result> job = pool.submit(() -> checker.check(List.of(f)));
				CellWrightChecker.Result r;
				try {
					r = job.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
				} catch (TimeoutException e) {
					job.cancel(true);
					fail(where + ": no result within " + TIMEOUT_SECONDS + " s (a hang)");
					return;
				} catch (java.util.concurrent.ExecutionException e) {
					throw new AssertionError(where + ": " + e.getCause(), e.getCause());
				}
				for (CheckIssue issue : r.issues()) {
					assertTrue(issue.line() >= 1 && issue.column() >= 1, where + ": unlocated issue " + issue);
					for (String crash : List.of("StackOverflow", "Exception", "Error executing", "internal error", "For input string",
							"cannot read: java"))
						assertFalse(issue.message().contains(crash), where + ": a crash as a message: " + issue);
					assertFalse(issue.message().chars().anyMatch(c -> c < 0x20 || c == 0x7F), where + ": control character in " + issue);
				}
				if (r.hasErrors()) {
					rejected++;
					assertTrue(r.issues().stream().anyMatch(x -> x.severity() == Severity.ERROR && x.line() >= 1), where);
				}
				Files.delete(f);
			}
		} finally {
			pool.shutdownNow();
		}
		// the mutations do reject files: a fuzzer that produces only valid files tests nothing
		assertTrue(rejected > COUNT / 4, "only " + rejected + " of " + COUNT + " mutated files were rejected (seed " + SEED + ")");
	}

	/** One to three mutations of the text; their names go to {@code how}. */
	static byte[] mutate(String text, Random rnd, List<String> how) {
		String s = text;
		int n = 1 + rnd.nextInt(3);
		for (int m = 0; m < n; m++) {
			int kind = rnd.nextInt(10);
			switch (kind) {
			case 0 -> {
				how.add("token deleted");
				s = onToken(s, rnd, t -> "");
			}
			case 1 -> {
				how.add("token duplicated");
				s = onToken(s, rnd, t -> t + " " + t);
			}
			case 2 -> {
				int depth = 1 + rnd.nextInt(3 * Limits.MAX_NESTING_DEPTH);
				String open = List.of("(", "{", "- ", "2^", "repeat 1 {").get(rnd.nextInt(5));
				how.add("nesting " + depth + " x '" + open.trim() + "'");
				String close = open.equals("(") ? ")" : open.contains("{") ? "}" : "";
				s = insert(s, rnd, open.repeat(depth) + "x" + (rnd.nextBoolean() ? close.repeat(depth) : ""));
			}
			case 3 -> {
				int length = 1 + rnd.nextInt(2 * Limits.MAX_CHAIN_LENGTH);
				how.add("chain of " + length);
				s = s + "\n" + chain(rnd.nextInt(4), length);
			}
			case 4 -> {
				how.add("odd number");
				s = onToken(s, rnd, t -> List.of("1e309", "1e-400", "4.9e-324", "99999999999", "-0", "0e0", "1.", ".5", "1e", "--1")
						.get(rnd.nextInt(10)));
			}
			case 5 -> {
				how.add("odd character");
				s = insert(s, rnd, List.of("\u001b[2J", "\u202E", "\uFEFF", "\r", "\t", "\u0007", "\"", "/*", "^", "%", "é")
						.get(rnd.nextInt(11)));
			}
			case 6 -> {
				how.add("long expression");
				int terms = 1 + rnd.nextInt(2 * Limits.MAX_EXPRESSION_TERMS);
				s = insert(s, rnd, "x" + " + x".repeat(terms));
			}
			case 7 -> {
				how.add("lines swapped");
				String[] lines = s.split("\n", -1);
				int a = rnd.nextInt(lines.length), b = rnd.nextInt(lines.length);
				String t = lines[a];
				lines[a] = lines[b];
				lines[b] = t;
				s = String.join("\n", lines);
			}
			case 8 -> {
				how.add("text cut");
				s = s.substring(0, rnd.nextInt(s.length() + 1));
			}
			default -> {
				how.add("bytes flipped");
				byte[] b = s.getBytes(StandardCharsets.UTF_8);
				for (int k = 1 + rnd.nextInt(4); k > 0 && b.length > 0; k--)
					b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
				return b; // may be invalid UTF-8: the last mutation
			}
			}
		}
		byte[] out = s.getBytes(StandardCharsets.UTF_8);
		if (rnd.nextInt(20) == 0) {
			how.add("byte-order mark");
			byte[] bom = new byte[out.length + 3];
			bom[0] = (byte) 0xEF;
			bom[1] = (byte) 0xBB;
			bom[2] = (byte) 0xBF;
			System.arraycopy(out, 0, bom, 3, out.length);
			return bom;
		}
		return out;
	}

	private static String chain(int kind, int n) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < n; i++)
			switch (kind) {
			case 0 -> b.append("cell Z").append(i + 1).append(i == 0 ? "" : " extends Z" + i).append(" { }\n");
			case 1 -> b.append("protocol Z").append(i).append(" { run Z").append(i + 1).append(" }\n");
			case 2 -> b.append("composite Z").append(i + 1).append(" { ").append(i == 0 ? "LPSCl" : "Z" + i).append(" 100 wt% }\n");
			default -> b.append("import z").append(i).append(".*\n");
			}
		return b.toString();
	}

	private static String insert(String s, Random rnd, String what) {
		int at = rnd.nextInt(s.length() + 1);
		return s.substring(0, at) + what + s.substring(at);
	}

	private static String onToken(String s, Random rnd, java.util.function.UnaryOperator<String> change) {
		Matcher m = TOKEN.matcher(s);
		List<int[]> tokens = new ArrayList<>();
		while (m.find())
			tokens.add(new int[] { m.start(), m.end() });
		if (tokens.isEmpty())
			return s;
		int[] t = tokens.get(rnd.nextInt(tokens.size()));
		return s.substring(0, t[0]) + change.apply(s.substring(t[0], t[1])) + s.substring(t[1]);
	}
}
