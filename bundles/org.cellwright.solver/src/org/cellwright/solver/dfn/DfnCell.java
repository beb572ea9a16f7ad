package org.cellwright.solver.dfn;

/**
 * A lithium-ion cell of a negative electrode, a separator filled with one liquid electrolyte and a porous intercalation
 * positive electrode, per unit electrode area; isothermal at temperature [K]. The negative is a porous intercalation
 * electrode (x = 0 its current collector) or a planar lithium-metal foil (x = 0 its surface facing the separator: a
 * mixed cell, no negative porous domain).
 */
public record DfnCell(NegativeElectrode negativeElectrode, PorousSeparator separator, IntercalationElectrode positive,
        LiquidElectrolyte electrolyte, double initialElectrolyteConcentration, double temperature) {

    /** A cell of two porous electrodes (this signature kept for callers compiled before the lithium-metal negative). */
    public DfnCell(IntercalationElectrode negative, PorousSeparator separator, IntercalationElectrode positive,
            LiquidElectrolyte electrolyte, double initialElectrolyteConcentration, double temperature) {
        this((NegativeElectrode) negative, separator, positive, electrolyte, initialElectrolyteConcentration, temperature);
    }

    /** The porous negative electrode (refused for a lithium-metal negative, which has none). */
    public IntercalationElectrode negative() {
        if (negativeElectrode instanceof IntercalationElectrode e) return e;
        throw new IllegalStateException("the negative electrode " + negativeElectrode.name() + " is a planar lithium-metal electrode, not a porous one");
    }

    /** The lithium-metal foil of a mixed cell, or null when the negative is porous. */
    public PlanarLithiumElectrode lithiumMetal() {
        return negativeElectrode instanceof PlanarLithiumElectrode p ? p : null;
    }

    /** Thickness of the electrolyte-filled region: porous negative (if any), separator, positive [m]. */
    public double thickness() {
        return (lithiumMetal() == null ? negativeElectrode.thickness() : 0) + (separator == null ? 0 : separator.thickness())
                + positive.thickness();
    }

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
}
