package org.cellwright.solver.dfn;

/**
 * Zeroth-order (instantaneous) OCP hysteresis: the OCP follows the delithiation branch while the electrode
 * delithiates and the lithiation branch while it lithiates, U = (1 + h)/2 U_delith + (1 - h)/2 U_lith with
 * h = sign of the electrode's reaction (the sign-of-current hysteresis of Plett, J. Power Sources 134, 262 (2004);
 * PyBaMM's "current sigmoid" OCP, h = tanh(k I) with k = 100 m2/A, Ai et al. 2022, of which this is the sharp limit).
 * With no net reaction (h = 0, a rest) it is the mean of the branches, as PyBaMM's at I = 0 (Plett's model would keep
 * the last branch instead). BPX writes the branches as
 * "User-defined" "Negative electrode lithiation OCP [V]" / "... delithiation OCP [V]" (0.4) or the electrode's
 * "OCP (lithiation) [V]" / "OCP (delithiation) [V]" (1.x).
 *
 * @param lithiation U_lith(x, T) [V]
 * @param delithiation U_delith(x, T) [V]
 */
public record ZerothOrderHysteresis(OpenCircuitPotential lithiation, OpenCircuitPotential delithiation) implements OpenCircuitPotential {

    /** The mean of the branches (the OCP with no net reaction). */
    @Override
    public double at(double stoichiometry, double temperature) {
        return 0.5 * (lithiation.at(stoichiometry, temperature) + delithiation.at(stoichiometry, temperature));
    }

    @Override
    public double at(double stoichiometry, double temperature, double reaction) {
        if (reaction > 0) return delithiation.at(stoichiometry, temperature);
        if (reaction < 0) return lithiation.at(stoichiometry, temperature);
        return at(stoichiometry, temperature);
    }

    /** dU/dx of the branch taken in this reaction direction (the mean of the branches' slopes with no net reaction). */
    @Override
    public double slope(double stoichiometry, double temperature, double reaction) {
        if (reaction > 0) return delithiation.slope(stoichiometry, temperature, reaction);
        if (reaction < 0) return lithiation.slope(stoichiometry, temperature, reaction);
        return 0.5 * (lithiation.slope(stoichiometry, temperature, 0) + delithiation.slope(stoichiometry, temperature, 0));
    }

    @Override
    public boolean hasHysteresis() { return true; }

    /** The hysteresis gap U_delith - U_lith at this stoichiometry [V] (positive for graphite and silicon). */
    public double gap(double stoichiometry, double temperature) {
        return delithiation.at(stoichiometry, temperature) - lithiation.at(stoichiometry, temperature);
    }
}
