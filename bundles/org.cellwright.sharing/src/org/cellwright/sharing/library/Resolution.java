package org.cellwright.sharing.library;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The libraries a project (or a library being packed) uses, with their dependencies, resolved against a library
 * path: for each name the newest version in the wanted range. What cannot be resolved is a {@link Problem} naming
 * the library, the range and who asked for it.
 */
public record Resolution(List<Library> libraries, List<Problem> problems) {

	/** A library that is missing or not there in a fitting version. */
	public record Problem(String library, VersionRange range, String requiredBy, List<Version> available, String message) {
	}

	public static Resolution resolve(Map<String, VersionRange> wanted, String requiredBy, LibraryPath path) {
		Map<String, Library> chosen = new LinkedHashMap<>();
		List<Problem> problems = new ArrayList<>();
		record Want(String name, VersionRange range, String by) {
		}
		Deque<Want> todo = new ArrayDeque<>();
		wanted.forEach((n, r) -> todo.add(new Want(n, r, requiredBy)));
		while (!todo.isEmpty()) {
			Want w = todo.poll();
			Library have = chosen.get(w.name);
			if (have != null) {
				if (!w.range.includes(have.version()))
					problems.add(new Problem(w.name, w.range, w.by, List.of(have.version()), "library " + w.name + " " + w.range
							+ " (required by " + w.by + ") conflicts with version " + have.version() + " chosen for another requirement"));
				continue;
			}
			List<Library> versions = path.versions(w.name);
			Library pick = versions.stream().filter(l -> w.range.includes(l.version())).findFirst().orElse(null);
			if (pick == null) {
				List<Version> av = versions.stream().map(Library::version).toList();
				String msg = av.isEmpty()
						? "library " + w.name + " " + w.range + " (required by " + w.by + ") is not installed: not found on the library path "
								+ path.roots() + "; install it with 'cellwright install ARCHIVE' or pass --lib DIR"
						: "library " + w.name + " " + w.range + " (required by " + w.by + ") is not installed in a fitting version: found "
								+ av.stream().map(Version::toString).collect(Collectors.joining(", ")) + " in " + versions.get(0).dir().getParent();
				problems.add(new Problem(w.name, w.range, w.by, av, msg));
				continue;
			}
			chosen.put(w.name, pick);
			pick.descriptor().dependencies().forEach((n, r) -> todo.add(new Want(n, r, pick.descriptor().id())));
		}
		return new Resolution(List.copyOf(chosen.values()), problems);
	}

	/** Every library on the path, newest version of each (no project file). */
	public static Resolution all(LibraryPath path) {
		Map<String, Library> newest = new LinkedHashMap<>();
		for (Library l : path.libraries())
			newest.merge(l.name(), l, (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b);
		return new Resolution(List.copyOf(newest.values()), List.of());
	}
}
