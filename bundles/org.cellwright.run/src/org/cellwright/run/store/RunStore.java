package org.cellwright.run.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.cellwright.run.folder.RunFiles;

/**
 * The run store of one results folder ({@code results/<file>/}, {@link #historyKey}): every run gets a folder of its own that no later run
 * overwrites, {@code <experiment>/<run id>/} (a sweep's runs {@code <sweep>/<run id>/<variant>/}); {@code
 * <experiment>/latest} (a symbolic link, and {@code latest.txt}) names the latest; {@link RunIndex runs.csv} lists them
 * all. A run is written into a hidden folder ({@code .<run id>.partial}) and renamed into place when it ends, however it
 * ends; one process at a time writes the runs of an experiment ({@code <experiment>/.lock}, a file lock), a second is
 * refused. Nothing here deletes a run except {@link RunIndex#prune}.
 */
public final class RunStore {

	static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	private final Path root;

	public RunStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() { return root; }

	/** The folders right below the file system's root that hold the system or every user's files: never a results folder. */
	private static final java.util.Set<String> SYSTEM_FOLDERS = java.util.Set.of("bin", "boot", "dev", "etc", "home", "lib", "lib32",
			"lib64", "libx32", "media", "mnt", "opt", "proc", "root", "run", "sbin", "srv", "sys", "usr", "var", "Users", "Windows",
			"Program Files", "System", "Library", "Applications", "Volumes", "private");

	/**
	 * Why a folder cannot be the root of a run store a user names ({@code --out}), or null: the file system's root, a
	 * system folder right below it ({@code /etc}, {@code /usr}, {@code /home}, ...) or the user's home folder itself (its
	 * real path: a link to one of them counts as it), where runs.csv, .runs.lock and a folder per experiment would land
	 * among the system's or the user's own files ({@code run --out /} wrote {@code /runs.csv} without a word: fuzz22).
	 */
	public static String rootProblem(Path folder) {
		Path p = folder.toAbsolutePath().normalize();
		try {
			if (Files.exists(p)) p = p.toRealPath();
		} catch (IOException | SecurityException e) {
			// judged by the path as given
		}
		Path home = null;
		try {
			home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
			if (Files.exists(home)) home = home.toRealPath();
		} catch (IOException | RuntimeException e) {
			// no home to compare with
		}
		if (p.getParent() == null)
			return "is the file system's root";
		if (p.getParent().getParent() == null && p.getFileName() != null && SYSTEM_FOLDERS.contains(p.getFileName().toString()))
			return "is a system folder";
		if (p.equals(home))
			return "is your home folder";
		return null;
	}

	/**
	 * Why a folder that {@code --out} names cannot take runs, or null: {@link #rootProblem}; a file; a folder that holds
	 * other files and is no results folder ({@link #isResultsFolder}), unless {@code intoExisting} (the user said to write
	 * beside them: {@code --out-into-existing}). A new or empty folder takes runs, and so does a results folder.
	 */
	public static String outProblem(Path folder, boolean intoExisting) {
		String problem = rootProblem(folder);
		if (problem != null) return problem;
		Path p = folder.toAbsolutePath().normalize();
		if (Files.exists(p) && !Files.isDirectory(p)) return "is a file, not a folder";
		if (intoExisting || !Files.isDirectory(p) || isResultsFolder(p)) return null;
		List<String> names;
		try (Stream<Path> s = Files.list(p)) {
			names = s.map(c -> c.getFileName().toString()).sorted().limit(4).toList();
		} catch (IOException e) {
			return "cannot be read: " + e.getMessage();
		}
		if (names.isEmpty()) return null;
		return "holds other files (" + String.join(", ", names.subList(0, Math.min(3, names.size()))) + (names.size() > 3 ? ", ..." : "")
				+ ") and is no results folder (no " + RunFiles.MARKER + " or " + RunFiles.INDEX + " in it)";
	}

	/**
	 * True for a folder that holds runs of CellWright's: the run store's {@link RunFiles#MARKER} (written when it writes a
	 * run there), or what a results folder of an earlier version holds: {@code runs.csv} or its lock, or nothing but
	 * (non-hidden) folders that are each an experiment's, a sweep's or a fit's (a {@code latest} or a lock in it) or a
	 * results folder themselves ({@code run DIR --out OUT} writes one per file into OUT; a project's {@code results/}
	 * holds {@code results/a/t.cell/} of a file in a folder), down to {@link #RESULTS_DEPTH} folders. An empty folder is
	 * none.
	 */
	public static boolean isResultsFolder(Path folder) {
		return isResultsFolder(folder.toAbsolutePath().normalize(), 0);
	}

	/** How deep below a folder {@link #isResultsFolder} looks for the results folders it holds. */
	private static final int RESULTS_DEPTH = 3;

	private static boolean isResultsFolder(Path p, int depth) {
		if (!Files.isDirectory(p)) return false;
		for (String n : new String[] { RunFiles.MARKER, RunFiles.INDEX, RunFiles.INDEX_LOCK })
			if (Files.exists(p.resolve(n), java.nio.file.LinkOption.NOFOLLOW_LINKS)) return true;
		if (depth >= RESULTS_DEPTH) return false;
		try (Stream<Path> s = Files.list(p)) {
			List<Path> shown = s.filter(c -> !c.getFileName().toString().startsWith(".")).toList();
			return !shown.isEmpty() && shown.stream().allMatch(c -> Files.isDirectory(c, java.nio.file.LinkOption.NOFOLLOW_LINKS)
					&& (isGroupFolder(c) || isResultsFolder(c, depth + 1)));
		} catch (IOException e) {
			return false;
		}
	}

	/** An experiment's, a sweep's or a fit's folder of a run store: its {@code latest} or its lock. */
	private static boolean isGroupFolder(Path p) {
		for (String n : new String[] { RunFiles.LATEST, RunFiles.LATEST_TEXT, RunFiles.LOCK })
			if (Files.exists(p.resolve(n), java.nio.file.LinkOption.NOFOLLOW_LINKS)) return true;
		return false;
	}

	/** Writes {@link RunFiles#MARKER} into the store's folder (made when missing) unless it is there. */
	private void mark() throws IOException {
		Path marker = root.resolve(RunFiles.MARKER);
		if (Files.exists(marker, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
		Files.createDirectories(root);
		try {
			Files.writeString(marker, "This folder holds runs of CellWright (runs.csv, a folder per experiment, sweep and fit);"
					+ " cellwright run/fit --out writes into it without asking.\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
		} catch (java.nio.file.FileAlreadyExistsException e) {
			// another process marked it
		}
	}

	public RunIndex index() { return new RunIndex(root); }

	/** A run id: UTC time and a short hash of the resolved inputs ("20261203-141502-3fa9c2"). */
	public static String runId(Instant time, String inputsHash) {
		return ID_TIME.format(time) + "-" + inputsHash.substring(0, Math.min(6, inputsHash.length()));
	}

	/** The time a run id starts with (its UTC second), or null when the text is no run id. */
	public static Instant timeOf(String runId) {
		if (runId == null || runId.length() < 15) return null;
		try {
			return Instant.from(ID_TIME.parse(runId.substring(0, 15)));
		} catch (java.time.DateTimeException e) {
			return null;
		}
	}

	/**
	 * Deletes a kept folder that has no row in {@code runs.csv} (a fit's, {@code <fit>/<id>/}); {@code latest} of its
	 * group then names the newest folder left (ids sort by time), or is removed when none is. A folder not named by a run
	 * id is refused (IllegalArgumentException), nothing deleted.
	 */
	public static void deleteUnindexed(Path runFolder) {
		Path folder = runFolder.toAbsolutePath().normalize(), group = folder.getParent();
		// only a folder named by a run id: a path ending in ".." (normalized to the results folder) deleted the file's whole history
		String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
		if (group == null || timeOf(name) == null || Names.problem(name) != null) throw new IllegalArgumentException(runFolder + ": not a run's folder (named by its run id)");
		org.cellwright.lang.files.FileTrees.deleteTree(folder);
		pointLatestAtNewest(group);
	}

	/** {@code latest} of a group names its newest run folder (ids sort by time), or is removed when it has none. */
	private static void pointLatestAtNewest(Path group) {
		try (Stream<Path> s = Files.list(group)) {
			String newest = s.filter(Files::isDirectory).filter(d -> !Files.isSymbolicLink(d))
					.map(d -> d.getFileName().toString()).filter(n -> timeOf(n) != null && Names.problem(n) == null)
					.max(Comparator.naturalOrder()).orElse(null);
			if (newest != null) setLatest(group, newest);
			else {
				Files.deleteIfExists(group.resolve(RunFiles.LATEST));
				Files.deleteIfExists(group.resolve(RunFiles.LATEST_TEXT));
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Starts writing a run of {@code group} (an experiment or sweep): checks the name, takes the group's lock and makes
	 * the hidden folder the run is written into.
	 *
	 * @throws IllegalArgumentException for a name that cannot name a folder (nothing written)
	 * @throws RunStoreException when another process (or job) is writing runs of the same group
	 */
	public Slot begin(String group, Instant started, String inputsHash) {
		Path groupFolder = Names.confined(root, "experiment", group);
		try {
			mark();
			Files.createDirectories(groupFolder);
		} catch (IOException e) {
			throw new RunStoreException("cannot create " + groupFolder + ": " + e.getMessage(), e);
		}
		FileChannel ch = null;
		FileLock lock;
		try {
			ch = FileChannel.open(groupFolder.resolve(RunFiles.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			lock = ch.tryLock();
		} catch (OverlappingFileLockException e) {
			lock = null;
		} catch (IOException e) {
			close(ch);
			throw new RunStoreException("cannot lock " + groupFolder + ": " + e.getMessage(), e);
		}
		if (lock == null) {
			close(ch);
			throw new RunStoreException(groupFolder + ": another run of " + group
					+ " is being written there (by another cellwright process or IDE job); wait for it to end, or use --out with another folder");
		}
		List<Path> leftover = takeOverLeftovers(groupFolder); // under the group's lock: their writers are gone
		for (Path p : leftover) {
			try {
				index().recovered(p); // their rows say it (pipe27c): a solver's COMPLETED read as a whole run
			} catch (RunStoreException e) {
				// runs.csv not written (a full disk): listed from its folder, as it was
			}
		}
		String base = runId(started, inputsHash), id = base;
		for (int k = 2; Files.exists(groupFolder.resolve(id)) || Files.exists(groupFolder.resolve(hidden(id))); k++) id = base + "-" + k;
		Path tmp = groupFolder.resolve(hidden(id));
		try {
			Files.createDirectories(tmp);
		} catch (IOException e) {
			release(lock, ch);
			throw new RunStoreException("cannot create " + tmp + ": " + e.getMessage(), e);
		}
		return new Slot(this, group, id, groupFolder, tmp, lock, ch, leftover);
	}

	/**
	 * The hidden folders ({@code .<run id>.partial}) that writers of a group left when they were stopped without ending
	 * (SIGKILL, a power cut, a crashed JVM: a run stopped otherwise is moved into place partial), taken over by the next
	 * writer of the group, under the group's lock (so no live writer holds them): one holding files outside its hidden
	 * folders (a run's timeseries.csv, a sweep's finished variants) is renamed into place as {@code <run id>/}, where
	 * {@link RunIndex#rows} lists it from its folder and the next rewrite writes it into runs.csv; one holding nothing
	 * else (an empty folder, a fit's scratch runs: what {@link Slot#discard} deletes of a cancelled fit) is deleted.
	 * Before (pipe27b), each was left hidden for good: in no listing, never cleaned up. Returns the folders moved into
	 * place; one that cannot be moved or deleted stays as it was.
	 */
	private static List<Path> takeOverLeftovers(Path groupFolder) {
		List<Path> moved = new ArrayList<>();
		for (Path h : hiddenRuns(groupFolder)) {
			Path into = committed(h);
			try {
				if (!holdsShownFiles(h)) org.cellwright.lang.files.FileTrees.deleteTree(h);
				else if (!Files.exists(into, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
					Files.move(h, into, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
					moved.add(into);
				}
			} catch (IOException | RuntimeException e) {
				// kept hidden as it was
			}
		}
		return moved;
	}

	/** The hidden folders ({@code .<run id>.partial}) of runs being written in a group's folder, sorted; none when it cannot be listed. */
	private static List<Path> hiddenRuns(Path groupFolder) {
		try (Stream<Path> s = Files.list(groupFolder)) {
			return s.filter(d -> Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !committed(d).equals(d)
					&& timeOf(committed(d).getFileName().toString()) != null && Names.problem(committed(d).getFileName().toString()) == null)
					.sorted().toList();
		} catch (IOException | java.io.UncheckedIOException e) {
			return List.of();
		}
	}

	/**
	 * The hidden folders of runs being written in the store ({@code <group>/.<run id>.partial}): a run a live process is
	 * writing, or one a process stopped without ending (killed) left, which the next run of its group moves into place
	 * ({@code runs} names them: pipe27b). Not told apart here: that takes the group's lock, which a run starting in that
	 * instant would find taken.
	 */
	public List<Path> hiddenRuns() {
		List<Path> out = new ArrayList<>();
		try (Stream<Path> s = Files.list(root)) {
			for (Path g : s.filter(d -> Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !d.getFileName().toString().startsWith("."))
					.sorted().toList())
				out.addAll(hiddenRuns(g));
		} catch (IOException | java.io.UncheckedIOException e) {
			// none listed
		}
		return out;
	}

	/**
	 * True when a folder holds a file outside hidden folders (its own or those of the folders in it), other than the
	 * {@value RunFiles#WRITES} a run writes as it begins (a run killed before its first file holds nothing).
	 */
	private static boolean holdsShownFiles(Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			for (Path c : s.toList()) {
				if (c.getFileName().toString().startsWith(".") && Files.isDirectory(c, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
				if (c.getFileName().toString().equals(RunFiles.WRITES)) continue;
				if (!Files.isDirectory(c, java.nio.file.LinkOption.NOFOLLOW_LINKS) || holdsShownFiles(c)) return true;
			}
		}
		return false;
	}

	/** The hidden folder a run is written into until it ends. */
	private static String hidden(String runId) { return "." + runId + HIDDEN_SUFFIX; }

	private static final String HIDDEN_SUFFIX = ".partial";

	/**
	 * The folder a run folder stands for: the one a run still being written ({@code .<run id>.partial}, e.g. while its
	 * report is written) is renamed to when it ends; any other folder itself.
	 */
	public static Path committed(Path runFolder) {
		Path name = runFolder.getFileName();
		String n = name == null ? "" : name.toString();
		if (n.length() > 1 + HIDDEN_SUFFIX.length() && n.startsWith(".") && n.endsWith(HIDDEN_SUFFIX))
			return runFolder.resolveSibling(n.substring(1, n.length() - HIDDEN_SUFFIX.length()));
		return runFolder;
	}

	/** The latest run under an experiment's (or sweep's) folder: its {@code latest} link or {@code latest.txt}; null if none. */
	public static Path latest(Path groupFolder) {
		if (groupFolder == null || !Files.isDirectory(groupFolder)) return null;
		Path link = groupFolder.resolve(RunFiles.LATEST);
		if (Files.isDirectory(link)) {
			try {
				return groupFolder.resolve(Files.readSymbolicLink(link)).normalize();
			} catch (IOException | UnsupportedOperationException e) {
				return link;
			}
		}
		Path txt = groupFolder.resolve(RunFiles.LATEST_TEXT);
		if (Files.isRegularFile(txt)) {
			try {
				String id = Files.readString(txt, StandardCharsets.UTF_8).strip();
				if (Names.problem(id) == null && Files.isDirectory(groupFolder.resolve(id))) return groupFolder.resolve(id);
			} catch (IOException e) {
				return null;
			}
		}
		return null;
	}

	/** Points {@code latest} (link and text) at a run id, each renamed into place. */
	static void setLatest(Path groupFolder, String id) throws IOException {
		Atomic.writeString(groupFolder.resolve(RunFiles.LATEST_TEXT), id + "\n");
		Path tmp = org.cellwright.lang.files.FileTrees.hiddenSibling(groupFolder.resolve(RunFiles.LATEST));
		try {
			Files.deleteIfExists(tmp);
			Files.createSymbolicLink(tmp, Path.of(id));
			Atomic.move(tmp, groupFolder.resolve(RunFiles.LATEST));
		} catch (UnsupportedOperationException | IOException e) {
			Files.deleteIfExists(tmp); // no symbolic links here: latest.txt says it
		}
	}

	/**
	 * The run folders a path stands for: a run folder; an experiment folder (its latest run); a sweep's folder or run
	 * (the runs of its latest run, or of that run); a results folder (the latest run of each experiment and sweep in it).
	 */
	public static List<Path> runFolders(Path p) {
		List<Path> out = new ArrayList<>();
		collect(p.toAbsolutePath().normalize(), out, 0);
		return out;
	}

	private static void collect(Path p, List<Path> out, int depth) {
		if (depth > 4 || !Files.isDirectory(p)) return;
		if (Files.isRegularFile(p.resolve(RunFiles.SUMMARY)) || Files.isRegularFile(p.resolve(RunFiles.TIMESERIES))) {
			out.add(p);
			return;
		}
		Path latest = latest(p);
		if (latest != null) {
			collect(latest, out, depth + 1);
			return;
		}
		try (Stream<Path> s = Files.list(p)) {
			for (Path c : s.filter(Files::isDirectory).filter(c -> !c.getFileName().toString().startsWith("."))
					.filter(c -> !c.getFileName().toString().equals(RunFiles.LATEST)).sorted(Comparator.comparing(Path::toString)).toList())
				collect(c, out, depth + 1);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The extension of the files whose runs are kept, kept in a history's key below the project's top folder. */
	static final String CELL = ".cell";

	/**
	 * The key of a {@code .cell} file's run history, the folder below {@code results/} its runs are kept in: for a file
	 * in the project's top folder its name without {@code .cell} ({@code results/t/}, as every history was named before
	 * session 21); for a file in a folder of the project its path relative to the project, {@code .cell} kept
	 * ({@code results/a/t.cell/}), so that {@code a/t.cell} and {@code b/t.cell} have a history each and a key never
	 * meets a top-level history's experiment folder ({@code results/a/t/} is "a.cell, experiment t"; experiment and
	 * sweep names have no dots). A file outside the project is keyed by its name. The project is the folder holding
	 * {@code results/}: the workspace project in the IDE, the working folder of {@code ./cellwright run}. The inverse
	 * is {@link #historyOf}.
	 */
	public static String historyKey(Path projectRoot, Path cellFile) {
		Path root = projectRoot.toAbsolutePath().normalize(), file = cellFile.toAbsolutePath().normalize();
		String fileName = file.getFileName().toString(), name = fileName.endsWith(CELL) ? fileName.substring(0, fileName.length() - CELL.length()) : fileName;
		if (!file.startsWith(root) || root.equals(file.getParent()) || !fileName.endsWith(CELL)) return name;
		StringBuilder key = new StringBuilder();
		for (Path part : root.relativize(file)) key.append(key.isEmpty() ? "" : "/").append(part);
		return key.toString();
	}

	/** A history: its results folder (below the project) and its key there ({@link #historyKey}). */
	public record History(Path results, String key) {
		/** {@code results/<key>/}. */
		public Path folder() { return results.resolve(key); }

		/** The folder holding {@code results/}. */
		public Path project() { return results.getParent(); }

		/** True for a file in a folder of the project ({@code a/t.cell}), false for one keyed by its name ({@code t}). */
		public boolean inFolder() { return key.endsWith(CELL); }

		/** The file whose runs it keeps, relative to the project: {@code <key>} in a folder, {@code <key>.cell} at the top. */
		public String file() { return inFolder() ? key : key + CELL; }

		/** The file whose runs it keeps: {@code <project>/}{@link #file()}. */
		public Path cellFile() { return project().resolve(file()); }
	}

	/**
	 * The history a folder lies in (a run's, an experiment's, the history's own), the inverse of {@link #historyKey}:
	 * the nearest folder named {@code <name>.cell} with a {@code results} folder above it (a file in a folder of its
	 * project: that results folder is the one whose project holds the file, else the nearest), else the folder right
	 * below a {@code results} folder; null when there is none.
	 */
	public static History historyOf(Path folder) {
		if (folder == null) return null;
		for (Path q = folder.toAbsolutePath().normalize(); q != null && q.getFileName() != null; q = q.getParent()) {
			Path parent = q.getParent();
			if (q.getFileName().toString().endsWith(CELL) && (parent == null || !isResults(parent))) {
				Path nearest = null;
				for (Path r = parent; r != null && r.getParent() != null; r = r.getParent()) {
					if (!isResults(r)) continue;
					if (nearest == null) nearest = r;
					if (Files.isRegularFile(r.getParent().resolve(r.relativize(q)))) return history(r, q);
				}
				if (nearest != null) return history(nearest, q);
			}
			if (parent != null && parent.getParent() != null && isResults(parent)) return history(parent, q);
		}
		return null;
	}

	private static boolean isResults(Path p) {
		return p.getFileName() != null && RunFiles.RESULTS.equals(p.getFileName().toString());
	}

	private static History history(Path results, Path folder) {
		return new History(results, results.relativize(folder).toString().replace('\\', '/'));
	}

	/** How deep below {@code results/} a history of a file in folders of folders is looked for. */
	private static final int HISTORY_DEPTH = 12;

	/**
	 * The history folders of a results folder: every folder right in it (files at the top of the project, and fits
	 * kept without runs.csv) but those holding nothing but histories below them, and every folder below it named
	 * {@code <name>.cell} (files in folders of the project); hidden folders and runs' folders are not entered. Sorted
	 * by path.
	 */
	public static List<Path> histories(Path results) {
		Path root = results.toAbsolutePath().normalize();
		List<Path> out = new ArrayList<>();
		if (!Files.isDirectory(root)) return out;
		try {
			Files.walkFileTree(root, java.util.Set.of(), HISTORY_DEPTH, new java.nio.file.SimpleFileVisitor<>() {
				@Override
				public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
					if (dir.equals(root)) return java.nio.file.FileVisitResult.CONTINUE;
					String n = dir.getFileName().toString();
					if (n.startsWith(".") || timeOf(n) != null) return java.nio.file.FileVisitResult.SKIP_SUBTREE;
					if (n.endsWith(CELL) && !dir.getParent().equals(root)) {
						out.add(dir);
						return java.nio.file.FileVisitResult.SKIP_SUBTREE;
					}
					if (dir.getParent().equals(root) && !onlyHistories(dir)) out.add(dir);
					return java.nio.file.FileVisitResult.CONTINUE;
				}

				@Override
				public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
					return java.nio.file.FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		out.sort(Comparator.comparing(Path::toString));
		return out;
	}

	/** True for a folder that holds nothing but histories of files in a folder ({@code results/a/} of {@code a/t.cell}). */
	private static boolean onlyHistories(Path dir) {
		try (Stream<Path> s = Files.list(dir)) {
			return s.allMatch(c -> Files.isDirectory(c, java.nio.file.LinkOption.NOFOLLOW_LINKS) && c.getFileName().toString().endsWith(CELL));
		} catch (IOException e) {
			return false;
		}
	}

	/**
	 * The run store of a {@code .cell} file in the results folder {@code results} ({@code results/<key>/},
	 * {@link #historyKey} against the folder holding it). For a file in a folder of the project, its runs kept before
	 * under its name alone ({@code results/t/}, shared by every file of the name) come over first, nothing lost: the
	 * whole folder moves when every run in it ran this file ({@link #moveHistory}); else the runs of this file move,
	 * each with its runs.csv rows, and {@code latest} of both sides names their newest run; the runs of other files, and
	 * those naming no file (or a file gone), stay. Where a run of the old folder is being written, or the file system
	 * refuses, nothing moves (the old runs stay where they are) and the new runs start their own history. The runs found
	 * to be another file's are remembered in the file's history ({@link RunFiles#JUDGED}) and not read again: the old
	 * folder may be a top-level {@code t.cell}'s own history, whose every run's summary was read on every run of
	 * {@code a/t.cell} (session 22); a run that appears there later (an older CellWright's) is read, once.
	 */
	public static RunStore forFile(Path results, Path cellFile) {
		Path r = results.toAbsolutePath().normalize(), file = cellFile.toAbsolutePath().normalize();
		History h = new History(r, historyKey(r.getParent(), file));
		if (h.inFolder()) {
			String name = file.getFileName().toString();
			Path old = r.resolve(name.substring(0, name.length() - CELL.length()));
			if (Files.isDirectory(old) && !Files.isSymbolicLink(old)) {
				try {
					takeOver(old, h, file);
				} catch (RunStoreException | UncheckedIOException e) {
					// the old runs stay where they are, nothing lost; the file's runs start their own history
				}
			}
		}
		return new RunStore(h.folder());
	}

	/** Moves the runs of {@code file} kept in the shared history {@code old} to {@code target} (see {@link #forFile}). */
	private static void takeOver(Path old, History h, Path file) {
		Path target = h.folder(), judgedFile = target.resolve(RunFiles.JUDGED);
		java.util.Map<String, String> judged = judged(judgedFile), others = new java.util.TreeMap<>();
		List<Path> runs = new ArrayList<>(), mine = new ArrayList<>();
		try (Stream<Path> groups = Files.list(old)) {
			for (Path g : groups.filter(Files::isDirectory).filter(d -> !Files.isSymbolicLink(d) && !d.getFileName().toString().startsWith(".")).sorted().toList())
				try (Stream<Path> ids = Files.list(g)) {
					for (Path run : ids.filter(d -> Files.isDirectory(d) && !Files.isSymbolicLink(d) && timeOf(d.getFileName().toString()) != null
							&& Names.problem(d.getFileName().toString()) == null).sorted().toList()) {
						runs.add(run);
						String name = old.getFileName() + "/" + g.getFileName() + "/" + run.getFileName();
						String before = judged.get(name);
						if (before != null && !before.equals(file.toString())) continue; // another file's, read before
						Path ran = ranFile(run, h.project());
						if (file.equals(ran)) mine.add(run);
						else if (ran != null) others.put(name, ran.toString()); // another's (one not read is read again)
					}
				}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!others.isEmpty()) remember(judgedFile, judged, others);
		if (mine.isEmpty()) return;
		if (mine.size() == runs.size() && !Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			moveHistory(h.results(), old.getFileName().toString(), h.key());
			return;
		}
		try (Locks locks = Locks.of(old, "the runs of " + file.getFileName() + " stay in " + old)) {
			java.util.Set<String> moved = new java.util.HashSet<>();
			java.util.Set<Path> groups = new java.util.LinkedHashSet<>();
			for (Path run : mine) {
				String group = run.getParent().getFileName().toString(), id = run.getFileName().toString();
				Path to = target.resolve(group).resolve(id);
				if (Files.exists(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue; // kept where it is, nothing overwritten
				Files.createDirectories(to.getParent());
				Files.move(run, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
				moved.add(group + "/" + id);
				groups.add(run.getParent());
				groups.add(to.getParent());
			}
			if (moved.isEmpty()) return;
			List<RunIndex.Row> rows = new ArrayList<>();
			new RunIndex(old).update(all -> {
				List<RunIndex.Row> kept = new ArrayList<>();
				for (RunIndex.Row row : all) (moved.contains(row.group() + "/" + row.id()) ? rows : kept).add(row);
				return kept;
			});
			new RunIndex(target).update(all -> {
				List<RunIndex.Row> merged = new ArrayList<>(rows);
				// the moved runs are in place here already: read from their folders too (RunIndex.rows), kept once
				java.util.Set<String> folders = new java.util.HashSet<>();
				for (RunIndex.Row r : rows) folders.add(r.folder());
				for (RunIndex.Row r : all) if (!folders.contains(r.folder())) merged.add(r);
				merged.sort(Comparator.comparing(RunIndex.Row::time)); // the order the runs ended in, as runs.csv keeps them
				return merged;
			});
			for (Path g : groups) pointLatestAtNewest(g);
		} catch (IOException e) {
			throw new RunStoreException("cannot move the runs of " + file + " out of " + old + ": " + e.getMessage(), e);
		}
	}

	/**
	 * The old runs a history's file found to be other files' ({@link RunFiles#JUDGED}: {@code <old key>/<experiment>/<run
	 * id>} and the file it ran, tab-separated, a line each), by run; none without the file.
	 */
	private static java.util.Map<String, String> judged(Path file) {
		java.util.Map<String, String> out = new java.util.TreeMap<>();
		try {
			if (Files.isRegularFile(file))
				for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
					int tab = line.indexOf('\t');
					if (tab > 0) out.put(line.substring(0, tab), line.substring(tab + 1));
				}
		} catch (IOException e) {
			out.clear(); // read again: nothing lost
		}
		return out;
	}

	/**
	 * Adds runs to {@link RunFiles#JUDGED} (the history's folder made: its run is written there next), written whole and
	 * moved over it ({@link Atomic#writeString}: a hidden sibling made as any new file of the folder is, so it has the
	 * run folder's permissions; Files.createTempFile's was rw-------, session 28); where the file system refuses, they are
	 * read again next time, nothing lost.
	 */
	private static void remember(Path file, java.util.Map<String, String> judged, java.util.Map<String, String> more) {
		java.util.Map<String, String> all = new java.util.TreeMap<>(judged);
		all.putAll(more);
		StringBuilder text = new StringBuilder();
		all.forEach((run, ran) -> text.append(run).append('\t').append(ran).append('\n'));
		try {
			Atomic.writeString(file, text.toString());
		} catch (UncheckedIOException e) {
			// not remembered: read again on the next run
		}
	}

	/**
	 * The file a kept run (a run's folder, a sweep's run, a fit's) ran: the source of the first summary.json in it,
	 * absolute (one recorded relative to a working folder: against {@code project}); null when none is recorded.
	 */
	private static Path ranFile(Path run, Path project) {
		try (Stream<Path> s = Files.find(run, 4, (f, a) -> a.isRegularFile() && f.getFileName().toString().equals(RunFiles.SUMMARY))) {
			for (Path summary : s.sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString)).toList()) {
				org.cellwright.run.folder.Summary.Run r = org.cellwright.run.folder.Summary.read(summary).run();
				if (r == null || r.sourceFile() == null) continue;
				Path p = Path.of(r.sourceFile());
				return (p.isAbsolute() ? p : project.resolve(p)).normalize();
			}
		} catch (IOException | RuntimeException e) {
			return null;
		}
		return null;
	}

	/**
	 * Moves the run history of a {@code .cell} file renamed (or moved within its project) from {@code from} to
	 * {@code to} (history keys, {@link #historyKey}: a file's name without {@code .cell}, or its path in a folder,
	 * {@code a/t.cell}): {@code results/<from>/} becomes {@code results/<to>/}, whole (every experiment's and sweep's runs,
	 * runs.csv, the latest links: all relative inside it, and each run names its source relative to its own folder), so
	 * the renamed file's runs continue its history. Nothing is deleted or overwritten: where {@code results/<to>/}
	 * exists already (the new name has runs of its own), or a run of the file is being written (an experiment's lock is
	 * held), nothing moves and the RunStoreException says why; the runs stay where they are.
	 *
	 * @return the history's new folder, or null when the old name has none
	 * @throws IllegalArgumentException for a key that is no history's (a separator in a name, {@code ..})
	 * @throws RunStoreException when the history cannot move (see above, or the file system refuses)
	 */
	public static Path moveHistory(Path results, String from, String to) {
		return moveHistory(results, from, results, to);
	}

	/**
	 * Moves the run history of a {@code .cell} file moved into another project (another results folder), as
	 * {@link #moveHistory(Path, String, String)} within one: {@code fromResults/<from>/} becomes
	 * {@code toResults/<to>/} (that results folder made when missing), with the same refusals (nothing overwritten, a
	 * run being written keeps every run where it is; a move across file systems is refused, not copied).
	 */
	public static Path moveHistory(Path fromResults, String from, Path toResults, String to) {
		Path source = child(fromResults.toAbsolutePath().normalize(), from), target = child(toResults.toAbsolutePath().normalize(), to);
		if (!Files.isDirectory(source) || source.equals(target)) return null;
		if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS))
			throw new RunStoreException(target + " exists already (runs of another file named " + to + "): the runs of " + from
					+ " stay in " + source);
		try (Locks locks = Locks.of(source, "the runs of " + from + " stay in " + source + " (rename or move the file again when it has ended)")) {
			Files.createDirectories(target.getParent());
			return Files.move(source, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			throw new RunStoreException("cannot move " + source + " to " + target + ": " + e.getMessage(), e);
		}
	}

	/** The locks of every experiment (and sweep) of a history, held while its runs move; refused while a run is written. */
	private static final class Locks implements AutoCloseable {
		private final List<FileLock> locks = new ArrayList<>();
		private final List<FileChannel> channels = new ArrayList<>();

		static Locks of(Path history, String stay) throws IOException {
			Locks l = new Locks();
			try (Stream<Path> groups = Files.list(history)) {
				for (Path lockFile : groups.map(g -> g.resolve(RunFiles.LOCK)).filter(Files::isRegularFile).sorted().toList()) {
					FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
					l.channels.add(ch);
					FileLock lock;
					try {
						lock = ch.tryLock();
					} catch (OverlappingFileLockException e) {
						lock = null;
					}
					if (lock == null)
						throw new RunStoreException(lockFile.getParent() + ": a run of " + lockFile.getParent().getFileName()
								+ " is being written there; " + stay);
					l.locks.add(lock);
				}
			} catch (IOException | RuntimeException e) {
				l.close();
				throw e;
			}
			return l;
		}

		@Override
		public void close() {
			for (int k = 0; k < channels.size(); k++) release(k < locks.size() ? locks.get(k) : null, channels.get(k));
		}
	}

	/**
	 * results/key, for a history's key ({@link #historyKey}): a file's name without .cell (one folder's name: any
	 * characters but separators), or a path below the project ending in .cell (folders' names joined by '/').
	 */
	private static Path child(Path results, String key) {
		String[] parts = key == null ? new String[0] : key.split("/", -1);
		boolean ok = parts.length > 0 && (parts.length == 1 || key.endsWith(CELL));
		for (String n : parts) ok &= !n.isEmpty() && !n.equals(".") && !n.equals("..") && !n.contains("\\");
		Path p = ok ? results.resolve(key).normalize() : null;
		if (p == null || !p.startsWith(results) || p.getNameCount() != results.getNameCount() + parts.length)
			throw new IllegalArgumentException("'" + key + "' is no history's folder name");
		return p;
	}

	private static void close(FileChannel ch) {
		if (ch == null) return;
		try {
			ch.close();
		} catch (IOException e) {
			// nothing held
		}
	}

	static void release(FileLock lock, FileChannel ch) {
		try {
			if (lock != null && lock.isValid()) lock.release();
		} catch (IOException e) {
			// closing the channel releases it too
		}
		close(ch);
	}
}
