package org.cellwright.lang.expressions;

/**
 * A material property as a function of its state variable and temperature, SI in and out: for a liquid electrolyte's
 * property the state is the salt concentration c [mol/m3], for a solid's the stoichiometry x = cs/cmax [-]
 * (as org.cellwright.solver.dfn.StateFunction takes them: {@code StateFunction f = pf::at}). See
 * {@link PropertyFunctions#of}.
 */
@FunctionalInterface
public interface PropertyFunction {
	double at(double state, double temperature);
}
