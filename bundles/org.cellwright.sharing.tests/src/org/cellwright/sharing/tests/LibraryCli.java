package org.cellwright.sharing.tests;

import java.nio.file.Path;

import org.cellwright.sharing.library.LibraryPath;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line of the library tests: a user folder of their own for the installed libraries
 * (tmp/home/.cellwright/libraries), and what the last command wrote.
 */
abstract class LibraryCli {

	@TempDir
	Path tmp;

	Path home;
	String out, err;

	@BeforeEach
	void userFolder() {
		home = tmp.resolve("home/.cellwright/libraries");
		System.setProperty(LibraryPath.HOME_PROPERTY, home.toString());
	}

	@AfterEach
	void reset() {
		System.clearProperty(LibraryPath.HOME_PROPERTY);
	}

	/** Runs the command line; its exit code, what it wrote in {@link #out} and {@link #err}. */
	int cli(String... args) {
		Cli.Result r = Cli.cli(args);
		out = r.out();
		err = r.err();
		return r.rc();
	}
}
