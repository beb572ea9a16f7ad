package org.cellwright.sharing.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code cellwright-project.json} at the root of a project: the libraries (and versions) its files use.
 *
 * <pre>
 * { "name": "interlayer-study", "libraries": { "acme-electrolytes": "[1.0,2.0)" } }
 * </pre>
 *
 * Found by walking up from the folder of the first file checked or run. Without one, every library on the library path
 * is visible (the newest version of each).
 */
public record ProjectDescriptor(Path file, String name, Map<String, VersionRange> libraries, String text) {

	public static final String FILE = "cellwright-project.json";

	/** The project file in this folder or the nearest one above it, or null. */
	public static ProjectDescriptor find(Path start) throws LibraryException {
		for (Path d = start == null ? null : start.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
			Path f = d.resolve(FILE);
			if (Files.isRegularFile(f))
				return read(f);
		}
		return null;
	}

	public static ProjectDescriptor read(Path f) throws LibraryException {
		String text;
		try {
			text = Files.readString(f, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new LibraryException(f + ": cannot read: " + e.getMessage(), e);
		}
		JsonObject o;
		try {
			o = JsonParser.parseString(text).getAsJsonObject();
		} catch (RuntimeException | StackOverflowError e) {
			throw new LibraryException(f + ":1:1: error: not a JSON object: " + e.getMessage());
		}
		Map<String, VersionRange> libs = new LinkedHashMap<>();
		if (o.has("libraries") && o.get("libraries").isJsonObject())
			for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("libraries").entrySet()) {
				try {
					libs.put(e.getKey(), VersionRange.parse(e.getValue().getAsString()));
				} catch (RuntimeException x) {
					throw new LibraryException(f + ":" + new ProjectDescriptor(f, null, libs, text).line(e.getKey()) + ":1: error: library "
							+ e.getKey() + ": " + x.getMessage());
				}
			}
		JsonElement name = o.get("name");
		return new ProjectDescriptor(f, name != null && name.isJsonPrimitive() ? name.getAsString() : null, libs, text);
	}

	/** The 1-based line where a library is declared (1 if not found). */
	public int line(String library) {
		int i = text.indexOf("\"" + library + "\"");
		if (i < 0)
			return 1;
		int line = 1;
		for (int k = 0; k < i; k++)
			if (text.charAt(k) == '\n')
				line++;
		return line;
	}
}
