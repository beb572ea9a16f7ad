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
			for (String k : e.getValue())
				if (!o.has(k) && !(spm && List.of("Porosity", "Transport efficiency", "Conductivity [S.m-1]").contains(k)))
					out.add(e.getKey() + " / " + k);
		}
		return out;
	}

	/** The BPX document of a cell (its file's BPX comments included). */
	public static JsonObject export(Cell cell) {
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
			if (kind(stack.get(i).getMaterial()) == MaterialKind.SOLID_ELECTROLYTE) {
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

		// electrodes and separator
		if (negL != null)
			electrode(neg, negL, true, user, "Negative electrode");
		if (posL != null)
			electrode(pos, posL, false, user, "Positive electrode");
		if (sepL != null) {
			layer(sep, sepL);
			Material e = active(sepL.getMaterial());
			put(ely, "Conductivity [S.m-1]", Layers.si(e, "ionic-conductivity"));
			put(ely, "Conductivity activation energy [J.mol-1]", Layers.si(e, "ionic-activation-energy"));
			others(e, user, "Electrolyte", List.of("ionic-conductivity", "ionic-activation-energy"));
		}
		for (int i = 0; i < stack.size(); i++) {
			Layer l = stack.get(i);
			String p = "CellWright layer " + (i + 1) + " " + l.getName() + " (" + (l.getMaterial() == null ? "?" : l.getMaterial().getName()) + ")";
			put(user, p + ": thickness [m]", Layers.thickness(l));
			for (Property pr : l.getProperties())
				put(user, p + ": " + pr.getName() + " [" + siUnit(pr) + "]", Layers.si(l, pr.getName()));
		}

		// kept comments fill what CellWright has no counterpart for; an electrolyte function wins over its value at c0
		for (String[] k : kept) {
			JsonObject target = k[0].equals(BpxImporter.USER) ? user : section(par, k[0]);
			JsonElement v = JsonParser.parseString(k[2]);
			if (!target.has(k[1]))
				target.add(k[1], v);
		}
		for (String[] k : kept) {
			JsonObject target = k[0].equals(BpxImporter.USER) ? user : section(par, k[0]);
			JsonElement v = JsonParser.parseString(k[2]);
			Double c0 = ely.has("Initial concentration [mol.m-3]") ? Double.valueOf(ely.get("Initial concentration [mol.m-3]").getAsDouble())
					: initialConcentration(text);
			if (k[0].equals(BpxImporter.ELY) && k[1].startsWith("Conductivity [") && (v.isJsonObject() || v.isJsonPrimitive()
					&& v.getAsJsonPrimitive().isString()) && c0 != null
					&& target.get(k[1]).isJsonPrimitive() && target.get(k[1]).getAsJsonPrimitive().isNumber()) {
				double at;
				try {
					at = v.isJsonObject() ? BpxImporter.interpolate(v.getAsJsonObject(), c0) : PyExpression.evaluate(v.getAsString(), c0);
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
			state(root, c, ely, user, text);
		if (user.size() > 0)
			par.add(BpxImporter.USER, user);
		for (String empty : List.of(BpxImporter.ELY, BpxImporter.SEP))
			if (par.has(empty) && par.getAsJsonObject(empty).size() == 0)
				par.remove(empty);
		return root;
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
	private static void state(JsonObject root, JsonObject c, JsonObject ely, JsonObject user, String text) {
		JsonObject state = new JsonObject(), initial = new JsonObject(), thermal = new JsonObject();
		move(c, "Ambient temperature [K]", thermal, "Ambient temperature [K]");
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

	/** The initial electrolyte concentration a BPX 1.x file kept in its State comment, if any. */
	private static Double initialConcentration(String text) {
		if (text == null)
			return null;
		Matcher m = KEPT_STATE.matcher(text);
		while (m.find())
			try {
				if (m.group(2) != null && JsonParser.parseString(m.group(2)).getAsString().equals(BpxImporter.STATE_C0))
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

	private static void electrode(JsonObject o, Layer l, boolean negative, JsonObject user, String prefix) {
		layer(o, l);
		Material m = active(l.getMaterial());
		if (m == null)
			return;
		put(o, "Diffusivity [m2.s-1]", Layers.si(m, "diffusivity"));
		put(o, "Conductivity [S.m-1]", Layers.si(m, "electronic-conductivity"));
		put(o, "Maximum concentration [mol.m-3]", Layers.si(m, "max-concentration"));
		put(o, "Diffusivity activation energy [J.mol-1]", Layers.si(m, "diffusion-activation-energy"));
		put(o, "Reaction rate constant activation energy [J.mol-1]", Layers.si(m, "exchange-current-activation-energy"));
		OptionalDouble i0 = Layers.si(m, "exchange-current-density");
		if (i0.isPresent())
			o.addProperty("Reaction rate constant [mol.m-2.s-1]", i0.getAsDouble() / BpxImporter.F);
		put(o, negative ? "Minimum stoichiometry" : "Maximum stoichiometry", Layers.si(m, "initial-stoichiometry"));
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
		others(m, user, prefix, List.of("diffusivity", "electronic-conductivity", "max-concentration", "diffusion-activation-energy",
				"exchange-current-activation-energy", "exchange-current-density", "initial-stoichiometry", "reference-temperature"));
	}

	private static void others(Material m, JsonObject user, String prefix, List<String> done) {
		if (m == null)
			return;
		for (Property p : m.getProperties())
			if (!done.contains(p.getName()))
				put(user, prefix + ": " + p.getName() + " [" + siUnit(p) + "]", Layers.si(m, p.getName()));
	}

	private static void layer(JsonObject o, Layer l) {
		put(o, "Thickness [m]", Layers.thickness(l));
		OptionalDouble eps = Layers.si(l, "porosity"), tau = Layers.si(l, "tortuosity");
		put(o, "Porosity", eps);
		put(o, "Particle radius [m]", Layers.si(l, "particle-radius"));
		if (eps.isPresent() && tau.isPresent())
			o.addProperty("Transport efficiency", eps.getAsDouble() / tau.getAsDouble());
	}

	/** Lowest discharge and highest charge voltage cut-off of the protocols of this cell's experiments. */
	private static double[] voltageWindow(Cell cell) {
		double lo = Double.NaN, hi = Double.NaN;
		EObject root = EcoreUtilRoot(cell);
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
			if (k != MaterialKind.CURRENT_COLLECTOR && k != MaterialKind.SOLID_ELECTROLYTE)
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
				if (x != null && x != MaterialKind.SOLID_ELECTROLYTE && best == MaterialKind.SOLID_ELECTROLYTE)
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
