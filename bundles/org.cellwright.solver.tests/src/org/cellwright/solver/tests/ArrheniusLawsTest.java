package org.cellwright.solver.tests;

import static org.cellwright.solver.input.MaterialProperty.*;
import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.ButlerVolmer;
import org.cellwright.solver.physics.CathodeElectrolyteInterphase;
import org.cellwright.solver.physics.CompositeCathode;
import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.InterphaseTemperatureLaw;
import org.cellwright.solver.physics.LayerComposition;
import org.cellwright.solver.physics.LithiumFlowStress;
import org.cellwright.solver.physics.LithiumMetalElectrode;
import org.cellwright.solver.physics.SolidElectrolyteInterphase;
import org.junit.jupiter.api.Test;

/**
 * Every transport and kinetic law of the interlayer study's parameter set (Sung et al., Adv. Mater. 2023, DOI
 * 10.1002/adma.202210835) is Arrhenius in temperature with the activation energy of its cited source: the value the
 * physics computes at T2 over the value at T1 is exp(-Ea/R (1/T2 - 1/T1)), and Ea is the cited one. Changing a value
 * in Sung2023Parameters away from its source, or a law that stops applying it, fails here.
 */
class ArrheniusLawsTest {
    static final double T1 = 293.15, T2 = 333.15; // 20 and 60 degC, the study's temperatures
    static final double KJ = 1e3;

    /** exp(-Ea/R (1/T2 - 1/T1)) (Arrhenius 1889). */
    static double factor(double ea) { return Math.exp(-ea / Constants.R * (1 / T2 - 1 / T1)); }

    static void assertCited(double citedEa, MaterialSpec m, MaterialProperty p, String source) {
        assertEquals(citedEa, m.get(p, Double.NaN), 1e-9 * citedEa, m.name() + " " + p + " is the value of " + source);
    }

    static LayerSpec layer(CellSpec cell, LayerRole role) {
        return cell.layers().stream().filter(l -> l.role() == role).findFirst().orElseThrow();
    }

    @Test
    void solidElectrolyteConductivity() {
        MaterialSpec se = Sung2023Parameters.lpscl();
        assertCited(30 * KJ, se, IONIC_ACTIVATION_ENERGY, "Kraft et al., JACS 2017, DOI 10.1021/jacs.7b06327 (~0.31 eV)");
        LayerComposition sep = new LayerComposition(Sung2023Parameters.separator());
        double ratio = sep.effectiveConductivity(IONIC_CONDUCTIVITY, T2) / sep.effectiveConductivity(IONIC_CONDUCTIVITY, T1);
        assertEquals(factor(30 * KJ), ratio, 1e-12);
    }

    @Test
    void ncm811SolidDiffusivityAndExchangeCurrent() {
        MaterialSpec am = Sung2023Parameters.ncm811();
        // measured on NMC811: O'Regan et al., Electrochim. Acta 2022, DOI 10.1016/j.electacta.2022.140700
        // their Arrhenius fit: E/R = 1449 K, written as 12.05 kJ/mol
        assertEquals(1449 * Constants.R, am.get(DIFFUSION_ACTIVATION_ENERGY, 0), 0.01 * KJ, "O'Regan 2022 (1449 K x R)");
        // the NCM/LPSCl charge transfer: measured at the same kind of contact, LiNbO3-coated layered LiCoO2 against a
        // sulfide SE (Ni microelectrode, exchange currents at several temperatures: 48 kJ/mol; docs/calibration.md);
        // on NCM811/LPSCl itself the coated composite's R_ct gives 53 kJ/mol between 30 and 45 degC (11 from 45 to
        // 60), the uncoated one 43 (Kim et al. 2025, DOI 10.1016/j.electacta.2025.147413); above NMC811's 24.01 kJ/mol
        // in a liquid (O'Regan 2022)
        assertCited(48 * KJ, am, EXCHANGE_CURRENT_ACTIVATION_ENERGY, "the coated-LiCoO2/sulfide microelectrode study");
        assertTrue(am.get(EXCHANGE_CURRENT_ACTIVATION_ENERGY, 0) > 24.01 * KJ, "a solid contact of the coated oxide, not the liquid's");
        CellSpec cell = Sung2023Parameters.cell6Full(65e6, T1);
        CompositeCathode c = new CompositeCathode("c", layer(cell, LayerRole.COMPOSITE_CATHODE), 0, cell, SolverSettings.defaults());
        c.setConditions(T1, 65e6);
        double d1 = c.solidDiffusivity(), i1 = c.exchangeCurrentAtHalfFilling();
        c.setConditions(T2, 65e6);
        assertEquals(factor(am.get(DIFFUSION_ACTIVATION_ENERGY, 0)), c.solidDiffusivity() / d1, 1e-12);
        assertEquals(factor(48 * KJ), c.exchangeCurrentAtHalfFilling() / i1, 1e-12);
        // 20 -> 60 degC: the charge transfer speeds up 10.6x (3.3x with the liquid's 24 kJ/mol)
        assertEquals(10.64, c.exchangeCurrentAtHalfFilling() / i1, 0.01);
        // and at 25 degC, the reference, the tabulated values themselves
        c.setConditions(Constants.T_REF, 65e6);
        assertEquals(am.get(DIFFUSIVITY, 0), c.solidDiffusivity(), 1e-25);
        assertEquals(am.get(EXCHANGE_CURRENT_DENSITY, 0), c.exchangeCurrentAtHalfFilling(), 1e-12);
    }

    /**
     * The NCM/LPSCl exchange current's magnitude is the measured one: at 30 degC the model gives back the crossrail
     * (interface) resistances of LiNbO3-coated NCM811 / Li6PS5Cl / Super P composites, 62 / 72 / 82 wt% NCM811, 10 mg on
     * 10 mm, measured with a reference electrode after the formation and separated by a transmission-line fit: 22.4 /
     * 18.2 / 17.2 Ohm cm2 (Kim, Kang, Park, Lee, Electrochim. Acta 542 (2025) 147413, DOI
     * 10.1016/j.electacta.2025.147413). That resistance holds the cathode interphase's film in series with the charge
     * transfer, so the model's is both: per geometric area RT / (F i0(x) a L) + R_film / (a L), with the particle surface
     * a L = 3 m_NCM / (rho r) the model uses (a = 3 phi / r), taken with the study's particle radius (their powder's is
     * not given; docs/calibration.md). The state is the one kim2025.cell's probes read Kim's cells at (half charge after
     * the formation, x = 0.60, i0(x) = i0(1/2) 2 sqrt(x (1 - x)) = 0.98 i0(1/2): cli.tests' KimCrossrailTest), the film
     * the library's (CathodeElectrolyteInterphase, fit CathodeInterphase) grown at 30 degC until that probe: the
     * formation (0.05 C CC-CV to 4.3 V until 0.01 C, 0.05 C discharge to 2.5 V; 42.3 h in the model's run), 1 h rest,
     * 10 h charge, 1 h rest and the 10 min probe, 54.5 h, 8.8 nm. The exchange current was derived from the 18.2 and
     * 22.4 less that film (session 37): with the 0.09 mA/cm2 derived before as if no film were in R_ct, the charge
     * transfer alone was Kim's number and the model's crossrail 1.6-1.7x it.
     */
    @Test
    void ncm811ExchangeCurrentGivesTheMeasuredChargeTransferResistances() {
        MaterialSpec am = Sung2023Parameters.ncm811();
        CellSpec cell = Sung2023Parameters.cell6Full(65e6, T1);
        LayerSpec cathode = layer(cell, LayerRole.COMPOSITE_CATHODE);
        CompositeCathode c = new CompositeCathode("c", cathode, 0, cell, SolverSettings.defaults());
        double t30 = 303.15, x = 0.60, toProbe = 54.5 * 3600;
        c.setConditions(t30, 65e6);
        double i0 = c.exchangeCurrentAtHalfFilling() * 2 * Math.sqrt(x * (1 - x)); // A/m2 of particle surface
        CathodeElectrolyteInterphase film = CathodeElectrolyteInterphase.of(am);
        film.setTemperature(t30);
        film.trial(toProbe); // exact at constant temperature: L^2 = L0^2 + 2 k t
        assertEquals(8.8e-9, film.trialThickness(), 0.1e-9, "the film at Kim's 30 degC probe");
        double composite = 10e-6 / (Math.PI * 0.005 * 0.005); // kg/m2: 10 mg on a 10 mm pellet
        double[] ncmShare = {0.62, 0.72, 0.82}, measured = {22.4e-4, 18.2e-4, 17.2e-4}; // Ohm m2
        for (int k = 0; k < 3; k++) {
            double aL = 3 * composite * ncmShare[k] / (am.get(DENSITY, 0) * cathode.particleRadius());
            double chargeTransfer = Constants.R * t30 / (Constants.F * i0 * aL), filmShare = film.resistance() / aL;
            assertEquals(measured[k], chargeTransfer + filmShare, 0.10 * measured[k], ncmShare[k] * 100 + " wt% NCM811 [Ohm m2]: charge transfer "
                    + chargeTransfer + " + film " + filmShare);
        }
    }

    @Test
    void lithiumMetalExchangeCurrent() {
        MaterialSpec li = Sung2023Parameters.lithium();
        // Li/thiophosphate SEs: charge-transfer Ea = conduction Ea (Chiku et al., Electrochemistry 2012,
        // DOI 10.5796/electrochemistry.80.740), so the SE's 30 kJ/mol
        assertCited(Sung2023Parameters.lpscl().get(IONIC_ACTIVATION_ENERGY, 0), li, EXCHANGE_CURRENT_ACTIVATION_ENERGY, "Chiku 2012");
        CellSpec cell = Sung2023Parameters.cell3Bare(65e6);
        LithiumMetalElectrode foil = new LithiumMetalElectrode("foil", layer(cell, LayerRole.LITHIUM_METAL),
                Sung2023Parameters.lpscl(), 0, cell);
        foil.setConditions(T1, 65e6);
        double i1 = foil.exchangeCurrentDensity();
        foil.setConditions(T2, 65e6);
        assertEquals(factor(30 * KJ), foil.exchangeCurrentDensity() / i1, 1e-12);
        // its magnitude at 25 degC: a fresh Li|Li6PS5Cl contact (no interphase yet) has the polarization resistance
        // measured with Li microelectrodes on fresh Li6PS5Cl, R_P ~ 0.8 Ohm cm2 ("Non-Linear Kinetics of the Lithium
        // Metal Anode on Li6PS5Cl at High Current Density"; docs/calibration.md): eta / i at a small current
        foil.setConditions(Constants.T_REF, 65e6);
        double i = 1e-3 * foil.exchangeCurrentDensity();
        double eta = ButlerVolmer.overpotential(foil.exchangeCurrentDensity(), 0.5, 0.5, i, Constants.T_REF);
        assertEquals(0.8e-4, eta / i, 0.01 * 0.8e-4, "R_P [Ohm m2]");
    }

    @Test
    void lithiumCreepAndDislocationPlasticity() {
        MaterialSpec li = Sung2023Parameters.lithium();
        assertCited(37 * KJ, li, CREEP_ACTIVATION_ENERGY, "LePage et al., JES 2019, DOI 10.1149/2.0221902jes");
        // Xu et al., PNAS 2017, DOI 10.1073/pnas.1615733114: ~1 um pillars 105 MPa at 25 degC, 35 MPa at 90 degC
        double xu = Constants.R * Math.log(105.0 / 35.0) / (1 / 298.15 - 1 / 363.15);
        assertEquals(xu, li.get(SIZE_EFFECT_ACTIVATION_ENERGY, 0), 0.1 * KJ);
        LithiumFlowStress flow = new LithiumFlowStress(li);
        // power-law creep: eps_dot = A (sigma/E)^n exp(-Q/RT); at a fixed rate sigma scales as exp(Q/(nRT))
        double n = li.get(CREEP_STRESS_EXPONENT, 0), rate = 1e-4;
        assertEquals(Math.pow(factor(37 * KJ), -1 / n), flow.powerLawStress(rate, T2) / flow.powerLawStress(rate, T1), 1e-12);
        // the size-effect strength softens by the inverse Arrhenius factor of its activation energy
        assertEquals(1 / factor(li.get(SIZE_EFFECT_ACTIVATION_ENERGY, 0)), flow.sizeEffectCoefficient(T2) / flow.sizeEffectCoefficient(T1), 1e-12);
        // between 25 and 90 degC it is Xu's factor 3 (105 -> 35 MPa)
        assertEquals(3.0, flow.sizeEffectCoefficient(298.15) / flow.sizeEffectCoefficient(363.15), 0.02);
        // Coble creep: delta*D Arrhenius, so at fixed size and rate the stress scales as T / (delta D(T))
        double qc = li.get(COBLE_ACTIVATION_ENERGY, 0), d = 50e-9;
        // its barrier is grain-boundary diffusion's (no delta D_gb of Li is measured): Q_B = 0.4-0.6 Q_L in metals
        // (Heitjans and Kaerger, Diffusion in Condensed Matter, 2005) with Li's lattice self-diffusion measured at
        // Q_L = 45-55 kJ/mol (Vanfleet et al., PRB 5 (1972) 4849: 10.8 kcal/mol at zero pressure; Lodding, Mundy, Ott,
        // Phys. Status Solidi B 38 (1970) 559, DOI 10.1002/pssb.19700380206: ~55 kJ/mol): the middle of both, 25 kJ/mol
        double qLatticeLow = 10.8 * 4.184 * KJ, qLatticeHigh = 55 * KJ;
        assertEquals(0.5 * (qLatticeLow + qLatticeHigh) / 2, qc, 0.5 * KJ, "0.5 x Li's measured Q_L");
        assertTrue(qc >= 0.4 * qLatticeLow && qc <= 0.6 * qLatticeHigh, "inside the derivation's 18-33 kJ/mol");
        assertEquals(T2 / T1 / factor(qc), flow.cobleStress(d, rate, T2) / flow.cobleStress(d, rate, T1), 1e-12);
    }

    /**
     * Li's size effect and Coble creep take the Li material's {@code reference-temperature}, as every other law of the
     * solver takes its material's: the values stated at 60 degC are the laws' values at 60 degC, and at another
     * temperature the strength and the creep stress move by the Arrhenius factor between the two references. Both
     * took 298.15 K whatever Li set (session 26, found and not fixed); no material of the study sets one.
     */
    @Test
    void lithiumFlowStressTakesItsMaterialsReferenceTemperature() {
        MaterialSpec li = Sung2023Parameters.lithium();
        assertTrue(Double.isNaN(li.get(REFERENCE_TEMPERATURE, Double.NaN)), "the study's Li states no reference temperature");
        LithiumFlowStress at25 = new LithiumFlowStress(li), at60 = new LithiumFlowStress(li.with(REFERENCE_TEMPERATURE, T2));
        double qk = li.get(SIZE_EFFECT_ACTIVATION_ENERGY, 0), qc = li.get(COBLE_ACTIVATION_ENERGY, 0), k = li.get(SIZE_EFFECT_COEFFICIENT, 0);
        assertTrue(qk > 0 && qc > 0);
        // at its own reference the law gives the stated value
        assertEquals(k, at60.sizeEffectCoefficient(T2), 1e-12 * k);
        assertEquals(k, at25.sizeEffectCoefficient(Constants.T_REF), 1e-12 * k);
        // the same value stated at 60 instead of 25 degC: K (softening with T) is stronger at every temperature by
        // exp(Q_K/R (1/298.15 - 1/333.15)), delta D smaller by exp(-Q/R (1/298.15 - 1/333.15)), so the Coble stress larger
        double between = Math.exp(-1 / Constants.R * (1 / T2 - 1 / Constants.T_REF)); // exp(-1/R (1/T2 - 1/Tref))
        assertEquals(Math.pow(between, qk), at60.sizeEffectCoefficient(T1) / at25.sizeEffectCoefficient(T1), 1e-10 * Math.pow(between, qk));
        double d = 50e-9, rate = 1e-4;
        assertEquals(Math.pow(between, qc), at60.cobleStress(d, rate, T1) / at25.cobleStress(d, rate, T1), 1e-10 * Math.pow(between, qc));
        assertEquals(at25.cobleStress(d, rate, Constants.T_REF) * T2 / Constants.T_REF, at60.cobleStress(d, rate, T2),
                1e-12 * at60.cobleStress(d, rate, T2), "delta D at its reference is the stated one: sigma_c scales with T alone");
    }

    @Test
    void lithiumSolidElectrolyteInterphaseGrowthAndConduction() {
        MaterialSpec se = Sung2023Parameters.lpscl();
        // growth: the SE's own interphase-activation-energy, not its ionic one standing in for it; measured on SUS|
        // Li6PS5Cl|Li foil (Aktekin et al., Nat. Commun. 14 (2023) 6946, DOI 10.1038/s41467-023-42512-y): the same
        // parabolic SEI Li loss in ~400 h at 25 degC and ~120 h at 40 degC, so k(40)/k(25) = 400/120; each time
        // read +/- 10 % gives the range 52-73 kJ/mol
        double eg = se.get(INTERPHASE_ACTIVATION_ENERGY, Double.NaN), ec = se.get(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, 0);
        double t25 = 298.15, t40 = 313.15;
        assertEquals(Constants.R * Math.log(400.0 / 120) / (1 / t25 - 1 / t40), eg, 0.05 * KJ, "Aktekin et al. 2023: 62.3 kJ/mol");
        double low = Constants.R * Math.log(400 * 0.9 / (120 * 1.1)) / (1 / t25 - 1 / t40);
        double high = Constants.R * Math.log(400 * 1.1 / (120 * 0.9)) / (1 / t25 - 1 / t40);
        assertEquals(52, low / KJ, 1, "lower end of the range");
        assertEquals(73, high / KJ, 1, "upper end of the range");
        SolidElectrolyteInterphase i = new SolidElectrolyteInterphase(se.get(INTERPHASE_GROWTH_CONSTANT, 0),
                se.get(INTERPHASE_CONDUCTIVITY, 0), se.get(INTERPHASE_LITHIUM_CONTENT, 0), eg, ec);
        i.setTemperature(T1);
        double k1 = i.growthConstant(), s1 = i.conductivity();
        i.setTemperature(T2);
        assertEquals(factor(eg), i.growthConstant() / k1, 1e-12);
        assertEquals(factor(ec), i.conductivity() / s1, 1e-12);
        // the conduction barrier is not measured (no temperature-resolved measurement of Li2S, Li3P, LiCl or the grown
        // interphase was found; bracketed in 6.32-15.5 kJ/mol by the study's 60 degC long cycling, 6.32-15.5 re-run
        // 2026-12-07, session 35, docs/calibration.md):
        // it must stay below the SE's conduction barrier, the stated
        // reason (a Li3P-rich interphase, Nazri 1989: > 1e-4 S/cm at room temperature)
        assertTrue(ec < se.get(IONIC_ACTIVATION_ENERGY, 0), "Li3P-rich interphase conducts with a lower barrier than the SE");
    }

    @Test
    void cathodeElectrolyteInterphaseGrowthAndConduction() {
        MaterialSpec am = Sung2023Parameters.ncm811();
        // conduction: measured on the interphase's phosphate constituent, amorphous Li3PO4 thin films, Li tracer
        // diffusion 25-160 degC: 0.58 eV (Kuwata et al., Solid State Ionics 294 (2016) 59, DOI 10.1016/j.ssi.2016.06.015),
        // written as 56 kJ/mol; inside LiPON's 0.53-0.63 eV (Put et al., ACS Appl. Mater. Interfaces 8 (2016) 7060),
        // the range
        double ec = am.get(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, 0);
        double eV = Constants.F / 1e3 * KJ; // 1 eV per particle in J/mol
        assertEquals(0.58 * eV, ec, 0.05 * KJ, "Kuwata et al. 2016, a-Li3PO4: 0.58 eV");
        assertTrue(ec >= 0.53 * eV && ec <= 0.63 * eV, "LiPON range: " + ec);
        // the 60 degC conductivity the fit CathodeInterphase sees: 5.08e-6 S/m (docs/calibration.md; 5.24e-6 before its
        // re-fit with NCM811's exchange current less the film, session 37, 5.25e-6 before its re-fit of 2026-12-07,
        // 3.8e-6 before the Li/LPSCl interphase's growth barrier was measured), so the 25 degC value the library writes
        // is that over the measured Arrhenius factor
        assertEquals(5.08e-6, am.get(INTERPHASE_CONDUCTIVITY, 0)
                * Math.exp(-ec / Constants.R * (1 / 333.15 - 1 / 298.15)), 0.02e-6);
        CathodeElectrolyteInterphase cei = CathodeElectrolyteInterphase.of(am);
        cei.setTemperature(T1);
        double k1 = cei.law().growthConstant(), s1 = cei.law().conductivity();
        cei.setTemperature(T2);
        assertEquals(factor(am.get(INTERPHASE_ACTIVATION_ENERGY, 0)), cei.law().growthConstant() / k1, 1e-12);
        assertEquals(factor(ec), cei.law().conductivity() / s1, 1e-12);
    }

    /**
     * The cathode interphase's growth barrier (interphase-activation-energy, 150 kJ/mol, derived: "Measured values" in
     * docs/calibration.md; 50 kJ/mol calibrated before session 34). The film passivates: it conducts Li+ (a phosphate
     * glass, the conduction barrier above) about 1e5 times better than electrons, so its parabolic growth is limited by
     * the electrons that cross it to the oxide while the catholyte oxidises at its outer face (Wagner): i_e = sigma_e
     * (U - U_ox) / L and dL/dt = V_e i_e / F, so k = V_e sigma_e (U - U_ox) / F, with V_e = M / (n rho) the film's volume
     * per electron (CompositeCathode's: the film takes the oxidised catholyte's volume, 5 e- per Li6PS5Cl). With the
     * 60 degC growth constant the study's fade fixes (fit CathodeInterphase, stated at 60 degC) and U - U_ox = 1.6-2.3 V
     * (the cathode at 3.6-4.3 V vs Li, the argyrodite's oxidation limit 2.01 V, Zhu, He, Mo 2015) the film's electronic
     * conductivity at 60 degC is 5.2-7.4e-11 S/m. Its electron path is a phosphate glass (a sulfide-like one would grow
     * it 3e2-2e5 times faster than fitted): LiPON's measured electronic resistivity, about 1e15 Ohm cm at room
     * temperature (Put, Vereecken, Meersschaut, Sepulveda, Stesmans, "Electrical Characterization of Ultrathin
     * RF-Sputtered LiPON Layers for Nanoscale Batteries", ACS Appl. Mater. Interfaces 8 (2016) 7060-7069, polarisation
     * of a 15 nm film on TiN), taken at 25 degC, gives the barrier
     * R ln(sigma_e(60) / sigma_e(25)) / (1/298.15 - 1/333.15):
     * 147-156 kJ/mol over the potential range, 93-210 for LiPON's value a factor 10 either way (with k(60) re-fitted in
     * session 37, 0.2 kJ/mol below those before).
     */
    @Test
    void cathodeInterphaseGrowthBarrierFollowsFromLiponsElectronicConductivityAndTheFittedGrowth() {
        MaterialSpec am = Sung2023Parameters.ncm811(), se = Sung2023Parameters.lpscl();
        double t25 = Constants.T_REF, t60 = 333.15;
        CathodeElectrolyteInterphase cei = CathodeElectrolyteInterphase.of(am);
        cei.setTemperature(t60);
        double k60 = cei.law().growthConstant();
        assertEquals(4.0037e-20, k60, 1e-24, "the growth constant fit CathodeInterphase states at 60 degC (4.0367e-20 before session 37)");
        double ve = se.get(MOLAR_MASS, 0) / (CompositeCathode.OXIDATION_ELECTRONS * se.get(DENSITY, 0)); // m3 per mol e-
        assertEquals(3.27e-5, ve, 0.01e-5);
        double uOx = se.get(STABILITY_WINDOW_HIGH, 0);
        double[] potentials = { 4.3, 3.6 }; // the cathode's potential while the film grows, charged to discharged
        double liponAt25 = 1 / (1e15 * 1e-2); // 1e15 Ohm cm -> 1e-13 S/m (Put et al. 2016)
        double[] barrier = new double[2], low = new double[2], high = new double[2];
        for (int n = 0; n < 2; n++) {
            double sigma60 = k60 * Constants.F / (ve * (potentials[n] - uOx)); // Wagner, electron-limited
            assertTrue(sigma60 > 5.0e-11 && sigma60 < 7.5e-11, "the film's electronic conductivity at 60 degC: " + sigma60);
            barrier[n] = electronicBarrier(sigma60, liponAt25, t25, t60);
            low[n] = electronicBarrier(sigma60, 10 * liponAt25, t25, t60);
            high[n] = electronicBarrier(sigma60, liponAt25 / 10, t25, t60);
        }
        assertEquals(147.4, barrier[0] / KJ, 0.1, "at 4.3 V (147.6 with k(60) before session 37)");
        assertEquals(156.0, barrier[1] / KJ, 0.1, "at 3.6 V (156.2)");
        assertEquals(93.0, low[0] / KJ, 0.1, "LiPON's value 10x higher (93.2)");
        assertEquals(210.3, high[1] / KJ, 0.1, "LiPON's value 10x lower (210.5)");
        double ea = am.get(INTERPHASE_ACTIVATION_ENERGY, 0);
        assertTrue(ea >= barrier[0] && ea <= barrier[1], "the library's barrier is the derived one: " + ea);
        assertEquals(150 * KJ, ea, 1e-9 * ea, "written to two digits");
        // the law the solver runs: the film conducts electrons as LiPON at 25 degC within the potential range
        cei.setTemperature(t25);
        double sigma25 = cei.law().growthConstant() * Constants.F / (ve * (potentials[0] - uOx));
        assertEquals(1, sigma25 / liponAt25, 0.3, "sigma_e(25 degC) the library's growth implies, over LiPON's");
    }

    /** The barrier [J/mol] of a conductivity sigma60 at t60 and sigma25 at t25 (Arrhenius). */
    static double electronicBarrier(double sigma60, double sigma25, double t25, double t60) {
        return Constants.R * Math.log(sigma60 / sigma25) / (1 / t25 - 1 / t60);
    }

    /**
     * The growth barrier is bounded from below by a measurement at 30 degC, and the derived 150 kJ/mol meets it: Kim et
     * al. 2025 (DOI 10.1016/j.electacta.2025.147413) measured the whole crossrail (interface) resistance of
     * LiNbO3-coated NCM811 / Li6PS5Cl / Super P 72:27:1 (10 mg on 10 mm) after its formation at 30 degC, 18.2 Ohm cm2,
     * which holds any interphase in series with the charge transfer. The model's film after that formation (0.05 C
     * CC-CV to 4.3 V until 0.01 C, 0.05 C discharge: 42.5 h in the model's run of that cell, docs/calibration.md) must
     * fit inside it. With the growth constant and conductivity at 60 degC held (fit CathodeInterphase, where the study's
     * data are), the film at 30 degC is sqrt(L0^2 + 2 k(30) t) / kappa(30), so only the growth barrier moves it. Even at
     * the loosest reading (all of Kim's resistance the film's, none the charge transfer's; their unknown particle radius
     * at 2.5 um, the small end, which makes the particle surface largest) the barrier must be at least 75.5 kJ/mol; at
     * the study's radius, 5.22 um, 117 kJ/mol (74.1 and 116 with the film fitted before session 37, 73.8 and 115 before
     * 2026-12-07; 91.6 and 134 before the Li/LPSCl growth barrier was measured). The calibrated 50 kJ/mol of sessions
     * before 34 gives a film 1.6x Kim's whole crossrail; 150 kJ/mol 0.27x of it at 2.5 um, 0.57x at 5.22 um, leaving the
     * rest to the charge transfer.
     */
    @Test
    void kimsCrossrailResistanceBoundsTheCathodeInterphaseGrowthBarrierFromBelow() {
        MaterialSpec am = Sung2023Parameters.ncm811();
        double t30 = 303.15, t60 = 333.15, formation = 42.5 * 3600;
        double composite = 10e-6 / (Math.PI * 0.005 * 0.005); // kg/m2: 10 mg on a 10 mm pellet
        double ea = am.get(INTERPHASE_ACTIVATION_ENERGY, 0), k = am.get(INTERPHASE_GROWTH_CONSTANT, 0);
        double k60 = k * Constants.arrhenius(ea, t60, Constants.T_REF); // what CathodeInterphase fits
        double[] radius = { 2.5e-6, 5.22e-6 }, kimPerSurface = { 419e-4, 200.6e-4 }, bound = { 75.5, 117.2 };
        double[] share = { 0.273, 0.570 }, calibratedShare = { 1.58, 3.29 };
        for (int n = 0; n < 2; n++) {
            double aL = 3 * composite * 0.72 / (am.get(DENSITY, 0) * radius[n]); // particle surface per electrode area
            double kim = 18.2e-4 * aL; // Ohm m2 of particle surface
            assertEquals(kimPerSurface[n], kim, 1e-4);
            double calibrated = filmAfterFormation(am, k60 / Constants.arrhenius(50e3, t60, Constants.T_REF), 50e3, t30, formation);
            assertEquals(calibratedShare[n], calibrated / kim, 0.02, "the calibrated 50 kJ/mol's film over Kim's whole crossrail");
            double library = filmAfterFormation(am, k, ea, t30, formation);
            assertEquals(share[n], library / kim, 0.005, "the library's film after Kim's formation over Kim's whole crossrail");
            // the growth barrier at which the film just fits, the 60 degC growth constant held (bisection: the film
            // thins monotonically as the barrier rises)
            double lo = 20e3, hi = 300e3;
            for (int i = 0; i < 60; i++) {
                double mid = (lo + hi) / 2;
                double film = filmAfterFormation(am, k60 / Constants.arrhenius(mid, t60, Constants.T_REF), mid, t30, formation);
                if (film > kim) lo = mid; else hi = mid;
            }
            assertEquals(bound[n], hi / KJ, 0.2, "smallest growth barrier Kim's 30 degC crossrail allows at r = " + radius[n]);
            assertTrue(ea > hi, "the derived barrier meets Kim's bound at r = " + radius[n]);
        }
    }

    /** Film resistance per particle surface [Ohm m2] of the cathode interphase grown for {@code time} at {@code temperature}. */
    static double filmAfterFormation(MaterialSpec am, double kRef, double growthEa, double temperature, double time) {
        CathodeElectrolyteInterphase cei = new CathodeElectrolyteInterphase(new InterphaseTemperatureLaw(kRef,
                am.get(INTERPHASE_CONDUCTIVITY, 0), growthEa, am.get(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, 0), Constants.T_REF));
        cei.setTemperature(temperature);
        cei.trial(time); // exact at constant temperature: L^2 = L0^2 + 2 k t
        return cei.resistance();
    }
}
