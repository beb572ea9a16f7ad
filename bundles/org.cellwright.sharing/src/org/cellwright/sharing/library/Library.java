package org.cellwright.sharing.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A library found on disk: its descriptor and its folder. */
public record Library(LibraryDescriptor descriptor, Path dir) {

	/** The .cell files of the library, sorted. */
	public List<Path> cellFiles() {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(f -> f.toString().endsWith(".cell") && Files.isRegularFile(f)).map(f -> f.toAbsolutePath().normalize())
					.sorted().toList();
		} catch (IOException e) {
			return List.of();
		}
	}

	public String name() {
		return descriptor.name();
	}

	public Version version() {
		return descriptor.version();
	}

	@Override
	public String toString() {
		return descriptor.id() + " (" + dir + ")";
	}
}
