package org.cellwright.app;

import java.util.List;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

/**
 * How many characters of a job's progress line the places that show it (the line under the job's bar in the Progress
 * view, a progress dialog's) show whole, measured where a line was shown: the Progress view elides the middle of a
 * line longer than its label ({@code Dialog.shortenText}), and a fit's line lost its cost there. A moment after each
 * line a job posts ({@link #measureLater}), the narrowest control showing one of the last lines is measured on the UI
 * thread, in its font and width; the next lines are made that long ({@link #chars}). Before a line was seen anywhere, {@link #DEFAULT_CHARS}.
 */
public final class ProgressRoom {
	private ProgressRoom() {}

	/**
	 * Characters of a progress line before one was measured: what the Progress view showed whole at its default width
	 * (beside Problems and Runs at 1600 x 1200: 64 were seen of a cut line, with "..."; in session 29's fresh workspace,
	 * 101; it was the one fixed length, {@code FitJob.PROGRESS_CHARS}, until session 31).
	 */
	public static final int DEFAULT_CHARS = 80;

	/** Never fewer: a fit's line then keeps its head (cost, evaluation, time) and the view cuts the rest. */
	public static final int MIN_CHARS = 30;

	/** After a line was posted: the time the Progress view takes to show it (its updates are batched). */
	static final int SHOWN_AFTER_MS = 300;

	private static volatile int chars = DEFAULT_CHARS;

	/** The characters the next progress line may have. */
	public static int chars() {
		return chars;
	}

	/**
	 * Measures, on the UI thread {@link #SHOWN_AFTER_MS} after {@code line} was posted, the room of the controls showing
	 * it or one of the lines before it (whole or cut in its middle), for the next lines. Nothing changes where none is
	 * shown (no Progress view open, the job's progress in the status line only).
	 */
	public static void measureLater(String line) {
		if (line == null || line.isEmpty() || !PlatformUI.isWorkbenchRunning()) return;
		synchronized (RECENT) {
			RECENT.addFirst(line);
			while (RECENT.size() > RECENT_LINES) RECENT.removeLast();
		}
		Display d = PlatformUI.getWorkbench().getDisplay();
		if (d.isDisposed()) return;
		d.asyncExec(() -> {
			if (!d.isDisposed()) d.timerExec(SHOWN_AFTER_MS, () -> measure(d));
		});
	}

	/** The lines posted last, newest first: the one shown when the measurement runs may be any of them (fast fits). */
	private static final java.util.Deque<String> RECENT = new java.util.ArrayDeque<>();

	private static final int RECENT_LINES = 16;

	/** On the UI thread: the room where a recent line is shown now; unchanged where none is shown. */
	public static void measure(Display d) {
		List<String> lines;
		synchronized (RECENT) {
			lines = List.copyOf(RECENT);
		}
		int room = Integer.MAX_VALUE;
		for (Shell s : d.getShells()) room = Math.min(room, roomIn(s, lines));
		if (room != Integer.MAX_VALUE) chars = Math.max(MIN_CHARS, room);
	}

	private static int roomIn(Control c, List<String> lines) {
		if (c.isDisposed() || !c.isVisible()) return Integer.MAX_VALUE;
		int room = Integer.MAX_VALUE;
		String text = c instanceof Link l ? l.getText() : c instanceof Label l ? l.getText() : null;
		if (text != null)
			for (String line : lines)
				if (shows(text, line)) {
					room = room(c, line);
					break;
				}
		if (c instanceof Composite k) for (Control child : k.getChildren()) room = Math.min(room, roomIn(child, lines));
		return room;
	}

	/** {@code text} is {@code line} whole, or cut in its middle as the Progress view cuts it ("start...end"). */
	static boolean shows(String text, String line) {
		if (text.equals(line)) return true;
		int cut = text.indexOf("...");
		return cut > 0 && text.length() < line.length() && line.startsWith(text.substring(0, cut)) && line.endsWith(text.substring(cut + 3));
	}

	/**
	 * The characters of a line like {@code line} that {@code c} shows whole: its width less the 5 pixels
	 * {@code Dialog.shortenText} keeps free, over the line's mean character width in the control's font, one
	 * character kept in hand for lines of wider characters.
	 */
	private static int room(Control c, String line) {
		if (c.getBounds().width <= 5) return Integer.MAX_VALUE; // not laid out yet: says nothing of its room
		GC gc = new GC(c);
		try {
			gc.setFont(c.getFont());
			int width = gc.textExtent(line).x;
			if (width <= 0) return Integer.MAX_VALUE;
			return (int) Math.floor((c.getBounds().width - 5) * (double) line.length() / width) - 1;
		} finally {
			gc.dispose();
		}
	}
}
