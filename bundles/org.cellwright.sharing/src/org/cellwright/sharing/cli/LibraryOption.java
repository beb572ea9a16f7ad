package org.cellwright.sharing.cli;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.sharing.library.LibraryPath;

import picocli.CommandLine.Option;

/** The {@code --lib DIR} option of every command that resolves names from libraries (a picocli mixin). */
public class LibraryOption {

	@Option(names = "--lib", paramLabel = "DIR",
			description = "a library folder (repeatable); searched before $CELLWRIGHT_LIBRARY_PATH and ~/.cellwright/libraries")
	List<String> dirs = new ArrayList<>();

	/** The library path these options give. */
	public LibraryPath path() {
		return CliSupport.libraryPath(dirs);
	}
}
