package org.cellwright.cli;

import java.io.PrintWriter;

import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunStore;
import org.cellwright.sharing.cli.CliSupport;

import picocli.CommandLine.Option;

/**
 * {@code --out-into-existing} of the commands that write runs into the folder {@code --out} names (run, a re-run of an
 * inputs.json, fit), and the one refusal of such a folder: the run store says which folders cannot take runs
 * ({@link RunStore#outProblem}); a folder of the user's that holds other files takes them only with this option.
 */
public final class OutFolderOption {

	public static final String NAME = "--out-into-existing";

	@Option(names = NAME, description = "let --out name a folder that holds other files (runs.csv, .runs.lock, "
			+ RunFiles.MARKER + " and a folder per experiment are written beside them); without it such a folder is refused")
	boolean intoExisting;

	/**
	 * True (after the message) when the folder {@code out} names cannot take runs (of a folder's run too: its files'
	 * results folders go below it): nothing is written.
	 */
	boolean refused(String out, PrintWriter err) {
		String problem = out == null ? null : RunStore.outProblem(CliSupport.userPath(out), intoExisting);
		if (problem == null) return false;
		boolean others = problem.startsWith("holds other files");
		err.println("cellwright: --out " + out + " " + problem + ": runs go into a results folder of their own"
				+ " (runs.csv, .runs.lock and a folder per experiment), give one such as --out results/mine"
				+ (others ? " (a new or empty folder), or add " + NAME + " to write them beside those files" : "") + "; nothing written");
		return true;
	}
}
