package org.cellwright.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.cellwright.lang.text.Printable;
import org.cellwright.measured.BdfWriter;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.Problem;
import org.cellwright.run.fit.MeasuredComparison;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFolderException;
import org.cellwright.sharing.cli.CliCommand;
import org.cellwright.sharing.cli.CliSupport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export-bdf RUN [--out FILE]}: a run's time series as BDF (Battery Data Format: {@code Test Time / s},
 * {@code Voltage / V}, {@code Current / A} with charge positive, {@code Cycle Count / 1}, {@code Step Count / 1}),
 * written by {@link BdfWriter}, so that other tools read CellWright's results.
 */
@Command(name = "export-bdf", mixinStandardHelpOptions = true,
		description = { "Write a run's time series as BDF (Battery Data Format CSV: time s, voltage V, current A with charge positive, "
				+ "cycle and step counts); RUN is a run folder or an experiment's folder (its latest run)." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:written", "1:not a run folder, or it cannot be written", "2:usage error" })
public class ExportBdfCommand extends CliCommand {

	/** The file name written into the run folder without --out. */
	public static final String DEFAULT_NAME = "timeseries.bdf.csv";

	@Parameters(index = "0", paramLabel = "RUN", description = "a run folder (or an experiment's folder: its latest run)")
	String run;

	@Option(names = { "-o", "--out" }, paramLabel = "FILE", description = "the BDF file (default: RUN/" + DEFAULT_NAME + ")")
	String out;

	@Option(names = "--replace", description = "overwrite an existing --out file")
	boolean replace;

	@Override
	protected int run(PrintWriter o, PrintWriter err) {
		Path folder = CliSupport.userPath(run);
		try {
			RunFolder r = RunFolder.read(folder);
			MeasuredSeries s = MeasuredComparison.series(r);
			Path target = out != null ? CliSupport.userPath(out) : r.folder().resolve(DEFAULT_NAME);
			// the run folder's own export is written again; a file elsewhere is the user's unless --replace
			if (CliSupport.keepsTarget(target, Problem.display(target), replace, out == null, "", err))
				return 1;
			BdfWriter.write(s, target);
			o.println("wrote " + Problem.display(target) + " (" + s.size() + " rows, BDF)");
			return 0;
		} catch (RunFolderException e) {
			err.println("cellwright: " + Printable.escape(e.getMessage()));
			return 1;
		} catch (IOException | RuntimeException e) {
			err.println("cellwright: cannot write BDF: " + Printable.escape(String.valueOf(e.getMessage())));
			return 1;
		}
	}
}
