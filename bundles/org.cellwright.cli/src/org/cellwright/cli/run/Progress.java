package org.cellwright.cli.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.cellwright.solver.ProgressListener;

/**
 * One overall progress bar for a batch of runs: runs done, the running ones with cycle n of N and simulated time,
 * and an ETA. On a terminal it is redrawn in place ({@code \r}) every 200 ms and cleared before other output;
 * otherwise (a pipe, a log, a test) a plain line is printed at most every {@code plainEvery} seconds.
 * Everything else printed while the bar is live goes through {@link #println(String)}.
 * <p>
 * Not me.tongfei:progressbar: it has no OSGi manifest and brings JLine 3 (terminal detection through native
 * access); one line redrawn with '\r' needs neither.
 */
public final class Progress implements AutoCloseable {

	/** The progress of one run, fed by the solver thread (cheap: volatile fields only). */
	public final class Task implements ProgressListener {
		final String name;
		volatile boolean started, done;
		volatile double time;
		volatile int step, steps = 1, cycle, cycles = 1;
		/** What the run does now beyond its first run ("re-running on 48 x 40 mesh"), or null. */
		volatile String stage;

		Task(String name) {
			this.name = name;
		}

		@Override
		public void progress(double time, int stepIndex, int totalSteps, int cycle, int totalCycles) {
			this.started = true;
			this.time = time;
			this.step = stepIndex;
			this.steps = Math.max(1, totalSteps);
			this.cycle = cycle;
			this.cycles = Math.max(1, totalCycles);
		}

		@Override
		public void stage(String what) {
			this.stage = what;
		}

		/** Fraction done: by cycles when there are several, else by steps. */
		double fraction() {
			if (done) return 1;
			if (!started) return 0;
			return cycles > 1 ? Math.min(1, (cycle - 1.0) / cycles) : Math.min(1, (double) step / steps);
		}

		public void finished() {
			done = true;
		}

		/** Whether the solver reported to this task (its listener was attached to the run). */
		public boolean started() {
			return started;
		}
	}

	private final PrintWriter out;
	private final boolean terminal;
	private final long plainEveryNanos;
	private final List<Task> tasks = new ArrayList<>();
	private final long start = System.nanoTime();
	private final ScheduledExecutorService timer;
	private long lastPlain = System.nanoTime();
	private boolean drawn;

	public Progress(PrintWriter out, boolean terminal, double plainEverySeconds) {
		this.out = out;
		this.terminal = terminal;
		this.plainEveryNanos = (long) (plainEverySeconds * 1e9);
		this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "cellwright-progress");
			t.setDaemon(true);
			return t;
		});
		timer.scheduleAtFixedRate(this::tick, 200, 200, TimeUnit.MILLISECONDS);
	}

	/** True when standard output is an interactive terminal (then the bar is redrawn in place). */
	public static boolean stdoutIsTerminal() {
		java.io.Console c = System.console();
		if (c == null) return false;
		try {
			// Java 22+: a console may exist without a terminal; Java 21 has a console only on a terminal
			return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
		} catch (ReflectiveOperationException e) {
			return true;
		}
	}

	public synchronized Task task(String name) {
		Task t = new Task(name);
		tasks.add(t);
		return t;
	}

	/** The tasks made so far, in order. */
	public synchronized List<Task> tasks() {
		return List.copyOf(tasks);
	}

	/** Prints a line above the bar. */
	public void println(String line) {
		println(out, line);
	}

	/** Prints a line to another stream (standard error) without tearing the bar. */
	public synchronized void println(PrintWriter to, String line) {
		clear();
		out.flush();
		to.println(line);
		to.flush();
	}

	private synchronized void tick() {
		if (tasks.isEmpty()) return; // nothing to show yet (a re-run's bar is made before its inputs are read)
		if (terminal) {
			clear();
			out.print(line());
			out.flush();
			drawn = true;
		} else if (System.nanoTime() - lastPlain >= plainEveryNanos) {
			lastPlain = System.nanoTime();
			out.println("progress: " + line());
			out.flush();
		}
	}

	private void clear() {
		if (terminal && drawn) {
			out.print("\r\033[2K");
			drawn = false;
		}
	}

	/** {@code [#####.....] 3/14 runs  BareHalfCell: cycle 12/35, 43.2 h  ETA 0:12}. */
	public synchronized String line() {
		double sum = 0;
		int done = 0;
		List<String> running = new ArrayList<>();
		for (Task t : tasks) {
			sum += t.fraction();
			if (t.done) done++;
			else if (t.started && running.size() < 2)
				running.add(String.format(Locale.ROOT, "%s%s: cycle %d/%d, %.1f h", t.name, t.stage == null ? "" : " (" + t.stage + ")", t.cycle,
						t.cycles, t.time / 3600));
		}
		double f = tasks.isEmpty() ? 0 : sum / tasks.size();
		int width = 20, filled = (int) Math.round(f * width);
		double elapsed = (System.nanoTime() - start) / 1e9;
		String eta = f > 0.01 ? clock(elapsed * (1 - f) / f) : "?";
		return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + tasks.size() + " runs  "
				+ String.join("  ", running) + "  ETA " + eta;
	}

	private static String clock(double secs) {
		long s = Math.round(secs);
		return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
				: String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}

	@Override
	public synchronized void close() {
		timer.shutdownNow();
		clear();
		out.flush();
	}
}
