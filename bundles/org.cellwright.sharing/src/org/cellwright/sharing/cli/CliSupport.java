package org.cellwright.sharing.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.sharing.library.LibraryPath;

/** What every command of the command line shares: paths as the user typed them, the library path, one checker. */
public final class CliSupport {

	private static CellWrightChecker checker;

	private CliSupport() {
	}

	/** The one language checker of the command line (one injector, one grammar access). */
	public static synchronized CellWrightChecker checker() {
		if (checker == null)
			checker = new CellWrightChecker();
		return checker;
	}

	/** Resolves a path the user typed against the folder the launcher was started in. */
	public static Path userPath(String p) {
		Path path = Path.of(p);
		if (path.isAbsolute())
			return path;
		String cwd = System.getProperty("cellwright.cwd");
		return (cwd == null ? Path.of("") : Path.of(cwd)).resolve(path).toAbsolutePath().normalize();
	}

	/**
	 * Whether {@code path} is a regular file; if not, says "{@code shown}: no such file" on {@code err}.
	 *
	 * @param shown the file as the message names it (as typed, or relative to the launcher's folder)
	 */
	public static boolean isFile(Path path, String shown, PrintWriter err) {
		if (Files.isRegularFile(path))
			return true;
		err.println(shown + ": no such file");
		return false;
	}

	/**
	 * Whether a command must not write its --out file {@code target}: a folder, or an existing file that is the user's
	 * (not {@code ours}, e.g. a report CellWright wrote) where --replace was not given; says why on {@code err}. Nothing
	 * a user made is overwritten without asking.
	 *
	 * @param shown the file as the message names it; theirs: what makes an existing file the user's, e.g. " and is not a
	 *            report CellWright wrote" ("" for any existing file)
	 */
	public static boolean keepsTarget(Path target, String shown, boolean replace, boolean ours, String theirs, PrintWriter err) {
		if (Files.isDirectory(target)) {
			err.println(shown + ": is a folder; --out names the file to write");
			return true;
		}
		if (!Files.exists(target) || replace || ours)
			return false;
		err.println(shown + ": exists" + theirs + "; kept (--replace overwrites it, or choose another --out)");
		return true;
	}

	/** A file's text (UTF-8), or null when it is absent or cannot be read: whether an existing output is this very output again. */
	public static String readOrNull(Path p) {
		try {
			return Files.readString(p, java.nio.charset.StandardCharsets.UTF_8);
		} catch (java.io.IOException | RuntimeException e) {
			return null;
		}
	}

	/** The library path: the given folders, then $CELLWRIGHT_LIBRARY_PATH, then ~/.cellwright/libraries. */
	public static LibraryPath libraryPath(List<String> libs) {
		List<Path> dirs = new ArrayList<>();
		if (libs != null)
			for (String l : libs)
				dirs.add(userPath(l));
		return LibraryPath.standard(dirs);
	}
}
