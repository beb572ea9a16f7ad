package org.cellwright.app;

import java.io.IOException;

import org.cellwright.lang.text.Printable;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;

/**
 * The Console view's "CellWright Runs" console: a line per run the IDE starts and ends (status, checks, run folder),
 * as the command line prints them, so a run's history of this session can be read and copied.
 */
public final class RunConsole {

	public static final String NAME = "CellWright Runs";

	private RunConsole() {}

	/** The console, added to the Console view on first use. */
	public static synchronized MessageConsole console() {
		var manager = ConsolePlugin.getDefault().getConsoleManager();
		for (IConsole c : manager.getConsoles()) if (c instanceof MessageConsole m && NAME.equals(c.getName())) return m;
		MessageConsole m = new MessageConsole(NAME, null);
		manager.addConsoles(new IConsole[] { m });
		return m;
	}

	/** Appends a line (text from a user's file escaped). */
	public static void println(String line) {
		try (MessageConsoleStream out = console().newMessageStream()) {
			out.println(Printable.escape(line));
		} catch (IOException e) {
			// the console is gone with the workbench
		}
	}
}
