/**
 * Doyle-Fuller-Newman (pseudo-two-dimensional) porous-electrode model of a lithium-ion cell with a liquid binary
 * electrolyte (Doyle, Fuller and Newman, J. Electrochem. Soc. 140, 1526, 1993; Newman and Thomas-Alyea,
 * Electrochemical Systems, 3rd ed., 2004, ch. 22). Each mechanism is a small class with its equation:
 * {@link org.cellwright.solver.dfn.ConcentratedSolutionElectrolyte} (salt flux and ionic current),
 * {@link org.cellwright.solver.dfn.Bruggeman} (transport efficiency per phase),
 * {@link org.cellwright.solver.dfn.ExchangeCurrentDensity} and {@link org.cellwright.solver.dfn.ButlerVolmerKinetics}
 * (intercalation reaction), {@link org.cellwright.solver.dfn.FickianParticle} (solid diffusion),
 * {@link org.cellwright.solver.dfn.OhmicSolidPhase} (electron conduction). {@link org.cellwright.solver.dfn.DfnModel}
 * assembles them on the finite-volume layer of {@code numerics.fv} and {@link org.cellwright.solver.dfn.DfnSimulation}
 * integrates it with {@code numerics.dae}. SI units throughout.
 */
package org.cellwright.solver.dfn;
