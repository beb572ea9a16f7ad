package org.cellwright.lang.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deleting a folder with everything in it: the one routine of the run store (pruning, scratch folders), the library
 * installer (temporary and replaced versions) and the benchmarks. Links are deleted, never followed. And the one name
 * of a file written beside its target before it is moved over it ({@link #hiddenSibling}).
 */
public final class FileTrees {

	private FileTrees() {}

	/**
	 * The hidden file beside {@code target} a writer fills before moving it over the target ({@code .<name>.tmp-<process>-<thread>},
	 * one per writer): created as any new file of the folder is, so the target gets the permissions of its folder's other
	 * files; Files.createTempFile's is rw------- (session 28: BDF files and a history's .judged-runs were).
	 */
	public static Path hiddenSibling(Path target) {
		return target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().threadId());
	}

	/** Deletes {@code p} (a folder and everything in it, or a file); nothing if it does not exist. */
	public static void deleteTree(Path p) {
		if (p == null || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
		try {
			Files.walkFileTree(p, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
					if (exc != null) throw exc;
					Files.delete(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Best effort, for scratch and leftover folders: what cannot be deleted stays (the caller's next clean-up takes
	 * it). Whether everything went.
	 */
	public static boolean deleteTreeQuietly(Path p) {
		try {
			deleteTree(p);
			return true;
		} catch (UncheckedIOException e) {
			return false;
		}
	}
}
