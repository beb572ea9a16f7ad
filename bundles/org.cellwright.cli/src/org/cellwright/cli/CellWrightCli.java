package org.cellwright.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.cellwright.sharing.cli.ExportBpxCommand;
import org.cellwright.sharing.cli.ImportBpxCommand;
import org.cellwright.sharing.cli.InstallCommand;
import org.cellwright.sharing.cli.PackCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of CellWright ({@code ./cellwright run|check ...}). Exit codes: 0 ok, 1 problems in the input (or a
 * run that did not finish), 2 usage, 3 an expect check of {@code run} failed, 4 internal error.
 */
@Command(name = "cellwright", mixinStandardHelpOptions = true, version = "CellWright 0.1",
		description = "Model, simulate and check solid-state lithium-metal cells.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:success", "1:errors in the input, or a run that did not finish", "2:usage error",
				"3:run: an expect check failed (see the comparison table)", "4:internal error" },
		subcommands = { RunCommand.class, RunsCommand.class, FitCommand.class, BenchCommand.class, ExportBdfCommand.class, CheckCommand.class, ReportCommand.class, PackCommand.class, InstallCommand.class, ImportBpxCommand.class,
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
		cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine.getErr()));
		try {
			return cl.execute(args);
		} finally {
			// a command's last lines may be print()ed: PrintWriter autoflushes on println only, and its BufferedWriter
			// over System.out would otherwise keep them (import-bpx's report was lost this way)
			out.flush();
			err.flush();
		}
	}

	/**
	 * What a command that threw says, in one line, and its exit code: reading or writing a file that failed (a full disk,
	 * a folder that became unwritable: an {@link java.io.IOException}, its unchecked wrapper or the run store's) is the
	 * machine's problem, not a bug: "cellwright: cannot write .../latest.txt: No space left on device", exit 1 (a run
	 * that did not finish; it was "internal error: java.io.UncheckedIOException: ...", exit 4: input25). Anything else is
	 * a bug of ours: "internal error", exit 4, the stack trace only on request.
	 */
	static int failed(Throwable ex, PrintWriter err) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause())
			if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException || t instanceof org.cellwright.run.store.RunStoreException) {
				err.println("cellwright: " + org.cellwright.lang.text.Printable.bounded(String.valueOf(t.getMessage())));
				return 1;
			}
		err.println("cellwright: internal error: " + ex);
		if (Boolean.getBoolean("cellwright.debug")) ex.printStackTrace(err);
		return 4;
	}

	@Override
	public Integer call() {
		CommandLine.usage(this, System.out);
		return 2;
	}
}
