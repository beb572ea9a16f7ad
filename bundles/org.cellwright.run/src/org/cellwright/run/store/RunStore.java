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
 * The run store of one results folder ({@code results/<file>/}): every run gets a folder of its own that no later run
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
		String base = runId(started, inputsHash), id = base;
		for (int k = 2; Files.exists(groupFolder.resolve(id)) || Files.exists(groupFolder.resolve(hidden(id))); k++) id = base + "-" + k;
		Path tmp = groupFolder.resolve(hidden(id));
		try {
			Files.createDirectories(tmp);
		} catch (IOException e) {
			release(lock, ch);
			throw new RunStoreException("cannot create " + tmp + ": " + e.getMessage(), e);
		}
		return new Slot(this, group, id, groupFolder, tmp, lock, ch);
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
		Path tmp = groupFolder.resolve(".latest.tmp-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().threadId());
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

	/**
	 * Moves the run history of a {@code .cell} file renamed from {@code from} to {@code to} (file names without
	 * {@code .cell}): {@code results/<from>/} becomes {@code results/<to>/}, whole (every experiment's and sweep's runs,
	 * runs.csv, the latest links: all relative inside it, and each run names its source relative to its own folder), so
	 * the renamed file's runs continue its history. Nothing is deleted or overwritten: where {@code results/<to>/}
	 * exists already (the new name has runs of its own), or a run of the file is being written (an experiment's lock is
	 * held), nothing moves and the RunStoreException says why; the runs stay where they are.
	 *
	 * @return the history's new folder, or null when the old name has none
	 * @throws IllegalArgumentException for a name that is no single folder name
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
		List<FileLock> locks = new ArrayList<>();
		List<FileChannel> channels = new ArrayList<>();
		try {
			try (Stream<Path> groups = Files.list(source)) {
				for (Path lockFile : groups.map(g -> g.resolve(RunFiles.LOCK)).filter(Files::isRegularFile).sorted().toList()) {
					FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
					channels.add(ch);
					FileLock lock;
					try {
						lock = ch.tryLock();
					} catch (OverlappingFileLockException e) {
						lock = null;
					}
					if (lock == null)
						throw new RunStoreException(lockFile.getParent() + ": a run of " + lockFile.getParent().getFileName()
								+ " is being written there; the runs of " + from + " stay in " + source + " (rename or move the file again when it has ended)");
					locks.add(lock);
				}
			}
			Files.createDirectories(target.getParent());
			return Files.move(source, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			throw new RunStoreException("cannot move " + source + " to " + target + ": " + e.getMessage(), e);
		} finally {
			for (int k = 0; k < channels.size(); k++) release(k < locks.size() ? locks.get(k) : null, channels.get(k));
		}
	}

	/** results/name, for a name that is one folder's (a file's name without .cell: any characters but separators). */
	private static Path child(Path results, String name) {
		if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\"))
			throw new IllegalArgumentException("'" + name + "' is no folder name");
		Path p = results.resolve(name).normalize();
		if (!results.equals(p.getParent())) throw new IllegalArgumentException("'" + name + "' is no folder name");
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
