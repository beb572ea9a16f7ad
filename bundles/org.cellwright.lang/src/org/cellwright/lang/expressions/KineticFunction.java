package org.cellwright.lang.expressions;

/**
 * A kinetic law of an intercalation reaction, e.g. the exchange-current density i0(ce, cs, cmax, T) [A/m2], SI in and
 * out (ce: electrolyte salt concentration, cs: surface concentration in the solid, cmax: its maximum, all mol/m3; T in
 * K). See {@link PropertyFunctions#kinetic}.
 */
@FunctionalInterface
public interface KineticFunction {
	double at(double ce, double cs, double cmax, double temperature);
}
