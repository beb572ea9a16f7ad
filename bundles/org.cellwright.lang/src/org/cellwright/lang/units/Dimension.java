package org.cellwright.lang.units;

/**
 * The physical dimensions CellWright knows. Each has one SI unit (what {@link Unit#toSI(double)} returns) and a few
 * example units for messages. Fractions come in three flavours: {@link #FRACTION} (plain %, or a bare number),
 * {@link #MASS_FRACTION} (wt%) and {@link #VOLUME_FRACTION} (vol%).
 */
public enum Dimension {
	DIMENSIONLESS("1", "a plain number"),
	FRACTION("1", "a fraction: a plain number in [0,1] or %"),
	MASS_FRACTION("1", "a mass fraction: wt%"),
	VOLUME_FRACTION("1", "a volume fraction: vol%"),
	LENGTH("m", "a length: nm, um, mm, cm, m"),
	AREA("m2", "an area: mm2, cm2, m2"),
	VOLUME("m3", "a volume: cm3, mL, L, m3"),
	MASS("kg", "a mass: ug, mg, g, kg"),
	TIME("s", "a duration: s, min, h, d"),
	TEMPERATURE("K", "a temperature: K, degC"),
	CURRENT("A", "a current: uA, mA, A"),
	CURRENT_DENSITY("A/m2", "a current density: uA/cm2, mA/cm2, A/m2"),
	CAPACITY("C", "a capacity (charge): uAh, mAh, Ah"),
	AREAL_CAPACITY("C/m2", "an areal capacity: mAh/cm2, Ah/m2"),
	SPECIFIC_CAPACITY("C/kg", "a specific capacity: mAh/g, Ah/kg"),
	VOLTAGE("V", "a voltage: uV, mV, V"),
	CONDUCTIVITY("S/m", "a conductivity: uS/cm, mS/cm, S/cm, S/m"),
	PRESSURE("Pa", "a pressure or stress: Pa, kPa, MPa, GPa, bar"),
	ACTIVATION_ENERGY("J/mol", "an activation energy: eV, kJ/mol, J/mol"),
	ENERGY("J", "an energy: J, mWh, Wh"),
	POWER("W", "a power: mW, W"),
	POWER_DENSITY("W/m2", "a power density: mW/cm2, W/m2"),
	DENSITY("kg/m3", "a density: g/cm3, kg/m3"),
	AREAL_LOADING("kg/m2", "an areal loading: mg/cm2, g/m2"),
	MOLAR_MASS("kg/mol", "a molar mass: g/mol, kg/mol"),
	DIFFUSIVITY("m2/s", "a diffusivity: cm2/s, m2/s"),
	BOUNDARY_DIFFUSIVITY("m3/s", "a boundary-diffusion product delta*D: m3/s, cm3/s"),
	CONCENTRATION("mol/m3", "a concentration: mol/L, mol/cm3, mol/m3"),
	C_RATE("1/h", "a C-rate: C (multiples of the nominal capacity per hour)"),
	INVERSE_TIME("1/s", "a rate: /s, /h, Hz"),
	ANGLE("rad", "an angle: deg, rad"),
	SURFACE_ENERGY("J/m2", "a surface energy: mJ/m2, J/m2"),
	AREA_SPECIFIC_RESISTANCE("Ohm.m2", "an area-specific resistance: Ohm.cm2, Ohm.m2"),
	RESISTANCE("Ohm", "a resistance: mOhm, Ohm, kOhm"),
	HEAT_TRANSFER_COEFFICIENT("W/m2/K", "a heat-transfer coefficient: W/m2/K, mW/cm2/K"),
	SPECIFIC_HEAT_CAPACITY("J/kg/K", "a specific heat capacity: J/kg/K, J/g/K"),
	HEAT_CAPACITY("J/K", "a heat capacity: J/K, kJ/K"),
	ENTROPIC_COEFFICIENT("V/K", "an entropic coefficient dU/dT: V/K, mV/K");

	private final String siUnit;
	private final String description;

	Dimension(String siUnit, String description) {
		this.siUnit = siUnit;
		this.description = description;
	}

	/** Symbol of the SI unit that {@link Unit#toSI(double)} converts to. */
	public String siUnit() {
		return siUnit;
	}

	/** What this dimension is, with example units, e.g. "a length: nm, um, mm, cm, m". */
	public String description() {
		return description;
	}

	/** True for the fraction family (plain number, %, wt%, vol%). */
	public boolean isFraction() {
		return this == FRACTION || this == MASS_FRACTION || this == VOLUME_FRACTION;
	}
}
