package org.cellwright.sharing.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.text.Printable;
import org.cellwright.sharing.library.Libraries;
import org.cellwright.sharing.library.LibraryDescriptor;
import org.cellwright.sharing.library.LibraryException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pack DIR [--out DIR] [--replace] [--lib DIR]...}: a library folder to a checked archive NAME-VERSION.zip; an
 * archive of that name in --out is kept unless --replace (it was replaced without asking: input24).
 */
@Command(name = "pack", mixinStandardHelpOptions = true,
		description = "Check a library folder (library.json + .cell files) on its own and write NAME-VERSION.zip with its packages and dependency versions recorded.")
public class PackCommand extends CliCommand {

	@Parameters(index = "0", paramLabel = "DIR", description = "the library folder (holds library.json)")
	String dir;

	@Option(names = { "-o", "--out" }, paramLabel = "DIR", description = "where to write the archive (default: the current folder)")
	String out;

	@Option(names = "--replace", description = "overwrite an existing NAME-VERSION.zip in the --out folder")
	boolean replace;

	@Mixin
	LibraryOption libs;

	@Override
	protected int run(PrintWriter o, PrintWriter err) {
		try {
			Path library = CliSupport.userPath(dir), outDir = CliSupport.userPath(out == null ? "." : out);
			Path archive = Libraries.archive(LibraryDescriptor.read(library), outDir);
			if (CliSupport.keepsTarget(archive, Printable.escape(archive.toString()), replace, false, "", err))
				return 1;
			Libraries.Outcome r = Libraries.pack(library, libs.path(), outDir, CliSupport.checker());
			for (CheckIssue w : r.warnings())
				err.println(w);
			o.println("packed " + r.descriptor().id() + " -> " + r.path());
			o.println("  packages: " + String.join(", ", r.descriptor().packages()));
			o.println("  dependencies: " + (r.descriptor().resolved().isEmpty() ? "none" : r.descriptor().resolved().toString()));
			return 0;
		} catch (LibraryException e) {
			err.println("cellwright: not packed: " + Printable.escapeKeepingLines(e.getMessage()));
			return 1;
		}
	}
}
