package org.cellwright.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.run.CellFiles;
import org.cellwright.sharing.cli.CliCommand;
import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.sharing.cli.LibraryOption;
import org.cellwright.run.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code check FILE|DIR...}: validates .cell files and prints problems compiler-style. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Validate .cell files; prints file:line:col: severity: message. Exit code 1 on errors.")
public class CheckCommand extends CliCommand {

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = ".cell files or folders (searched recursively)")
	List<String> inputs = new ArrayList<>();

	@Mixin
	LibraryOption libs;

	@Override
	protected int run(PrintWriter o, PrintWriter err) {
		List<Path> files = new ArrayList<>();
		// a file is checked as `run` loads it: with the .cell files beside it, whose packages it may import; only the
		// files named (or found in a named folder) are reported
		java.util.Set<Path> load = new java.util.LinkedHashSet<>();
		for (String in : inputs) {
			Path p = CliSupport.userPath(in);
			if (!Files.exists(p)) {
				err.println(in + ": no such file or folder");
				return 1;
			}
			List<Path> found = CellFiles.collect(p);
			files.addAll(found);
			if (Files.isRegularFile(p)) load.addAll(CellFiles.withSiblings(p));
			else for (Path f : found) load.add(f.toAbsolutePath().normalize());
		}
		java.util.Set<Path> named = new java.util.HashSet<>();
		for (Path f : files) named.add(f.toAbsolutePath().normalize());
		CellFiles loaded = CellFiles.load(List.copyOf(load), libs.path(),
				files.isEmpty() ? null : files.get(0).toAbsolutePath().getParent());
		int errors = 0, warnings = 0;
		for (Problem pr : loaded.problems()) {
			if (pr.file() != null && !named.contains(pr.file().toAbsolutePath().normalize())) continue;
			o.println(pr.format());
			if (pr.isError()) errors++;
			else if (pr.severity() == Problem.Severity.WARNING) warnings++;
		}
		o.printf("%d file(s) checked: %d error(s), %d warning(s)%n", files.size(), errors, warnings);
		return errors > 0 ? 1 : 0;
	}
}
