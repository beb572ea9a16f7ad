package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.util.List;

import org.cellwright.lang.properties.PropertyCatalog.Entry;
import org.cellwright.lang.properties.PropertyCatalog.Owner;
import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.expressions.PropertyFunctions;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Composite;
import org.cellwright.model.Material;
import org.cellwright.model.Property;
import org.cellwright.model.PropertyOwner;
import org.cellwright.model.Quantity;
import org.cellwright.solver.input.ArrheniusLaws;
import org.cellwright.solver.input.MaterialProperty;
import org.eclipse.xtext.validation.Check;

/** Units of quantities and the names, dimensions and ranges of properties (org.cellwright.lang.properties.PropertyCatalog). */
public class UnitsValidator extends AbstractCellWrightRules {

	@Check
	public void checkUnit(Quantity q) {
		if (!Units.isKnown(q.getUnit()))
			error(Units.unknownUnitMessage(q.getUnit()), q, QUANTITY__UNIT, UNKNOWN_UNIT);
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
		PropertyCatalog.readByNoMechanism(p.eContainer(), p.getName())
				.ifPresent(u -> warning(p.getName() + " " + u.reason(p.eContainer()), p, PROPERTY__NAME, READ_BY_NO_MECHANISM));
		Quantity q = p.getValue();
		if (q == null || !checkDimension(q, p.getName(), e.expected(), accepted(e)))
			return;
		String v = e.rangeViolation(Units.toSI(q));
		if (v != null && !unreadable(q)) // a number refused at its token (1e309) is not also out of range
			error(p.getName() + " " + v + " (" + e.description() + "), not " + text(q), p, PROPERTY__VALUE, OUT_OF_RANGE);
	}

	/**
	 * 'NAME = VALUE at T': a material's value of an Arrhenius law stated at its own temperature (ArrheniusLaws); T a
	 * temperature above 0 K. Anything else with 'at' is an error at the temperature; a material without the law's
	 * activation energy is a warning (the value is then the same at every temperature).
	 */
	@Check
	public void checkStatedAt(Property p) {
		Quantity at = p.getStatedAt();
		if (at == null || p.getName() == null)
			return;
		MaterialProperty key = MaterialProperty.ofLanguageName(p.getName());
		String written = "'at " + text(at) + "'";
		if (key == null || !ArrheniusLaws.has(key)) {
			error(written + " states the value of an Arrhenius law at its own temperature, and " + p.getName()
					+ " has none; these have one: " + String.join(", ", ArrheniusLaws.values().stream().map(MaterialProperty::languageName).toList())
					+ " (each with its activation energy)", p, PROPERTY__STATED_AT, STATED_AT);
			return;
		}
		if (!(p.eContainer() instanceof Material m) || p.eContainer() instanceof Composite) {
			error(written + ": only a material's " + p.getName() + " is stated at a temperature (its Arrhenius law is the material's), not "
					+ (p.eContainer() instanceof Composite ? "a composite's"
							: PropertyCatalog.ownerOf(p.eContainer()) == null ? "this one's" : PropertyCatalog.ownerOf(p.eContainer()).label() + "'s"),
					p, PROPERTY__STATED_AT, STATED_AT);
			return;
		}
		if (!Units.isKnown(at.getUnit()))
			return; // reported at the unit
		if (Units.dimensionOf(at) != Dimension.TEMPERATURE) {
			error(written + ": the value is stated at a temperature, in K or degC, not in " + at.getUnit(), p,
					PROPERTY__STATED_AT, STATED_AT);
			return;
		}
		if (!(Units.toSI(at) > 0)) {
			error(written + ": a temperature above 0 K", p, PROPERTY__STATED_AT, STATED_AT);
			return;
		}
		if (ArrheniusLaws.activationEnergies(key).stream().noneMatch(e -> PropertyFunctions.find(m, e.languageName()).isPresent()))
			warning(m.getName() + " gives no " + ArrheniusLaws.activationEnergy(key).languageName() + ": its " + p.getName() + " stated " + written
					+ " is the same at every temperature", p, PROPERTY__STATED_AT, STATED_AT);
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
}
