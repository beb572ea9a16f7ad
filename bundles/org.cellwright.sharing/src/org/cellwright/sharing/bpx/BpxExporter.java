package org.cellwright.sharing.bpx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cellwright.lang.model.Cells;
import org.cellwright.lang.model.Layers;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Cell;
import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.CurrentStep;
import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.model.Layer;
import org.cellwright.model.Limit;
import org.cellwright.model.LimitKind;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Model;
import org.cellwright.model.Point;
import org.cellwright.model.Property;
import org.cellwright.model.Protocol;
import org.cellwright.model.Direction;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A cell's resolved parameters (SI) as BPX JSON (layout 0.x). Quantities with a BPX counterpart go to their BPX
 * section; the solid-state quantities (stack pressure, every layer of the stack, material properties without a BPX
 * name) go under {@code "User-defined"}; {@code // BPX "section" "key" = json} comments written by
 * {@link BpxImporter} fill the entries CellWright has no counterpart for, so export after import gives the file back.
 */
public final class BpxExporter {

	private static final Pattern KEPT = Pattern.compile("^//\\s*BPX\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s*=\\s*(.+)$");

	private BpxExporter() {
	}

	/**
	 * The fields BPX requires of a DFN parameter set, per section: the required fields of the BPX project's schema
	 * (FaradayInstitution/BPX, {@code bpx/schema.py}: {@code Cell}, {@code Electrolyte}, {@code ElectrodeSingle},
	 * {@code Contact}), as its validator ({@code ../shared/tools/bpx-validator/validate-bpx}) checks them.
	 */
	public static final Map<String, List<String>> REQUIRED = requiredFields();

	private static Map<String, List<String>> requiredFields() {
		Map<String, List<String>> m = new LinkedHashMap<>();
		m.put(BpxImporter.CELL, List.of("Electrode area [m2]", "Number of electrode pairs connected in parallel to make a cell",
				"Lower voltage cut-off [V]", "Upper voltage cut-off [V]", "Nominal cell capacity [A.h]"));
		m.put(BpxImporter.ELY, List.of("Cation transference number", "Diffusivity [m2.s-1]", "Conductivity [S.m-1]"));
		List<String> electrode = List.of("Minimum stoichiometry", "Maximum stoichiometry", "Maximum concentration [mol.m-3]", "Particle radius [m]",
				"Surface area per unit volume [m-1]", "Diffusivity [m2.s-1]", "OCP [V]", "Reaction rate constant [mol.m-2.s-1]", "Thickness [m]",
				"Porosity", "Transport efficiency", "Conductivity [S.m-1]");
		m.put(BpxImporter.NEG, electrode);
		m.put(BpxImporter.POS, electrode);
		m.put(BpxImporter.SEP, List.of("Thickness [m]", "Porosity", "Transport efficiency"));
		return java.util.Collections.unmodifiableMap(m);
	}

	/** The fields of a particle population (BPX's {@code Particle}): in each population of a blended electrode. */
	private static final List<String> PARTICLE_FIELDS = List.of("Minimum stoichiometry", "Maximum stoichiometry", "Maximum concentration [mol.m-3]",
			"Particle radius [m]", "Surface area per unit volume [m-1]", "Diffusivity [m2.s-1]", "OCP [V]", "Reaction rate constant [mol.m-2.s-1]");

	/**
	 * The fields BPX requires that a document lacks, as {@code "Section / key"} in the schema's order: what could not
	 * be exported because the cell has no value for it (nothing is invented to fill them).
	 */
	public static List<String> missingRequired(JsonObject bpx) {
		List<String> out = new ArrayList<>();
		JsonElement p = bpx.get("Parameterisation");
		JsonObject par = p != null && p.isJsonObject() ? p.getAsJsonObject() : new JsonObject();
		JsonElement h = bpx.get("Header");
		boolean spm = h != null && h.isJsonObject() && h.getAsJsonObject().has("Model") && "SPM".equals(h.getAsJsonObject().get("Model").getAsString());
		for (Map.Entry<String, List<String>> e : REQUIRED.entrySet()) {
			if (spm && (e.getKey().equals(BpxImporter.ELY) || e.getKey().equals(BpxImporter.SEP)))
				continue; // a single-particle model has neither
			JsonElement sec = par.get(e.getKey());
			JsonObject o = sec != null && sec.isJsonObject() ? sec.getAsJsonObject() : new JsonObject();
			// a blended electrode: the particle fields in each population of "Particle"
			JsonObject particles = o.has("Particle") && o.get("Particle").isJsonObject() ? o.getAsJsonObject("Particle") : null;
			for (String k : e.getValue())
				if (spm && List.of("Porosity", "Transport efficiency", "Conductivity [S.m-1]").contains(k))
					continue;
				else if (particles != null && PARTICLE_FIELDS.contains(k)) {
					for (Map.Entry<String, JsonElement> pop : particles.entrySet())
						if (!pop.getValue().isJsonObject() || !pop.getValue().getAsJsonObject().has(k))
							out.add(e.getKey() + " / Particle / " + pop.getKey() + " / " + k);
				} else if (!o.has(k))
					out.add(e.getKey() + " / " + k);
		}
		return out;
	}

	/** Where the language writes a required BPX field, by its key: what {@link #hint} suggests. */
	private static final Map<String, String> WRITE = Map.ofEntries(Map.entry("Lower voltage cut-off [V]", "lower-voltage-cutoff = ... V in the cell"),
			Map.entry("Upper voltage cut-off [V]", "upper-voltage-cutoff = ... V in the cell"),
			Map.entry("Nominal cell capacity [A.h]", "nominal-capacity = ... Ah in the cell"), Map.entry("Electrode area [m2]", "area = ... cm2 in the cell"),
			Map.entry("Minimum stoichiometry", "minimum-stoichiometry = ... in the electrode layer (or its material)"),
			Map.entry("Maximum stoichiometry", "maximum-stoichiometry = ... in the electrode layer (or its material)"),
			Map.entry("Cation transference number", "transference-number = ... in a liquid-electrolyte material"),
			Map.entry("Diffusivity [m2.s-1]", "diffusivity = ... (a liquid-electrolyte material's, or the electrode material's)"),
			Map.entry("OCP [V]", "ocv function V = ... (or ocv table) in the electrode material"),
			Map.entry("Maximum concentration [mol.m-3]", "max-concentration = ... mol/m3 in the electrode material"),
			Map.entry("Particle radius [m]", "particle-radius = ... um in the electrode layer"),
			Map.entry("Surface area per unit volume [m-1]", "active-volume-fraction = ... and particle-radius in the electrode layer"),
			Map.entry("Reaction rate constant [mol.m-2.s-1]", "exchange-current-rate-constant = ... in the electrode material"),
			Map.entry("Porosity", "porosity = ... in the layer"), Map.entry("Transport efficiency", "bruggeman-electrolyte = ... in the layer"),
			Map.entry("Thickness [m]", "the layer's thickness"));

	/** For a missing field ({@code "Section / key"}, as {@link #missingRequired} names it): " (write ...)" or "". */
	public static String hint(String field) {
		String key = field.substring(field.lastIndexOf(" / ") + 3);
		String w = WRITE.get(key);
		if (key.equals("Conductivity [S.m-1]"))
			w = field.startsWith(BpxImporter.ELY) ? "ionic-conductivity = ... in a liquid-electrolyte material" : "electronic-conductivity = ... in the electrode material";
		return w == null ? "" : " (write " + w + ")";
	}

	/** A cell's BPX document and what of the cell could not be exported (each with the reason). */
	public record Export(JsonObject json, List<String> notExported) {
	}

	/** The BPX document of a cell (its file's BPX comments included). */
	public static JsonObject export(Cell cell) {
		return exportWithReport(cell).json();
	}

	/** The BPX document of a cell and what of it BPX cannot hold (named, with the reason). */
	public static Export exportWithReport(Cell cell) {
		List<String> lost = new ArrayList<>();
		JsonObject root = new JsonObject();
		JsonObject header = new JsonObject();
		header.addProperty("BPX", NEWEST); // replaced below by the version the cell was imported from
		header.addProperty("Title", "CellWright cell " + cell.getName());
		header.addProperty("Model", "DFN");
		root.add("Header", header);
		JsonObject par = new JsonObject();
		root.add("Parameterisation", par);
		JsonObject c = section(par, BpxImporter.CELL), ely = section(par, BpxImporter.ELY), neg = section(par, BpxImporter.NEG),
				pos = section(par, BpxImporter.POS), sep = section(par, BpxImporter.SEP), user = new JsonObject();

		// comments kept by the importer (and the header lines it wrote)
		String text = textOf(cell);
		List<String[]> kept = new ArrayList<>();
		if (text != null) {
			for (String line : text.split("\\R")) {
				Matcher m = KEPT.matcher(line.trim());
				if (m.find()) {
					try {
						kept.add(new String[] { JsonParser.parseString(m.group(1)).getAsString(),
								JsonParser.parseString(m.group(2)).getAsString(), JsonParser.parseString(m.group(3)).toString() });
					} catch (RuntimeException e) {
						// a hand-edited comment that is not JSON any more: left out
					}
				}
				Matcher h = Pattern.compile("^// (Title|Description|Model): (.*)$").matcher(line);
				if (h.find())
					header.addProperty(h.group(1), h.group(2));
			}
		}
		double pairs = 1;
		for (String[] k : kept)
			if (k[0].equals(BpxImporter.CELL) && k[1].startsWith("Number of electrode pairs"))
				pairs = JsonParser.parseString(k[2]).getAsDouble();

		List<Layer> stack = Cells.effectiveLayers(cell);
		int s = -1;
		for (int i = 0; i < stack.size(); i++)
			if (ionConductor(kind(stack.get(i).getMaterial()))) {
				s = i;
				break;
			}
		Layer negL = null, posL = null, sepL = s >= 0 ? stack.get(s) : null;
		if (s >= 0) {
			Layer before = nearest(stack, s, -1), after = nearest(stack, s, +1);
			// the stack runs from the negative side unless a cathode comes first or an intercalation anode last
			boolean posFirst = before != null && kind(before.getMaterial()) == MaterialKind.INTERCALATION_CATHODE
					|| after != null && kind(after.getMaterial()) == MaterialKind.INTERCALATION_ANODE;
			negL = posFirst ? after : before;
			posL = posFirst ? before : after;
		} else if (Cells.isSingleParticle(cell)) {
			header.addProperty("Model", "SPM");
			// a single-particle cell has no separator: its intercalation-anode and intercalation-cathode layers
			for (Layer l : stack) {
				MaterialKind k = kind(l.getMaterial());
				if (k == MaterialKind.INTERCALATION_ANODE && negL == null)
					negL = l;
				else if (k == MaterialKind.INTERCALATION_CATHODE && posL == null)
					posL = l;
			}
		}

		// cell
		OptionalDouble area = Layers.si(cell, "area");
		if (area.isPresent()) {
			c.addProperty("Electrode area [m2]", area.getAsDouble() / pairs);
			// the cell's area is that of its electrode pairs together (one pair unless the import recorded more)
			if (pairs == Math.rint(pairs) && pairs >= 1)
				c.addProperty("Number of electrode pairs connected in parallel to make a cell", (long) pairs);
		}
		put(c, "Ambient temperature [K]", Layers.si(cell, "temperature"));
		Property cap = Cells.property(cell, "nominal-capacity");
		if (cap != null && cap.getValue() != null && Units.isKnown(cap.getValue().getUnit())) {
			double si = Units.toSI(cap.getValue()); // C or C/m2
			if (Units.parse(cap.getValue().getUnit()).dimension().siUnit().contains("/m2"))
				si *= area.orElse(Double.NaN);
			c.addProperty("Nominal cell capacity [A.h]", si / 3600);
		}
		double[] window = voltageWindow(cell);
		if (!Double.isNaN(window[0]))
			c.addProperty("Lower voltage cut-off [V]", window[0]);
		if (!Double.isNaN(window[1]))
			c.addProperty("Upper voltage cut-off [V]", window[1]);
		if (posL != null)
			put(c, "Reference temperature [K]", Layers.si(active(posL.getMaterial()), "reference-temperature"));
		put(user, "Stack pressure [Pa]", Layers.si(cell, "stack-pressure"));
		thermal(cell, c, lost);

		// electrodes and separator
		Material liquid = sepL == null ? null : liquid(sepL.getMaterial());
		double c0 = liquid != null && Layers.si(liquid, "initial-concentration").isPresent() ? Layers.si(liquid, "initial-concentration").getAsDouble()
				: initialConcentration(text) != null ? initialConcentration(text) : BpxImporter.DEFAULT_C0;
		double tRef = posL != null ? Layers.si(active(posL.getMaterial()), "reference-temperature").orElse(org.cellwright.solver.physics.Constants.T_REF)
				: org.cellwright.solver.physics.Constants.T_REF;
		Map<String, String> populationNames = populationNames(text);
		if (negL != null)
			electrode(neg, negL, true, user, "Negative electrode", c0, tRef, populationNames, lost);
		if (posL != null)
			electrode(pos, posL, false, user, "Positive electrode", c0, tRef, populationNames, lost);
		if (sepL != null) {
			layer(sep, sepL, lost, "Separator");
			if (liquid != null) {
				stateValue(ely, "Conductivity [S.m-1]", "Conductivity activation energy [J.mol-1]", liquid, "ionic-conductivity",
						"ionic-activation-energy", "c", tRef, lost, "Electrolyte");
				stateValue(ely, "Diffusivity [m2.s-1]", "Diffusivity activation energy [J.mol-1]", liquid, "diffusivity",
						"diffusion-activation-energy", "c", tRef, lost, "Electrolyte");
				constant(ely, "Cation transference number", liquid, "transference-number", lost, "Electrolyte");
				put(ely, "Initial concentration [mol.m-3]", Layers.si(liquid, "initial-concentration"));
				Property tdf = Cells.property(liquid, "thermodynamic-factor");
				if (tdf != null && (tdf.getValue() == null || Layers.si(liquid, "thermodynamic-factor").orElse(1) != 1))
					lost.add("Electrolyte: thermodynamic-factor (BPX has none: it assumes an ideal solution, 1)");
				others(liquid, user, "Electrolyte", List.of("ionic-conductivity", "ionic-activation-energy", "diffusivity", "diffusion-activation-energy",
						"transference-number", "initial-concentration", "reference-temperature", "thermodynamic-factor"));
			} else {
				Material e = active(sepL.getMaterial());
				put(ely, "Conductivity [S.m-1]", atBpxReference(Layers.si(e, "ionic-conductivity"), e, "ionic-activation-energy", tRef));
				put(ely, "Conductivity activation energy [J.mol-1]", Layers.si(e, "ionic-activation-energy"));
				others(e, user, "Electrolyte", List.of("ionic-conductivity", "ionic-activation-energy"));
			}
		}
		for (int i = 0; i < stack.size(); i++) {
			Layer l = stack.get(i);
			String p = "CellWright layer " + (i + 1) + " " + l.getName() + " (" + (l.getMaterial() == null ? "?" : l.getMaterial().getName()) + ")";
			put(user, p + ": thickness [m]", Layers.thickness(l));
			for (Property pr : l.getProperties())
				put(user, p + ": " + pr.getName() + " [" + siUnit(pr) + "]", Layers.si(l, pr.getName()));
		}

		// kept comments fill what CellWright has no counterpart for; an electrolyte function wins over its value at c0
		if (text != null) {
			Matcher pm = KEPT_PARTICLE.matcher(text);
			while (pm.find()) {
				try {
					String pop = JsonParser.parseString(pm.group(1)).getAsString(), section = JsonParser.parseString(pm.group(2)).getAsString();
					String key = JsonParser.parseString(pm.group(3)).getAsString();
					JsonElement v = JsonParser.parseString(pm.group(4).trim());
					JsonObject e = par.has(section) && par.get(section).isJsonObject() ? par.getAsJsonObject(section) : null;
					if (e != null && e.has("Particle") && e.getAsJsonObject("Particle").has(pop)) {
						JsonObject target = e.getAsJsonObject("Particle").getAsJsonObject(pop);
						if (!target.has(key))
							target.add(key, v);
					}
				} catch (RuntimeException x) {
					// a hand-edited comment that is not JSON any more: left out
				}
			}
		}
		for (String[] k : kept) {
			JsonObject target = k[0].equals(BpxImporter.USER) ? user : section(par, k[0]);
			JsonElement v = JsonParser.parseString(k[2]);
			if (!target.has(k[1]))
				target.add(k[1], v);
		}
		for (String[] k : kept) {
			JsonObject target = k[0].equals(BpxImporter.USER) ? user : section(par, k[0]);
			JsonElement v = JsonParser.parseString(k[2]);
			// (cells imported before the liquid electrolyte: a conductivity evaluated at ce0, its function kept as a comment)
			Double ce0 = ely.has("Initial concentration [mol.m-3]") ? Double.valueOf(ely.get("Initial concentration [mol.m-3]").getAsDouble())
					: initialConcentration(text);
			if (k[0].equals(BpxImporter.ELY) && k[1].startsWith("Conductivity [") && (v.isJsonObject() || v.isJsonPrimitive()
					&& v.getAsJsonPrimitive().isString()) && ce0 != null
					&& target.get(k[1]).isJsonPrimitive() && target.get(k[1]).getAsJsonPrimitive().isNumber()) {
				double at;
				try {
					at = v.isJsonObject() ? BpxImporter.interpolate(v.getAsJsonObject(), ce0) : PyExpression.evaluate(v.getAsString(), ce0);
				} catch (IllegalArgumentException e) {
					continue;
				}
				if (Math.abs(at - target.get(k[1]).getAsDouble()) <= 1e-9 * Math.abs(at))
					target.add(k[1], v);
			}
		}
		if (header.has("Model") && header.get("Model").getAsString().equals("SPM")) {
			// a single-particle-model file (as imported) has no electrolyte, separator or electrode transport: BPX
			// refuses them there, and the importer's placeholder separator is not the file's
			par.remove(BpxImporter.ELY);
			par.remove(BpxImporter.SEP);
			for (JsonObject e : List.of(neg, pos))
				for (String k : List.of("Porosity", "Transport efficiency", "Conductivity [S.m-1]"))
					e.remove(k);
		}
		String version = version(text);
		header.addProperty("BPX", version);
		if (!version.startsWith("0."))
			state(root, c, ely, user, text, stateOfCharge(negL, posL));
		else if (c.remove(HEAT_TRANSFER) != null)
			lost.add("Cell: heat-transfer-coefficient (BPX " + version + " has no place for it; BPX 1.x keeps it in \"State\")");
		if (user.size() > 0)
			par.add(BpxImporter.USER, user);
		for (String empty : List.of(BpxImporter.ELY, BpxImporter.SEP))
			if (par.has(empty) && par.getAsJsonObject(empty).size() == 0)
				par.remove(empty);
		return new Export(root, List.copyOf(lost));
	}

	private static final Pattern KEPT_PARTICLE = Pattern.compile(
			"^\\s*//\\s*BPX particle\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s+of\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s*=\\s*(.+)$",
			Pattern.MULTILINE);
	private static final Pattern POPULATION = Pattern.compile(
			"^\\s*//\\s*BPX particle\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s+of\\s+(\"(?:[^\"\\\\]|\\\\.)*\")\\s+is\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*$",
			Pattern.MULTILINE);

	/** Material name to BPX population name, from the importer's {@code // BPX particle "pop" of "section" is Name} lines. */
	private static Map<String, String> populationNames(String text) {
		Map<String, String> m = new java.util.HashMap<>();
		if (text == null)
			return m;
		Matcher x = POPULATION.matcher(text);
		while (x.find())
			try {
				m.put(x.group(3), JsonParser.parseString(x.group(1)).getAsString());
			} catch (RuntimeException e) {
				// not JSON any more: the material's name is used
			}
		return m;
	}

	static final String HEAT_TRANSFER = "Heat transfer coefficient [W.m-2.K-1]";

	/**
	 * The lumped thermal model's data (docs/sharing.md): BPX's lumped "Density", "Specific heat capacity", "External
	 * surface area" and "Volume" of the cell, and its heat-transfer coefficient (moved to "State" for BPX 1.x); the
	 * ambient temperature, when the cell gives one, as BPX's ambient and the cell's temperature as its initial one. A
	 * total heat-capacity without density and specific heat capacity has no BPX field and is named in {@code lost}.
	 */
	private static void thermal(Cell cell, JsonObject c, List<String> lost) {
		put(c, "Density [kg.m-3]", Layers.si(cell, "density"));
		put(c, "Specific heat capacity [J.K-1.kg-1]", Layers.si(cell, "specific-heat-capacity"));
		put(c, "External surface area [m2]", Layers.si(cell, "cooling-area"));
		put(c, "Volume [m3]", Layers.si(cell, "volume"));
		put(c, HEAT_TRANSFER, Layers.si(cell, "heat-transfer-coefficient"));
		OptionalDouble ambient = Layers.si(cell, "ambient-temperature");
		if (ambient.isPresent()) {
			put(c, "Initial temperature [K]", Layers.si(cell, "temperature"));
			put(c, "Ambient temperature [K]", ambient);
		}
		if (Layers.si(cell, "heat-capacity").isPresent() && !(c.has("Density [kg.m-3]") && c.has("Specific heat capacity [J.K-1.kg-1]")))
			lost.add("Cell: heat-capacity (BPX holds a lumped density and specific heat capacity with the volume, not a total heat capacity)");
	}

	/** The BPX version written when the cell was not imported from BPX: the newest layout (that of the BPX validator, 1.1.1). */
	public static final String NEWEST = "1.1.1";

	private static final Pattern IMPORTED = Pattern.compile("^// Imported from BPX ([0-9][0-9A-Za-z.+-]{0,20}) \\(", Pattern.MULTILINE);
	private static final Pattern KEPT_STATE = Pattern.compile(
			"^//\\s*BPX State\\s+(\"(?:[^\"\\\\]|\\\\.)*\")(?:\\s+(\"(?:[^\"\\\\]|\\\\.)*\"))?\\s*=\\s*(.+)$", Pattern.MULTILINE);

	/**
	 * The header version to write: the one the cell was imported from ({@code // Imported from BPX 0.4.0}, a 0.x number
	 * such as {@code 0.1} written {@code 0.1.0}), or {@link #NEWEST}.
	 */
	static String version(String text) {
		Matcher m = text == null ? null : IMPORTED.matcher(text);
		if (m == null || !m.find() || !m.group(1).matches("[0-9]+(\\.[0-9]+){0,2}"))
			return NEWEST;
		String v = m.group(1);
		for (int dots = v.replaceAll("[^.]", "").length(); dots < 2; dots++)
			v += ".0";
		return v;
	}

	/**
	 * BPX 1.x keeps temperatures and the initial electrolyte concentration in {@code "State"}, not in {@code "Cell"} and
	 * {@code "Electrolyte"}: moves them there (the cell's values win) and adds what the importer kept of the file's
	 * State ({@code // BPX State "group" "key" = json}); a thermal conductivity goes to {@code "User-defined"}.
	 */
	private static void state(JsonObject root, JsonObject c, JsonObject ely, JsonObject user, String text, Double soc) {
		JsonObject state = new JsonObject(), initial = new JsonObject(), thermal = new JsonObject();
		if (soc != null) {
			// the layers' initial state in the window; the imported file's own number where it is the same state
			Double kept = keptState(text, SOC);
			initial.addProperty(SOC, kept != null && Math.abs(kept - soc) <= 1e-9 ? kept : soc);
		}
		move(c, "Ambient temperature [K]", thermal, "Ambient temperature [K]");
		move(c, HEAT_TRANSFER, thermal, HEAT_TRANSFER);
		move(c, "Initial temperature [K]", initial, "Initial temperature [K]");
		move(ely, "Initial concentration [mol.m-3]", initial, BpxImporter.STATE_C0);
		move(c, "Thermal conductivity [W.m-1.K-1]", user, "Thermal conductivity [W.m-1.K-1]");
		state.add(BpxImporter.INITIAL, initial);
		state.add(BpxImporter.THERMAL, thermal);
		if (text != null) {
			Matcher m = KEPT_STATE.matcher(text);
			while (m.find()) {
				try {
					String group = JsonParser.parseString(m.group(1)).getAsString();
					JsonElement v = JsonParser.parseString(m.group(3).trim());
					if (m.group(2) == null) {
						if (!state.has(group) || state.get(group).isJsonObject() && state.getAsJsonObject(group).size() == 0)
							state.add(group, v);
					} else {
						if (!state.has(group) || !state.get(group).isJsonObject())
							state.add(group, new JsonObject());
						JsonObject g = state.getAsJsonObject(group);
						String key = JsonParser.parseString(m.group(2)).getAsString();
						if (!g.has(key))
							g.add(key, v);
					}
				} catch (RuntimeException e) {
					// a hand-edited comment that is not JSON any more: left out
				}
			}
		}
		for (String g : List.of(BpxImporter.INITIAL, BpxImporter.THERMAL))
			if (state.getAsJsonObject(g).size() == 0)
				state.remove(g);
		if (state.size() > 0)
			root.add(BpxImporter.STATE, state);
	}

	private static final String SOC = "Initial state-of-charge";

	/** The initial electrolyte concentration a BPX 1.x file kept in its State comment, if any. */
	private static Double initialConcentration(String text) {
		return keptState(text, BpxImporter.STATE_C0);
	}

	/** A number of a BPX 1.x file's State that the import kept as a comment, if any. */
	private static Double keptState(String text, String key) {
		if (text == null)
			return null;
		Matcher m = KEPT_STATE.matcher(text);
		while (m.find())
			try {
				if (m.group(2) != null && JsonParser.parseString(m.group(2)).getAsString().equals(key))
					return JsonParser.parseString(m.group(3).trim()).getAsDouble();
			} catch (RuntimeException e) {
				// not a number: none
			}
		return null;
	}

	private static void move(JsonObject from, String key, JsonObject to, String as) {
		JsonElement v = from.remove(key);
		if (v != null && !to.has(as))
			to.add(as, v);
	}

	/** BPX's exchange current has the exponents 1/2 on ce, cs and cmax - cs. */
	private static final List<String> EXPONENTS = List.of("exchange-current-electrolyte-exponent", "exchange-current-solid-exponent",
			"exchange-current-vacancy-exponent");

	private static void electrode(JsonObject o, Layer l, boolean negative, JsonObject user, String prefix, double c0, double tRef,
			Map<String, String> populationNames, List<String> lost) {
		layer(o, l, lost, prefix);
		List<Material> pops = populations(l.getMaterial(), negative ? MaterialKind.INTERCALATION_ANODE : MaterialKind.INTERCALATION_CATHODE);
		if (pops.size() > 1 && l.getMaterial() instanceof Composite blend) {
			// a blended electrode: one "Particle" entry per population, its surface area from its share of the active volume
			OptionalDouble eps = Layers.si(l, "active-volume-fraction");
			put(o, "Conductivity [S.m-1]", effectiveConductivity(l, pops.get(0)));
			JsonObject particles = new JsonObject();
			for (Component c : blend.getComponents()) {
				Material m = c.getMaterial();
				if (!pops.contains(m))
					continue;
				JsonObject p = new JsonObject();
				particle(p, l, m, negative, c0, tRef, lost, prefix + " / " + m.getName());
				if (Cells.property(m, "lithiation-ocp") != null || Cells.property(m, "delithiation-ocp") != null)
					lost.add(prefix + " / " + m.getName() + ": OCP hysteresis (lithiation-ocp, delithiation-ocp) of a blend population"
							+ " (BPX's \"User-defined\" branches are per electrode)");
				OptionalDouble r = Layers.si(m, "particle-radius");
				put(p, "Particle radius [m]", r);
				double share = c.getFraction() == null || !Units.isKnown(c.getFraction().getUnit()) ? Double.NaN : Units.toSI(c.getFraction());
				if (eps.isPresent() && r.isPresent() && !Double.isNaN(share))
					p.addProperty("Surface area per unit volume [m-1]", 3 * eps.getAsDouble() * share / r.getAsDouble());
				particles.add(populationNames.getOrDefault(m.getName(), m.getName()), p);
				others(m, user, prefix + " " + m.getName(), DONE);
			}
			o.add("Particle", particles);
			return;
		}
		Material m = active(l.getMaterial());
		if (m == null)
			return;
		put(o, "Conductivity [S.m-1]", effectiveConductivity(l, m));
		particle(o, l, m, negative, c0, tRef, lost, prefix);
		OptionalDouble eps = Layers.si(l, "active-volume-fraction"), r = Layers.si(l, "particle-radius");
		if (r.isEmpty())
			r = Layers.si(m, "particle-radius");
		put(o, "Particle radius [m]", r);
		if (eps.isPresent() && r.isPresent())
			o.addProperty("Surface area per unit volume [m-1]", 3 * eps.getAsDouble() / r.getAsDouble());
		// zeroth-order OCP hysteresis: under "User-defined" with PyBaMM's names, as BPX's example writes it (valid in 0.x and 1.x)
		stateValue(user, prefix + " lithiation OCP [V]", "-", m, "lithiation-ocp", "-", "x", tRef, lost, prefix);
		stateValue(user, prefix + " delithiation OCP [V]", "-", m, "delithiation-ocp", "-", "x", tRef, lost, prefix);
		others(m, user, prefix, DONE);
	}

	/**
	 * BPX's electrode conductivity is the effective one (PyBaMM applies no Bruggeman factor to it): the material's
	 * conductivity times (1 - porosity)^bruggeman-solid when the layer gives that exponent.
	 */
	private static OptionalDouble effectiveConductivity(Layer l, Material m) {
		OptionalDouble sigma = Layers.si(m, "electronic-conductivity"), bs = Layers.si(l, "bruggeman-solid"), eps = Layers.si(l, "porosity");
		if (sigma.isEmpty() || bs.isEmpty() || bs.getAsDouble() == 0 || eps.isEmpty())
			return sigma;
		return OptionalDouble.of(sigma.getAsDouble() * Math.pow(1 - eps.getAsDouble(), bs.getAsDouble()));
	}

	private static final List<String> DONE = List.of("diffusivity", "electronic-conductivity", "max-concentration", "diffusion-activation-energy",
			"exchange-current-activation-energy", "exchange-current-density", "initial-stoichiometry", "reference-temperature",
			"exchange-current-rate-constant", "exchange-current-electrolyte-exponent", "exchange-current-solid-exponent",
			"exchange-current-vacancy-exponent", "particle-radius", "lithiation-ocp", "delithiation-ocp");

	/** The particle parameters of one active material (BPX's "Particle" fields). */
	private static void particle(JsonObject o, Layer l, Material m, boolean negative, double c0, double tRef, List<String> lost, String where) {
		stateValue(o, "Diffusivity [m2.s-1]", "Diffusivity activation energy [J.mol-1]", m, "diffusivity", "diffusion-activation-energy", "x", tRef,
				lost, where);
		if (Cells.property(m, "entropic-coefficient") != null)
			stateValue(o, "Entropic change coefficient [V.K-1]", "Entropic change coefficient activation energy", m, "entropic-coefficient",
					"entropic-coefficient-activation-energy", "x", tRef, lost, where);
		put(o, "Maximum concentration [mol.m-3]", Layers.si(m, "max-concentration"));
		put(o, "Reaction rate constant activation energy [J.mol-1]", Layers.si(m, "exchange-current-activation-energy"));
		OptionalDouble k = Layers.si(m, "exchange-current-rate-constant"), cMax = Layers.si(m, "max-concentration");
		OptionalDouble i0 = Layers.si(m, "exchange-current-density");
		if (k.isPresent() && cMax.isPresent()) {
			// i0 = k ce^0.5 cs^0.5 (cmax - cs)^0.5 = F k_BPX sqrt(ce/ce0 x (1 - x)): k_BPX = k cmax sqrt(ce0) / F
			boolean half = true;
			for (String e : EXPONENTS)
				half &= Layers.si(m, e).orElse(0.5) == 0.5;
			if (half)
				o.addProperty("Reaction rate constant [mol.m-2.s-1]", k.getAsDouble() * cMax.getAsDouble() * Math.sqrt(c0) / BpxImporter.F
						* toBpxReference(m, "exchange-current-activation-energy", tRef));
			else
				lost.add(where + ": exchange-current exponents other than 1/2 (BPX's exchange current is F k sqrt(ce/ce0 x (1 - x)))");
		} else if (i0.isPresent())
			// i0 at ce = ce0 and x = 1/2 (the language's meaning): F k_BPX / 2
			o.addProperty("Reaction rate constant [mol.m-2.s-1]", 2 * i0.getAsDouble() / BpxImporter.F
					* toBpxReference(m, "exchange-current-activation-energy", tRef));
		else if (Cells.property(m, "exchange-current-density") != null)
			lost.add(where + ": exchange-current-density as a function (BPX's exchange current is F k sqrt(ce/ce0 x (1 - x)))");
		// the stoichiometry window: the layer's minimum- and maximum-stoichiometry, else the material's
		put(o, "Minimum stoichiometry", window(l, m, "minimum-stoichiometry"));
		put(o, "Maximum stoichiometry", window(l, m, "maximum-stoichiometry"));
		// a cell imported before those properties: its material's initial-stoichiometry is the discharged end (negative:
		// minimum, positive: maximum), the other end is a kept comment
		String discharged = negative ? "Minimum stoichiometry" : "Maximum stoichiometry";
		if (!o.has(discharged))
			put(o, discharged, Layers.si(m, "initial-stoichiometry"));
		if (m.getOcvFunction() != null && m.getOcvFunction().getBody() != null) {
			ICompositeNode n = NodeModelUtils.findActualNodeFor(m.getOcvFunction().getBody());
			if (n != null) {
				double f = Units.convert(1, m.getOcvFunction().getYUnit(), "V");
				String py = NodeModelUtils.getTokenText(n).replace("^", "**").replaceAll("\\bln\\(", "log(");
				o.addProperty("OCP [V]", f == 1 ? py : f + " * (" + py + ")");
			}
		} else if (m.getOcv() != null) {
			JsonArray xs = new JsonArray(), ys = new JsonArray();
			for (Point p : m.getOcv().getPoints()) {
				xs.add(p.getX());
				ys.add(Units.convert(p.getY(), m.getOcv().getYUnit(), "V"));
			}
			JsonObject t = new JsonObject();
			t.add("x", xs);
			t.add("y", ys);
			o.add("OCP [V]", t);
		}
	}

	/** An end of the stoichiometry window: the layer's (of all its host materials), else the material's. */
	private static OptionalDouble window(Layer l, Material m, String name) {
		OptionalDouble v = Layers.si(l, name);
		return v.isPresent() ? v : Layers.si(m, name);
	}

	/**
	 * The initial state of charge of a cell whose electrode layers give their window and initial-stoichiometry, as BPX
	 * defines it (negative: (x - minimum) / (maximum - minimum); positive: (maximum - y) / (maximum - minimum)); null
	 * if neither electrode gives all three or it is outside [0, 1].
	 */
	private static Double stateOfCharge(Layer negL, Layer posL) {
		for (Layer l : java.util.Arrays.asList(negL, posL)) {
			if (l == null)
				continue;
			Material m = active(l.getMaterial());
			OptionalDouble x = Layers.si(l, "initial-stoichiometry"), lo = window(l, m, "minimum-stoichiometry"), hi = window(l, m, "maximum-stoichiometry");
			if (x.isEmpty() || lo.isEmpty() || hi.isEmpty() || !(hi.getAsDouble() > lo.getAsDouble()))
				continue;
			double span = hi.getAsDouble() - lo.getAsDouble();
			double s = l == negL ? (x.getAsDouble() - lo.getAsDouble()) / span : (hi.getAsDouble() - x.getAsDouble()) / span;
			return s >= 0 && s <= 1 ? s : null;
		}
		return null;
	}

	/** The active materials of an electrode layer of this kind: the material, or each such component of its composite. */
	private static List<Material> populations(Material m, MaterialKind kind) {
		List<Material> out = new ArrayList<>();
		if (m instanceof Composite c) {
			for (Component k : c.getComponents())
				if (k.getMaterial() != null && !(k.getMaterial() instanceof Composite) && k.getMaterial().getKind() == kind)
					out.add(k.getMaterial());
		} else if (m != null)
			out.add(m);
		return out;
	}

	/** The liquid electrolyte of a separator layer: its material, or the liquid component of its composite; else null. */
	private static Material liquid(Material m) {
		if (m instanceof Composite c) {
			for (Component k : c.getComponents())
				if (k.getMaterial() != null && !(k.getMaterial() instanceof Composite) && k.getMaterial().getKind() == MaterialKind.LIQUID_ELECTROLYTE)
					return k.getMaterial();
			return null;
		}
		return m != null && m.getKind() == MaterialKind.LIQUID_ELECTROLYTE ? m : null;
	}

	private static boolean ionConductor(MaterialKind k) {
		return k == MaterialKind.SOLID_ELECTROLYTE || k == MaterialKind.LIQUID_ELECTROLYTE;
	}

	/** True if the parentheses of the text pair up (so "(f) * exp(...)" is f times the factor, not "(a) * (b) * exp"). */
	private static boolean balanced(String t) {
		int depth = 0;
		for (char ch : t.toCharArray()) {
			if (ch == '(')
				depth++;
			else if (ch == ')' && --depth < 0)
				return false;
		}
		return depth == 0;
	}

	private static final Pattern ARRHENIUS = Pattern.compile(
			"^\\(\\s*(.*)\\s*\\)\\s*\\*\\s*exp\\(\\s*([0-9.eE+-]+)\\s*/\\s*R\\s*\\*\\s*\\(\\s*1\\s*/\\s*([0-9.eE+-]+)\\s*-\\s*1\\s*/\\s*T\\s*\\)\\s*\\)$");
	private static final List<String> FUNCTIONS = List.of("exp", "ln", "log", "log10", "sqrt", "abs", "tanh", "sinh", "cosh", "sin", "cos", "min",
			"max", "pow");

	/**
	 * A property that may be a function of the state as BPX writes it: a constant (with its activation energy beside
	 * it), a function of the one variable (an Arrhenius factor about the reference temperature, as the importer
	 * writes it, becomes the activation energy), or a table. Anything else (T inside the function, another variable)
	 * is named in {@code lost}.
	 */
	private static void stateValue(JsonObject o, String key, String eaKey, Material m, String name, String eaName, String variable, double tRef,
			List<String> lost, String where) {
		Property p = Cells.property(m, name);
		if (p == null)
			return;
		if (p.getValue() != null) {
			put(o, key, atBpxReference(Layers.si(m, name), m, eaName, tRef));
			put(o, eaKey, Layers.si(m, eaName));
			return;
		}
		if (p.getFunction() != null && p.getFunction().getBody() != null) {
			ICompositeNode n = NodeModelUtils.findActualNodeFor(p.getFunction().getBody());
			String body = n == null ? null : NodeModelUtils.getTokenText(n).trim();
			if (body == null)
				return;
			if (!p.getRanges().isEmpty()) {
				ICompositeNode rn = NodeModelUtils.findActualNodeFor(p.getRanges().get(0));
				lost.add(where + ": " + name + "'s range '" + (rn == null ? "for ..." : NodeModelUtils.getTokenText(rn).trim())
						+ "' (BPX states no range for a function; the function is written without it)");
			}
			String written = body;
			Double ea = null;
			Matcher a = ARRHENIUS.matcher(body);
			if (a.matches()) {
				try {
					double t = Double.parseDouble(a.group(3));
					if (balanced(a.group(1))) {
						ea = Double.parseDouble(a.group(2));
						body = a.group(1).trim();
						// about another temperature T0: f exp(E/R (1/T0 - 1/T)) = [f exp(E/R (1/T0 - 1/Tref))] exp(E/R (1/Tref - 1/T))
						if (Math.abs(t - tRef) > 1e-9 * tRef)
							body = BpxImporter.fmt(Math.exp(ea / GAS_CONSTANT * (1 / t - 1 / tRef))) + " * (" + body + ")";
					}
				} catch (NumberFormatException e) {
					// not a number: the function stays as it is
				}
			}
			for (Matcher id = Pattern.compile("(?<![0-9.eE])\\b([A-Za-z_][A-Za-z0-9_]*)\\b(\\s*\\()?").matcher(body); id.find();) {
				String w = id.group(1);
				boolean call = id.group(2) != null;
				if (call ? !FUNCTIONS.contains(w) : !(w.equals(variable) || w.equals("pi"))) {
					if (!call && TEMPERATURE_TERMS.contains(w) && atReference(o, key, eaKey, m, p, written, variable, tRef, lost, where))
						return;
					boolean t = Pattern.compile("(?<![A-Za-z0-9_.])T(?![A-Za-z0-9_])").matcher(body).find();
					lost.add(where + ": " + name + " (a function of " + (t ? "T" : call ? w + "(...)" : w) + "; BPX's functions are of " + (variable.equals("c")
							? "the concentration" : "the stoichiometry") + " x only, with an Arrhenius factor about the reference temperature "
							+ BpxImporter.fmt(tRef) + " K)");
					return;
				}
			}
			if (ea == null && Layers.si(m, eaName).orElse(0) != 0) {
				// a function of the state alone takes the material's activation energy about its reference temperature
				// (PropertyFunctions.arrhenius): BPX's is about its one reference, tRef
				ea = Layers.si(m, eaName).getAsDouble();
				double k = toBpxReference(m, eaName, tRef);
				if (k != 1)
					body = BpxImporter.fmt(k) + " * (" + body + ")";
			}
			double f = p.getFunction().getYUnit() == null || p.getFunction().getYUnit().isEmpty() ? 1
					: Units.convert(1, p.getFunction().getYUnit(), Units.parse(p.getFunction().getYUnit()).dimension().siUnit());
			String py = body.replaceAll("(?<![A-Za-z0-9_.])" + variable + "(?![A-Za-z0-9_])", "x").replace("^", "**").replaceAll("\\bln\\(", "log(");
			o.addProperty(key, f == 1 ? py : BpxImporter.fmt(f) + " * (" + py + ")");
			if (ea != null)
				o.addProperty(eaKey, ea);
			return;
		}
		if (p.getTable() != null) {
			JsonArray xs = new JsonArray(), ys = new JsonArray();
			String yu = p.getTable().getYUnit(), xu = p.getTable().getXUnit();
			double k = toBpxReference(m, eaName, tRef); // a table takes the material's activation energy as a function does
			for (Point pt : p.getTable().getPoints()) {
				xs.add(xu == null || xu.isEmpty() ? pt.getX() : Units.parse(xu).toSI(pt.getX()));
				ys.add(k * (yu == null || yu.isEmpty() ? pt.getY() : Units.parse(yu).toSI(pt.getY())));
			}
			JsonObject t = new JsonObject();
			t.add("x", xs);
			t.add("y", ys);
			o.add(key, t);
			if (Layers.si(m, eaName).orElse(0) != 0)
				put(o, eaKey, Layers.si(m, eaName));
		}
	}

	/**
	 * The factor that takes a value of m's Arrhenius law (activation energy eaName, about m's reference-temperature,
	 * 298.15 K if not set: PropertyFunctions.arrhenius) to BPX's one reference temperature tRef [K], exp(-E/R (1/tRef -
	 * 1/Tm)); 1 without an activation energy. A cell whose electrodes and electrolyte state different reference
	 * temperatures wrote each value at its own one under BPX's single "Reference temperature [K]" before session 27.
	 */
	private static double toBpxReference(Material m, String eaName, double tRef) {
		OptionalDouble ea = Layers.si(m, eaName);
		return ea.isEmpty() ? 1
				: org.cellwright.solver.physics.Constants.arrhenius(ea.getAsDouble(), tRef,
						Layers.si(m, "reference-temperature").orElse(org.cellwright.solver.physics.Constants.T_REF));
	}

	/** A value of m's law at its reference temperature ({@link #toBpxReference}) at BPX's reference tRef; empty stays empty. */
	private static OptionalDouble atBpxReference(OptionalDouble v, Material m, String eaName, double tRef) {
		return v.isEmpty() ? v : OptionalDouble.of(v.getAsDouble() * toBpxReference(m, eaName, tRef));
	}

	private static final double GAS_CONSTANT = org.cellwright.lang.expressions.Expressions.CONSTANTS.get("R");
	/** The words of a function that {@link #atReference} writes as numbers: the temperature and the constants. */
	private static final List<String> TEMPERATURE_TERMS = List.of("T", "R", "F");

	/**
	 * A function of the state and T in BPX's form, found numerically (the language evaluates it): its value at the
	 * reference temperature as a function of x (T, R and F written as numbers) and the activation energy E = R
	 * d ln f / d(1/Tref - 1/T) at Tref. Where f(s, T) / f(s, Tref) is exp(E/R (1/Tref - 1/T)) at every state s and
	 * temperature sampled (to 1e-9; an Arrhenius factor about another temperature, a factor in which T cancels) this is
	 * exact; else the function is written so (exact at Tref, its slope there) and named in {@code lost} with the largest
	 * deviation from 258 to 338 K. False (nothing written) if the function cannot be evaluated or written.
	 */
	private static boolean atReference(JsonObject o, String key, String eaKey, Material m, Property p, String body, String variable, double tRef,
			List<String> lost, String where) {
		org.cellwright.solver.dfn.StateFunction f;
		try {
			f = org.cellwright.lang.expressions.PropertyFunctions.compile(p);
		} catch (RuntimeException e) {
			return false;
		}
		String py = body.replaceAll("(?<![A-Za-z0-9_.])T(?![A-Za-z0-9_])", "(" + BpxImporter.fmt(tRef) + ")");
		for (String c : List.of("R", "F"))
			py = py.replaceAll("(?<![A-Za-z0-9_.])" + c + "(?![A-Za-z0-9_(])", BpxImporter.fmt(org.cellwright.lang.expressions.Expressions.CONSTANTS.get(c)));
		py = py.replaceAll("(?<![A-Za-z0-9_.])" + variable + "(?![A-Za-z0-9_])", "x").replace("^", "**").replaceAll("\\bln\\(", "log(");
		double unit = p.getFunction().getYUnit() == null || p.getFunction().getYUnit().isEmpty() ? 1
				: Units.convert(1, p.getFunction().getYUnit(), Units.parse(p.getFunction().getYUnit()).dimension().siUnit());
		double[] states = variable.equals("c") ? new double[] { 250, 500, 1000, 1500, 2000 } : new double[] { 0.1, 0.3, 0.5, 0.7, 0.9 };
		double mid = variable.equals("c") ? 1000 : 0.5, h = 0.01; // central difference in T: error of order (h / Tref)^2
		try {
			for (double s : states) {
				double want = f.at(s, tRef), got = unit * PyExpression.evaluate(py, s);
				if (!(Math.abs(got - want) <= 1e-9 * Math.abs(want)))
					return false; // the text written as numbers is not the function the language evaluates
			}
			double ea = GAS_CONSTANT * Math.log(f.at(mid, tRef + h) / f.at(mid, tRef - h)) / (1 / (tRef - h) - 1 / (tRef + h));
			if (!Double.isFinite(ea))
				return false;
			double worst = 0;
			for (double t = 258.15; t <= 338.15; t += 10)
				for (double s : states)
					worst = Math.max(worst, Math.abs(f.at(s, t) / (f.at(s, tRef) * Math.exp(ea / GAS_CONSTANT * (1 / tRef - 1 / t))) - 1));
			if (worst <= 1e-9)
				ea = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", ea)); // exact: the digits beyond the test's 1e-9 are rounding
			else
				lost.add(where + ": " + p.getName() + " (its temperature dependence is not an Arrhenius factor: written as its value at the reference"
						+ " temperature " + BpxImporter.fmt(tRef) + " K with the apparent activation energy there, " + String.format(java.util.Locale.ROOT,
								"%.1f", ea) + " J/mol, exact at " + BpxImporter.fmt(tRef) + " K and off by up to " + String.format(java.util.Locale.ROOT, "%.2g", 100 * worst)
						+ " % from 258 to 338 K)");
			o.addProperty(key, unit == 1 ? py : BpxImporter.fmt(unit) + " * (" + py + ")");
			if (!eaKey.equals("-"))
				o.addProperty(eaKey, ea);
			return true;
		} catch (IllegalArgumentException e) {
			return false;
		}
	}

	/** A property BPX holds as a number only; a function or table of it is named in {@code lost}. */
	private static void constant(JsonObject o, String key, Material m, String name, List<String> lost, String where) {
		Property p = Cells.property(m, name);
		if (p == null)
			return;
		if (p.getValue() != null)
			put(o, key, Layers.si(m, name));
		else
			lost.add(where + ": " + name + " as a function or table (BPX holds a number)");
	}

	private static void others(Material m, JsonObject user, String prefix, List<String> done) {
		if (m == null)
			return;
		for (Property p : m.getProperties())
			if (!done.contains(p.getName()))
				put(user, prefix + ": " + p.getName() + " [" + siUnit(p) + "]", Layers.si(m, p.getName()));
	}

	private static void layer(JsonObject o, Layer l, List<String> lost, String where) {
		put(o, "Thickness [m]", Layers.thickness(l));
		OptionalDouble eps = Layers.si(l, "porosity");
		if (eps.isEmpty() && l.getMaterial() != null && liquid(l.getMaterial()) != null) {
			// an electrolyte separator: all electrolyte, or the electrolyte's vol% of its composite
			if (l.getMaterial() instanceof Composite c) {
				for (Component k : c.getComponents())
					if (k.getMaterial() == liquid(c) && k.getFraction() != null && Units.isKnown(k.getFraction().getUnit()))
						eps = OptionalDouble.of(Units.toSI(k.getFraction()));
			} else
				eps = OptionalDouble.of(1);
		}
		put(o, "Porosity", eps);
		OptionalDouble be = Layers.si(l, "bruggeman-electrolyte"), tau = Layers.si(l, "tortuosity"), b = Layers.si(l, "bruggeman");
		if (eps.isPresent() && be.isPresent())
			o.addProperty("Transport efficiency", Math.pow(eps.getAsDouble(), be.getAsDouble()));
		else if (eps.isPresent() && tau.isPresent())
			o.addProperty("Transport efficiency", eps.getAsDouble() / tau.getAsDouble());
		else if (eps.isPresent() && b.isPresent())
			o.addProperty("Transport efficiency", Math.pow(eps.getAsDouble(), b.getAsDouble()));
	}

	/**
	 * The cell's voltage window: its {@code lower-voltage-cutoff} and {@code upper-voltage-cutoff} (inherited through
	 * {@code extends}), else the lowest discharge and highest charge voltage cut-off of the protocols of its experiments.
	 */
	public static double[] voltageWindow(Cell cell) {
		OptionalDouble low = Layers.si(cell, "lower-voltage-cutoff"), high = Layers.si(cell, "upper-voltage-cutoff");
		double[] fromExperiments = low.isPresent() && high.isPresent() ? new double[] { Double.NaN, Double.NaN } : experimentWindow(cell);
		return new double[] { low.orElse(fromExperiments[0]), high.orElse(fromExperiments[1]) };
	}

	/** Lowest discharge and highest charge voltage cut-off of the protocols of this cell's experiments. */
	private static double[] experimentWindow(Cell cell) {
		double lo = Double.NaN, hi = Double.NaN;
		// the experiments of this file, or of any file loaded beside it (a library cell used by a project's experiment)
		List<EObject> roots = new ArrayList<>();
		if (cell.eResource() != null && cell.eResource().getResourceSet() != null)
			for (org.eclipse.emf.ecore.resource.Resource r : cell.eResource().getResourceSet().getResources())
				roots.addAll(r.getContents());
		else
			roots.add(EcoreUtilRoot(cell));
		for (EObject root : roots)
			if (root instanceof Model model)
				for (Element e : model.getElements())
					if (e instanceof Experiment x && x.getCell() == cell)
						for (Protocol p : x.getProtocols())
							for (java.util.Iterator<EObject> it = p.eAllContents(); it.hasNext();)
								if (it.next() instanceof CurrentStep st)
									for (Limit lim : st.getLimits())
										if (lim.getKind() == LimitKind.UNTIL && lim.getValue() != null && "V".equals(siUnitOf(lim.getValue().getUnit()))) {
											double v = Units.toSI(lim.getValue());
											if (st.getDirection() == Direction.CHARGE)
												hi = Double.isNaN(hi) ? v : Math.max(hi, v);
											else
												lo = Double.isNaN(lo) ? v : Math.min(lo, v);
										}
		return new double[] { lo, hi };
	}

	private static EObject EcoreUtilRoot(EObject o) {
		while (o.eContainer() != null)
			o = o.eContainer();
		return o;
	}

	private static String siUnitOf(String unit) {
		return unit != null && Units.isKnown(unit) ? Units.parse(unit).dimension().siUnit() : null;
	}

	private static String siUnit(Property p) {
		String u = p.getValue() == null ? null : siUnitOf(p.getValue().getUnit());
		return u == null ? "1" : u;
	}

	private static Layer nearest(List<Layer> stack, int from, int dir) {
		for (int i = from + dir; i >= 0 && i < stack.size(); i += dir) {
			MaterialKind k = kind(stack.get(i).getMaterial());
			if (k != MaterialKind.CURRENT_COLLECTOR && !ionConductor(k))
				return stack.get(i);
		}
		return null;
	}

	/** The material itself, or the active (intercalation cathode or anode, alloy or lithium) component of a composite. */
	private static Material active(Material m) {
		if (m instanceof Composite c) {
			for (Component k : c.getComponents())
				if (k.getMaterial() != null && (k.getMaterial().getKind() == MaterialKind.INTERCALATION_CATHODE
						|| k.getMaterial().getKind() == MaterialKind.INTERCALATION_ANODE
						|| k.getMaterial().getKind() == MaterialKind.ALLOY_HOST || k.getMaterial().getKind() == MaterialKind.LITHIUM_METAL))
					return k.getMaterial();
			return c.getComponents().isEmpty() ? c : c.getComponents().get(0).getMaterial();
		}
		return m;
	}

	private static MaterialKind kind(Material m) {
		return kind(m, new ArrayList<>());
	}

	private static MaterialKind kind(Material m, List<Material> enclosing) {
		if (m == null || enclosing.contains(m))
			return null; // a composite that contains itself (a validation error)
		if (m instanceof Composite c) {
			enclosing.add(c);
			MaterialKind best = c.getComponents().isEmpty() ? null : MaterialKind.SOLID_ELECTROLYTE;
			for (Component k : c.getComponents()) {
				MaterialKind x = kind(k.getMaterial(), enclosing);
				if (x == MaterialKind.INTERCALATION_CATHODE || x == MaterialKind.INTERCALATION_ANODE)
					return x;
				if (x == MaterialKind.LIQUID_ELECTROLYTE)
					best = x;
				else if (x != null && x != MaterialKind.SOLID_ELECTROLYTE && best == MaterialKind.SOLID_ELECTROLYTE)
					best = x;
			}
			enclosing.remove(c);
			return best;
		}
		return m.getKind();
	}

	private static JsonObject section(JsonObject par, String name) {
		if (!par.has(name))
			par.add(name, new JsonObject());
		return par.getAsJsonObject(name);
	}

	private static void put(JsonObject o, String key, OptionalDouble v) {
		if (v.isPresent())
			o.addProperty(key, v.getAsDouble());
	}

	private static String textOf(EObject o) {
		ICompositeNode n = NodeModelUtils.getNode(EcoreUtilRoot(o));
		return n == null ? null : n.getRootNode().getText();
	}
}
