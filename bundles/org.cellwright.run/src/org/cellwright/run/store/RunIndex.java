package org.cellwright.run.store;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFiles;

/**
 * {@code runs.csv} of a results folder: one row per run (a sweep: per run of each variant) with its id, time, experiment
 * (group) and name, status, key numbers, CellWright version, folder and what changed against the previous run of the
 * same name. Rewritten whole (renamed into place) under a file lock, so concurrent writers never lose a row. The run
 * folders in place are what counts: a run that runs.csv does not list (its row could not be written when it ended, a
 * full disk: input25) is read from its folder ({@link #rows}) and written into runs.csv by the next rewrite.
 */
public final class RunIndex {

	/** One run. Numbers are NaN when the run has none. */
	public record Row(String id, String time, String group, String name, String status, int cycles, double firstDischargeMAhCm2,
			double lastCe, double capacityRetention, double nucleationMV, String version, String folder, String change) {

		/**
		 * The row of a run from its summary: its key numbers, start (else {@code otherwise}) and CellWright version (else
		 * this one's); {@code folder} relative to the results folder.
		 */
		public static Row of(String id, String group, String name, String status, org.cellwright.run.folder.Summary s, String folder,
				String change, Instant otherwise) {
			var cycles = s.cycles();
			var run = s.run();
			return new Row(id, run != null && run.started() != null ? run.started() : otherwise.toString(), group, name, status,
					cycles.size(), s.firstDischarge().mAhCm2(), cycles.isEmpty() ? Double.NaN : cycles.get(cycles.size() - 1).coulombicEfficiency(),
					s.capacityRetention(), s.nucleationOverpotentialMV(),
					run != null && run.version() != null ? run.version() : org.cellwright.solver.input.json.InputsJson.cellwrightVersion(), folder, change);
		}

		/** This row with another change text. */
		public Row withChange(String c) {
			return new Row(id, time, group, name, status, cycles, firstDischargeMAhCm2, lastCe, capacityRetention, nucleationMV, version, folder, c);
		}
	}

	static final String[] HEADER = { "id", "time", "experiment", "name", "status", "cycles", "first_discharge_mAh_cm2", "last_ce",
			"capacity_retention", "nucleation_overpotential_mV", "cellwright_version", "folder", "change" };

	private static final Object JVM_LOCK = new Object();

	private final Path root;

	RunIndex(Path root) {
		this.root = root;
	}

	public Path file() { return root.resolve(RunFiles.INDEX); }

	/**
	 * The rows, oldest first: those of runs.csv (none when there is no index yet) and, in the order of their start, one
	 * for each run in place in the results folder that runs.csv does not list ({@link #unlisted}).
	 */
	public List<Row> rows() {
		List<Row> listed = listed();
		List<Row> found = unlisted(listed);
		if (found.isEmpty()) return listed;
		for (Row r : found) {
			int at = listed.size();
			while (at > 0 && started(listed.get(at - 1)).isAfter(started(r))) at--;
			listed.add(at, r);
		}
		return listed;
	}

	/** What the change of a run found in its folder says (it has no row of its own with the change: {@link #unlisted}). */
	public static final String UNLISTED = "not in runs.csv when it ended: listed from its folder";

	/**
	 * What the change of a run says that a process stopped without ending (killed) had left hidden and the next run of
	 * its group moved into place ({@link RunStore}'s take-over, pipe27c): its status is its solver's, its run was not
	 * whole; followed by " (files missing: ...)". Its status stays what the solver said, so older readers read it.
	 */
	public static final String RECOVERED = "recovered: its process stopped before the run ended";

	/**
	 * Writes the rows of the run folder {@code run} (in place, listed from its folder: {@link #UNLISTED}) into runs.csv
	 * with the change {@link #RECOVERED} and the files its folder lacks of those its whole run would have ({@link #missing}),
	 * so a recovered run is not taken for a whole one. Nothing when none is listed so. The index is read once, under its
	 * lock (a check before it read it a second time, outside the lock: rows another writer wrote in meanwhile, still
	 * {@link #UNLISTED}, were left so), and not rewritten when nothing changes.
	 */
	void recovered(Path run) {
		String rel = root.relativize(run).toString().replace('\\', '/');
		java.util.function.Predicate<Row> ours = r -> UNLISTED.equals(r.change()) && (r.folder().equals(rel) || r.folder().startsWith(rel + "/"));
		update(rows -> {
			if (rows.stream().noneMatch(ours)) return rows; // runs.csv as it is
			List<String> finishes = finishes(run);
			return rows.stream().map(r -> ours.test(r)
					? r.withChange(RECOVERED + " (files missing: " + missing(run, root.resolve(r.folder()), r.status(), finishes) + ")") : r).toList();
		});
	}

	/**
	 * The files of a run's folder {@code folder} (in the run {@code run}: a sweep's) that its whole run would have and it
	 * lacks, "none" without; the pipeline writes them in this order (Pipeline.collect): each run folder's
	 * {@value RunFiles#TIMESERIES} and {@value RunFiles#SUMMARY} (the solver's; a run of {@code status} FAILED has the
	 * summary alone), its {@value RunFiles#MEASURED_COMPARISON} where it kept a measurement ({@value RunFiles#MEASURED},
	 * copied in before the run) and did not fail, its {@value RunFiles#CHECKS} (every collected run's, an empty list
	 * where nothing is expected), the files its writer writes after it ({@code finishes}, {@link #finishes}: the command
	 * line's and the IDE's {@value RunFiles#REPORT}, Pipeline.Listener#finishing), then a sweep's
	 * {@value RunFiles#SWEEP_TABLE}. Before session 28 the comparison, checks.json and report.html were not looked for.
	 * A checks.json that cannot be read (cut: written in place before session 29 by a process killed while writing it)
	 * is named as unreadable.
	 */
	private static String missing(Path run, Path folder, String status, List<String> finishes) {
		List<String> out = new ArrayList<>();
		List<String> whole = new ArrayList<>(List.of(RunFiles.SUMMARY, RunFiles.TIMESERIES));
		if (Files.isRegularFile(folder.resolve(RunFiles.MEASURED)) && !"FAILED".equals(status)) whole.add(RunFiles.MEASURED_COMPARISON);
		whole.add(RunFiles.CHECKS);
		whole.addAll(finishes);
		for (String f : whole)
			if (!Files.isRegularFile(folder.resolve(f))) out.add(f);
			else if (f.equals(RunFiles.CHECKS) && org.cellwright.run.folder.RunFolder.checksOf(folder) == null) out.add(f + " (unreadable)");
		if (!folder.equals(run) && !Files.isRegularFile(run.resolve(RunFiles.SWEEP_TABLE))) out.add("the sweep's " + RunFiles.SWEEP_TABLE);
		return out.isEmpty() ? "none" : String.join(", ", out);
	}

	/**
	 * The files the writer of the run {@code run} writes into each of its run folders after checks.json: those its
	 * {@value RunFiles#WRITES} names, written as the run began (Pipeline.Listener#finishes). A run without one (written
	 * before session 29, or its file unreadable) shows it as far as its folder does: {@value RunFiles#REPORT} where one is
	 * in it or in one of its sweep's run folders; where none is there (a run killed before its first report was whole,
	 * or a writer that writes none: the pipeline's own callers in tests, a Spark driver) its reports are not looked
	 * for: a recovered run's missing report is not guessed. {@code ./cellwright report} writes one.
	 */
	private static List<String> finishes(Path run) {
		try {
			return Files.readAllLines(run.resolve(RunFiles.WRITES), StandardCharsets.UTF_8).stream().map(String::strip)
					.filter(f -> !f.isEmpty() && !f.contains("/") && !f.contains("\\")).toList();
		} catch (IOException | UncheckedIOException e) {
			// none recorded: as before session 29
		}
		if (Files.isRegularFile(run.resolve(RunFiles.REPORT))) return List.of(RunFiles.REPORT);
		try (java.util.stream.Stream<Path> s = Files.list(run)) {
			return s.anyMatch(d -> Files.isRegularFile(d.resolve(RunFiles.REPORT), java.nio.file.LinkOption.NOFOLLOW_LINKS))
					? List.of(RunFiles.REPORT) : List.of();
		} catch (IOException | UncheckedIOException e) {
			return List.of();
		}
	}

	/**
	 * A row for each run in place that runs.csv does not list, oldest first: each folder {@code <experiment>/<run id>/}
	 * that is a run folder (RunFolder.isRunFolder), and each run folder right in a sweep's {@code <sweep>/<run id>/},
	 * read from its summary.json; hidden folders (a run being written), links and fits' folders (a fit.json, never
	 * listed) are not. A folder that cannot be listed or a summary that cannot be read leaves its runs out.
	 */
	private List<Row> unlisted(List<Row> listed) {
		java.util.Set<String> known = new java.util.HashSet<>();
		for (Row r : listed) known.add(r.group() + "/" + r.id());
		List<Row> found = new ArrayList<>();
		for (Path group : folders(root))
			for (Path run : folders(group)) {
				String name = run.getFileName().toString(), g = group.getFileName().toString();
				if (RunStore.timeOf(name) == null || Names.problem(name) != null || known.contains(g + "/" + name)
						|| Files.exists(run.resolve(RunFiles.FIT))) continue;
				if (org.cellwright.run.folder.RunFolder.isRunFolder(run)) found.add(found(g, name, null, run));
				else for (Path variant : folders(run)) if (org.cellwright.run.folder.RunFolder.isRunFolder(variant))
					found.add(found(g, name, variant.getFileName().toString(), variant));
			}
		found.removeIf(java.util.Objects::isNull);
		found.sort(java.util.Comparator.comparing(RunIndex::started));
		return found;
	}

	/** The folders right in a folder, neither hidden nor links, sorted; none when it cannot be listed. */
	private static List<Path> folders(Path folder) {
		try (java.util.stream.Stream<Path> s = Files.list(folder)) {
			return s.filter(d -> Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !d.getFileName().toString().startsWith("."))
					.sorted().toList();
		} catch (IOException | UncheckedIOException e) {
			return List.of();
		}
	}

	/** The row of a run found in its folder (a sweep's run: {@code variant}), or null when its summary cannot be read. */
	private Row found(String group, String id, String variant, Path folder) {
		org.cellwright.run.folder.Summary s;
		try {
			s = Files.isRegularFile(folder.resolve(RunFiles.SUMMARY)) ? org.cellwright.run.folder.Summary.read(folder.resolve(RunFiles.SUMMARY))
					: org.cellwright.run.folder.Summary.of(new com.google.gson.JsonObject()); // its timeseries only: status unknown
		} catch (RuntimeException e) {
			return null;
		}
		var run = s.run();
		String name = run != null && run.name() != null ? run.name() : variant == null ? group : group + "/" + variant;
		return Row.of(id, group, name, s.status(), s, root.relativize(folder).toString().replace('\\', '/'), UNLISTED, RunStore.timeOf(id));
	}

	/** When a row's run started: its time, else its id's; the earliest time for neither. */
	private static Instant started(Row r) {
		try {
			return Instant.parse(r.time());
		} catch (RuntimeException e) {
			Instant t = RunStore.timeOf(r.id());
			return t == null ? Instant.MIN : t;
		}
	}

	/** The rows runs.csv lists, oldest first (none when there is no index yet). */
	private List<Row> listed() {
		READS.computeIfAbsent(root.toAbsolutePath().normalize(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
		Path f = file();
		if (!Files.isRegularFile(f)) return new ArrayList<>();
		List<Row> out = new ArrayList<>();
		try (CSVParser p = CsvTable.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(Files.newBufferedReader(f, StandardCharsets.UTF_8))) {
			for (CSVRecord r : p) {
				if (!r.isConsistent()) throw new RunStoreException(f + ":" + (r.getRecordNumber() + 1) + ": " + r.size() + " cells, the header has " + HEADER.length);
				out.add(new Row(get(r, "id"), get(r, "time"), get(r, "experiment"), get(r, "name"), get(r, "status"),
						(int) num(get(r, "cycles")), num(get(r, "first_discharge_mAh_cm2")), num(get(r, "last_ce")),
						num(get(r, "capacity_retention")), num(get(r, "nucleation_overpotential_mV")), get(r, "cellwright_version"),
						get(r, "folder"), get(r, "change")));
			}
		} catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
			// bytes that are no UTF-8 read "Input length = 1" (fuzz20)
			boolean binary = e instanceof java.nio.charset.CharacterCodingException || e.getCause() instanceof java.nio.charset.CharacterCodingException;
			throw new RunStoreException(f + ": cannot be read: " + (binary ? "not UTF-8 text, as runs.csv is written" : e.getMessage()), e);
		}
		return out;
	}

	private static String get(CSVRecord r, String col) {
		return r.isMapped(col) && r.isSet(col) ? r.get(col) : "";
	}

	private static double num(String s) {
		try {
			return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
		} catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	/** How many times runs.csv of each results folder was read in this JVM ({@link #listed}: a test's seam, pipe27). */
	private static final Map<Path, java.util.concurrent.atomic.AtomicInteger> READS = new java.util.concurrent.ConcurrentHashMap<>();

	/** How many times the index of the results folder {@code root} was read ({@link #rows}, or its rows alone) in this JVM: for tests. */
	public static int reads(Path root) {
		var n = READS.get(root.toAbsolutePath().normalize());
		return n == null ? 0 : n.get();
	}

	/** These rows without those of the run {@code group/id} (its own, read from its folder or written in by another writer). */
	public static List<Row> without(List<Row> rows, String group, String id) {
		List<Row> out = new ArrayList<>(rows);
		out.removeIf(r -> r.group().equals(group) && r.id().equals(id));
		return out;
	}

	/** The latest of these rows (oldest first) of a name (experiment, or sweep/variant), or null. */
	public static Row previous(List<Row> rows, String name) {
		Row last = null;
		for (Row r : rows) if (r.name().equals(name)) last = r;
		return last;
	}

	/**
	 * Adds the rows of the run {@code group/id} that {@code make} makes from the rows before them: the rows read once,
	 * under the lock, without the run's own (its folders are in place before its rows, {@link #rows} reads them from
	 * there, and another writer may have written them in). So what a run's rows compare with ({@link #previous}) is what
	 * runs.csv lists before them, also when another writer (a second command line, the IDE) adds runs of the same
	 * experiment while this one is collected. {@code make} runs under the lock: it reads only what it compares.
	 */
	public void append(String group, String id, java.util.function.Function<List<Row>, List<Row>> make) {
		update(rows -> {
			List<Row> before = without(rows, group, id);
			List<Row> all = new ArrayList<>(before);
			all.addAll(make.apply(java.util.Collections.unmodifiableList(before)));
			return all;
		});
	}

	/**
	 * Reads, changes and rewrites the index under the lock (a file lock between processes, a monitor in this one); a
	 * change that gives back the rows it was given leaves runs.csv as it is.
	 */
	void update(UnaryOperator<List<Row>> change) {
		synchronized (JVM_LOCK) {
			try {
				Files.createDirectories(root);
				try (FileChannel ch = FileChannel.open(root.resolve(RunFiles.INDEX_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
						FileLock lock = ch.lock()) {
					List<Row> rows = rows(), changed = change.apply(rows);
					if (changed != rows) write(changed); // the same list back: nothing to change
				}
			} catch (IOException e) {
				throw new RunStoreException("cannot update " + file() + ": " + e.getMessage(), e);
			} catch (UncheckedIOException e) { // Atomic's: "cannot write .../runs.csv: No space left on device"
				throw new RunStoreException(e.getMessage(), e);
			}
		}
	}

	private void write(List<Row> rows) throws IOException {
		StringWriter w = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(w, CsvTable.FORMAT.builder().setHeader(HEADER).get())) {
			for (Row r : rows)
				p.printRecord(r.id(), r.time(), r.group(), r.name(), r.status(), r.cycles() < 0 ? "" : Integer.toString(r.cycles()),
						fmt(r.firstDischargeMAhCm2()), fmt(r.lastCe()), fmt(r.capacityRetention()), fmt(r.nucleationMV()), r.version(),
						r.folder(), r.change());
		}
		Atomic.writeString(file(), w.toString());
	}

	static String fmt(double v) {
		return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.6g", v) : "";
	}

	/**
	 * Deletes runs explicitly: of each experiment (or sweep) all but the {@code keepLast} latest runs (null: no such
	 * limit) and the runs older than {@code olderThan} (null: no such limit). {@code latest} of a pruned experiment then
	 * names its newest remaining run. Returns the folders deleted.
	 */
	public List<Path> prune(Integer keepLast, Duration olderThan, Instant now) {
		List<Path> deleted = new ArrayList<>();
		update(rows -> {
			// the runs (id of a group), newest last
			Map<String, List<String>> idsByGroup = new LinkedHashMap<>();
			for (Row r : rows) {
				List<String> ids = idsByGroup.computeIfAbsent(r.group(), k -> new ArrayList<>());
				if (!ids.contains(r.id())) ids.add(r.id());
			}
			Map<String, String> timeOf = new LinkedHashMap<>();
			for (Row r : rows) timeOf.put(r.group() + "/" + r.id(), r.time());
			List<String> doomed = doomed(idsByGroup, run -> {
				try {
					return Instant.parse(timeOf.get(run));
				} catch (RuntimeException ex) {
					return null;
				}
			}, keepLast, olderThan, now);
			return removeRuns(rows, idsByGroup.keySet(), doomed, deleted);
		});
		return deleted;
	}

	/**
	 * The prune rule, for runs and for fits ({@code runs --prune}): of each group's ids (oldest first) those beyond the
	 * {@code keepLast} latest (null: no such limit) and those whose time ({@code timeOf} of "group/id"; null: unknown,
	 * kept) is older than {@code olderThan} (null: no such limit) before {@code now}; as "group/id".
	 */
	public static List<String> doomed(Map<String, List<String>> idsByGroup, java.util.function.Function<String, Instant> timeOf,
			Integer keepLast, Duration olderThan, Instant now) {
		List<String> doomed = new ArrayList<>();
		for (var e : idsByGroup.entrySet()) {
			List<String> ids = e.getValue();
			for (int i = 0; i < ids.size(); i++) {
				String run = e.getKey() + "/" + ids.get(i);
				boolean tooMany = keepLast != null && i < ids.size() - keepLast;
				Instant t = olderThan == null ? null : timeOf.apply(run);
				boolean tooOld = t != null && t.isBefore(now.minus(olderThan));
				if (tooMany || tooOld) doomed.add(run);
			}
		}
		return doomed;
	}

	/**
	 * Deletes the runs of these rows explicitly (the IDE's Runs view asks first): each row's run folder (of a sweep's
	 * variant: the whole sweep run, as {@link #prune} deletes it) and its rows; {@code latest} of the experiment then
	 * names its newest remaining run. A row whose folder was already deleted (in a file manager) loses its row. Returns
	 * the folders deleted.
	 */
	public List<Path> delete(List<Row> runs) {
		List<Path> deleted = new ArrayList<>();
		update(rows -> {
			List<String> doomed = runs.stream().map(r -> r.group() + "/" + r.id()).distinct().toList();
			List<String> groups = runs.stream().map(Row::group).distinct().toList();
			return removeRuns(rows, groups, doomed, deleted);
		});
		return deleted;
	}

	/** Deletes the run folders {@code group/id} doomed, adds them to deleted, moves latest of the groups; the rows kept. */
	private List<Row> removeRuns(List<Row> rows, java.util.Collection<String> groups, List<String> doomed, List<Path> deleted) {
		// every folder confined to the store before anything is deleted: a runs.csv whose experiment read '../../x' made
		// prune write latest.txt and a link 'latest' into x, outside the results folder (fuzz20)
		List<Path> folders = new ArrayList<>();
		for (String d : doomed) {
			String[] gi = d.split("/", 2);
			folders.add(Names.confined(root, "run", gi[0], gi[1]));
		}
		Map<String, Path> groupFolders = new LinkedHashMap<>();
		for (String g : groups) groupFolders.put(g, Names.confined(root, "experiment", g));
		for (Path folder : folders) {
			if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
			org.cellwright.lang.files.FileTrees.deleteTree(folder);
			deleted.add(folder);
		}
		List<Row> kept = rows.stream().filter(r -> !doomed.contains(r.group() + "/" + r.id())).toList();
		for (String g : groups) {
			Path gf = groupFolders.get(g);
			String newest = null;
			for (Row r : kept) if (r.group().equals(g)) newest = r.id();
			try {
				if (newest != null) RunStore.setLatest(gf, newest);
				else {
					Files.deleteIfExists(gf.resolve(RunFiles.LATEST));
					Files.deleteIfExists(gf.resolve(RunFiles.LATEST_TEXT));
				}
			} catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return kept;
	}

}
