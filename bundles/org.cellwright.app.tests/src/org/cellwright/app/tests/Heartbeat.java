package org.cellwright.app.tests;

import org.eclipse.swt.widgets.Display;

/**
 * The longest time between two heartbeats on the UI thread (Display.timerExec every 5 ms) while it runs: how long the
 * UI could not respond. Start and stop on the UI thread.
 */
final class Heartbeat implements Runnable {
	private final Display display = Display.getCurrent();
	private long last = System.nanoTime(), longest;
	private boolean on = true;

	Heartbeat start() {
		display.timerExec(5, this);
		return this;
	}

	@Override
	public void run() {
		long now = System.nanoTime();
		longest = Math.max(longest, now - last);
		last = now;
		if (on) display.timerExec(5, this);
	}

	/** Stops; the longest gap in ms, the one up to now included. */
	long stop() {
		run();
		on = false;
		return longest / 1_000_000;
	}
}
