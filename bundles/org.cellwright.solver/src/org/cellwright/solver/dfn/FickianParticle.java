package org.cellwright.solver.dfn;

/**
 * Fickian diffusion in a spherical active-material particle (Doyle, Fuller and Newman 1993, eq. 3):
 * dc/dt = (1/r^2) d/dr (r^2 D(c, T) dc/dr), dc/dr = 0 at r = 0 and -D dc/dr = j / F at r = R_p. D is a function of
 * the stoichiometry c/c_max and temperature [m2/s].
 */
public record FickianParticle(double radius, double maximumConcentration, StateFunction diffusivity) {

    /** D at concentration c: the function of stoichiometry taken on [1e-10, 1 - 1e-10] (PyBaMM's "D__c_s" bound), T. */
    public double diffusivity(double c, double temperature) {
        return diffusivity.at(StoichiometryBarrier.clip(c / maximumConcentration), temperature);
    }
}
