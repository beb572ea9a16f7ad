package org.cellwright.sharing.library;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where libraries are looked up on the command line, in this order: the {@code --lib DIR} folders, the folders of the
 * environment variable {@code CELLWRIGHT_LIBRARY_PATH} (separated by {@code :}), and the per-user folder
 * {@code ~/.cellwright/libraries} (system property {@code cellwright.libraries.home} overrides it). A folder is a
 * library itself (it holds {@code library.json}), or holds libraries one or two levels down ({@code NAME/} or
 * {@code NAME/VERSION/}, the layout {@code cellwright install} writes).
 */
public final class LibraryPath {

	public static final String ENV = "CELLWRIGHT_LIBRARY_PATH";
	public static final String HOME_PROPERTY = "cellwright.libraries.home";

	private final List<Path> roots;
	private List<Library> libraries;
	private final List<String> warnings = new ArrayList<>();

	public LibraryPath(List<Path> roots) {
		this.roots = List.copyOf(roots);
	}

	/** {@code --lib} folders, then the environment variable, then the per-user folder. */
	public static LibraryPath standard(List<Path> libDirs) {
		List<Path> r = new ArrayList<>(libDirs);
		String env = System.getenv(ENV);
		if (env != null)
			for (String s : env.split(File.pathSeparator))
				if (!s.isBlank())
					r.add(Path.of(s.trim()));
		r.add(userFolder());
		return new LibraryPath(r);
	}

	/**
	 * The per-user folder that {@code cellwright install} writes to: {@code $HOME/.cellwright/libraries}. The system
	 * property {@code cellwright.libraries.home} overrides it; without {@code $HOME} (or with a relative one) Java's
	 * {@code user.home} is used. Java itself takes {@code user.home} from the account database, not from {@code $HOME},
	 * so {@code HOME=/somewhere ./cellwright install} would otherwise still install into the account's home.
	 */
	public static Path userFolder() {
		String p = System.getProperty(HOME_PROPERTY);
		if (p != null && !p.isBlank())
			return Path.of(p);
		return home(System.getenv("HOME"), System.getProperty("user.home")).resolve(".cellwright").resolve("libraries");
	}

	/** The home folder: {@code $HOME} when it is an absolute path, else {@code user.home}. */
	public static Path home(String envHome, String userHome) {
		if (envHome != null && !envHome.isBlank()) {
			try {
				Path h = Path.of(envHome);
				if (h.isAbsolute())
					return h.normalize();
			} catch (java.nio.file.InvalidPathException e) {
				// fall back to user.home
			}
		}
		return Path.of(userHome);
	}

	public List<Path> roots() {
		return roots;
	}

	/** Descriptors that could not be read (reported as warnings, the library is then invisible). */
	public List<String> warnings() {
		libraries();
		return warnings;
	}

	/** All libraries on the path; the first of the same name and version wins. */
	public synchronized List<Library> libraries() {
		if (libraries != null)
			return libraries;
		Map<String, Library> found = new LinkedHashMap<>();
		for (Path root : roots) {
			if (!Files.isDirectory(root))
				continue;
			for (Path dir : candidates(root)) {
				try {
					LibraryDescriptor d = LibraryDescriptor.read(dir);
					// 1.0 and 1.0.0 are the same version: the first one found wins
					found.putIfAbsent(d.name() + "@" + d.version().canonical(), new Library(d, dir.toAbsolutePath().normalize()));
				} catch (LibraryException e) {
					warnings.add(e.getMessage());
				} catch (RuntimeException e) {
					warnings.add(dir + ": cannot read " + LibraryDescriptor.FILE + ": " + e);
				}
			}
		}
		libraries = List.copyOf(found.values());
		return libraries;
	}

	/** The versions of a library on the path, newest first. */
	public List<Library> versions(String name) {
		return libraries().stream().filter(l -> l.name().equals(name)).sorted(Comparator.comparing(Library::version).reversed()).toList();
	}

	private static List<Path> candidates(Path root) {
		if (Files.isRegularFile(root.resolve(LibraryDescriptor.FILE)))
			return List.of(root);
		List<Path> out = new ArrayList<>();
		try (Stream<Path> s = Files.walk(root, 2)) {
			s.filter(p -> !p.equals(root) && Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")
					&& !root.relativize(p).toString().startsWith(".") && Files.isRegularFile(p.resolve(LibraryDescriptor.FILE)))
					.sorted().forEach(out::add);
		} catch (IOException e) {
			// an unreadable folder holds no libraries
		}
		return out;
	}

	@Override
	public String toString() {
		return roots.toString();
	}
}
