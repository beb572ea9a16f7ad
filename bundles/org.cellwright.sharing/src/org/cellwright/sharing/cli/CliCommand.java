package org.cellwright.sharing.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command of the command line: picocli injects its {@link #spec}, and {@link #run} gets the writers the command line
 * was given (its standard output and error, or a test's), so that no command takes them on its own.
 */
public abstract class CliCommand implements Callable<Integer> {

	/** This command as picocli parsed it (injected). */
	@Spec
	protected CommandSpec spec;

	@Override
	public final Integer call() {
		CommandLine cl = spec.commandLine();
		return run(cl.getOut(), cl.getErr());
	}

	/**
	 * Runs the command.
	 *
	 * @param o the command line's output (results)
	 * @param err its error output (problems, messages)
	 * @return the exit code
	 */
	protected abstract int run(PrintWriter o, PrintWriter err);
}
