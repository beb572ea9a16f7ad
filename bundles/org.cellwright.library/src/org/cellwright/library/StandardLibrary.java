package org.cellwright.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The CellWright standard library: .cell files shipped in this bundle (folder library/), importable from any file
 * by their package, e.g. {@code import cellwright.materials.*}. Load {@link #urls()} into the resource set that
 * holds the user's files (the language does this itself for scoping; the CLI and IDE may do it explicitly).
 * No dependencies: works in OSGi (bundleresource: URLs) and on a plain class path (jar: or file: URLs).
 */
public final class StandardLibrary {

	/** Paths of the library files inside this bundle, in load order. */
	public static final List<String> PATHS = List.of(
			"library/cellwright/materials.cell",
			"library/cellwright/ncm811.cell",
			"library/cellwright/composites.cell",
			// standard DFN parameter sets (docs/dfn.md, "Parameter sets")
			"library/cellwright/chen2020.cell",
			"library/cellwright/marquis2019.cell",
			"library/cellwright/ecker2015.cell");

	/** Packages the library declares. */
	public static final List<String> PACKAGES = List.of("cellwright.materials", "cellwright.composites", "cellwright.sets.chen2020",
			"cellwright.sets.marquis2019", "cellwright.sets.ecker2015");

	private StandardLibrary() {
	}

	/** URLs of the library files (bundleresource:, jar: or file:). */
	public static List<URL> urls() {
		List<URL> out = new ArrayList<>();
		for (String p : PATHS) {
			URL u = StandardLibrary.class.getResource("/" + p);
			if (u == null)
				throw new IllegalStateException("standard library file missing from org.cellwright.library: " + p);
			out.add(u);
		}
		return out;
	}

	/** Opens one library file by its path in {@link #PATHS}. */
	public static InputStream open(String path) {
		URL u = StandardLibrary.class.getResource("/" + path);
		if (u == null)
			throw new IllegalArgumentException("no such library file: " + path);
		try {
			return u.openStream();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
