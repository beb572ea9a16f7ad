package org.cellwright.sharing.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.model.Cell;
import org.cellwright.model.Element;
import org.cellwright.model.Model;
import org.cellwright.sharing.bpx.BpxExporter;
import org.cellwright.sharing.library.LibraryChecker;

import com.google.gson.GsonBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export-bpx FILE.cell [--cell NAME] [--out FILE.json]}: a cell's resolved parameters as BPX. */
@Command(name = "export-bpx", mixinStandardHelpOptions = true,
		description = "Export a cell's resolved parameters (SI) as BPX JSON; solid-state quantities go under \"User-defined\".")
public class ExportBpxCommand extends CliCommand {

	@Parameters(index = "0", paramLabel = "FILE", description = "the .cell file")
	String file;

	@Option(names = { "-c", "--cell" }, paramLabel = "NAME", description = "the cell (default: the only or first cell of the file)")
	String cellName;

	@Option(names = { "-o", "--out" }, paramLabel = "FILE", description = "output file (default: FILE with .bpx.json)")
	String out;

	@Option(names = "--replace", description = "overwrite an existing output file that differs from this export (an edited one, or another file)")
	boolean replace;

	@Mixin
	LibraryOption libs;

	@Override
	protected int run(PrintWriter o, PrintWriter err) {
		Path in = CliSupport.userPath(file);
		if (!CliSupport.isFile(in, file, err))
			return 1;
		List<Path> files = new ArrayList<>(List.of(in));
		LibraryChecker.Outcome oc = LibraryChecker.check(CliSupport.checker(), files, libs.path(), in.getParent());
		boolean errors = false;
		for (CellWrightChecker.CheckIssue i : oc.result().issues())
			if (i.severity() == CellWrightChecker.Severity.ERROR) {
				err.println(i);
				errors = true;
			}
		if (errors) {
			err.println("cellwright: not exported: fix the errors above first");
			return 1;
		}
		Model m = oc.result().model(in);
		Cell cell = null;
		for (Element e : m.getElements())
			if (e instanceof Cell c && (cellName == null ? cell == null : cellName.equals(c.getName())))
				cell = c;
		if (cell == null) {
			err.println(file + ": " + (cellName == null ? "no cell in this file" : "no cell named '" + cellName + "'"));
			return 1;
		}
		Path target = out != null ? CliSupport.userPath(out) : in.resolveSibling(in.getFileName().toString().replaceFirst("\\.cell$", "") + ".bpx.json");
		BpxExporter.Export export = BpxExporter.exportWithReport(cell);
		com.google.gson.JsonObject bpx = export.json();
		List<String> missing = BpxExporter.missingRequired(bpx);
		if (!missing.isEmpty()) {
			// the BPX validator would refuse the file: nothing is written, nothing is invented; each field named at the cell
			String at = located(in, cell);
			for (String field : missing)
				err.println(at + ": error: cell " + cell.getName() + " has no value for the BPX field \"" + org.cellwright.lang.text.Printable.escape(field)
						+ "\"" + BpxExporter.hint(field));
			err.println("cellwright: not exported: BPX requires " + missing.size() + " field(s) the cell does not give, so the BPX validator would refuse"
					+ " the file; nothing was written to " + org.cellwright.lang.text.Printable.escape(target.toString()));
			return 1;
		}
		String text = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(bpx) + "\n";
		// an existing file is the user's unless it is this very export again: --out onto any file overwrote it (fuzz20)
		String shown = org.cellwright.lang.text.Printable.escape(target.toString());
		if (CliSupport.keepsTarget(target, shown, replace, text.equals(CliSupport.readOrNull(target)), " and differs from this export", err))
			return 1;
		try {
			Files.writeString(target, text, StandardCharsets.UTF_8);
		} catch (IOException e) {
			err.println(target + ": cannot write: " + e.getMessage());
			return 1;
		}
		o.println("cell " + cell.getName() + " -> " + org.cellwright.lang.text.Printable.escape(target.toString()));
		if (!export.notExported().isEmpty()) {
			err.println("cellwright: not exported (BPX cannot hold them):");
			for (String what : export.notExported())
				err.println("  " + org.cellwright.lang.text.Printable.escape(what));
		}
		return 0;
	}

	/** "FILE:LINE:COL" of the cell's name (its own file when it is written there, else the file the command was given). */
	private static String located(Path in, Cell cell) {
		org.eclipse.xtext.nodemodel.ICompositeNode n = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(cell);
		int line = 1, column = 1;
		if (n != null) {
			java.util.List<org.eclipse.xtext.nodemodel.INode> name = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findNodesForFeature(cell,
					org.cellwright.model.CellwrightPackage.Literals.ELEMENT__NAME);
			org.eclipse.xtext.nodemodel.INode at = name.isEmpty() ? n : name.get(0);
			line = at.getStartLine();
			org.eclipse.xtext.util.LineAndColumn lc = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getLineAndColumn(at, at.getOffset());
			column = lc.getColumn();
		}
		return org.cellwright.lang.text.Printable.escape(in.toString()) + ":" + line + ":" + column;
	}
}
