package org.cellwright.editor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Component;
import org.cellwright.model.CurrentStep;
import org.cellwright.model.Layer;
import org.cellwright.model.Limit;
import org.cellwright.model.LimitKind;
import org.cellwright.model.Property;
import org.cellwright.model.Quantity;
import org.cellwright.model.Rest;
import org.cellwright.model.VoltageHold;
import org.cellwright.model.CellwrightPackage;
import org.eclipse.emf.ecore.EObject;

/**
 * The dimensions a quantity of the model must have where it is written (a property's catalogue entry, a layer's
 * thickness, a step's rate, a limit, a duration, a component's fraction) and the units of those dimensions: what
 * Ctrl+1 offers on a unit of the wrong dimension.
 */
public final class ExpectedUnits {

	private ExpectedUnits() {}

	/** The accepted dimensions of a quantity, the canonical one first; empty if the place does not fix one. */
	public static List<Dimension> dimensions(Quantity q) {
		EObject c = q.eContainer();
		if (c instanceof Property p) {
			PropertyCatalog.Owner owner = PropertyCatalog.ownerOf(p.eContainer());
			var entry = owner != null ? PropertyCatalog.find(owner, p.getName()) : PropertyCatalog.find(p.getName());
			if (entry.isEmpty()) entry = PropertyCatalog.find(p.getName());
			return entry.map(PropertyCatalog.Entry::dimensions).orElse(List.of());
		}
		if (c instanceof Layer l && q.eContainingFeature() == CellwrightPackage.Literals.LAYER__THICKNESS) return List.of(Dimension.LENGTH);
		if (c instanceof CurrentStep)
			return List.of(Dimension.CURRENT_DENSITY, Dimension.CURRENT, Dimension.C_RATE, Dimension.POWER, Dimension.POWER_DENSITY);
		if (c instanceof VoltageHold) return List.of(Dimension.VOLTAGE);
		if (c instanceof Rest) return List.of(Dimension.TIME);
		if (c instanceof Limit limit) {
			if (limit.getKind() == LimitKind.FOR) return List.of(Dimension.TIME);
			if (limit.eContainer() instanceof VoltageHold)
				return List.of(Dimension.CURRENT_DENSITY, Dimension.CURRENT, Dimension.C_RATE, Dimension.CAPACITY, Dimension.AREAL_CAPACITY);
			return List.of(Dimension.VOLTAGE, Dimension.CAPACITY, Dimension.AREAL_CAPACITY);
		}
		if (c instanceof Component) return List.of(Dimension.MASS_FRACTION, Dimension.VOLUME_FRACTION);
		return List.of();
	}

	/** The unit symbols of the accepted dimensions, in the order of {@link #dimensions}. */
	public static List<String> units(Quantity q) {
		Set<String> out = new LinkedHashSet<>();
		for (Dimension d : dimensions(q)) out.addAll(Units.symbolsOf(d));
		out.remove("");
		return new ArrayList<>(out);
	}
}
