package org.cellwright.sharing.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.cellwright.lang.files.FileTrees;
import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.CellWrightChecker.Severity;
import org.cellwright.lang.text.Printable;
import org.cellwright.model.Model;

/**
 * {@code pack} and {@code install}: a library folder to a checked archive, and an archive into the per-user folder,
 * safely (extracted into a temporary folder beside the target, validated, then moved into place in one rename, so a
 * refused archive changes nothing that is installed).
 */
public final class Libraries {

	private Libraries() {
	}

	/** What pack and install did. */
	public record Outcome(LibraryDescriptor descriptor, Path path, List<CheckIssue> warnings) {
	}

	/** The archive {@link #pack} writes of the library {@code d} into {@code outDir}: NAME-VERSION.zip. */
	public static Path archive(LibraryDescriptor d, Path outDir) {
		return outDir.resolve(d.name() + "-" + d.version() + ".zip");
	}

	/**
	 * Validates the library in {@code dir} on its own (only with the dependencies it declares, resolved on the path),
	 * records its packages and the dependency versions, and writes {@code NAME-VERSION.zip} into {@code outDir}
	 * ({@link #archive}), replacing one there: the command line asks first (PackCommand).
	 */
	public static Outcome pack(Path dir, LibraryPath path, Path outDir, CellWrightChecker checker) throws LibraryException {
		LibraryDescriptor d = LibraryDescriptor.read(dir);
		Library self = new Library(d, dir.toAbsolutePath().normalize());
		List<Path> cells = self.cellFiles();
		if (cells.isEmpty())
			throw new LibraryException(dir + ": library " + d.id() + " has no .cell files");
		CheckResult cr = validate(self, path, checker, "library.json of " + d.id());
		Set<String> pkgs = new LinkedHashSet<>(cr.packages());
		Map<String, String> resolved = new LinkedHashMap<>();
		for (Library l : cr.resolution().libraries())
			resolved.put(l.name(), l.version().toString());
		LibraryDescriptor recorded = d.with(List.copyOf(pkgs), resolved);
		try {
			Files.createDirectories(outDir);
			Path archive = archive(d, outDir);
			Path tmp = Files.createTempFile(outDir, ".pack-", ".zip");
			try {
				try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tmp))) {
					z.putNextEntry(new ZipEntry(LibraryDescriptor.FILE));
					z.write(recorded.toJson().getBytes(StandardCharsets.UTF_8));
					z.closeEntry();
					List<Path> files = new ArrayList<>(cells);
					try (Stream<Path> s = Files.list(self.dir())) {
						s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && ZipSafety.allowed(f.getFileName().toString())
								&& !f.getFileName().toString().equals(LibraryDescriptor.FILE) && !f.toString().endsWith(".cell")).sorted()
								.forEach(files::add);
					}
					for (Path f : files) {
						if (Files.isSymbolicLink(f))
							throw new LibraryException(f + ": symbolic links are not packed; copy the file into the library");
						String rel = self.dir().relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
						z.putNextEntry(new ZipEntry(rel));
						Files.copy(f, z);
						z.closeEntry();
					}
				}
				Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} finally {
				Files.deleteIfExists(tmp);
			}
			return new Outcome(recorded, archive, cr.warnings());
		} catch (IOException e) {
			throw new LibraryException("cannot write the archive of " + d.id() + " into " + outDir + ": " + e.getMessage(), e);
		}
	}

	/** Prefix of the work folders of installs in progress (and their lock files, with {@code .lock} added). */
	public static final String WORK_PREFIX = ".install-";
	/** A work folder without a lock file (left by an older CellWright) is removed when it is older than this. */
	static final long UNLOCKED_LEFTOVER_MILLIS = 60L * 60 * 1000;

	/**
	 * Installs an archive into {@code home/NAME/VERSION}. Refuses unsafe entries, archives that do not validate and
	 * versions already installed (unless {@code replace}; {@code 1.0} and {@code 1.0.0} are the same version); in every
	 * refusal nothing in {@code home} changes.
	 *
	 * <p>
	 * The archive is extracted into a work folder {@code home/.install-ID/new}, locked by the file
	 * {@code home/.install-ID.lock} for as long as the install runs. With {@code replace} the old version is moved to
	 * {@code .install-ID/old} (and its place recorded in {@code .install-ID/target}) before the new one is moved in.
	 * An install that was killed leaves its work folder behind with its lock released: the next install removes it,
	 * after moving an old version that was moved aside but not yet replaced back into its place.
	 */
	public static Outcome install(Path archive, Path home, LibraryPath path, CellWrightChecker checker, boolean replace) throws LibraryException {
		String shownArchive = Printable.escape(archive.toString());
		if (!Files.isRegularFile(archive))
			throw new LibraryException(shownArchive + ": no such file");
		List<ZipSafety.Entry> entries = ZipSafety.check(archive);
		home = home.toAbsolutePath().normalize();
		try {
			Files.createDirectories(home);
		} catch (IOException e) {
			throw new LibraryException(shownArchive + ": cannot install into " + home + ": " + e.getMessage(), e);
		}
		cleanLeftovers(home);
		try (WorkFolder work = WorkFolder.create(home)) {
			Path tmp = work.dir().resolve("new");
			Files.createDirectory(tmp);
			try (ZipFile zf = new ZipFile(archive.toFile(), StandardCharsets.UTF_8)) {
				long total = 0;
				for (ZipSafety.Entry e : entries) {
					Path to = confined(tmp, e.path(), shownArchive + ": refused: entry " + ZipSafety.shown(e.name()));
					if (e.directory()) {
						Files.createDirectories(to);
						continue;
					}
					ZipEntry ze = zf.getEntry(e.name());
					if (ze == null)
						throw new LibraryException(shownArchive + ": damaged: entry " + ZipSafety.shown(e.name()) + " not found");
					Files.createDirectories(to.getParent());
					try (InputStream in = zf.getInputStream(ze); OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
						byte[] buf = new byte[65536];
						for (int n; (n = in.read(buf)) > 0;) {
							total += n;
							if (total > ZipSafety.MAX_BYTES)
								throw new LibraryException(shownArchive + ": refused: more than " + ZipSafety.MAX_BYTES / (1024 * 1024) + " MB uncompressed");
							out.write(buf, 0, n);
						}
					}
				}
			} catch (java.util.zip.ZipException e) {
				throw new LibraryException(shownArchive + ": refused: damaged archive: " + e.getMessage(), e);
			}
			LibraryDescriptor d;
			try {
				d = LibraryDescriptor.read(tmp);
			} catch (LibraryException e) {
				throw new LibraryException(shownArchive + ": refused: " + e.getMessage().replace(tmp.toString(), "archive"));
			}
			Library lib = new Library(d, tmp);
			if (lib.cellFiles().isEmpty())
				throw new LibraryException(shownArchive + ": refused: library " + d.id() + " has no .cell files");
			CheckResult cr;
			try {
				cr = validate(lib, path, checker, d.id() + " (" + Printable.escape(archive.getFileName().toString()) + ")");
			} catch (LibraryException e) {
				throw new LibraryException(shownArchive + ": refused: " + e.getMessage().replace(tmp.toString() + "/", ""));
			}
			// name and version are validated by the descriptor; the target stays two levels below home all the same
			Path target = confined(home, d.name() + "/" + d.version(), shownArchive + ": refused: library " + d.id());
			if (!target.getParent().getParent().equals(home))
				throw new LibraryException(shownArchive + ": refused: library " + d.id() + " would not be installed in " + home);
			Files.createDirectories(target.getParent());
			List<Path> same = installedVersions(target.getParent(), d.version());
			if (!same.isEmpty() && !replace)
				throw new LibraryException(shownArchive + ": refused: " + d.id() + " is already installed in " + same.get(0)
						+ (same.get(0).getFileName().toString().equals(d.version().toString()) ? "" : " (the same version, written differently)")
						+ "; remove that folder first or use --replace");
			Path old = null;
			if (!same.isEmpty()) {
				// record where the old version belongs before moving it aside, so a killed install can put it back
				Files.writeString(work.dir().resolve("target"), home.relativize(same.get(0)).toString(), StandardCharsets.UTF_8);
				old = work.dir().resolve("old");
				move(same.get(0), old);
			}
			try {
				move(tmp, target);
			} catch (IOException e) {
				if (old != null)
					move(old, same.get(0)); // put the old version back
				throw e;
			}
			Files.deleteIfExists(work.dir().resolve("target"));
			// the same version in further spellings goes too (deleted with the work folder)
			for (Path other : same.subList(Math.min(1, same.size()), same.size()))
				move(other, Files.createDirectories(work.dir().resolve("older")).resolve(other.getFileName()));
			return new Outcome(d, target, cr.warnings());
		} catch (IOException e) {
			throw new LibraryException(shownArchive + ": cannot install into " + home + ": " + e.getMessage(), e);
		}
	}

	/** {@code root/relative}, normalised; refused unless it lies below {@code root}. */
	static Path confined(Path root, String relative, String what) throws LibraryException {
		Path to = root.resolve(relative).normalize();
		if (!to.startsWith(root) || to.equals(root))
			throw new LibraryException(what + " would land outside " + root);
		return to;
	}

	/** The folders in {@code nameDir} that hold the given version, however it is written ({@code 1.0}, {@code 1.0.0}). */
	static List<Path> installedVersions(Path nameDir, Version version) throws IOException {
		List<Path> out = new ArrayList<>();
		if (!Files.isDirectory(nameDir))
			return out;
		try (Stream<Path> s = Files.list(nameDir)) {
			for (Path p : s.sorted().toList()) {
				String n = p.getFileName().toString();
				if (n.startsWith(".") || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(p))
					continue;
				try {
					if (Version.parse(n).equals(version)) {
						if (n.equals(version.toString()))
							out.add(0, p);
						else
							out.add(p);
					}
				} catch (IllegalArgumentException e) {
					// not a version folder
				}
			}
		}
		return out;
	}

	/**
	 * The work folder of one install: {@code home/.install-ID}, locked through {@code home/.install-ID.lock} (an OS
	 * file lock, released by the system when the process ends, however it ends). Closing it deletes both.
	 */
	record WorkFolder(Path dir, Path lockFile, FileChannel channel, FileLock lock) implements AutoCloseable {

		static WorkFolder create(Path home) throws IOException {
			for (int attempt = 0;; attempt++) {
				String id = ProcessHandle.current().pid() + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36);
				Path lockFile = home.resolve(WORK_PREFIX + id + ".lock");
				FileChannel ch;
				try {
					ch = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				} catch (java.nio.file.FileAlreadyExistsException e) {
					if (attempt < 10)
						continue;
					throw e;
				}
				try {
					FileLock lock = ch.lock();
					Path dir = home.resolve(WORK_PREFIX + id);
					ACTIVE.add(dir);
					Files.createDirectory(dir);
					return new WorkFolder(dir, lockFile, ch, lock);
				} catch (IOException | RuntimeException e) {
					ACTIVE.remove(home.resolve(WORK_PREFIX + id));
					ch.close();
					Files.deleteIfExists(lockFile);
					throw e;
				}
			}
		}

		@Override
		public void close() {
			FileTrees.deleteTreeQuietly(dir);
			try {
				lock.release();
			} catch (IOException e) {
				// closing the channel releases it too
			}
			try {
				channel.close();
				Files.deleteIfExists(lockFile);
			} catch (IOException e) {
				// an unlocked lock file is a leftover the next install removes
			}
			ACTIVE.remove(dir);
		}
	}

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
	/**
	 * The work folders of installs running in this process. Their lock files are never opened by the clean-up: closing
	 * any channel of a file releases all of this process's locks on it (POSIX), so probing them would unlock them.
	 */
	private static final Set<Path> ACTIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * Removes what installs that were killed left in {@code home}: work folders {@code .install-*} whose lock file is
	 * no longer locked (or, without a lock file, that were left by an older CellWright more than an hour ago), their
	 * lock files, and the {@code .old-*} folders of older CellWright versions. An old version that such an install had
	 * moved aside and not yet replaced is first moved back to its place. Folders of installs still running (locked,
	 * in this process or another) are left alone. Best effort: what cannot be removed now is tried again next time.
	 */
	public static List<Path> cleanLeftovers(Path home) {
		List<Path> removed = new ArrayList<>();
		List<Path> children;
		try (Stream<Path> s = Files.list(home)) {
			children = s.filter(p -> p.getFileName().toString().startsWith(WORK_PREFIX) || p.getFileName().toString().startsWith(".old-"))
					.sorted().toList();
		} catch (IOException e) {
			return removed;
		}
		for (Path p : children) {
			String n = p.getFileName().toString();
			if (Files.isSymbolicLink(p))
				continue; // not ours
			try {
				if (n.startsWith(".old-")) {
					// an older CellWright's replaced version, kept aside during --replace: only after an hour
					if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && olderThan(p, UNLOCKED_LEFTOVER_MILLIS)) {
						FileTrees.deleteTreeQuietly(p);
						removed.add(p);
					}
					continue;
				}
				if (n.endsWith(".lock")) {
					Path dir = p.resolveSibling(n.substring(0, n.length() - ".lock".length()));
					if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) || ACTIVE.contains(dir))
						continue; // handled with its folder, or being created
					// a lock file alone: its install was killed before creating its folder, or is creating it now
					if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && olderThan(p, 60_000) && unlocked(p)) {
						Files.deleteIfExists(p);
						removed.add(p);
					}
					continue;
				}
				if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || ACTIVE.contains(p))
					continue;
				Path lockFile = p.resolveSibling(n + ".lock");
				if (Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
					try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
						FileLock l;
						try {
							l = ch.tryLock();
						} catch (OverlappingFileLockException e) {
							continue; // an install of this process is running
						}
						if (l == null)
							continue; // an install of another process is running
						try {
							restore(home, p);
							FileTrees.deleteTreeQuietly(p);
							removed.add(p);
						} finally {
							l.release();
						}
					}
					Files.deleteIfExists(lockFile);
				} else if (olderThan(p, UNLOCKED_LEFTOVER_MILLIS)) {
					restore(home, p);
					FileTrees.deleteTreeQuietly(p);
					removed.add(p);
				}
			} catch (IOException e) {
				// tried again by the next install
			}
		}
		return removed;
	}

	private static boolean unlocked(Path lockFile) throws IOException {
		try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock l = ch.tryLock();
			if (l == null)
				return false;
			l.release();
			return true;
		} catch (OverlappingFileLockException e) {
			return false;
		}
	}

	private static boolean olderThan(Path p, long millis) throws IOException {
		return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < System.currentTimeMillis() - millis;
	}

	/** Moves the old version of a killed {@code --replace} back into its place if nothing took that place since. */
	private static void restore(Path home, Path work) throws IOException {
		Path old = work.resolve("old"), record = work.resolve("target");
		if (!Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS))
			return;
		String rel = Files.readString(record, StandardCharsets.UTF_8).trim();
		Path target;
		try {
			target = confined(home, rel, "recorded place");
		} catch (LibraryException e) {
			return;
		}
		if (target.getParent().getParent().equals(home) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			Files.createDirectories(target.getParent());
			move(old, target);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to);
		}
	}

	record CheckResult(Resolution resolution, List<String> packages, List<CheckIssue> warnings) {
	}

	/** Checks a library with only its declared dependencies; throws with the errors. */
	static CheckResult validate(Library lib, LibraryPath path, CellWrightChecker checker, String requiredBy) throws LibraryException {
		LibraryDescriptor d = lib.descriptor();
		Resolution res = Resolution.resolve(d.dependencies(), requiredBy, path);
		if (!res.problems().isEmpty())
			throw new LibraryException("library " + d.id() + ": " + res.problems().stream().map(Resolution.Problem::message)
					.collect(Collectors.joining("; ")));
		List<Path> cells = lib.cellFiles();
		LibraryChecker.Outcome o = LibraryChecker.check(checker, cells, res, null, List.of());
		List<CheckIssue> errors = o.result().issues().stream().filter(i -> i.severity() == Severity.ERROR).toList();
		if (!errors.isEmpty())
			throw new LibraryException("library " + d.id() + " does not validate on its own (with only its declared dependencies):\n  "
					+ errors.stream().limit(20).map(CheckIssue::toString).collect(Collectors.joining("\n  ")));
		List<String> pkgs = new ArrayList<>();
		for (Path f : cells) {
			Model m = o.result().model(f);
			if (m != null && m.getName() != null && !pkgs.contains(m.getName()))
				pkgs.add(m.getName());
		}
		return new CheckResult(res, pkgs, o.result().issues().stream().filter(i -> i.severity() != Severity.ERROR).toList());
	}
}
