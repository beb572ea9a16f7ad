package org.cellwright.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.cellwright.model.Cell;
import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Property;
import org.cellwright.model.Protocol;
import org.cellwright.model.Sweep;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The files whose content changed a run's inputs: the run's inputs.json and the inputs now are compared part by part,
 * and each part that differs is traced to the element of the model that defines it now (a cell's value to the cell of
 * its {@code extends} chain that writes it, a layer to the cell that declares it, a material's value to the material,
 * a component's fraction to its composite, the protocol, the experiment's settings, a swept value to the sweep). So a
 * stack pressure changed in half-cells.cell is named there, not in the experiments' file that imports it.
 */
final class ChangedFiles {
	private ChangedFiles() {}

	/** The names of the files (in the order the changes are found), empty when none can be told. */
	static List<String> of(JsonObject before, JsonObject now, RunUnit unit, Element group) {
		Experiment x = unit.experiment();
		if (x == null || before == null || now == null) return List.of();
		Set<String> files = new LinkedHashSet<>();
		JsonObject c0 = object(before, "cell"), c1 = object(now, "cell");
		Cell cell = x.getCell();
		if (!Objects.equals(c0.get("name"), c1.get("name"))) files.add(file(x)); // the experiment runs another cell
		// the cell's own values: the cell of the chain that writes the value, or a sweep that sets it
		for (String key : differing(c0, c1, Set.of("name", "layers"))) {
			String property = org.cellwright.run.store.Changes.dashed(key);
			if (group instanceof Sweep s && unit.parameters() != null && unit.parameters().containsKey(property)) files.add(file(s));
			else files.add(file(writer(cell, property)));
		}
		Map<String, JsonObject> l0 = byName(c0.get("layers")), l1 = byName(c1.get("layers"));
		Map<String, Material> materials = materials(cell);
		Set<String> layers = new LinkedHashSet<>(l1.keySet());
		layers.addAll(l0.keySet());
		for (String name : layers) {
			JsonObject a = l0.get(name), b = l1.get(name);
			Layer layer = declaring(cell, name);
			String layerFile = file(layer != null ? layer : cell);
			boolean swept = group instanceof Sweep && unit.parameters() != null
					&& unit.parameters().keySet().stream().anyMatch(k -> k.startsWith(name + "."));
			if (a == null || b == null || !differing(a, b, Set.of("components")).isEmpty()) files.add(swept ? file(group) : layerFile);
			if (a == null || b == null) continue;
			JsonArray k0 = array(a, "components"), k1 = array(b, "components");
			if (k0.size() != k1.size()) {
				files.add(layer != null && layer.getMaterial() instanceof Composite k ? file(k) : layerFile);
				continue;
			}
			for (int i = 0; i < k0.size(); i++) {
				JsonObject p = k0.get(i).getAsJsonObject(), q = k1.get(i).getAsJsonObject();
				if (!Objects.equals(p.get("mass_fraction"), q.get("mass_fraction")))
					files.add(layer != null && layer.getMaterial() instanceof Composite k ? file(k) : layerFile);
				JsonObject m0 = object(p, "material"), m1 = object(q, "material");
				if (!m0.equals(m1)) {
					Material m = materials.get(m1.has("name") ? m1.get("name").getAsString() : "");
					files.add(m != null ? file(m) : layerFile);
				}
			}
		}
		if (!Objects.equals(before.get("protocol"), now.get("protocol"))) {
			Protocol p = x.getProtocols().isEmpty() ? null : x.getProtocols().get(0);
			files.add(file(p != null ? p : x));
		}
		if (!Objects.equals(before.get("solver_settings"), now.get("solver_settings"))) files.add(file(x));
		files.remove(null);
		return new ArrayList<>(files);
	}

	/** The cell of the {@code extends} chain (from {@code cell}) that writes the property, else {@code cell}. */
	private static EObject writer(Cell cell, String property) {
		int depth = 0;
		for (Cell c = cell; c != null && depth++ < 64; c = c.getBase())
			for (Property p : c.getProperties()) if (property.equals(p.getName())) return c;
		return cell;
	}

	/** The layer of this name declared nearest to {@code cell} along its {@code extends} chain, or null. */
	private static Layer declaring(Cell cell, String name) {
		int depth = 0;
		for (Cell c = cell; c != null && depth++ < 64; c = c.getBase())
			for (Layer l : c.getLayers()) if (name.equals(l.getName())) return l;
		return null;
	}

	/** Every material the chain's layers use, by name (a composite and the materials of its components). */
	private static Map<String, Material> materials(Cell cell) {
		Map<String, Material> out = new HashMap<>();
		int depth = 0;
		for (Cell c = cell; c != null && depth++ < 64; c = c.getBase())
			for (Layer l : c.getLayers()) {
				Material m = l.getMaterial();
				if (m == null) continue;
				out.putIfAbsent(m.getName(), m);
				if (m instanceof Composite k) for (Component co : k.getComponents())
					if (co.getMaterial() != null) out.putIfAbsent(co.getMaterial().getName(), co.getMaterial());
			}
		return out;
	}

	/** The name of the file an element is written in, or null (an element without a resource). */
	static String file(EObject o) {
		if (o == null || o.eResource() == null || o.eResource().getURI() == null) return null;
		URI uri = o.eResource().getURI();
		return uri.lastSegment() == null ? uri.toString() : URI.decode(uri.lastSegment());
	}

	/** The members of a and b (both objects) that differ, skipping some. */
	private static List<String> differing(JsonObject a, JsonObject b, Set<String> skip) {
		Set<String> keys = new LinkedHashSet<>(b.keySet());
		keys.addAll(a.keySet());
		List<String> out = new ArrayList<>();
		for (String k : keys) if (!skip.contains(k) && !Objects.equals(a.get(k), b.get(k))) out.add(k);
		return out;
	}

	private static Map<String, JsonObject> byName(JsonElement layers) {
		Map<String, JsonObject> out = new java.util.LinkedHashMap<>();
		if (layers instanceof JsonArray a) for (JsonElement e : a)
			if (e instanceof JsonObject o && o.get("name") != null) out.put(o.get("name").getAsString(), o);
		return out;
	}

	private static JsonObject object(JsonObject o, String k) {
		return o != null && o.get(k) instanceof JsonObject v ? v : new JsonObject();
	}

	private static JsonArray array(JsonObject o, String k) {
		return o.get(k) instanceof JsonArray v ? v : new JsonArray();
	}
}
