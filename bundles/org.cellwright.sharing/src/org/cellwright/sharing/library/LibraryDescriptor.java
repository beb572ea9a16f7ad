package org.cellwright.sharing.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	public static LibraryDescriptor parse(String json, String where) throws LibraryException {
		JsonObject o;
		try {
			o = JsonParser.parseString(json).getAsJsonObject();
		} catch (RuntimeException e) {
			throw new LibraryException(where + ": not a JSON object: " + e.getMessage());
		}
		String name = string(o, "name");
		if (name == null || !name.matches("[a-z][a-z0-9_.-]{0,63}"))
			throw new LibraryException(where + ": \"name\" must be lower case letters, digits, '-', '_' or '.' (got " + name + ")");
		Version version;
		try {
			version = Version.parse(string(o, "version"));
		} catch (IllegalArgumentException e) {
			throw new LibraryException(where + ": \"version\": " + e.getMessage());
		}
		String licence = string(o, "licence") != null ? string(o, "licence") : string(o, "license");
		if (licence == null || licence.isBlank())
			throw new LibraryException(where + ": \"licence\" is required (an SPDX identifier such as CC-BY-4.0), so users know what they may do with it");
		Map<String, VersionRange> deps = new LinkedHashMap<>();
		if (o.has("dependencies")) {
			if (!o.get("dependencies").isJsonObject())
				throw new LibraryException(where + ": \"dependencies\" must be an object {\"library\": \"[1.0,2.0)\"}");
			for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("dependencies").entrySet()) {
				try {
					deps.put(e.getKey(), VersionRange.parse(e.getValue().getAsString()));
				} catch (RuntimeException x) {
					throw new LibraryException(where + ": dependency " + e.getKey() + ": " + x.getMessage());
				}
			}
		}
		Map<String, String> resolved = new LinkedHashMap<>();
		if (o.has("resolved") && o.get("resolved").isJsonObject())
			for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("resolved").entrySet())
				resolved.put(e.getKey(), e.getValue().getAsString());
		return new LibraryDescriptor(name, version, licence, strings(o, "authors"), string(o, "citation"), string(o, "doi"),
				string(o, "description"), deps, strings(o, "packages"), resolved);
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

	private static String string(JsonObject o, String k) {
		JsonElement e = o.get(k);
		return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
	}

	private static List<String> strings(JsonObject o, String k) {
		List<String> out = new ArrayList<>();
		JsonElement e = o.get(k);
		if (e != null && e.isJsonArray())
			for (JsonElement x : e.getAsJsonArray())
				out.add(x.getAsString());
		else if (e != null && e.isJsonPrimitive())
			out.add(e.getAsString());
		return List.copyOf(out);
	}
}
