package org.cellwright.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.cellwright.run.CellFiles;
import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.sharing.cli.LibraryOption;
import org.cellwright.run.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check FILE|DIR...}: validates .cell files and prints problems compiler-style. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Validate .cell files; prints file:line:col: severity: message. Exit code 1 on errors.")
public class CheckCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = ".cell files or folders (searched recursively)")
	List<String> inputs = new ArrayList<>();

	@Mixin
	LibraryOption libs;

	@Spec CommandSpec spec;

	@Override
	public Integer call() {
		List<Path> files = new ArrayList<>();
		for (String in : inputs) {
			Path p = CliSupport.userPath(in);
			if (!Files.exists(p)) {
				spec.commandLine().getErr().println(in + ": no such file or folder");
				return 1;
			}
			files.addAll(CellFiles.collect(p));
		}
		CellFiles loaded = CellFiles.load(files, libs.path(),
				files.isEmpty() ? null : files.get(0).toAbsolutePath().getParent());
		int errors = 0, warnings = 0;
		for (Problem pr : loaded.problems()) {
			spec.commandLine().getOut().println(pr.format());
			if (pr.isError()) errors++;
			else if (pr.severity() == Problem.Severity.WARNING) warnings++;
		}
		spec.commandLine().getOut().printf("%d file(s) checked: %d error(s), %d warning(s)%n", files.size(), errors, warnings);
		return errors > 0 ? 1 : 0;
	}
}
