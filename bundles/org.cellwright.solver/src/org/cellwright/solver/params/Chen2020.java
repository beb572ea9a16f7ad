package org.cellwright.solver.params;

import org.cellwright.solver.dfn.ButlerVolmerKinetics;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.ExchangeCurrentDensity;
import org.cellwright.solver.dfn.FickianParticle;
import org.cellwright.solver.dfn.IntercalationElectrode;
import org.cellwright.solver.dfn.LiquidElectrolyte;
import org.cellwright.solver.dfn.LithiumMetalExchangeCurrentDensity;
import org.cellwright.solver.dfn.PlanarLithiumElectrode;
import org.cellwright.solver.dfn.OhmicSolidPhase;
import org.cellwright.solver.dfn.OpenCircuitPotential;
import org.cellwright.solver.dfn.PorousSeparator;
import org.cellwright.solver.dfn.StateFunction;

/**
 * Chen et al. 2020 parameter set (C.-H. Chen, F. Brosa Planella, K. O'Regan, D. Gastol, W. D. Widanage, E. Kendrick,
 * J. Electrochem. Soc. 167, 080534, 2020, DOI 10.1149/1945-7111/ab9050): LG M50 21700 cell, graphite-SiOx | LiPF6 in
 * EC:EMC | NMC811, as PyBaMM ships it ({@code packages/pybamm/src/pybamm/input/parameters/lithium_ion/Chen2020.py} at
 * PyBaMM 7c9f5bd, cited [C]:line; electrolyte functions from Nyman et al., Electrochim. Acta 53, 6356, 2008). The DFN
 * speed case of issue 14 (PyBaMM's benchmark: 1C discharge to 2.5 V). SI units; per m2 of electrode. The Bruggeman
 * exponent of the solid is 0 ([C]:278, 296): sigma_eff = sigma.
 */
public final class Chen2020 {
    private Chen2020() {}

    /** Reference temperature of the Arrhenius factors [K] ([C]:72, 318). */
    public static final double T_REF = 298.15;
    /** Electrode area, height 0.065 m x width 1.58 m [m2] ([C]:253-254). */
    public static final double AREA = 0.065 * 1.58;
    /** 1 C current density: nominal capacity 5 A h ([C]:266) over the electrode area [A/m2]. */
    public static final double ONE_C = 5.0 / AREA;
    /** Lower voltage cut-off [V] ([C]:323). */
    public static final double CUTOFF = 2.5;

    /**
     * The two fits below as the electrodes' OCPs, through tables of their cubic Hermite interpolants
     * ({@link OpenCircuitPotential#tabulated}, within 1e-10 V), built once per JVM: the NMC811 fit's three tanh were
     * the half cell's largest single cost, evaluated at every x-cell in every residual and step check (docs/dfn.md,
     * session 28).
     */
    private static final class Tables {
        static final OpenCircuitPotential GRAPHITE = OpenCircuitPotential.tabulated(Chen2020::graphiteOcp, Chen2020::graphiteOcpSlope);
        static final OpenCircuitPotential NMC811 = OpenCircuitPotential.tabulated(Chen2020::nmcOcp, Chen2020::nmcOcpSlope);
    }

    /** Graphite-SiOx OCP, x = c_s/c_max ([C]:29-35). */
    public static double graphiteOcp(double x) {
        return 1.9793 * Math.exp(-39.3631 * x) + 0.2482 - 0.0909 * Math.tanh(29.8538 * (x - 0.1234))
                - 0.04478 * Math.tanh(14.9159 * (x - 0.2769)) - 0.0205 * Math.tanh(30.4444 * (x - 0.6103));
    }

    /** d/dx of {@link #graphiteOcp} [V] (d tanh(u)/du = 1 - tanh(u)^2). */
    public static double graphiteOcpSlope(double x) {
        return -39.3631 * 1.9793 * Math.exp(-39.3631 * x) - 0.0909 * 29.8538 * sech2(29.8538 * (x - 0.1234))
                - 0.04478 * 14.9159 * sech2(14.9159 * (x - 0.2769)) - 0.0205 * 30.4444 * sech2(30.4444 * (x - 0.6103));
    }

    /** NMC811 OCP, y = c_s/c_max ([C]:100-106). */
    public static double nmcOcp(double y) {
        return -0.8090 * y + 4.4875 - 0.0428 * Math.tanh(18.5138 * (y - 0.5542))
                - 17.7326 * Math.tanh(15.7890 * (y - 0.3117)) + 17.5842 * Math.tanh(15.9308 * (y - 0.3120));
    }

    /** d/dy of {@link #nmcOcp} [V]. */
    public static double nmcOcpSlope(double y) {
        return -0.8090 - 0.0428 * 18.5138 * sech2(18.5138 * (y - 0.5542))
                - 17.7326 * 15.7890 * sech2(15.7890 * (y - 0.3117)) + 17.5842 * 15.9308 * sech2(15.9308 * (y - 0.3120));
    }

    /** sech(u)^2 = 1 - tanh(u)^2. */
    private static double sech2(double u) {
        double t = Math.tanh(u);
        return 1 - t * t;
    }

    /**
     * LiPF6 in EC:EMC 3:7 (Nyman 2008): kappa = 0.1297 m^3 - 2.51 m^1.5 + 3.329 m, m = c/1000 ([C]:201-203), D =
     * 8.794e-11 m^2 - 3.972e-10 m + 4.862e-10 ([C]:170), no temperature dependence ([C]:172, 205); t+ = 0.2594
     * ([C]:313), thermodynamic factor 1 ([C]:314).
     */
    public static LiquidElectrolyte electrolyte() {
        StateFunction kappa = (c, t) -> {
            double m = c / 1000;
            return 0.1297 * m * m * m - 2.51 * m * Math.sqrt(m) + 3.329 * m;
        };
        StateFunction d = (c, t) -> {
            double m = c / 1000;
            return 8.794e-11 * m * m - 3.972e-10 * m + 4.862e-10;
        };
        return new LiquidElectrolyte("LiPF6 in EC:EMC (Nyman 2008, Chen 2020)", kappa, d, StateFunction.constant(0.2594), StateFunction.constant(1.0));
    }

    /**
     * Graphite-SiOx: 85.2 um ([C]:249), porosity 0.25 ([C]:274), eps_s 0.75 ([C]:275), R 5.86 um ([C]:276), Bruggeman
     * 1.5 electrolyte and 0 solid ([C]:277-278), sigma 215 S/m ([C]:270), c_max 33133 mol/m3 ([C]:271), c0 29866
     * mol/m3 ([C]:327), D_s 3.3e-14 m2/s ([C]:272), i0 = 6.48e-7 (c_e c_s (c_max - c_s))^0.5 with 35000 J/mol
     * ([C]:70-74), alpha 0.5 ([C]:279).
     */
    public static IntercalationElectrode graphite() {
        return new IntercalationElectrode("graphite-SiOx (Chen 2020)", 85.2e-6, 0.25, 0.75, 1.5,
                new OhmicSolidPhase(215, 0.75, 0),
                new FickianParticle(5.86e-6, 33133, StateFunction.constant(3.3e-14)),
                29866, Tables.GRAPHITE,
                ButlerVolmerKinetics.symmetric(ExchangeCurrentDensity.symmetric(6.48e-7, 35000, T_REF)));
    }

    /**
     * NMC811: 75.6 um ([C]:251), porosity 0.335 ([C]:292), eps_s 0.665 ([C]:293), R 5.22 um ([C]:294), Bruggeman 1.5
     * electrolyte and 0 solid ([C]:295-296), sigma 0.18 S/m ([C]:288), c_max 63104 mol/m3 ([C]:289), c0 17038 mol/m3
     * ([C]:328), D_s 4e-15 m2/s ([C]:290), i0 = 3.42e-6 (c_e c_s (c_max - c_s))^0.5 with 17800 J/mol ([C]:139-143),
     * alpha 0.5 ([C]:297).
     */
    public static IntercalationElectrode nmc811() {
        return new IntercalationElectrode("NMC811 (Chen 2020)", 75.6e-6, 0.335, 0.665, 1.5,
                new OhmicSolidPhase(0.18, 0.665, 0),
                new FickianParticle(5.22e-6, 63104, StateFunction.constant(4e-15)),
                17038, Tables.NMC811,
                ButlerVolmerKinetics.symmetric(ExchangeCurrentDensity.symmetric(3.42e-6, 17800, T_REF)));
    }

    /** Separator: 12 um ([C]:250), porosity 0.47 ([C]:306), Bruggeman 1.5 ([C]:307). */
    public static PorousSeparator separator() { return new PorousSeparator(12e-6, 0.47, 1.5); }

    /**
     * PyBaMM's half cell of this set, {@code DFN({"working electrode": "positive"})} with the Xu 2019 lithium-metal
     * parameters added (bench/pybamm/side_by_side.py half): the NMC811 electrode against a lithium foil whose thickness
     * and conductivity are the set's "Negative electrode thickness" 85.2 um ([C]:249) and "Negative electrode
     * conductivity" 215 S/m ([C]:270) (PyBaMM's half-cell model takes them for the foil's ohmic drop), exchange
     * current i0 = 3.5e-8 F c_Li^0.7 c_e^0.3, c_Li = 1/1.3e-5 mol/m3 (Xu et al. 2019, J. Electrochem. Soc. 166, A3456;
     * PyBaMM's Xu2019.py {@code li_metal_electrolyte_exchange_current_density_Xu2019}), alpha 0.5 ([C]:279).
     *
     * @param transferenceNumber the electrolyte's t+ (issue 13's side by side: 1, a single-ion conductor; the set: 0.2594)
     */
    public static DfnCell lithiumMetalHalfCell(double transferenceNumber) {
        LiquidElectrolyte e = electrolyte();
        LiquidElectrolyte withT = new LiquidElectrolyte(e.name() + ", t+ = " + transferenceNumber, e.conductivity(), e.diffusivity(),
                StateFunction.constant(transferenceNumber), e.thermodynamicFactor());
        PlanarLithiumElectrode foil = new PlanarLithiumElectrode("Li metal (Xu 2019)", 85.2e-6, 215,
                LithiumMetalExchangeCurrentDensity.xu2019(), 0.5);
        return new DfnCell(foil, separator(), nmc811(), withT, 1000, T_REF);
    }

    /** The LG M50 cell: c_e0 = 1000 mol/m3 ([C]:312), isothermal at 298.15 K ([C]:318, 329). */
    public static DfnCell cell() {
        return new DfnCell(graphite(), separator(), nmc811(), electrolyte(), 1000, T_REF);
    }
}
