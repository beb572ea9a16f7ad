package org.cellwright.sharing.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.text.Printable;
import org.cellwright.sharing.bpx.BpxImporter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import-bpx FILE.json... [--out DIR]}: BPX parameter files to .cell files, with a report of what was skipped. */
@Command(name = "import-bpx", mixinStandardHelpOptions = true,
		description = "Import BPX (Battery Parameter eXchange, PyBaMM) JSON files as .cell files: materials, a cell, a protocol between the cut-offs. What has no counterpart is kept as comments and reported.")
public class ImportBpxCommand extends CliCommand {

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "BPX .json files")
	List<String> files = new ArrayList<>();

	@Option(names = { "-o", "--out" }, paramLabel = "DIR", description = "folder for the .cell files (default: beside each .json)")
	String out;

	@Option(names = "--replace", description = "overwrite a .cell file of the same name that differs from the import (an edited one)")
	boolean replace;

	@Override
	protected int run(PrintWriter o, PrintWriter err) {
		int rc = 0;
		for (String f : files) {
			Path in = CliSupport.userPath(f);
			String shown = Printable.escape(f);
			if (!CliSupport.isFile(in, shown, err)) {
				rc = 1;
				continue;
			}
			try {
				BpxImporter.Result r = BpxImporter.importFile(in);
				Path dir = out != null ? CliSupport.userPath(out) : in.toAbsolutePath().getParent();
				Files.createDirectories(dir);
				Path cell = dir.resolve(in.getFileName().toString().replaceFirst("\\.json$", "") + ".cell");
				// a .cell of that name that differs (edited since an earlier import, or another file's import) is kept unless
				// --replace: it used to be overwritten without a word (found by fuzzing, session 15)
				if (!replace && Files.exists(cell) && !r.text().equals(CliSupport.readOrNull(cell))) {
					err.println(shown + ": " + Printable.escape(cell.toString()) + " exists and differs from this import (edited, or"
							+ " imported from another file): not overwritten; give --replace to overwrite it, or --out another folder");
					rc = 1;
					continue;
				}
				Files.writeString(cell, r.text(), StandardCharsets.UTF_8);
				o.println(shown + " -> " + Printable.escape(cell.toString()) + " (package " + r.packageName() + ", cell " + r.cellName() + ")");
				o.print(Printable.escapeKeepingLines(r.report()));
				CellWrightChecker.Result check = CliSupport.checker().check(List.of(cell));
				for (CellWrightChecker.CheckIssue i : check.issues())
					o.println("  " + i);
				if (check.hasErrors())
					rc = 1;
			} catch (BpxImporter.BpxException e) {
				err.println(shown + ": " + Printable.escapeKeepingLines(e.getMessage()));
				rc = 1;
			} catch (IOException e) {
				err.println(shown + ": cannot read or write: " + Printable.escape(String.valueOf(e.getMessage())));
				rc = 1;
			}
		}
		return rc;
	}
}
