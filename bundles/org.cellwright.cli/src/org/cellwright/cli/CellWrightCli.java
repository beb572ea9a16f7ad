package org.cellwright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of CellWright ({@code ./cellwright run|check ...}). Exit codes: 0 ok, 1 problems in the input, 2 usage. */
@Command(name = "cellwright", mixinStandardHelpOptions = true, version = "CellWright 0.1",
		description = "Model, simulate and check solid-state lithium-metal cells.",
		subcommands = { RunCommand.class, CheckCommand.class })
public class CellWrightCli implements Callable<Integer> {

	/** Runs the command line and returns the exit code; never throws. */
	public static int execute(String... args) {
		return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
	}

	public static int execute(PrintWriter out, PrintWriter err, String... args) {
		CommandLine cl = new CommandLine(new CellWrightCli());
		cl.setOut(out);
		cl.setErr(err);
		cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			// a bug of ours, not of the input: say so in one line, the stack trace only on request
			commandLine.getErr().println("cellwright: internal error: " + ex);
			if (Boolean.getBoolean("cellwright.debug")) ex.printStackTrace(commandLine.getErr());
			return 3;
		});
		return cl.execute(args);
	}

	@Override
	public Integer call() {
		CommandLine.usage(this, System.out);
		return 2;
	}

	/** Resolves a path the user typed against the folder the user started the launcher in. */
	static Path userPath(String p) {
		Path path = Path.of(p);
		if (path.isAbsolute()) return path;
		String cwd = System.getProperty("cellwright.cwd");
		return (cwd == null ? Path.of("") : Path.of(cwd)).resolve(path).normalize();
	}
}
