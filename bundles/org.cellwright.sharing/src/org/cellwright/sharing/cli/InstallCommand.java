package org.cellwright.sharing.cli;

import java.io.PrintWriter;

import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.text.Printable;
import org.cellwright.sharing.library.Libraries;
import org.cellwright.sharing.library.LibraryException;
import org.cellwright.sharing.library.LibraryPath;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code install ARCHIVE [--replace]}: a library archive into ~/.cellwright/libraries/NAME/VERSION. */
@Command(name = "install", mixinStandardHelpOptions = true,
		description = "Install a library archive (from 'pack') into $HOME/.cellwright/libraries/NAME/VERSION. Unsafe or invalid archives are refused and nothing installed changes.")
public class InstallCommand extends CliCommand {

	@Parameters(index = "0", paramLabel = "ARCHIVE", description = "the .zip written by 'cellwright pack'")
	String archive;

	@Option(names = "--replace", description = "replace the same version if it is installed already")
	boolean replace;

	@Mixin
	LibraryOption libs;

	@Override
	protected int run(PrintWriter o, PrintWriter err) {
		try {
			Libraries.Outcome r = Libraries.install(CliSupport.userPath(archive), LibraryPath.userFolder(), libs.path(),
					CliSupport.checker(), replace);
			for (CheckIssue w : r.warnings())
				err.println(w);
			o.println("installed " + r.descriptor().id() + " -> " + Printable.escape(r.path().toString()));
			return 0;
		} catch (LibraryException e) {
			err.println("cellwright: not installed: " + Printable.escapeKeepingLines(e.getMessage()));
			return 1;
		}
	}
}
