package org.cellwright.diagram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

/**
 * Node positions the user chose (by moving nodes), kept beside the file in {@code .<name>.cell.layout.json}, never in
 * the .cell text: node id -> [x, y]. Nodes without a stored position are placed by ELK. An unreadable sidecar is
 * ignored (ELK places everything) and replaced on the next move.
 */
public final class LayoutSidecar {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

	private LayoutSidecar() {}

	public static Path of(Path cellFile) {
		return cellFile.resolveSibling("." + cellFile.getFileName() + ".layout.json");
	}

	public static Map<String, double[]> read(Path cellFile) {
		Path p = of(cellFile);
		if (!Files.isRegularFile(p)) return new TreeMap<>();
		try {
			Map<String, double[]> m = GSON.fromJson(Files.readString(p, StandardCharsets.UTF_8), new TypeToken<TreeMap<String, double[]>>() {}.getType());
			if (m == null) return new TreeMap<>();
			m.values().removeIf(v -> v == null || v.length != 2 || !Double.isFinite(v[0]) || !Double.isFinite(v[1]));
			return m;
		} catch (IOException | JsonParseException e) {
			return new TreeMap<>();
		}
	}

	/** Stores the positions (merged into the stored ones), written atomically. */
	public static void store(Path cellFile, Map<String, double[]> moved) throws IOException {
		Map<String, double[]> all = new TreeMap<>(read(cellFile));
		all.putAll(moved);
		write(cellFile, all);
	}

	/**
	 * Moves the stored positions of nodes whose ids changed (old id -> new id: a rename, {@link KeptPlaces}) to their
	 * new ids; nothing is written if none of the old ids has a position.
	 */
	public static void rekey(Path cellFile, Map<String, String> ids) throws IOException {
		if (!Files.isRegularFile(of(cellFile))) return;
		Map<String, double[]> all = new TreeMap<>(read(cellFile)), moved = new TreeMap<>();
		for (Map.Entry<String, String> e : ids.entrySet()) {
			double[] at = all.remove(e.getKey());
			if (at != null) moved.put(e.getValue(), at);
		}
		if (moved.isEmpty()) return;
		all.putAll(moved);
		write(cellFile, all);
	}

	private static void write(Path cellFile, Map<String, double[]> all) throws IOException {
		Path p = of(cellFile);
		Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
		Files.writeString(tmp, GSON.toJson(all), StandardCharsets.UTF_8);
		Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
