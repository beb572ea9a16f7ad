package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cellwright.lang.Limits;
import org.cellwright.lang.files.DataPaths;
import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.properties.PropertyCatalog.Entry;
import org.cellwright.lang.text.Printable;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.CellwrightPackage;
import org.cellwright.model.Quantity;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.eclipse.xtext.validation.ValidationMessageAcceptor;

/**
 * What the focused validators of the language share: reporting a wrong dimension, duplicates and quantities in
 * messages; messages with text from the file escaped ({@link Printable#escape}); a check that fails unexpectedly
 * reported at its element, never as a stack trace. Each message says what is wrong and what would be right.
 */
public abstract class AbstractCellWrightRules extends AbstractDeclarativeValidator implements IssueCodes {

	/** Composed into {@link CellWrightValidator} ({@code @ComposedChecks}): registered through it, never on its own. */
	@Override
	public void register(EValidatorRegistrar registrar) {
	}

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(CellwrightPackage.eINSTANCE);
	}

	/**
	 * A data file an element names (a measurement, a drive cycle's profile), relative to its .cell file: a warning at
	 * the path where it lies outside the project ({@link DataPaths#outside}: the run still reads it, nothing is ever
	 * written there), then the file itself, whether or not it exists (the caller's error names what is missing), or
	 * null for a document that is no file on disk.
	 */
	protected java.nio.file.Path dataFile(String what, EObject o, EStructuralFeature path) {
		String p = (String) o.eGet(path);
		if (p == null || o.eResource() == null)
			return null;
		String outside = DataPaths.outside(o.eResource().getURI(), p);
		if (outside != null)
			warning(what + " " + outside, o, path, MEASURED_OUTSIDE);
		if (!o.eResource().getURI().isFile())
			return null;
		return java.nio.file.Path.of(o.eResource().getURI().toFileString()).toAbsolutePath().getParent().resolve(p).normalize();
	}

	/**
	 * A check that fails unexpectedly is reported at the element it was checking (file:line:col), never as a stack
	 * trace; the other checks go on. A NullPointerException stays silent as in Xtext (a model left incomplete by a
	 * syntax error, which is reported already).
	 */
	@Override
	protected void handleExceptionDuringValidation(Throwable targetException) throws RuntimeException {
		if (!(targetException instanceof NullPointerException)
				&& (targetException instanceof RuntimeException || targetException instanceof StackOverflowError)) {
			EObject at = getCurrentObject();
			// Xtext's GuardException (package-private) aborts a check on purpose
			if (at != null && !targetException.getClass().getName().endsWith(".GuardException")) {
				error("internal error while checking this element (" + targetException + "): please report it with the file", at, null,
						ValidationMessageAcceptor.INSIGNIFICANT_INDEX, null);
				return;
			}
		}
		super.handleExceptionDuringValidation(targetException);
	}

	/** What is computed once per validation of a resource (shared by the composed validators). */
	protected Map<Object, Object> context() {
		Map<Object, Object> c = getContext();
		return c != null ? c : new HashMap<>();
	}

	@Override
	public void acceptError(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
		super.acceptError(Printable.bounded(message), object, feature, index, code, issueData);
	}

	@Override
	public void acceptWarning(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
		super.acceptWarning(Printable.bounded(message), object, feature, index, code, issueData);
	}

	@Override
	public void acceptInfo(String message, EObject object, EStructuralFeature feature, int index, String code, String... issueData) {
		super.acceptInfo(Printable.bounded(message), object, feature, index, code, issueData);
	}

	/** Reports a wrong dimension at the unit token (or at the number when the unit is missing). */
	protected boolean checkDimension(Quantity q, String what, String expected, Set<Dimension> accepted) {
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

	/**
	 * A layer's thickness: > 0 and at most {@link Limits#MAX_LAYER_THICKNESS}, as written in a layer and as a sweep or a
	 * fit varies it.
	 */
	protected static final Entry THICKNESS = new Entry("thickness", Set.of(PropertyCatalog.Owner.LAYER), List.of(Dimension.LENGTH), 0,
			false, Limits.MAX_LAYER_THICKNESS, true, false, "layer thickness, at most "
					+ CellWrightFormat.number(Limits.MAX_LAYER_THICKNESS * 100) + " cm (the limit, see 'Limits' in docs/language.md)");

	/** What a sweep or fit may vary of a layer: its thickness or a layer property of the catalogue (null if neither). */
	protected static Entry layerTarget(String prop) {
		if (prop.equals("thickness"))
			return THICKNESS;
		return PropertyCatalog.find(PropertyCatalog.Owner.LAYER, prop).orElse(null);
	}

	protected static Set<Dimension> accepted(Entry e) {
		Set<Dimension> s = new HashSet<>();
		for (Dimension d : Dimension.values())
			if (e.accepts(d))
				s.add(d);
		return s;
	}

	protected void duplicates(List<? extends EObject> objects, EStructuralFeature nameFeature, String what) {
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

	/** True if the text of this element holds a syntax error, such as a number refused by the value converter. */
	protected static boolean unreadable(EObject o) {
		INode node = NodeModelUtils.getNode(o);
		if (node == null)
			return false;
		for (INode n : node.getAsTreeIterable())
			if (n.getSyntaxErrorMessage() != null)
				return true;
		return false;
	}

	/** file:line of an object in another file (an error at the reference to it names it so; the Properties view an inherited layer's). */
	public static String where(EObject o) {
		INode node = NodeModelUtils.getNode(o);
		String file = o.eResource() == null ? "?" : o.eResource().getURI().lastSegment();
		return node == null ? file : file + ":" + node.getStartLine();
	}

	/** A quantity as written: "0.3 mA/cm2". */
	protected static String text(Quantity q) {
		return CellWrightFormat.number(q.getValue()) + (q.getUnit() == null || q.getUnit().isEmpty() ? "" : " " + q.getUnit());
	}
}
