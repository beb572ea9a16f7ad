package org.cellwright.solver.dfn;

/**
 * A lithium-ion cell of two porous intercalation electrodes and a separator filled with one liquid electrolyte,
 * per unit electrode area; isothermal at temperature [K]. x = 0 is the negative current collector.
 */
public record DfnCell(IntercalationElectrode negative, PorousSeparator separator, IntercalationElectrode positive,
        LiquidElectrolyte electrolyte, double initialElectrolyteConcentration, double temperature) {

    public double thickness() { return negative.thickness() + separator.thickness() + positive.thickness(); }
}
