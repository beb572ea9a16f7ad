package org.cellwright.solver.dfn;

/**
 * A lithium-ion cell of two porous intercalation electrodes and a separator filled with one liquid electrolyte,
 * per unit electrode area; isothermal at temperature [K]. x = 0 is the negative current collector.
 */
public record DfnCell(IntercalationElectrode negative, PorousSeparator separator, IntercalationElectrode positive,
        LiquidElectrolyte electrolyte, double initialElectrolyteConcentration, double temperature) {

    /**
     * A cell for the {@link SingleParticleModel}: two electrodes, no separator and no electrolyte (null); the exchange
     * currents take the electrolyte at its reference concentration c_e0 [mol/m3].
     */
    public static DfnCell singleParticle(IntercalationElectrode negative, IntercalationElectrode positive, double referenceElectrolyteConcentration,
            double temperature) {
        return new DfnCell(negative, null, positive, null, referenceElectrolyteConcentration, temperature);
    }

    /** Whether this is a single-particle cell (no electrolyte): it runs through {@link SingleParticleModel}. */
    public boolean isSingleParticle() { return electrolyte == null; }

    public double thickness() { return negative.thickness() + (separator == null ? 0 : separator.thickness()) + positive.thickness(); }
}
