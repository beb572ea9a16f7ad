package org.cellwright.cli.run;

import java.util.Map;

import org.cellwright.cli.run.Problem.Severity;
import org.cellwright.model.Quantity;
import org.eclipse.emf.ecore.EObject;

/** Converts quantities as written (number + unit) to SI. The single unit table of the runner. */
public final class Quantities {

	public enum Dimension { DIMENSIONLESS, LENGTH, AREA, TIME, VOLTAGE, CURRENT, CURRENT_DENSITY, AREAL_CAPACITY,
		SPECIFIC_CAPACITY, CONDUCTIVITY, PRESSURE, TEMPERATURE, DENSITY, AREAL_LOADING, ENERGY_PER_MOLE, C_RATE,
		DIFFUSIVITY, MOLAR_MASS, CONCENTRATION }

	private record U(Dimension dim, double factor, double offset) {}

	private static final Map<String, U> UNITS = Map.ofEntries(
			Map.entry("", new U(Dimension.DIMENSIONLESS, 1, 0)),
			Map.entry("%", new U(Dimension.DIMENSIONLESS, 0.01, 0)),
			Map.entry("m", new U(Dimension.LENGTH, 1, 0)), Map.entry("mm", new U(Dimension.LENGTH, 1e-3, 0)),
			Map.entry("um", new U(Dimension.LENGTH, 1e-6, 0)), Map.entry("nm", new U(Dimension.LENGTH, 1e-9, 0)),
			Map.entry("cm", new U(Dimension.LENGTH, 1e-2, 0)),
			Map.entry("m2", new U(Dimension.AREA, 1, 0)), Map.entry("cm2", new U(Dimension.AREA, 1e-4, 0)),
			Map.entry("mm2", new U(Dimension.AREA, 1e-6, 0)),
			Map.entry("s", new U(Dimension.TIME, 1, 0)), Map.entry("min", new U(Dimension.TIME, 60, 0)),
			Map.entry("h", new U(Dimension.TIME, 3600, 0)),
			Map.entry("V", new U(Dimension.VOLTAGE, 1, 0)), Map.entry("mV", new U(Dimension.VOLTAGE, 1e-3, 0)),
			Map.entry("A", new U(Dimension.CURRENT, 1, 0)), Map.entry("mA", new U(Dimension.CURRENT, 1e-3, 0)),
			Map.entry("A/m2", new U(Dimension.CURRENT_DENSITY, 1, 0)), Map.entry("mA/cm2", new U(Dimension.CURRENT_DENSITY, 10, 0)),
			Map.entry("mAh/cm2", new U(Dimension.AREAL_CAPACITY, 36, 0)), Map.entry("C/m2", new U(Dimension.AREAL_CAPACITY, 1, 0)),
			Map.entry("mAh/g", new U(Dimension.SPECIFIC_CAPACITY, 3600, 0)), Map.entry("C/kg", new U(Dimension.SPECIFIC_CAPACITY, 1, 0)),
			Map.entry("S/m", new U(Dimension.CONDUCTIVITY, 1, 0)), Map.entry("S/cm", new U(Dimension.CONDUCTIVITY, 100, 0)),
			Map.entry("mS/cm", new U(Dimension.CONDUCTIVITY, 0.1, 0)),
			Map.entry("Pa", new U(Dimension.PRESSURE, 1, 0)), Map.entry("kPa", new U(Dimension.PRESSURE, 1e3, 0)),
			Map.entry("MPa", new U(Dimension.PRESSURE, 1e6, 0)), Map.entry("GPa", new U(Dimension.PRESSURE, 1e9, 0)),
			Map.entry("K", new U(Dimension.TEMPERATURE, 1, 0)), Map.entry("degC", new U(Dimension.TEMPERATURE, 1, 273.15)),
			Map.entry("g/cm3", new U(Dimension.DENSITY, 1000, 0)), Map.entry("kg/m3", new U(Dimension.DENSITY, 1, 0)),
			Map.entry("mg/cm2", new U(Dimension.AREAL_LOADING, 1e-2, 0)), Map.entry("kg/m2", new U(Dimension.AREAL_LOADING, 1, 0)),
			Map.entry("kJ/mol", new U(Dimension.ENERGY_PER_MOLE, 1e3, 0)), Map.entry("J/mol", new U(Dimension.ENERGY_PER_MOLE, 1, 0)),
			Map.entry("eV", new U(Dimension.ENERGY_PER_MOLE, 96485.33212, 0)),
			Map.entry("m2/s", new U(Dimension.DIFFUSIVITY, 1, 0)), Map.entry("cm2/s", new U(Dimension.DIFFUSIVITY, 1e-4, 0)),
			Map.entry("g/mol", new U(Dimension.MOLAR_MASS, 1e-3, 0)), Map.entry("kg/mol", new U(Dimension.MOLAR_MASS, 1, 0)),
			Map.entry("mol/m3", new U(Dimension.CONCENTRATION, 1, 0)),
			Map.entry("C", new U(Dimension.C_RATE, 1, 0)));

	private Quantities() {}

	private static U unit(String unit, EObject where) {
		U u = UNITS.get(unit == null ? "" : unit);
		if (u == null)
			throw new InputException(CellFiles.problemAt(where, Severity.ERROR, "unknown unit '" + unit + "'"));
		return u;
	}

	public static double si(Quantity q, EObject where) {
		if (q == null) throw new InputException(CellFiles.problemAt(where, Severity.ERROR, "a value is missing"));
		U u = unit(q.getUnit(), q);
		return q.getValue() * u.factor() + u.offset();
	}

	public static double factor(String unit, EObject where) {
		return unit(unit, where).factor();
	}

	public static Dimension dimension(Quantity q, EObject where) {
		return unit(q == null ? null : q.getUnit(), q == null ? where : q).dim();
	}
}
