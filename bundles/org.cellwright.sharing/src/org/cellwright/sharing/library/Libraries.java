package org.cellwright.sharing.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
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

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.CellWrightChecker.Severity;
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

	/**
	 * Validates the library in {@code dir} on its own (only with the dependencies it declares, resolved on the path),
	 * records its packages and the dependency versions, and writes {@code NAME-VERSION.zip} into {@code outDir}.
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
			Path archive = outDir.resolve(d.name() + "-" + d.version() + ".zip");
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

	/**
	 * Installs an archive into {@code home/NAME/VERSION}. Refuses unsafe entries, archives that do not validate and
	 * versions already installed (unless {@code replace}); in every refusal nothing in {@code home} changes.
	 */
	public static Outcome install(Path archive, Path home, LibraryPath path, CellWrightChecker checker, boolean replace) throws LibraryException {
		if (!Files.isRegularFile(archive))
			throw new LibraryException(archive + ": no such file");
		List<ZipSafety.Entry> entries = ZipSafety.check(archive);
		Path tmp = null;
		try {
			Files.createDirectories(home);
			tmp = Files.createTempDirectory(home, ".install-");
			try (ZipFile zf = new ZipFile(archive.toFile(), StandardCharsets.UTF_8)) {
				long total = 0;
				for (ZipSafety.Entry e : entries) {
					Path to = tmp.resolve(e.name()).normalize();
					if (!to.startsWith(tmp))
						throw new LibraryException(archive + ": refused: entry '" + e.name() + "' would land outside the library folder");
					if (e.directory()) {
						Files.createDirectories(to);
						continue;
					}
					ZipEntry ze = zf.getEntry(e.name());
					if (ze == null)
						throw new LibraryException(archive + ": damaged: entry '" + e.name() + "' not found");
					Files.createDirectories(to.getParent());
					try (InputStream in = zf.getInputStream(ze); OutputStream out = Files.newOutputStream(to)) {
						byte[] buf = new byte[65536];
						for (int n; (n = in.read(buf)) > 0;) {
							total += n;
							if (total > ZipSafety.MAX_BYTES)
								throw new LibraryException(archive + ": refused: more than " + ZipSafety.MAX_BYTES / (1024 * 1024) + " MB uncompressed");
							out.write(buf, 0, n);
						}
					}
				}
			}
			LibraryDescriptor d;
			try {
				d = LibraryDescriptor.read(tmp);
			} catch (LibraryException e) {
				throw new LibraryException(archive + ": refused: " + e.getMessage().replace(tmp.toString(), "archive"));
			}
			Library lib = new Library(d, tmp);
			if (lib.cellFiles().isEmpty())
				throw new LibraryException(archive + ": refused: library " + d.id() + " has no .cell files");
			CheckResult cr;
			try {
				cr = validate(lib, path, checker, d.id() + " (" + archive.getFileName() + ")");
			} catch (LibraryException e) {
				throw new LibraryException(archive + ": refused: " + e.getMessage().replace(tmp.toString() + "/", ""));
			}
			Path target = home.resolve(d.name()).resolve(d.version().toString());
			Files.createDirectories(target.getParent());
			Path old = null;
			if (Files.exists(target)) {
				if (!replace)
					throw new LibraryException(archive + ": refused: " + d.id() + " is already installed in " + target
							+ "; remove that folder first or use --replace");
				old = home.resolve(".old-" + d.name() + "-" + d.version() + "-" + System.nanoTime());
				move(target, old);
			}
			try {
				move(tmp, target);
			} catch (IOException e) {
				if (old != null)
					move(old, target); // put the old version back
				throw e;
			}
			tmp = null;
			if (old != null)
				deleteTree(old);
			return new Outcome(d, target, cr.warnings());
		} catch (IOException e) {
			throw new LibraryException(archive + ": cannot install into " + home + ": " + e.getMessage(), e);
		} finally {
			if (tmp != null)
				deleteTree(tmp);
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

	static void deleteTree(Path p) {
		if (p == null || !Files.exists(p, LinkOption.NOFOLLOW_LINKS))
			return;
		try {
			Files.walkFileTree(p, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
					Files.delete(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			// best effort: a leftover temporary folder starts with '.', which the library path ignores
		}
	}
}
