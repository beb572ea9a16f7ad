package org.cellwright.run.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run (of an experiment) or one run of a sweep being written: a hidden folder under the group's folder, held by
 * the group's lock. {@link #commit} renames it into place ({@code <group>/<id>/}) and points {@code latest} at it,
 * however the run ended: a partial run says so in its summary.
 */
public final class Slot implements AutoCloseable {
	private final RunStore store;
	private final String group, id;
	private final Path groupFolder, tmp;
	private final FileLock lock;
	private final FileChannel channel;
	private final java.util.List<Path> leftovers;
	private boolean committed;

	Slot(RunStore store, String group, String id, Path groupFolder, Path tmp, FileLock lock, FileChannel channel, java.util.List<Path> leftovers) {
		this.store = store;
		this.group = group;
		this.id = id;
		this.groupFolder = groupFolder;
		this.tmp = tmp;
		this.lock = lock;
		this.channel = channel;
		this.leftovers = java.util.List.copyOf(leftovers);
	}

	/**
	 * The runs of the group that writers stopped without ending (killed) had left hidden, moved into place when this
	 * one began (their folders): listed from their folders until runs.csv is next rewritten.
	 */
	public java.util.List<Path> leftovers() { return leftovers; }

	public String id() { return id; }

	public String group() { return group; }

	public RunStore store() { return store; }

	/** Where the run is written until {@link #commit}. */
	public Path writing() { return tmp; }

	/** Where the run is after {@link #commit}. */
	public Path folder() { return groupFolder.resolve(id); }

	/** A sweep variant's folder inside the run being written (the name checked and confined). */
	public Path writing(String variant) {
		return Names.confined(tmp, "sweep run", variant);
	}

	/** Where a sweep variant's folder is after {@link #commit}. */
	public Path folder(String variant) {
		return Names.confined(folder(), "sweep run", variant);
	}

	/** Renames the run into place, points {@code latest} at it, releases the lock. */
	public synchronized void commit() {
		if (committed) return;
		committed = true;
		try {
			try {
				Files.move(tmp, folder(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			} catch (IOException e) {
				throw new RunStoreException("cannot move " + tmp + " to " + folder() + ": " + e.getMessage(), e);
			}
			try {
				RunStore.setLatest(groupFolder, id);
			} catch (IOException | java.io.UncheckedIOException e) {
				// the run is in place; a full disk ended here in "internal error: java.io.UncheckedIOException" (input25)
				throw new RunStoreException(folder() + " is written, but 'latest' does not point at it: " + e.getMessage(), e);
			}
		} finally {
			RunStore.release(lock, channel);
		}
	}

	/**
	 * Deletes the run being written, which holds nothing worth keeping, instead of committing it: {@code latest} stays
	 * where it was, the lock is released. For a fit cancelled before it found anything (its folder would be empty).
	 * A group folder made for this run alone (nothing in it but its lock) is deleted too: a cancelled first fit left
	 * {@code results/<file>/<fit>/} holding only {@code .lock}.
	 */
	public synchronized void discard() {
		if (committed) return;
		committed = true;
		try {
			org.cellwright.lang.files.FileTrees.deleteTreeQuietly(tmp);
			deleteIfOnlyLock(); // while the lock is held: no other run of the group can start in between
		} finally {
			RunStore.release(lock, channel);
		}
	}

	private void deleteIfOnlyLock() {
		Path lockFile = groupFolder.resolve(org.cellwright.run.folder.RunFiles.LOCK);
		try (var entries = Files.list(groupFolder)) {
			if (!entries.allMatch(lockFile::equals)) return;
			Files.deleteIfExists(lockFile);
			Files.deleteIfExists(groupFolder);
		} catch (IOException e) {
			// kept as it is: an empty group folder is harmless
		}
	}

	/** Commits if not done yet (a run that ended by an error is kept as partial, never left hidden). */
	@Override
	public void close() {
		commit();
	}
}
