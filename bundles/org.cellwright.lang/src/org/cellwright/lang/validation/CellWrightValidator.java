package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.cellwright.lang.CellWrightResourceDescriptionStrategy;
import org.cellwright.lang.Limits;
import org.cellwright.lang.expectations.Metric;
import org.cellwright.lang.expressions.Expressions;
import org.cellwright.lang.library.StandardLibraryIndex;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.model.Composites;
import org.cellwright.lang.model.Layers;
import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.properties.PropertyCatalog.Entry;
import org.cellwright.lang.properties.PropertyCatalog.Owner;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Cell;
import org.cellwright.model.CellwrightPackage;
import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.CurrentStep;
import org.cellwright.model.Direction;
import org.cellwright.model.Element;
import org.cellwright.model.Comparison;
import org.cellwright.model.Expectation;
import org.cellwright.model.Experiment;
import org.cellwright.model.Formula;
import org.cellwright.model.Import;
import org.cellwright.model.Layer;
import org.cellwright.model.LayerPosition;
import org.cellwright.model.Limit;
import org.cellwright.model.LimitKind;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Model;
import org.cellwright.model.Point;
import org.cellwright.model.Property;
import org.cellwright.model.PropertyOwner;
import org.cellwright.model.Protocol;
import org.cellwright.model.ProtocolCall;
import org.cellwright.model.Quantity;
import org.cellwright.model.Repeat;
import org.cellwright.model.Rest;
import org.cellwright.model.Step;
import org.cellwright.model.StepGroup;
import org.cellwright.model.Sweep;
import org.cellwright.model.SweepParameter;
import org.cellwright.model.Table;
import org.cellwright.model.VoltageHold;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.ValidationMessageAcceptor;
import org.cellwright.lang.text.Printable;

import com.google.inject.Inject;

/**
 * The rules of the CellWright language. Each message says what is wrong and what would be right. Issue codes are
 * the constants below (stable; tests and quick fixes use them).
 */
public class CellWrightValidator extends AbstractCellWrightValidator {

	public static final String UNKNOWN_UNIT = "cellwright.unknownUnit";
	public static final String WRONG_DIMENSION = "cellwright.wrongDimension";
	public static final String OUT_OF_RANGE = "cellwright.outOfRange";
	public static final String UNKNOWN_PROPERTY = "cellwright.unknownProperty";
	public static final String DUPLICATE_NAME = "cellwright.duplicateName";
	public static final String FRACTIONS_SUM = "cellwright.fractionsSum";
	public static final String FRACTION_BASIS = "cellwright.fractionBasis";
	public static final String CYCLIC_COMPOSITE = "cellwright.cyclicComposite";
	public static final String NOT_SIMULATED = "cellwright.notSimulated";
	public static final String MISSING_THICKNESS = "cellwright.missingThickness";
	public static final String INCONSISTENT_POROSITY = "cellwright.inconsistentPorosity";
	public static final String STACK = "cellwright.stack";
	public static final String SE_REDUCTION = "cellwright.seReduction";
	public static final String CYCLIC_EXTENDS = "cellwright.cyclicExtends";
	public static final String UNKNOWN_LAYER = "cellwright.unknownLayer";
	public static final String STEP_NEVER_ENDS = "cellwright.stepNeverEnds";
	public static final String UNREACHABLE_CUTOFF = "cellwright.unreachableCutoff";
	public static final String SIGNED_RATE = "cellwright.signedRate";
	public static final String CYCLIC_PROTOCOL = "cellwright.cyclicProtocol";
	public static final String UNRESOLVED_IMPORT = "cellwright.unresolvedImport";
	public static final String CYCLIC_IMPORT = "cellwright.cyclicImport";
	public static final String EXPRESSION = "cellwright.expression";
	public static final String TABLE = "cellwright.table";
	public static final String UNKNOWN_OUTPUT = "cellwright.unknownOutput";
	public static final String SWEEP = "cellwright.sweep";
	public static final String EXPECTATION = "cellwright.expectation";
	public static final String MISSING_PROPERTY = "cellwright.missingProperty";
	public static final String CHAIN_TOO_LONG = "cellwright.chainTooLong";

	/** Keys of what is computed once per validation of a resource (in {@link #getContext()}). */
	private static final String EXTENDS_LINKS = "cellwright.extendsLinks", RUN_GRAPH = "cellwright.runGraph",
			COMPOSITE_GRAPH = "cellwright.compositeGraph";

	private static final double FRACTION_TOLERANCE = 0.005;

	@Inject
	private ResourceDescriptionsProvider descriptionsProvider;
	@Inject
	private StandardLibraryIndex library;
	@Inject
	private IQualifiedNameProvider nameProvider;
	@Inject
	private IQualifiedNameConverter nameConverter;

	/**
	 * A check that fails unexpectedly is reported at the element it was checking (file:line:col), never as a stack
	 * trace; the other checks go on.
	 */
	@Override
	protected void handleExceptionDuringValidation(Throwable targetException) throws RuntimeException {
		if (targetException instanceof RuntimeException || targetException instanceof StackOverflowError) {
			EObject at = getCurrentObject();
			if (at != null && !(targetException instanceof org.eclipse.xtext.validation.GuardException)) {
				error("internal error while checking this element (" + targetException + "): please report it with the file", at, null,
						ValidationMessageAcceptor.INSIGNIFICANT_INDEX, null);
				return;
			}
		}
		super.handleExceptionDuringValidation(targetException);
	}

	@Override
	public void acceptError(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
		super.acceptError(Printable.escape(message), object, feature, index, code, issueData);
	}

	@Override
	public void acceptWarning(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
		super.acceptWarning(Printable.escape(message), object, feature, index, code, issueData);
	}

	@Override
	public void acceptInfo(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
		super.acceptInfo(Printable.escape(message), object, feature, index, code, issueData);
	}

	// ---------------------------------------------------------------- units and properties

	@Check
	public void checkUnit(Quantity q) {
		if (!Units.isKnown(q.getUnit()))
			error(Units.unknownUnitMessage(q.getUnit()), q, QUANTITY__UNIT, UNKNOWN_UNIT);
	}

	/** Reports a wrong dimension at the unit token (or at the number when the unit is missing). */
	private boolean checkDimension(Quantity q, String what, String expected, Set<Dimension> accepted) {
		if (q == null || !Units.isKnown(q.getUnit()))
			return false;
		Dimension d = Units.dimensionOf(q);
		if (accepted.contains(d))
			return true;
		boolean noUnit = q.getUnit() == null || q.getUnit().isEmpty();
		String got = noUnit ? "a plain number without unit" : "'" + q.getUnit() + "' is " + d.description().replaceFirst(":.*", "");
		error(what + " expects " + expected + ", but " + got, q, noUnit ? QUANTITY__VALUE : QUANTITY__UNIT, WRONG_DIMENSION);
		return false;
	}

	private static Set<Dimension> accepted(Entry e) {
		Set<Dimension> s = new HashSet<>();
		for (Dimension d : Dimension.values())
			if (e.accepts(d))
				s.add(d);
		return s;
	}

	@Check
	public void checkProperty(Property p) {
		Owner owner = PropertyCatalog.ownerOf(p.eContainer());
		if (owner == null || p.getName() == null)
			return;
		Entry e = PropertyCatalog.find(owner, p.getName()).orElse(null);
		if (e == null) {
			String msg;
			if (owner == Owner.LAYER && p.getName().equals("thickness"))
				msg = "a layer's thickness goes after its material: 'layer name: Material 2 um'";
			else {
				List<String> close = PropertyCatalog.closest(owner, p.getName(), 3);
				msg = "unknown property '" + p.getName() + "' for " + owner.label()
						+ (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
						+ " (known names: docs/language.md)";
			}
			warning(msg, p, PROPERTY__NAME, UNKNOWN_PROPERTY);
			return;
		}
		Quantity q = p.getValue();
		if (q == null || !checkDimension(q, p.getName(), e.expected(), accepted(e)))
			return;
		String v = e.rangeViolation(Units.toSI(q));
		if (v != null)
			error(p.getName() + " " + v + " (" + e.description() + "), not " + text(q), p, PROPERTY__VALUE, OUT_OF_RANGE);
	}

	@Check
	public void checkSource(Property p) {
		if (p.getSource() != null && p.getSource().isBlank())
			warning("empty source: give a DOI such as \"10.1002/adma.202210835\" or \"estimate\"", p, PROPERTY__SOURCE);
	}

	@Check
	public void checkDuplicateProperties(PropertyOwner owner) {
		duplicates(owner.getProperties(), PROPERTY__NAME, "property");
	}

	@Check
	public void checkDuplicateSettings(Experiment x) {
		duplicates(x.getSettings(), PROPERTY__NAME, "setting");
		for (String o : x.getOutputs())
			if (!PropertyCatalog.OUTPUTS.contains(o))
				warning("unknown output '" + o + "'; known: " + String.join(", ", PropertyCatalog.OUTPUTS), x,
						EXPERIMENT__OUTPUTS, x.getOutputs().indexOf(o), UNKNOWN_OUTPUT);
	}

	private void duplicates(List<? extends EObject> objects, EStructuralFeature nameFeature, String what) {
		Map<Object, EObject> seen = new HashMap<>();
		for (EObject o : objects) {
			Object name = o.eGet(nameFeature);
			if (name == null)
				continue;
			if (seen.containsKey(name))
				error("duplicate " + what + " '" + name + "': give it once (the second would silently override the first)",
						o, nameFeature, DUPLICATE_NAME);
			else
				seen.put(name, o);
		}
	}

	// ---------------------------------------------------------------- names and imports

	@Check
	public void checkUniqueElements(Model m) {
		duplicates(m.getElements(), ELEMENT__NAME, "element");
		if (m.eResource() == null)
			return;
		IResourceDescriptions index = descriptionsProvider.getResourceDescriptions(m.eResource());
		for (Element e : m.getElements()) {
			QualifiedName qn = nameProvider.getFullyQualifiedName(e);
			if (qn == null)
				continue;
			for (IEObjectDescription d : index.getExportedObjects(ELEMENT, qn, false)) {
				if (!d.getEObjectURI().trimFragment().equals(m.eResource().getURI())) {
					error("'" + qn + "' is also defined in " + d.getEObjectURI().trimFragment().lastSegment()
							+ "; names must be unique within a package: rename one", e, ELEMENT__NAME, DUPLICATE_NAME);
					break;
				}
			}
		}
	}

	/** All package descriptions visible to this resource: the index and the standard library. */
	private Map<String, List<String>> packageImports(Resource r) {
		Map<String, List<String>> out = new LinkedHashMap<>();
		List<IEObjectDescription> models = new ArrayList<>();
		descriptionsProvider.getResourceDescriptions(r).getExportedObjectsByType(MODEL).forEach(models::add);
		for (IResourceDescription d : library.descriptions(r.getResourceSet()))
			d.getExportedObjectsByType(MODEL).forEach(models::add);
		for (IEObjectDescription d : models) {
			String pkg = nameConverter.toString(d.getName());
			String imports = d.getUserData(CellWrightResourceDescriptionStrategy.IMPORTS);
			List<String> list = out.computeIfAbsent(pkg, k -> new ArrayList<>());
			if (imports != null && !imports.isEmpty())
				for (String i : imports.split(","))
					if (!list.contains(i))
						list.add(i);
		}
		return out;
	}

	private static String targetPackage(String imported, Set<String> packages) {
		String ns = imported.endsWith(".*") ? imported.substring(0, imported.length() - 2) : imported;
		if (packages.contains(ns))
			return ns;
		int dot = ns.lastIndexOf('.');
		return dot > 0 && packages.contains(ns.substring(0, dot)) ? ns.substring(0, dot) : null;
	}

	@Check(CheckType.NORMAL)
	public void checkImports(Model m) {
		Resource r = m.eResource();
		if (r == null || m.getName() == null || m.getImports().isEmpty())
			return;
		Map<String, List<String>> graph = packageImports(r);
		// this file's own imports count even if the index is stale
		List<String> own = new ArrayList<>();
		for (Import i : m.getImports())
			if (i.getImportedNamespace() != null)
				own.add(i.getImportedNamespace());
		graph.computeIfAbsent(m.getName(), k -> new ArrayList<>()).addAll(own);
		Set<String> exported = new HashSet<>();
		descriptionsProvider.getResourceDescriptions(r).getExportedObjects()
				.forEach(d -> exported.add(nameConverter.toString(d.getName())));
		for (IResourceDescription d : library.descriptions(r.getResourceSet()))
			d.getExportedObjects().forEach(o -> exported.add(nameConverter.toString(o.getName())));
		for (Import imp : m.getImports()) {
			String ns = imp.getImportedNamespace();
			if (ns == null)
				continue;
			boolean wildcard = ns.endsWith(".*");
			String prefix = wildcard ? ns.substring(0, ns.length() - 2) : ns;
			boolean found = wildcard ? exported.stream().anyMatch(n -> n.startsWith(prefix + ".") || n.equals(prefix))
					: exported.contains(ns);
			if (!found) {
				error("import '" + ns + "' matches nothing: no " + (wildcard ? "package '" + prefix + "'" : "element '" + ns + "'")
						+ " in the loaded files or the standard library (packages: "
						+ String.join(", ", graph.keySet()) + ")", imp, IMPORT__IMPORTED_NAMESPACE, UNRESOLVED_IMPORT);
				continue;
			}
			String target = targetPackage(ns, graph.keySet());
			if (target == null || target.equals(m.getName()))
				continue;
			List<String> path = findPath(graph, target, m.getName());
			if (path != null)
				error("cyclic import: " + m.getName() + " -> " + String.join(" -> ", path)
						+ "; packages must not import each other in a circle: move what both need into a third package",
						imp, IMPORT__IMPORTED_NAMESPACE, CYCLIC_IMPORT);
		}
	}

	private static List<String> findPath(Map<String, List<String>> graph, String from, String to) {
		Deque<List<String>> queue = new ArrayDeque<>();
		queue.add(List.of(from));
		Set<String> seen = new HashSet<>(Set.of(from));
		while (!queue.isEmpty()) {
			List<String> path = queue.poll();
			String last = path.get(path.size() - 1);
			if (last.equals(to))
				return path;
			for (String i : graph.getOrDefault(last, List.of())) {
				String next = targetPackage(i, graph.keySet());
				if (next != null && seen.add(next)) {
					List<String> p = new ArrayList<>(path);
					p.add(next);
					queue.add(p);
				}
			}
		}
		return null;
	}

	// ---------------------------------------------------------------- materials, composites, layers

	@Check
	public void checkFormula(Formula f) {
		if (Units.isKnown(f.getYUnit()) && Units.find(f.getYUnit()).get().dimension() != Dimension.VOLTAGE)
			error("an OCV gives a voltage: write 'ocv function V = ...', not '" + f.getYUnit() + "'", f, FORMULA__YUNIT, WRONG_DIMENSION);
		else if (!Units.isKnown(f.getYUnit()))
			error(Units.unknownUnitMessage(f.getYUnit()), f, FORMULA__YUNIT, UNKNOWN_UNIT);
		List<Expressions.Problem> problems = Expressions.check(f.getBody(), Expressions.variable(f));
		for (Expressions.Problem p : problems)
			error(p.message(), p.at(), null, EXPRESSION);
		if (problems.isEmpty() && f.getBody() != null) {
			for (int i = 0; i <= 20; i++) {
				double x = i / 20.0;
				double y;
				try {
					y = Expressions.evaluate(f.getBody(), Expressions.variable(f), x);
				} catch (IllegalArgumentException incomplete) {
					break; // an expression cut short by a syntax error (reported by the parser)
				}
				if (Double.isNaN(y) || Double.isInfinite(y)) {
					warning("the formula is not finite at x = " + x + " (stoichiometry 0..1): check divisions, ln and sqrt",
							f, FORMULA__BODY, EXPRESSION);
					break;
				}
			}
		}
	}

	@Check
	public void checkTable(Table t) {
		if (!Units.isKnown(t.getYUnit()))
			error(Units.unknownUnitMessage(t.getYUnit()), t, TABLE__YUNIT, UNKNOWN_UNIT);
		else if (t.eContainingFeature() == MATERIAL__OCV && Units.find(t.getYUnit()).get().dimension() != Dimension.VOLTAGE)
			error("an OCV table gives voltages: write 'ocv table V { ... }', not '" + t.getYUnit() + "'", t, TABLE__YUNIT, WRONG_DIMENSION);
		if (t.getPoints().size() < 2)
			error("a table needs at least two points to interpolate", t, TABLE__POINTS, TABLE);
		for (int i = 1; i < t.getPoints().size(); i++) {
			Point a = t.getPoints().get(i - 1), b = t.getPoints().get(i);
			if (b.getX() <= a.getX()) {
				error("table x values must increase strictly (" + b.getX() + " after " + a.getX() + ")", b, POINT__X, TABLE);
				break;
			}
		}
	}

	/** A composite that contains itself through other composites (A: B ...; B: A ...). */
	@Check
	public void checkCompositeCycle(Composite c) {
		ReferenceGraph<Composite> g = ReferenceGraph.of(getContext(), COMPOSITE_GRAPH, c, Composite.class, Composites::subComposites);
		if (!g.cyclic().contains(c)) {
			int links = g.longest().getOrDefault(c, 0);
			if (links == Limits.MAX_CHAIN_LENGTH + 1)
				for (Component k : c.getComponents())
					if (k.getMaterial() instanceof Composite inner && g.longest().getOrDefault(inner, -1) == Limits.MAX_CHAIN_LENGTH) {
						error("composite " + c.getName() + " holds composites nested " + links + " deep, more than " + Limits.MAX_CHAIN_LENGTH
								+ " (the limit, see 'Limits' in docs/language.md)", k, COMPONENT__MATERIAL, CHAIN_TOO_LONG);
						break;
					}
			return;
		}
		List<Composite> cycle = Composites.cycle(c);
		if (cycle.size() < 3)
			return; // none, or A directly in A (checkComposite says so)
		Material next = cycle.get(1);
		for (Component k : c.getComponents())
			if (k.getMaterial() == next) {
				error("composite " + c.getName() + " contains itself through "
						+ cycle.stream().map(Composite::getName).collect(java.util.stream.Collectors.joining(" -> "))
						+ ": a composite can only contain materials and composites that do not contain it",
						k, COMPONENT__MATERIAL, CYCLIC_COMPOSITE);
				return;
			}
	}

	@Check
	public void checkComposite(Composite c) {
		if (c.getComponents().isEmpty()) {
			error("a composite needs components: 'MaterialName 90 wt%' lines", c, ELEMENT__NAME, FRACTIONS_SUM);
			return;
		}
		double sum = 0;
		Dimension basis = null;
		Set<Material> seen = new HashSet<>();
		boolean complete = true;
		for (Component k : c.getComponents()) {
			if (k.getMaterial() != null && !k.getMaterial().eIsProxy() && !seen.add(k.getMaterial()))
				error("component " + k.getMaterial().getName() + " listed twice: give one fraction", k, COMPONENT__MATERIAL, DUPLICATE_NAME);
			if (k.getMaterial() == c)
				error("a composite cannot contain itself", k, COMPONENT__MATERIAL, FRACTION_BASIS);
			Quantity q = k.getFraction();
			if (q == null || !Units.isKnown(q.getUnit())) {
				complete = false;
				continue;
			}
			Dimension d = Units.dimensionOf(q);
			if (d != Dimension.MASS_FRACTION && d != Dimension.VOLUME_FRACTION) {
				error("say whether the fraction is by mass or volume: write wt% or vol%"
						+ (d == Dimension.FRACTION || d == Dimension.DIMENSIONLESS ? "" : ", not " + q.getUnit()), q,
						q.getUnit() == null || q.getUnit().isEmpty() ? QUANTITY__VALUE : QUANTITY__UNIT, FRACTION_BASIS);
				complete = false;
				continue;
			}
			if (basis != null && d != basis)
				error("mixed wt% and vol% in one composite: use one basis for all components", q, QUANTITY__UNIT, FRACTION_BASIS);
			basis = d;
			double f = Units.toSI(q);
			if (f <= 0 || f > 1)
				error("a fraction must be in (0, 100] %, not " + text(q), q, QUANTITY__VALUE, OUT_OF_RANGE);
			sum += f;
		}
		if (complete && Math.abs(sum - 1) > FRACTION_TOLERANCE)
			error("the fractions of " + c.getName() + " sum to " + CellWrightFormat.percent(sum)
					+ ", they must sum to 100 % (e.g. 67 + 30 + 3)", c, ELEMENT__NAME, FRACTIONS_SUM);
	}

	/**
	 * An intercalation anode (graphite-like negative electrode) is described by what a Doyle-Fuller-Newman model needs
	 * ({@link PropertyCatalog#expected}): an OCV in stoichiometry, max-concentration, diffusivity, exchange current.
	 */
	@Check
	public void checkIntercalationAnode(Material m) {
		if (m instanceof Composite || !m.isSetKind() || m.getKind() != MaterialKind.INTERCALATION_ANODE)
			return;
		PropertyCatalog.Expected e = PropertyCatalog.expected(m.getKind()).orElseThrow();
		List<String> missing = e.missing(m);
		if (!missing.isEmpty())
			warning("intercalation-anode " + m.getName() + " lacks " + String.join(", ", missing) + ": an intercalation anode is described by "
					+ "its OCV in stoichiometry x ('ocv function V = ...' or 'ocv table V { x V, ... }'), " + String.join(", ", e.material())
					+ " (optional: " + String.join(", ", e.optional()) + ")", m, ELEMENT__NAME, MISSING_PROPERTY);
	}

	@Check
	public void checkLayer(Layer l) {
		Quantity t = l.getThickness();
		if (t != null && checkDimension(t, "the thickness of layer " + l.getName(), Dimension.LENGTH.description(),
				Set.of(Dimension.LENGTH)) && Units.toSI(t) <= 0)
			error("a thickness must be > 0, not " + text(t), t, QUANTITY__VALUE, OUT_OF_RANGE);
		boolean isOverride = l.eContainer() instanceof Cell c && c.getBase() != null;
		if (t == null && Cells.property(l, "areal-loading") == null && !isOverride)
			error("layer " + l.getName() + " needs a thickness ('layer " + l.getName() + ": M 2 um') or an areal-loading",
					l, LAYER__NAME, MISSING_THICKNESS);
		Material anode = Composites.intercalationAnode(l.getMaterial());
		if (anode != null && Cells.property(l, "particle-radius") == null && !isOverride)
			warning("layer " + l.getName() + " of intercalation anode " + anode.getName()
					+ " has no particle-radius: give the radius of its active particles (e.g. 'particle-radius = 5.86 um')", l, LAYER__NAME,
					MISSING_PROPERTY);
		if (anode != null)
			info("layer " + l.getName() + " is an intercalation anode (" + anode.getName() + "): CellWright describes it and exports it"
					+ " to BPX, but its solver models lithium-metal and interlayer anodes only, so 'run' stops at this cell",
					l, LAYER__NAME, NOT_SIMULATED);
		OptionalDouble solid = Layers.solidFraction(l);
		if (solid.isPresent()) {
			double s = solid.getAsDouble();
			if (s > 1)
				error(String.format("areal-loading and thickness give a solid fraction of %.1f %% (> 100 %%): the layer must be thicker or the loading lower",
						100 * s), l, LAYER__THICKNESS, OUT_OF_RANGE);
			OptionalDouble given = Layers.si(l, "porosity");
			if (s <= 1 && given.isPresent() && Math.abs(given.getAsDouble() - (1 - s)) > 0.05)
				warning(String.format("porosity %.3f differs from %.3f derived from areal-loading, thickness and densities",
						given.getAsDouble(), 1 - s), Cells.property(l, "porosity"), PROPERTY__VALUE, INCONSISTENT_POROSITY);
		}
	}

	// ---------------------------------------------------------------- cells and stacks

	/** True if the material or anything it contains conducts electrons (not a solid electrolyte nor a binder). */
	private static boolean conducts(Material m) {
		for (Material x : Composites.materialsWithin(m))
			if (!(x instanceof Composite) && x.getKind() != MaterialKind.SOLID_ELECTROLYTE && x.getKind() != MaterialKind.BINDER)
				return true;
		return false;
	}

	private static boolean isSeparator(Layer l) {
		Material m = l.getMaterial();
		if (m == null || m.eIsProxy())
			return false;
		if (m instanceof Composite c) {
			for (Component k : c.getComponents())
				if (k.getMaterial() != null && !k.getMaterial().eIsProxy()
						&& k.getMaterial().getKind() != MaterialKind.SOLID_ELECTROLYTE)
					return false;
			return !c.getComponents().isEmpty();
		}
		return m.getKind() == MaterialKind.SOLID_ELECTROLYTE;
	}

	/** Solid electrolytes in a layer (the material itself or composite components). */
	private static List<Material> electrolytes(Layer l) {
		List<Material> out = new ArrayList<>();
		Material m = l.getMaterial();
		if (m == null || m.eIsProxy())
			return out;
		if (m instanceof Composite c) {
			for (Component k : c.getComponents())
				if (k.getMaterial() != null && !k.getMaterial().eIsProxy() && k.getMaterial().getKind() == MaterialKind.SOLID_ELECTROLYTE
						&& !(k.getMaterial() instanceof Composite))
					out.add(k.getMaterial());
		} else if (m.getKind() == MaterialKind.SOLID_ELECTROLYTE)
			out.add(m);
		return out;
	}

	@Check
	public void checkCell(Cell c) {
		@SuppressWarnings("unchecked")
		Map<Cell, Integer> memo = (Map<Cell, Integer>) getContext().computeIfAbsent(EXTENDS_LINKS, k -> new HashMap<Cell, Integer>());
		int links = Cells.extendsLinks(c, memo);
		if (links < 0) {
			error("cell " + c.getName() + " extends itself through its bases: break the cycle", c, CELL__BASE, CYCLIC_EXTENDS);
			return;
		}
		if (links > Limits.MAX_CHAIN_LENGTH) {
			// reported once, at the first cell beyond the limit; the cells extending it are not checked further
			if (links == Limits.MAX_CHAIN_LENGTH + 1)
				error("cell " + c.getName() + " ends a chain of 'extends' of " + links + " cells, more than " + Limits.MAX_CHAIN_LENGTH
						+ " (the limit, see 'Limits' in docs/language.md): extend a cell nearer the root", c, CELL__BASE, CHAIN_TOO_LONG);
			return;
		}
		duplicates(c.getLayers(), LAYER__NAME, "layer");
		Cell base = c.getBase();
		if (base != null && !base.eIsProxy()) {
			Set<String> names = new HashSet<>();
			for (Layer l : Cells.effectiveLayers(base))
				names.add(l.getName());
			names.addAll(Cells.effectiveProperties(base).keySet());
			for (int i = 0; i < c.getRemovals().size(); i++)
				if (!names.contains(c.getRemovals().get(i)))
					error("cannot remove '" + c.getRemovals().get(i) + "': " + base.getName() + " has no such layer or property (it has "
							+ String.join(", ", names) + ")", c, CELL__REMOVALS, i, UNKNOWN_LAYER);
		} else {
			for (int i = 0; i < c.getRemovals().size(); i++)
				error("'remove' needs a base cell: 'cell " + c.getName() + " extends Other { remove ... }'", c, CELL__REMOVALS, i, UNKNOWN_LAYER);
		}
		List<Layer> stack = Cells.effectiveLayers(c);
		for (Layer l : c.getLayers())
			if (l.getPosition() != LayerPosition.DEFAULT && l.getAnchor() != null
					&& stack.stream().noneMatch(x -> l.getAnchor().equals(x.getName())))
				error("no layer '" + l.getAnchor() + "' to place " + l.getName() + " " + l.getPosition().getLiteral(), l,
						LAYER__ANCHOR, UNKNOWN_LAYER);
		checkStack(c, stack);
	}

	private void checkStack(Cell c, List<Layer> stack) {
		for (Layer l : stack)
			if (l.getMaterial() == null || l.getMaterial().eIsProxy())
				return; // linking errors are reported already
		if (stack.isEmpty()) {
			error("cell " + c.getName() + " has no layers: list them from one current collector to the other", c, ELEMENT__NAME, STACK);
			return;
		}
		if (Cells.effectiveProperties(c).get("area") == null)
			warning("cell " + c.getName() + " has no area: add 'area = 0.785 cm2' (needed for currents and C-rates)", c, ELEMENT__NAME, STACK);
		int sep = -1, separators = 0;
		for (int i = 0; i < stack.size(); i++)
			if (isSeparator(stack.get(i))) {
				separators++;
				if (sep < 0)
					sep = i;
			}
		if (separators == 0) {
			error("cell " + c.getName() + " has no separator: put a solid-electrolyte layer between the two electrodes", c, ELEMENT__NAME, STACK);
			return;
		}
		// exactly two electrodes: one separator (adjacent separator layers count as one) and no collector inside
		int lastSep = sep;
		for (int i = sep + 1; i < stack.size(); i++)
			if (isSeparator(stack.get(i))) {
				if (i > lastSep + 1) {
					error("cell " + c.getName() + " has more than two electrodes: separators " + stack.get(lastSep).getName() + " and "
							+ stack.get(i).getName() + " enclose " + names(stack.subList(lastSep + 1, i))
							+ "; a cell is one electrode, one separator, the other electrode, from one current collector to the other",
							c, ELEMENT__NAME, STACK);
					return;
				}
				lastSep = i;
			}
		// a current collector closes its electrode: outside it (towards the end of the stack) only collectors may follow
		for (int i = 0; i < stack.size(); i++) {
			if (!isCollector(stack.get(i)) || (i > sep && i < lastSep))
				continue;
			List<Layer> outside = i < sep ? stack.subList(0, i) : stack.subList(i + 1, stack.size());
			List<Layer> cutOff = outside.stream().filter(l -> !isCollector(l)).toList();
			if (!cutOff.isEmpty()) {
				error("cell " + c.getName() + " is not one cell: current collector " + stack.get(i).getName() + " sits inside the stack, with "
						+ names(cutOff) + " outside it; a cell runs from one current collector to the other, one electrode on each side "
						+ "of the separator", c, ELEMENT__NAME, STACK);
				return;
			}
		}
		boolean before = false, after = false;
		for (int i = 0; i < stack.size(); i++) {
			if (isSeparator(stack.get(i)))
				continue;
			if (conducts(stack.get(i).getMaterial())) {
				if (i < sep)
					before = true;
				else
					after = true;
			}
		}
		if (!before || !after)
			error("cell " + c.getName() + " needs an electrode on each side of the separator (" + stack.get(sep).getName()
					+ "): the " + (before ? "second" : "first") + " side has no electronically conducting layer", c, ELEMENT__NAME, STACK);
		if (!isCollector(stack.get(0)) || !isCollector(stack.get(stack.size() - 1)))
			warning("the stack of " + c.getName() + " should run from one current collector to the other; it starts with "
					+ stack.get(0).getName() + " and ends with " + stack.get(stack.size() - 1).getName(), c, ELEMENT__NAME, STACK);
		for (int i = 0; i + 1 < stack.size(); i++) {
			seNextToLithium(c, stack.get(i), stack.get(i + 1));
			seNextToLithium(c, stack.get(i + 1), stack.get(i));
		}
	}

	private static String names(List<Layer> layers) {
		List<String> n = new ArrayList<>();
		for (Layer l : layers)
			n.add(l.getName());
		return String.join(", ", n);
	}

	private static boolean isCollector(Layer l) {
		return l.getMaterial() != null && !(l.getMaterial() instanceof Composite) && l.getMaterial().getKind() == MaterialKind.CURRENT_COLLECTOR;
	}

	private void seNextToLithium(Cell c, Layer se, Layer li) {
		Material m = li.getMaterial();
		if (m == null || m instanceof Composite || m.getKind() != MaterialKind.LITHIUM_METAL)
			return;
		for (Material e : electrolytes(se)) {
			OptionalDouble low = Layers.si(e, "stability-window-low");
			if (low.isEmpty() || low.getAsDouble() <= 0)
				continue;
			String products = e.getReductionProducts().isEmpty() ? "reduction products" : String.join(", ", e.getReductionProducts());
			EObject at = c.getLayers().contains(se) ? se : c.getLayers().contains(li) ? li : c;
			EStructuralFeature f = at == c ? ELEMENT__NAME : LAYER__NAME;
			warning(e.getName() + " in layer " + se.getName() + " touches lithium metal (layer " + li.getName()
					+ ") at 0 V vs Li/Li+, below its stability window (from " + CellWrightFormat.number(low.getAsDouble())
					+ " V): it is reduced to " + products + "; a Li-stable interlayer (e.g. Li15Si4-CNT) between them avoids this",
					at, f, SE_REDUCTION);
		}
	}

	// ---------------------------------------------------------------- protocols

	private static final Set<Dimension> RATE = Set.of(Dimension.CURRENT_DENSITY, Dimension.CURRENT, Dimension.C_RATE,
			Dimension.POWER, Dimension.POWER_DENSITY);
	private static final Set<Dimension> CURRENT_LIKE = Set.of(Dimension.CURRENT_DENSITY, Dimension.CURRENT, Dimension.C_RATE);

	@Check
	public void checkCurrentStep(CurrentStep s) {
		Quantity r = s.getRate();
		if (r != null && checkDimension(r, s.getDirection().getLiteral() + " at", "a current density (mA/cm2), current (mA), C-rate (C) or power (mW, mW/cm2)", RATE)
				&& r.getValue() <= 0)
			error("give the magnitude of the " + s.getDirection().getLiteral() + " rate (> 0); the direction sets the sign ("
					+ "charge = positive current, WE oxidised)" + (r.getValue() < 0 ? ": write " + other(s.getDirection()) + " at "
							+ CellWrightFormat.number(-r.getValue()) + " " + r.getUnit() : ""), r, QUANTITY__VALUE, SIGNED_RATE);
		if (s.getLimits().isEmpty())
			error("this step never ends: add 'until 4.3 V', 'until 3 mAh/cm2' or 'for 10 h'", s, CURRENT_STEP__DIRECTION, STEP_NEVER_ENDS);
		for (Limit l : s.getLimits())
			checkLimit(l, false);
	}

	private static String other(Direction d) {
		return d == Direction.CHARGE ? "discharge" : "charge";
	}

	@Check
	public void checkHold(VoltageHold h) {
		checkDimension(h.getVoltage(), "hold at", Dimension.VOLTAGE.description(), Set.of(Dimension.VOLTAGE));
		if (h.getLimits().isEmpty())
			error("a hold never ends by itself: add 'until 0.05 C' (current) or 'for 1 h'", h, VOLTAGE_HOLD__VOLTAGE, STEP_NEVER_ENDS);
		for (Limit l : h.getLimits())
			checkLimit(l, true);
	}

	private void checkLimit(Limit l, boolean hold) {
		Quantity q = l.getValue();
		if (q == null || !Units.isKnown(q.getUnit()))
			return;
		Dimension d = Units.dimensionOf(q);
		if (l.getKind() == LimitKind.FOR) {
			if (checkDimension(q, "'for'", "a duration (s, min, h)", Set.of(Dimension.TIME)) && q.getValue() <= 0)
				error("a duration must be > 0, not " + text(q), q, QUANTITY__VALUE, OUT_OF_RANGE);
			return;
		}
		if (d == Dimension.TIME) {
			error("'until " + text(q) + "' is a duration: write 'for " + text(q) + "'", q, QUANTITY__UNIT, WRONG_DIMENSION);
			return;
		}
		if (hold) {
			if (d == Dimension.VOLTAGE)
				error("a voltage hold keeps the voltage constant, so it never reaches " + text(q)
						+ ": end it with a current ('until 0.05 C') or a duration", q, QUANTITY__UNIT, UNREACHABLE_CUTOFF);
			else
				checkDimension(q, "'until' in a hold", "a current (mA), current density (mA/cm2) or C-rate (C), or a capacity",
						Set.of(Dimension.CURRENT, Dimension.CURRENT_DENSITY, Dimension.C_RATE, Dimension.CAPACITY, Dimension.AREAL_CAPACITY));
			return;
		}
		if (CURRENT_LIKE.contains(d)) {
			error("a constant-current step never changes its current, so 'until " + text(q)
					+ "' is never reached: use 'hold at <V> until " + text(q) + "' after it", q, QUANTITY__UNIT, UNREACHABLE_CUTOFF);
			return;
		}
		if (checkDimension(q, "'until'", "a voltage (V, mV) or a capacity (mAh, mAh/cm2)",
				Set.of(Dimension.VOLTAGE, Dimension.CAPACITY, Dimension.AREAL_CAPACITY)) && d != Dimension.VOLTAGE && q.getValue() <= 0)
			error("a capacity cut-off counts the charge passed in the step and must be > 0, not " + text(q), q, QUANTITY__VALUE, OUT_OF_RANGE);
	}

	@Check
	public void checkProtocol(Protocol p) {
		voltageWalk(p.getSteps(), Double.NaN);
		ReferenceGraph<Protocol> g = runGraph(p);
		if (g.cyclic().contains(p)) {
			error("protocol " + p.getName() + " runs itself (through 'run'): break the cycle", p, ELEMENT__NAME, CYCLIC_PROTOCOL);
			return;
		}
		int links = g.longest().getOrDefault(p, 0);
		if (links == Limits.MAX_CHAIN_LENGTH + 1)
			for (ProtocolCall call : calls(p))
				if (g.longest().getOrDefault(call.getProtocol(), -1) == Limits.MAX_CHAIN_LENGTH) {
					error("protocol " + p.getName() + " starts a chain of " + links + " run calls (protocol runs protocol), more than "
							+ Limits.MAX_CHAIN_LENGTH + " (the limit, see 'Limits' in docs/language.md)", call, PROTOCOL_CALL__PROTOCOL,
							CHAIN_TOO_LONG);
					return;
				}
	}

	/** The protocols that run one another, from the protocols of p's file: cycles and longest chains, once per validation. */
	private ReferenceGraph<Protocol> runGraph(Protocol p) {
		return ReferenceGraph.of(getContext(), RUN_GRAPH, p, Protocol.class, CellWrightValidator::calledProtocols);
	}

	private static List<ProtocolCall> calls(Protocol from) {
		List<ProtocolCall> calls = new ArrayList<>();
		from.eAllContents().forEachRemaining(o -> {
			if (o instanceof ProtocolCall c)
				calls.add(c);
		});
		return calls;
	}

	private static List<Protocol> calledProtocols(Protocol from) {
		List<Protocol> out = new ArrayList<>();
		for (ProtocolCall c : calls(from))
			if (c.getProtocol() != null && !c.getProtocol().eIsProxy())
				out.add(c.getProtocol());
		return out;
	}

	/**
	 * Follows the voltage through the steps: after a step ended at V by its cut-off, a charge (voltage rises) to a
	 * lower voltage or a discharge (voltage falls) to a higher voltage can never be reached. Returns the voltage the
	 * sequence ends at (NaN if unknown).
	 */
	private double voltageWalk(List<Step> steps, double v) {
		for (Step s : steps) {
			if (s instanceof CurrentStep c) {
				Double target = null;
				boolean onlyVoltage = true;
				for (Limit l : c.getLimits()) {
					Quantity q = l.getValue();
					if (l.getKind() == LimitKind.UNTIL && q != null && Units.isKnown(q.getUnit())
							&& Units.dimensionOf(q) == Dimension.VOLTAGE)
						target = Units.toSI(q);
					else
						onlyVoltage = false;
				}
				if (target != null && !Double.isNaN(v)) {
					boolean up = c.getDirection() == Direction.CHARGE;
					if (up ? target < v : target > v) {
						Limit lim = c.getLimits().stream().filter(l -> l.getKind() == LimitKind.UNTIL
								&& Units.dimensionOf(l.getValue()) == Dimension.VOLTAGE).findFirst().get();
						error("the previous step ends at " + CellWrightFormat.number(v) + " V and a " + c.getDirection().getLiteral()
								+ " makes the voltage " + (up ? "rise" : "fall") + ", so it can never reach "
								+ text(lim.getValue()) + ": did you mean " + other(c.getDirection()) + "?",
								lim.getValue(), QUANTITY__VALUE, UNREACHABLE_CUTOFF);
					}
				}
				v = target != null && onlyVoltage ? target : Double.NaN;
			} else if (s instanceof VoltageHold h) {
				Quantity q = h.getVoltage();
				v = q != null && Units.isKnown(q.getUnit()) && Units.dimensionOf(q) == Dimension.VOLTAGE ? Units.toSI(q) : Double.NaN;
			} else if (s instanceof Repeat r) {
				if (r.getCount() < 1)
					error("repeat at least once ('repeat 1 { ... }'), not " + r.getCount() + " times", r, REPEAT__COUNT, OUT_OF_RANGE);
				double end = voltageWalk(r.getSteps(), v);
				// the second pass starts where the first ended
				if (r.getCount() > 1 && !Double.isNaN(end))
					end = voltageWalkSilent(r.getSteps(), end, r);
				v = end;
			} else if (s instanceof StepGroup g) {
				v = voltageWalk(g.getSteps(), v);
			} else if (s instanceof Rest rest) {
				Quantity q = rest.getDuration();
				if (q != null && checkDimension(q, "rest for", "a duration (s, min, h)", Set.of(Dimension.TIME)) && q.getValue() <= 0)
					error("a rest must last > 0, not " + text(q), q, QUANTITY__VALUE, OUT_OF_RANGE);
				// the voltage relaxes during a rest; the next cut-off is judged from the relaxed state
				v = Double.NaN;
			} else {
				v = Double.NaN;
			}
		}
		return v;
	}

	/** Second pass of a repeat: only the first step matters (it follows the last one). */
	private double voltageWalkSilent(List<Step> steps, double v, Repeat r) {
		if (!steps.isEmpty() && steps.get(0) instanceof CurrentStep c) {
			for (Limit l : c.getLimits()) {
				Quantity q = l.getValue();
				if (l.getKind() == LimitKind.UNTIL && q != null && Units.isKnown(q.getUnit()) && Units.dimensionOf(q) == Dimension.VOLTAGE) {
					double t = Units.toSI(q);
					boolean up = c.getDirection() == Direction.CHARGE;
					if (up ? t < v : t > v)
						error("when the repeat starts again, the voltage is " + CellWrightFormat.number(v) + " V and a "
								+ c.getDirection().getLiteral() + " can never reach " + text(q) + ": did you mean " + other(c.getDirection()) + "?",
								q, QUANTITY__VALUE, UNREACHABLE_CUTOFF);
				}
			}
		}
		return v;
	}

	// ---------------------------------------------------------------- expectations

	@Check
	public void checkExpectation(Expectation e) {
		if (e.getMetric() == null)
			return;
		Metric m = Metric.find(e.getMetric()).orElse(null);
		if (m == null) {
			List<String> close = new ArrayList<>(Metric.names());
			close.sort((a, b) -> Integer.compare(Units.distance(e.getMetric(), a), Units.distance(e.getMetric(), b)));
			close.removeIf(n -> Units.distance(e.getMetric(), n) > Math.max(3, e.getMetric().length() / 2));
			error("unknown metric '" + e.getMetric() + "'" + (close.isEmpty() ? "" : "; did you mean " + close.get(0) + "?")
					+ " Known: " + String.join(", ", Metric.names()), e, EXPECTATION__METRIC, EXPECTATION);
			return;
		}
		boolean cycleWritten = !NodeModelUtils.findNodesForFeature(e, EXPECTATION__CYCLE).isEmpty();
		boolean referenceWritten = !NodeModelUtils.findNodesForFeature(e, EXPECTATION__REFERENCE).isEmpty();
		if (e.isAverage() && !m.averageable())
			error("'average' takes a per-cycle metric (coulombic-efficiency, discharge-capacity, charge-capacity), not " + m.dslName(),
					e, EXPECTATION__AVERAGE, EXPECTATION);
		if (cycleWritten && !m.perCycle())
			error(m.dslName() + " is one value per run: drop 'of cycle " + e.getCycle() + "'", e, EXPECTATION__CYCLE, EXPECTATION);
		else if (cycleWritten && e.isAverage())
			error("either 'average' (over all cycles) or 'of cycle " + e.getCycle() + "', not both", e, EXPECTATION__CYCLE, EXPECTATION);
		else if (cycleWritten && e.getCycle() < 1)
			error("cycles count from 1, not " + e.getCycle(), e, EXPECTATION__CYCLE, EXPECTATION);
		boolean fromWritten = !NodeModelUtils.findNodesForFeature(e, EXPECTATION__FROM_CYCLE).isEmpty();
		if (fromWritten && !e.isAverage())
			error("'from cycle " + e.getFromCycle() + "' belongs to 'average': 'expect average " + m.dslName() + " from cycle "
					+ e.getFromCycle() + " ...'", e, EXPECTATION__FROM_CYCLE, EXPECTATION);
		else if (fromWritten && e.getFromCycle() < 1)
			error("cycles count from 1, not " + e.getFromCycle(), e, EXPECTATION__FROM_CYCLE, EXPECTATION);
		if (referenceWritten && m != Metric.CAPACITY_RETENTION)
			error("'relative to cycle' belongs to capacity-retention", e, EXPECTATION__REFERENCE, EXPECTATION);
		else if (referenceWritten && e.getReference() < 1)
			error("cycles count from 1, not " + e.getReference(), e, EXPECTATION__REFERENCE, EXPECTATION);
		else if (referenceWritten && cycleWritten && e.getReference() >= e.getCycle())
			error("the reference cycle comes before cycle " + e.getCycle(), e, EXPECTATION__REFERENCE, EXPECTATION);
		if (e.getSource() != null && e.getSource().isBlank())
			warning("empty source: give the study's DOI, e.g. \"10.1002/adma.202210835\"", e, EXPECTATION__SOURCE, EXPECTATION);
		if (m.isState()) {
			if (e.getValue() != null)
				error(m.dslName() + " is a word, not a number: " + String.join(", ", Metric.STATES), e, EXPECTATION__VALUE, EXPECTATION);
			else if (e.getState() != null && !Metric.STATES.contains(e.getState()))
				error("unknown " + m.dslName() + " '" + e.getState() + "'; known: " + String.join(", ", Metric.STATES), e, EXPECTATION__STATE,
						EXPECTATION);
			if (e.getComparison() != Comparison.EQUAL)
				error(m.dslName() + " is compared with '=': 'expect status = short-circuit'", e, EXPECTATION__COMPARISON, EXPECTATION);
			if (e.getTolerance() != null)
				error("a " + m.dslName() + " has no tolerance: drop 'within'", e, EXPECTATION__TOLERANCE, EXPECTATION);
			return;
		}
		if (e.getState() != null) {
			error(m.dslName() + " expects a number with its unit (" + expected(m) + "), not '" + e.getState() + "'", e, EXPECTATION__STATE,
					EXPECTATION);
			return;
		}
		boolean valueOk = checkDimension(e.getValue(), m.dslName(), expected(m), m.dimensions());
		if (e.getComparison() == Comparison.EQUAL && e.getTolerance() == null) {
			error("'=' needs a tolerance: '= " + (e.getValue() == null ? "14.2 mV" : text(e.getValue())) + " within ...' (or compare with < or >)",
					e, EXPECTATION__VALUE, EXPECTATION);
		} else if (e.getComparison() != Comparison.EQUAL && e.getTolerance() != null) {
			error("'within' belongs to '=': '" + e.getComparison().getLiteral() + "' is a bound", e, EXPECTATION__TOLERANCE, EXPECTATION);
		} else if (e.getTolerance() != null) {
			Quantity t = e.getTolerance();
			Set<Dimension> same = valueOk ? Set.of(Units.dimensionOf(e.getValue())) : m.dimensions();
			if (valueOk && Units.dimensionOf(e.getValue()).isFraction())
				same = Set.of(Dimension.FRACTION, Dimension.DIMENSIONLESS);
			if (checkDimension(t, "the tolerance of " + m.dslName(), valueOk ? Units.dimensionOf(e.getValue()).description() : expected(m), same)
					&& t.getValue() <= 0)
				error("a tolerance must be > 0, not " + text(t), t, QUANTITY__VALUE, OUT_OF_RANGE);
		}
	}

	private static String expected(Metric m) {
		List<String> d = new ArrayList<>();
		for (Dimension x : m.dimensions())
			if (x != Dimension.DIMENSIONLESS || m.dimensions().size() == 1)
				d.add(x.description());
		d.sort(null);
		return String.join(" or ", d);
	}

	// ---------------------------------------------------------------- sweeps

	@Check
	public void checkSweep(Sweep s) {
		Experiment x = s.getExperiment();
		long combinations = 1;
		for (SweepParameter p : s.getParameters()) {
			String target = p.getTarget();
			if (target == null)
				continue;
			Entry e;
			if (target.contains(".")) {
				String layer = target.substring(0, target.indexOf('.'));
				String prop = target.substring(target.indexOf('.') + 1);
				if (x != null && !x.eIsProxy() && x.getCell() != null && !x.getCell().eIsProxy()
						&& Cells.effectiveLayers(x.getCell()).stream().noneMatch(l -> layer.equals(l.getName())))
					error("cell " + x.getCell().getName() + " has no layer '" + layer + "'", p, SWEEP_PARAMETER__TARGET, SWEEP);
				e = prop.equals("thickness") ? new Entry("thickness", Set.of(Owner.LAYER), List.of(Dimension.LENGTH), 0, false,
						Double.POSITIVE_INFINITY, false, false, "layer thickness") : PropertyCatalog.find(Owner.LAYER, prop).orElse(null);
			} else {
				e = PropertyCatalog.find(Owner.CELL, target).orElse(null);
			}
			if (e == null) {
				error("cannot vary '" + target + "': vary a cell property (stack-pressure, temperature, area, ...) or layer.property "
						+ "(interlayer.thickness, cathode.porosity, ...)", p, SWEEP_PARAMETER__TARGET, SWEEP);
				continue;
			}
			List<Quantity> values = new ArrayList<>(p.getValues());
			if (p.getFrom() != null) {
				values.add(p.getFrom());
				values.add(p.getTo());
				values.add(p.getStep());
			}
			for (Quantity q : values)
				if (q != null && q != p.getStep())
					checkDimension(q, target, e.expected(), accepted(e));
			if (p.getFrom() != null && p.getTo() != null && p.getStep() != null && Units.isKnown(p.getFrom().getUnit())
					&& Units.isKnown(p.getTo().getUnit()) && Units.isKnown(p.getStep().getUnit())) {
				double a = Units.toSI(p.getFrom()), b = Units.toSI(p.getTo());
				double st = p.getStep().getValue() * Units.parse(p.getStep().getUnit()).factor();
				if (st <= 0 || b < a)
					error("a range runs upwards with a step > 0: 'from 20 degC to 60 degC step 20 degC'", p, SWEEP_PARAMETER__STEP, SWEEP);
				else
					combinations *= (long) Math.floor((b - a) / st + 1e-9) + 1;
			} else {
				combinations *= Math.max(1, p.getValues().size());
			}
		}
		if (combinations > 1000)
			warning("this sweep runs " + combinations + " simulations (full factorial)", s, ELEMENT__NAME, SWEEP);
	}

	static String text(Quantity q) {
		return CellWrightFormat.number(q.getValue()) + (q.getUnit() == null || q.getUnit().isEmpty() ? "" : " " + q.getUnit());
	}

	/** For tests and tools: the package literals. */
	static CellwrightPackage pkg() {
		return CellwrightPackage.eINSTANCE;
	}

	@SuppressWarnings("unused")
	private static <T> Set<T> set(List<T> l) {
		return new LinkedHashSet<>(l);
	}
}
