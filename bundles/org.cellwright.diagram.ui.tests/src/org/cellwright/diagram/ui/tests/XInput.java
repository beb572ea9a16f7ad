package org.cellwright.diagram.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Display;

/**
 * Real input for the diagram editor's page: X events made by the X server's XTest extension through Debian's
 * {@code xdotool} (installed by {@code ./cellwright test}), at screen coordinates. Synthetic DOM events did not drive
 * GLSP's tools in WebKitGTK; events from the X server reach the page as a user's mouse and keyboard do. The UI thread
 * keeps dispatching while xdotool runs.
 */
final class XInput {

	private XInput() {}

	static void click(int x, int y) {
		xdotool("mousemove", "--sync", "" + x, "" + y, "sleep", "0.15", "click", "1");
	}

	static void doubleClick(int x, int y) {
		xdotool("mousemove", "--sync", "" + x, "" + y, "sleep", "0.15", "click", "--repeat", "2", "--delay", "80", "1");
	}

	/** Types text as keystrokes into the focused window. */
	static void type(String text) {
		xdotool("type", "--delay", "40", text);
	}

	/** Presses the left button at (x0, y0), moves to (x1, y1) in steps as a hand does, releases. */
	static void drag(int x0, int y0, int x1, int y1) {
		List<String> a = new ArrayList<>(List.of("mousemove", "--sync", "" + x0, "" + y0, "sleep", "0.15", "mousedown", "1"));
		int steps = 12;
		for (int i = 1; i <= steps; i++)
			a.addAll(List.of("sleep", "0.04", "mousemove", "" + (x0 + (x1 - x0) * i / steps), "" + (y0 + (y1 - y0) * i / steps)));
		a.addAll(List.of("sleep", "0.15", "mouseup", "1"));
		xdotool(a.toArray(String[]::new));
	}

	/** A key or chord as xdotool names it ("ctrl+z", "Delete"), sent to the window under the pointer. */
	static void key(String keys) {
		xdotool("key", "--clearmodifiers", keys);
	}

	static void xdotool(String... args) {
		List<String> cmd = new ArrayList<>();
		cmd.add("xdotool");
		cmd.addAll(List.of(args));
		Process p;
		try {
			p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		} catch (IOException e) {
			fail("real input needs Debian's xdotool (apt-get install xdotool; ./cellwright test installs it): " + e.getMessage());
			return;
		}
		Display d = Display.getCurrent();
		long until = System.currentTimeMillis() + 30_000;
		while (p.isAlive()) {
			if (System.currentTimeMillis() > until) {
				p.destroyForcibly();
				fail("xdotool did not end: " + cmd);
			}
			if (!d.readAndDispatch()) sleepQuietly(5);
		}
		String out;
		try {
			out = new String(p.getInputStream().readAllBytes());
		} catch (IOException e) {
			out = e.toString();
		}
		assertEquals(0, p.exitValue(), "xdotool " + cmd + ": " + out);
		// let the events that xdotool caused be dispatched
		long settle = System.currentTimeMillis() + 100;
		while (System.currentTimeMillis() < settle) if (!d.readAndDispatch()) sleepQuietly(5);
	}

	private static void sleepQuietly(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
