package org.cellwright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cellwright.sharing.cli.ExportBpxCommand;
import org.cellwright.sharing.cli.ImportBpxCommand;
import org.cellwright.sharing.cli.InstallCommand;
import org.cellwright.sharing.cli.PackCommand;
import org.cellwright.sharing.library.LibraryPath;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of CellWright ({@code ./cellwright run|check ...}). Exit codes: 0 ok, 1 problems in the input, 2 usage. */
@Command(name = "cellwright", mixinStandardHelpOptions = true, version = "CellWright 0.1",
		description = "Model, simulate and check solid-state lithium-metal cells.",
		subcommands = { RunCommand.class, CheckCommand.class, PackCommand.class, InstallCommand.class, ImportBpxCommand.class,
				ExportBpxCommand.class })
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

	/** The library path: the --lib folders, then $CELLWRIGHT_LIBRARY_PATH, then ~/.cellwright/libraries. */
	static LibraryPath libraryPath(java.util.List<String> libs) {
		java.util.List<Path> dirs = new java.util.ArrayList<>();
		for (String l : libs) dirs.add(userPath(l));
		return LibraryPath.standard(dirs);
	}

	/** Resolves a path the user typed against the folder the user started the launcher in. */
	static Path userPath(String p) {
		Path path = Path.of(p);
		if (path.isAbsolute()) return path;
		String cwd = System.getProperty("cellwright.cwd");
		return (cwd == null ? Path.of("") : Path.of(cwd)).resolve(path).normalize();
	}
}
