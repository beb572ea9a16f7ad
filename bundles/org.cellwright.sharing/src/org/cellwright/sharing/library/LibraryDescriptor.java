package org.cellwright.sharing.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cellwright.lang.text.Printable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code library.json}, the descriptor of a library:
 *
 * <pre>
 * { "name": "acme-electrolytes", "version": "1.2.0", "licence": "CC-BY-4.0",
 *   "authors": ["A. Lab"], "citation": "A. Lab et al., J. Power Sources 2026", "doi": "10.1234/abcd",
 *   "dependencies": { "acme-base": "[1.0,2.0)" } }
 * </pre>
 *
 * {@code cellwright pack} adds {@code "packages"} (what the library defines) and {@code "resolved"} (the dependency
 * versions it was validated against).
 */
public record LibraryDescriptor(String name, Version version, String licence, List<String> authors, String citation, String doi,
		String description, Map<String, VersionRange> dependencies, List<String> packages, Map<String, String> resolved) {

	public static final String FILE = "library.json";

	public static LibraryDescriptor read(Path dir) throws LibraryException {
		Path f = dir.resolve(FILE);
		if (!Files.isRegularFile(f))
			throw new LibraryException(dir + ": not a library (no " + FILE + ")");
		try {
			return parse(Files.readString(f, StandardCharsets.UTF_8), f.toString());
		} catch (IOException e) {
			throw new LibraryException(f + ": cannot read: " + e.getMessage(), e);
		}
	}

	/**
	 * Parses a descriptor. Every field must have its type (a wrongly typed field, such as {@code "authors"} given as
	 * objects, is refused with a message naming the field); unknown fields are ignored.
	 */
	public static LibraryDescriptor parse(String json, String where) throws LibraryException {
		where = Printable.escape(where);
		JsonObject o;
		try {
			JsonElement root = JsonParser.parseString(json);
			if (!root.isJsonObject())
				throw new LibraryException(where + ": not a JSON object");
			o = root.getAsJsonObject();
		} catch (RuntimeException | StackOverflowError e) {
			throw new LibraryException(where + ": not a JSON object: " + Printable.escape(Printable.shorten(org.cellwright.solver.input.json.JsonSyntax.reason(e))));
		}
		String name = string(o, "name", where);
		if (name == null || !name.matches("[a-z][a-z0-9_.-]{0,63}"))
			throw new LibraryException(where + ": \"name\" must be lower case letters, digits, '-', '_' or '.' (at most 64, starting with a letter; got "
					+ (name == null ? "none" : Printable.quoted(name)) + ")");
		Version version;
		try {
			version = Version.parse(string(o, "version", where));
		} catch (IllegalArgumentException e) {
			throw new LibraryException(where + ": \"version\": " + Printable.escape(e.getMessage()));
		}
		String licence = string(o, "licence", where) != null ? string(o, "licence", where) : string(o, "license", where);
		if (licence == null || licence.isBlank())
			throw new LibraryException(where + ": \"licence\" is required (an SPDX identifier such as CC-BY-4.0), so users know what they may do with it");
		Map<String, VersionRange> deps = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : stringMap(o, "dependencies", where, "{\"library\": \"[1.0,2.0)\"}").entrySet()) {
			try {
				deps.put(e.getKey(), VersionRange.parse(e.getValue()));
			} catch (RuntimeException x) {
				throw new LibraryException(where + ": dependency " + Printable.quoted(e.getKey()) + ": " + Printable.escape(Printable.shorten(String.valueOf(x.getMessage()))));
			}
		}
		Map<String, String> resolved = stringMap(o, "resolved", where, "{\"library\": \"1.2.0\"}");
		return new LibraryDescriptor(name, version, licence, strings(o, "authors", where), string(o, "citation", where), string(o, "doi", where),
				string(o, "description", where), deps, strings(o, "packages", where), resolved);
	}

	public LibraryDescriptor with(List<String> packages, Map<String, String> resolved) {
		return new LibraryDescriptor(name, version, licence, authors, citation, doi, description, dependencies, packages, resolved);
	}

	public String toJson() {
		JsonObject o = new JsonObject();
		o.addProperty("name", name);
		o.addProperty("version", version.toString());
		o.addProperty("licence", licence);
		JsonArray a = new JsonArray();
		authors.forEach(a::add);
		o.add("authors", a);
		if (citation != null) o.addProperty("citation", citation);
		if (doi != null) o.addProperty("doi", doi);
		if (description != null) o.addProperty("description", description);
		JsonObject d = new JsonObject();
		dependencies.forEach((k, v) -> d.addProperty(k, v.text()));
		o.add("dependencies", d);
		JsonArray p = new JsonArray();
		packages.forEach(p::add);
		o.add("packages", p);
		JsonObject r = new JsonObject();
		resolved.forEach(r::addProperty);
		o.add("resolved", r);
		return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
	}

	/** {@code name version}, as in messages. */
	public String id() {
		return name + " " + version;
	}

	/** A text field, or null if absent; numbers and booleans are taken as their text; anything else is refused. */
	private static String string(JsonObject o, String k, String where) throws LibraryException {
		JsonElement e = o.get(k);
		if (e == null || e.isJsonNull())
			return null;
		if (!e.isJsonPrimitive())
			throw new LibraryException(where + ": \"" + k + "\" must be a text, not " + kind(e));
		return e.getAsString();
	}

	/** A list of texts (or one text). */
	private static List<String> strings(JsonObject o, String k, String where) throws LibraryException {
		List<String> out = new ArrayList<>();
		JsonElement e = o.get(k);
		if (e == null || e.isJsonNull())
			return List.of();
		if (e.isJsonPrimitive())
			return List.of(e.getAsString());
		if (!e.isJsonArray())
			throw new LibraryException(where + ": \"" + k + "\" must be a list of texts, such as [\"A. Researcher\"], not " + kind(e));
		int i = 0;
		for (JsonElement x : e.getAsJsonArray()) {
			if (!x.isJsonPrimitive())
				throw new LibraryException(where + ": \"" + k + "\"[" + i + "] must be a text, such as \"A. Researcher\", not " + kind(x));
			out.add(x.getAsString());
			i++;
		}
		return List.copyOf(out);
	}

	/** An object of texts. */
	private static Map<String, String> stringMap(JsonObject o, String k, String where, String example) throws LibraryException {
		Map<String, String> out = new LinkedHashMap<>();
		JsonElement e = o.get(k);
		if (e == null || e.isJsonNull())
			return out;
		if (!e.isJsonObject())
			throw new LibraryException(where + ": \"" + k + "\" must be an object " + example + ", not " + kind(e));
		for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
			if (!x.getValue().isJsonPrimitive())
				throw new LibraryException(where + ": \"" + k + "\" / \"" + Printable.escape(Printable.shorten(x.getKey())) + "\" must be a text, not " + kind(x.getValue()));
			out.put(x.getKey(), x.getValue().getAsString());
		}
		return out;
	}

	private static String kind(JsonElement e) {
		return e.isJsonObject() ? "an object" : e.isJsonArray() ? "a list" : e.isJsonNull() ? "null" : "a value";
	}
}
