/**
 * Physics of the cell, one mechanism per class, SI units inside. Electrode models are seen from the separator:
 * each returns its potential vs a Li reference in the adjacent solid electrolyte for a given anodic current
 * density (positive = this electrode is oxidised). {@link org.cellwright.solver.physics.CellModel} combines
 * working electrode, separator and counter electrode.
 * <p>
 * Mechanisms of the interlayer study (Sung et al., Adv. Mater. 2023, DOI 10.1002/adma.202210835) and where they
 * live:
 * <ul>
 * <li>nucleation dips of the first plating: heterogeneous nucleation, eta_n ~ sqrt(f(theta)), relaxing as nuclei
 * cover the substrate, eta_n exp(-q / q_c) ({@link org.cellwright.solver.physics.HeterogeneousNucleation}); on an
 * interlayer first inside the MIEC on its lithiophilic pore walls, then Li fills the connected pores
 * ({@link org.cellwright.solver.physics.PoreFilling}: about eps L of Li, ~0.1 mAh/cm2) and must nucleate again at the
 * MIEC/collector interface, on the collector lined with Li-Si, cos theta* = (1 - eps) cos theta_LiSi + eps cos
 * theta_CC ({@link org.cellwright.solver.physics.CassieBaxterWetting}); the reported nucleation overpotential is the
 * first dip's depth in the voltage trace ({@link org.cellwright.solver.output.NucleationDips});</li>
 * <li>SE reduction on the true Li/SE and MIEC/SE contact, L^2 = L0^2 + 2kt:
 * {@link org.cellwright.solver.physics.SolidElectrolyteInterphase}; the MIEC/SE contact A = (1 - eps) + a delta in
 * {@link org.cellwright.solver.physics.InterlayerGeometry#seContactArea()};</li>
 * <li>temperature of the interphase: growth k(T) and Li+ conduction kappa(T) both Arrhenius, each with its own
 * activation energy (SE: interphase-activation-energy, none when not given: 62.3 kJ/mol for Li6PS5Cl, measured on
 * SUS|Li6PS5Cl|Li, Aktekin et al. 2023; interphase-conduction-activation-energy, 10 kJ/mol for the Li3P-rich Li/LPSCl
 * interphase, fitted as a bracket, 6.32-15.5 kJ/mol (6.15-15.4 before the CEI growth barrier became derived) against the study's 60 C long cycling, 6.32-15.5 re-run 2026-12-07, session 35); the resistance at a given age scales as sqrt(k(T))/kappa(T), with 62.3/2 - 10 = 21 kJ/mol:
 * at 60 C the interlayer half cell's Li foil counter electrode ends every stripping at its 0.2 V cut-off from cycle ~20
 * (its interphase overpotential ~0.19 V; a prediction, experiments.cell InterlayerHalfCellAt60C), and the baseline
 * full cell's foil fades ({@link org.cellwright.solver.physics.SolidElectrolyteInterphase#setTemperature});</li>
 * <li>Li trapped at the collector gap: a share (the collector's dead-lithium-fraction) of Li stripped from the
 * collector side of an interlayer without foil ({@link org.cellwright.solver.physics.MiecInterlayerElectrode});</li>
 * <li>electronic conduction of a partly lithiated host, log sigma = (1 - phi) log sigma_Si + phi log sigma_LixSi at the
 * lithiated phase's volume fraction phi, from the as-cast Si's (intrinsic silicon, the host's
 * unlithiated-electronic-conductivity, thermally activated with half the band gap) to the lithiated phase's (Lichtenecker's
 * logarithmic rule, an assumption between two measured ends: {@link org.cellwright.solver.physics.LichteneckerConductivity},
 * {@link org.cellwright.solver.physics.InterlayerGeometry#updateTransport});</li>
 * <li>pore size set by the stack pressure during lithiation, d = d0 (eps/eps0)^2 (p_ref/p)^b, lithiation-weighted,
 * fixed afterwards; cracking without a binder stronger than the host is hard
 * ({@link org.cellwright.solver.physics.InterlayerLithiation});</li>
 * <li>flow stress vs size, min(sigma_bulk + K d^-m, pi kT d^3 eps_dot / (148 Omega delta D)):
 * {@link org.cellwright.solver.physics.LithiumFlowStress}; the size to mark on that map:
 * {@link org.cellwright.solver.physics.LithiumFeatureSize};</li>
 * <li>a foil presses on the SE with at most its friction-hill extrusion pressure sigma_0 (1 + 2R/(3 sqrt(3) h)):
 * {@link org.cellwright.solver.physics.FoilExtrusion};</li>
 * <li>filament growth driven by the current into the overloaded Li only:
 * {@link org.cellwright.solver.physics.LithiumFilament},
 * {@link org.cellwright.solver.physics.ElectrodeModel#penetrationCurrent()};</li>
 * <li>the cathode-electrolyte interphase, L^2 = L0^2 + 2kt, grown by oxidising the catholyte (5 e- per Li6PS5Cl,
 * Auvergniot et al., Chem. Mater. 2017): a parasitic current i_ox = 5 F (rho/M) a L_cat dL/dt, so the Coulombic
 * efficiency of a cell with excess Li stays below 100 % ({@link org.cellwright.solver.physics.CompositeCathode});</li>
 * <li>temperature of the cathode-electrolyte interphase: the same law as at Li, k(T) and kappa(T) Arrhenius with their
 * own activation energies (interphase-activation-energy, 50 kJ/mol for NCM811, calibrated;
 * interphase-conduction-activation-energy, 56 kJ/mol, measured on amorphous Li3PO4), its film resistance
 * L/kappa(T) per active surface ({@link org.cellwright.solver.physics.CathodeElectrolyteInterphase},
 * {@link org.cellwright.solver.physics.InterphaseTemperatureLaw}).</li>
 * </ul>
 */
package org.cellwright.solver.physics;
