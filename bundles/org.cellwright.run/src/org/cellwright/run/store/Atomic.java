package org.cellwright.run.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files written whole or not at all: into a hidden temporary file beside the target, then renamed over it. */
public final class Atomic {
	private Atomic() {}

	public static void writeString(Path file, String text) {
		Path tmp = org.cellwright.lang.files.FileTrees.hiddenSibling(file);
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			move(tmp, file);
		} catch (IOException e) {
			try {
				Files.deleteIfExists(tmp);
			} catch (IOException ignored) {
				// the temporary file is hidden; the target is unchanged
			}
			throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
		}
	}

	/** Renames, replacing the target, atomically where the file system allows it. */
	public static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
