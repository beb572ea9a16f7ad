package org.cellwright.lang.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the repository's examples (the tests run with the test bundle as working directory). */
final class TestFiles {
	private TestFiles() {
	}

	static Path repoRoot() {
		Path p = Path.of("").toAbsolutePath();
		for (Path q = p; q != null; q = q.getParent())
			if (Files.isDirectory(q.resolve("examples")) && Files.isDirectory(q.resolve("bundles")))
				return q;
		throw new IllegalStateException("repository root not found from " + p);
	}

	static List<Path> examples() throws IOException {
		try (Stream<Path> s = Files.walk(repoRoot().resolve("examples"))) {
			return s.filter(f -> f.toString().endsWith(".cell")).sorted().toList();
		}
	}
}
