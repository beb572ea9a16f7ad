package org.cellwright.solver.dfn;

/**
 * Transport properties of a binary salt in a solvent as functions of salt concentration [mol/m3] and temperature [K]
 * (Newman and Thomas-Alyea 2004, sec. 12.3): conductivity kappa [S/m], salt diffusivity D [m2/s], cation transference
 * number t+ [-] and thermodynamic factor 1 + dln f+-/dln c [-].
 */
public record LiquidElectrolyte(String name, StateFunction conductivity, StateFunction diffusivity,
        StateFunction transferenceNumber, StateFunction thermodynamicFactor) {}
