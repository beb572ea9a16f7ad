package org.cellwright.lang.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.OptionalDouble;

import org.cellwright.lang.expressions.PropertyFunctions;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Component;
import org.cellwright.lang.Limits;
import org.cellwright.model.Composite;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Property;
import org.cellwright.model.PropertyOwner;
import org.cellwright.model.Quantity;

/**
 * Derived layer quantities, all in SI: the solid (mixture) density of a material or composite, the solid fraction
 * from areal loading and thickness, and the porosity (as written, else derived).
 */
public final class Layers {

	private Layers() {
	}

	/**
	 * A property value in SI, if present with a known unit; a value stated at a temperature of its own ('at 60 degC')
	 * at its material's reference temperature ({@link PropertyFunctions#atReference}).
	 */
	public static OptionalDouble si(PropertyOwner owner, String name) {
		Property p = Cells.property(owner, name);
		if (p == null || p.getValue() == null || !Units.isKnown(p.getValue().getUnit()))
			return OptionalDouble.empty();
		return OptionalDouble.of(PropertyFunctions.atReference(p));
	}

	/** The thickness in m, if written with a length unit. */
	public static OptionalDouble thickness(Layer layer) {
		Quantity t = layer.getThickness();
		if (t == null || Units.find(t.getUnit()).map(u -> u.dimension() != Dimension.LENGTH).orElse(true))
			return OptionalDouble.empty();
		return OptionalDouble.of(Units.toSI(t));
	}

	/**
	 * The thickness in m as written, else derived from the areal loading, the solid density and the porosity:
	 * t = loading / (rho (1 - porosity)). Empty if neither is possible.
	 */
	public static OptionalDouble thicknessOrDerived(Layer layer) {
		OptionalDouble t = thickness(layer);
		if (t.isPresent())
			return t;
		OptionalDouble loading = si(layer, "areal-loading");
		OptionalDouble porosity = si(layer, "porosity");
		if (loading.isEmpty() || porosity.isEmpty() || layer.getMaterial() == null || layer.getMaterial().eIsProxy())
			return OptionalDouble.empty();
		OptionalDouble rho = solidDensity(layer.getMaterial());
		if (rho.isEmpty() || rho.getAsDouble() <= 0 || porosity.getAsDouble() >= 1)
			return OptionalDouble.empty();
		return OptionalDouble.of(loading.getAsDouble() / (rho.getAsDouble() * (1 - porosity.getAsDouble())));
	}

	/**
	 * True density [kg/m3] of a material, or of a composite's solid mixture (mass fractions: 1/rho = sum w/rho;
	 * volume fractions: rho = sum f rho). Empty if a density is missing.
	 */
	public static OptionalDouble solidDensity(Material m) {
		return solidDensity(m, new ArrayList<>(), new HashMap<>());
	}

	private static OptionalDouble solidDensity(Material m, List<Material> enclosing, Map<Material, OptionalDouble> memo) {
		if (enclosing.contains(m) || enclosing.size() > Limits.MAX_CHAIN_LENGTH)
			return OptionalDouble.empty(); // a composite that contains itself or nests too deep: a validation error, no density
		if (m instanceof Composite c && !c.getComponents().isEmpty()) {
			OptionalDouble known = memo.get(c);
			if (known != null)
				return known; // shared sub-composites are computed once
			enclosing.add(c);
			try {
				OptionalDouble rho = mixtureDensity(c, enclosing, memo);
				memo.put(c, rho);
				return rho;
			} finally {
				enclosing.remove(enclosing.size() - 1);
			}
		}
		return si(m, "density");
	}

	private static OptionalDouble mixtureDensity(Composite c, List<Material> enclosing, Map<Material, OptionalDouble> memo) {
		double massBased = 0, volBased = 0, sum = 0;
		boolean byVolume = false;
		for (Component k : c.getComponents()) {
			if (k.getMaterial() == null || k.getMaterial().eIsProxy() || k.getFraction() == null)
				return OptionalDouble.empty();
			OptionalDouble rho = solidDensity(k.getMaterial(), enclosing, memo);
			if (rho.isEmpty() || !Units.isKnown(k.getFraction().getUnit()))
				return OptionalDouble.empty();
			double f = Units.toSI(k.getFraction());
			byVolume |= Units.dimensionOf(k.getFraction()) == Dimension.VOLUME_FRACTION;
			massBased += f / rho.getAsDouble();
			volBased += f * rho.getAsDouble();
			sum += f;
		}
		if (sum <= 0)
			return OptionalDouble.empty();
		return OptionalDouble.of(byVolume ? volBased / sum : sum / massBased);
	}

	/** Solid volume fraction = areal loading / (density * thickness), if all three are known. */
	public static OptionalDouble solidFraction(Layer layer) {
		OptionalDouble loading = si(layer, "areal-loading");
		OptionalDouble t = thickness(layer);
		if (loading.isEmpty() || t.isEmpty() || layer.getMaterial() == null || layer.getMaterial().eIsProxy())
			return OptionalDouble.empty();
		OptionalDouble rho = solidDensity(layer.getMaterial());
		if (rho.isEmpty() || t.getAsDouble() <= 0 || rho.getAsDouble() <= 0)
			return OptionalDouble.empty();
		return OptionalDouble.of(loading.getAsDouble() / (rho.getAsDouble() * t.getAsDouble()));
	}

	/** The porosity as written, else 1 - solid fraction when that can be derived. */
	public static OptionalDouble porosity(Layer layer) {
		OptionalDouble p = si(layer, "porosity");
		if (p.isPresent())
			return p;
		OptionalDouble s = solidFraction(layer);
		return s.isPresent() ? OptionalDouble.of(1 - s.getAsDouble()) : OptionalDouble.empty();
	}
}
