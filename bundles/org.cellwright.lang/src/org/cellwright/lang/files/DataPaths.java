package org.cellwright.lang.files;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.cellwright.lang.text.Printable;
import org.eclipse.emf.common.util.URI;

/**
 * Where a data file a {@code .cell} file names (a measurement) lies against the project the {@code .cell} file belongs
 * to: a run is reproducible from the project alone only when its data is inside it. The project is
 * <ul>
 * <li>in the IDE (a {@code platform:/resource/<project>/...} URI) the workspace project;</li>
 * <li>on disk the folder of the nearest {@value #PROJECT_FILE} above the {@code .cell} file (a CellWright project, as
 * File &gt; New &gt; CellWright Project makes it); else the nearest folder holding {@code .git} (a repository
 * checkout, whose examples read {@code ../bench/pybamm/...}); else the {@code .cell} file's own folder tree.</li>
 * </ul>
 * Only the path's text, the folders above the {@code .cell} file and, on disk, where a symbolic link on the path leads
 * are looked at: nothing is read from, or written to, the data file's location.
 */
public final class DataPaths {

	/** The file marking a CellWright project's root (org.cellwright.sharing's ProjectDescriptor.FILE). */
	public static final String PROJECT_FILE = "cellwright-project.json";

	private DataPaths() {}

	/**
	 * Why a data path is not reproducible from the project of the file at {@code cellFile}, or null when it is inside
	 * it: an absolute path (another machine or checkout lacks it), or a relative one that climbs out of the project.
	 */
	public static String outside(URI cellFile, String path) {
		if (path == null || path.isBlank() || cellFile == null) return null;
		String p = path.strip();
		if (isAbsolute(p))
			return Printable.quoted(path) + " is an absolute path: a run reads it from outside the project and is not reproducible from"
					+ " the project alone (copy the file into the project and write its path relative to this .cell file)";
		if (cellFile.isPlatformResource()) {
			// segments: resource, <project>, folders..., file
			int depth = cellFile.segmentCount() - 3; // folders between the project and the file
			int at = depth;
			for (String s : p.replace('\\', '/').split("/")) {
				if (s.isEmpty() || s.equals(".")) continue;
				at += s.equals("..") ? -1 : 1;
				if (at < 0)
					return escapes(path, "project " + cellFile.segment(1));
			}
			// where the workspace keeps the project on disk: a link in it to a file outside it, as on disk (it passed in the
			// IDE, warned on the command line: input25)
			Path project = onDisk(cellFile.trimSegments(cellFile.segmentCount() - 2).appendSegment("")), file = onDisk(cellFile);
			if (project == null || file == null || file.getParent() == null) return null;
			try {
				return linkedOutside(path, file.getParent().resolve(p.replace('\\', '/')).normalize(), project, "project " + cellFile.segment(1));
			} catch (InvalidPathException e) {
				return null;
			}
		}
		if (!cellFile.isFile()) return null;
		Path folder, data;
		try {
			folder = Path.of(cellFile.toFileString()).toAbsolutePath().normalize().getParent();
			data = folder.resolve(p.replace('\\', '/')).normalize();
		} catch (InvalidPathException e) {
			return null; // not a path this system can name: the file-exists check reports it
		}
		Path root = projectRoot(folder);
		String where = root.equals(folder) ? "the .cell file's folder " + folder : "the project " + root;
		if (!data.startsWith(root)) return escapes(path, where);
		return linkedOutside(path, data, root, where);
	}

	/**
	 * Where a workspace resource ({@code platform:/resource/...}) lies on disk: through EMF's platform resource map (a
	 * project mapped to a folder, as outside Eclipse), else the workspace (in the IDE); null when neither knows it.
	 */
	private static Path onDisk(URI resource) {
		try {
			URI u = org.eclipse.emf.ecore.plugin.EcorePlugin.resolvePlatformResourcePath(resource.toPlatformString(false));
			if (u == null) u = org.eclipse.emf.common.CommonPlugin.resolve(resource);
			return u != null && u.isFile() ? Path.of(u.toFileString()).toAbsolutePath().normalize() : null;
		} catch (RuntimeException e) {
			return null; // not resolvable here: the path's text alone was judged
		}
	}

	/**
	 * Why {@code data} (the data path as written: {@code path}), a path inside the project {@code root}, is not
	 * reproducible from it: a symbolic link on it leads outside the project; null when it does not (or no such file).
	 */
	private static String linkedOutside(String path, Path data, Path root, String where) {
		// a symbolic link inside the project to a file outside it: the same (input25: it passed without a word)
		try {
			Path real = data.toRealPath();
			if (!real.startsWith(root.toRealPath()))
				return Printable.quoted(path) + " is a link to " + Printable.quoted(real.toString()) + ", outside " + where
						+ ": a run reads it from there and is not reproducible from the project alone (copy the file into the project instead)";
		} catch (java.io.IOException | SecurityException e) {
			// no such file (the file-exists check reports it), or not to be followed
		}
		return null;
	}

	private static String escapes(String path, String where) {
		return Printable.quoted(path) + " lies outside " + where + ": a run reads it from there and is not reproducible from the"
				+ " project alone (copy the file into the project, beside this .cell file)";
	}

	/**
	 * "/data/x.csv", "C:\data\x.csv", "C:/x", "\\server\share\x.csv": absolute on some system. ("~/x.csv" is not:
	 * nothing expands it, it names a folder "~" beside the .cell file.)
	 */
	static boolean isAbsolute(String p) {
		return p.startsWith("/") || p.startsWith("\\") || p.matches("(?s)[A-Za-z]:[\\\\/].*");
	}

	/**
	 * The project a folder belongs to on disk: the nearest folder at or above it with {@value #PROJECT_FILE}, else
	 * with {@code .git}, else the folder itself.
	 */
	public static Path projectRoot(Path folder) {
		for (Path f = folder; f != null; f = f.getParent())
			if (Files.isRegularFile(f.resolve(PROJECT_FILE))) return f;
		for (Path f = folder; f != null; f = f.getParent())
			if (Files.exists(f.resolve(".git"))) return f;
		return folder;
	}
}
