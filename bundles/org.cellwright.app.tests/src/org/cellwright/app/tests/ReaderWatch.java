package org.cellwright.app.tests;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.cellwright.app.views.RunsLoader;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;

/**
 * Whether a thread (the UI thread) is ever inside the reader of run folders ({@link RunsLoader#load}, {@link RunFolder#read},
 * {@link CsvTable#read}) while the watch runs: a thread of its own takes the watched thread's stack about every
 * millisecond. It may miss a short visit (it samples), but never reports one that did not happen: an assertion that
 * it saw none cannot fail while the reading is off the UI thread, however loaded the machine (unlike a bound on the
 * UI thread's longest stall, which failed once at 1291 ms for 1000 ms under load 23). {@link #sampleNow()} lets a
 * test make sure of a sample at a given point (the check that the watch sees a reading made on the UI thread).
 */
final class ReaderWatch implements Runnable {
	/** The reader's methods, class#method. */
	static final java.util.Set<String> READER = java.util.Set.of(RunsLoader.class.getName() + "#load", RunFolder.class.getName() + "#read",
			CsvTable.class.getName() + "#read");

	private final Thread watched;
	private final Thread sampler;
	private final AtomicLong samples = new AtomicLong();
	private volatile boolean on = true;
	/** The watched thread's first stack seen inside the reader, or null. */
	private volatile StackTraceElement[] inside;

	ReaderWatch(Thread watched) {
		this.watched = watched;
		sampler = new Thread(this, "ReaderWatch of " + watched.getName());
		sampler.setDaemon(true);
		sampler.start();
	}

	@Override
	public void run() {
		while (on) {
			StackTraceElement[] stack = watched.getStackTrace();
			if (inside == null && inReader(stack)) inside = stack;
			samples.incrementAndGet();
			try {
				Thread.sleep(1);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	static boolean inReader(StackTraceElement[] stack) {
		return Arrays.stream(stack).anyMatch(f -> READER.contains(f.getClassName() + "#" + f.getMethodName()));
	}

	/** Returns once the watch has taken a whole sample after this call began (called on the watched thread: it is sampled here). */
	void sampleNow() {
		long after = samples.get() + 2; // the sample under way may have begun before this call
		while (samples.get() < after) Thread.onSpinWait();
	}

	/** How many samples the watch took. */
	long samples() {
		return samples.get();
	}

	/** Stops; the watched thread's first stack seen inside the reader, or null when it never was. */
	StackTraceElement[] stop() throws InterruptedException {
		on = false;
		sampler.join();
		return inside;
	}

	/** A stack in words, the reader's frames and a few around them. */
	static String toString(StackTraceElement[] stack) {
		return stack == null ? "never inside the reader"
				: Arrays.stream(stack).limit(25).map(StackTraceElement::toString).collect(Collectors.joining("\n  at ", "\n  at ", ""));
	}
}
