package org.cellwright.run.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What travels to the executors of a cluster: the CellWright jars (solver, run pipeline, this engine) and their
 * libraries, not Spark's own (the workers have those). The list is {@value SparkRunExecutor#JARS_PROPERTY} (set by
 * ./cellwright); a folder on it (classes of a build, in tests) travels as a jar made of it.
 */
final class Jars {
	private Jars() {}

	static List<String> toShip() {
		String list = System.getProperty(SparkRunExecutor.JARS_PROPERTY);
		if (list == null || list.isBlank())
			throw new IllegalArgumentException("-D" + SparkRunExecutor.JARS_PROPERTY + " names no jars to send to the cluster's executors"
					+ " (./cellwright sets it; see the README, 'Runs on Apache Spark')");
		List<String> out = new ArrayList<>();
		for (String e : list.split(File.pathSeparator)) {
			if (e.isBlank()) continue;
			Path p = Path.of(e);
			if (Files.isDirectory(p)) out.add(jarOf(p).toUri().toString());
			else if (Files.isRegularFile(p)) out.add(p.toUri().toString());
		}
		return out;
	}

	/** A jar of a folder of classes, in the temporary folder (deleted when the JVM ends). */
	static Path jarOf(Path dir) {
		try {
			Path jar = Files.createTempFile("cellwright-classes-", ".jar");
			jar.toFile().deleteOnExit();
			try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o); Stream<Path> s = Files.walk(dir)) {
				for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
					j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
					Files.copy(f, j);
					j.closeEntry();
				}
			}
			return jar;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
