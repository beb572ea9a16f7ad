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

	/** What keeps a command from writing a file: nothing, the path being a folder, or the file being the user's. */
	public enum Kept {
		NO, FOLDER, USERS
	}

	/**
	 * Whether a command must not write {@code target}, and why: a folder; an existing file that is the user's (not
	 * {@code ours}, e.g. a report CellWright wrote) where {@code replace} (--replace) was not given; and, where
	 * {@code refuseLinks}, any symbolic link, whatever it points to. An --out file the user typed is followed through a
	 * link; a file a command names itself in a folder (the front page {@code report.html} in a run's --out folder) is
	 * never written through one. Nothing a user made is overwritten without asking.
	 */
	public static Kept kept(Path target, boolean replace, boolean ours, boolean refuseLinks) {
		if (refuseLinks && Files.isSymbolicLink(target))
			return Kept.USERS;
		if (Files.isDirectory(target))
			return Kept.FOLDER;
		if (!Files.exists(target) || replace || ours)
			return Kept.NO;
		return Kept.USERS;
	}

	/**
	 * Whether a command must not write its --out file {@code target} ({@link #kept}, links followed); says why on
	 * {@code err}.
	 *
	 * @param shown the file as the message names it; theirs: what makes an existing file the user's, e.g. " and is not a
	 *            report CellWright wrote" ("" for any existing file)
	 */
	public static boolean keepsTarget(Path target, String shown, boolean replace, boolean ours, String theirs, PrintWriter err) {
		switch (kept(target, replace, ours, false)) {
		case FOLDER -> err.println(shown + ": is a folder; --out names the file to write");
		case USERS -> err.println(shown + ": exists" + theirs + "; kept (--replace overwrites it, or choose another --out)");
		case NO -> {
			return false;
		}
		}
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
