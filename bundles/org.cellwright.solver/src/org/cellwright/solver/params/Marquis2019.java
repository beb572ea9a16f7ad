package org.cellwright.solver.params;

import org.cellwright.solver.dfn.ButlerVolmerKinetics;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.EntropicOpenCircuitPotential;
import org.cellwright.solver.dfn.ExchangeCurrentDensity;
import org.cellwright.solver.dfn.FickianParticle;
import org.cellwright.solver.dfn.IntercalationElectrode;
import org.cellwright.solver.dfn.LiquidElectrolyte;
import org.cellwright.solver.dfn.LumpedThermal;
import org.cellwright.solver.dfn.OhmicSolidPhase;
import org.cellwright.solver.dfn.PorousSeparator;
import org.cellwright.solver.dfn.StateFunction;
import org.cellwright.solver.physics.Constants;

/**
 * Marquis et al. 2019 parameter set (S. G. Marquis, V. Sulzer, R. Timms, C. P. Please, S. J. Chapman, J. Electrochem.
 * Soc. 166 (15) A3693, 2019): Kokam SLPB78205130H, graphite | LiPF6 in EC:DMC | LCO, as PyBaMM ships it
 * ({@code pybamm/input/parameters/lithium_ion/Marquis2019.py} at c733b73, cited [M]:line) and as the COMSOL reference
 * runs of ../shared/data/dfn-reference use it (README there, section 1.4). SI units; per m2 of electrode.
 */
public final class Marquis2019 {
    private Marquis2019() {}

    /** Reference temperature of every Arrhenius factor [K] ([M]:451). */
    public static final double T_REF = 298.15;
    /** 1 C current density of the COMSOL comparison [A/m2] (compare_comsol_DFN.py:42: 24 A on 1 m2). */
    public static final double ONE_C = 24.0;
    /** Lower voltage cut-off [V] ([M]:463). */
    public static final double CUTOFF = 3.105;

    /** Graphite OCP, x = c_s/c_max ([M]:46-57). */
    public static double graphiteOcp(double x) {
        return 0.194 + 1.5 * Math.exp(-120.0 * x) + 0.0351 * Math.tanh((x - 0.286) / 0.083)
                - 0.0045 * Math.tanh((x - 0.849) / 0.119) - 0.035 * Math.tanh((x - 0.9233) / 0.05)
                - 0.0147 * Math.tanh((x - 0.5) / 0.034) - 0.102 * Math.tanh((x - 0.194) / 0.142)
                - 0.022 * Math.tanh((x - 0.9) / 0.0164) - 0.011 * Math.tanh((x - 0.124) / 0.0226)
                + 0.0155 * Math.tanh((x - 0.105) / 0.029);
    }

    /** LCO OCP, stretched stoichiometry y = 1.062 c_s/c_max ([M]:177-188). */
    public static double lcoOcp(double sto) {
        double y = 1.062 * sto;
        return 2.16216 + 0.07645 * Math.tanh(30.834 - 54.4806 * y) + 2.1581 * Math.tanh(52.294 - 50.294 * y)
                - 0.14169 * Math.tanh(11.0923 - 19.8543 * y) + 0.2051 * Math.tanh(1.4684 - 5.4888 * y)
                + 0.2531 * Math.tanh((-y + 0.56478) / 0.1316) - 0.02167 * Math.tanh((y - 0.525) / 0.006);
    }

    /**
     * Graphite entropic change dU/dT [V/K] ([M]:96-124, "graphite_entropic_change_Moura2016", from Scott Moura's
     * fastDFN, github.com/scott-moura/fastDFN), with c_max in mol/m3 as PyBaMM passes it. As shipped, its terms are
     * those of the OCP fit's derivative d U/d x divided by c_max, i.e. dU/dc in V m3/mol used as V/K; we carry it
     * unchanged, as the parameter set's source gives it.
     */
    public static double graphiteEntropicChange(double x, double cMax) {
        return -1.5 * (120.0 / cMax) * Math.exp(-120 * x)
                + (0.0351 / (0.083 * cMax)) * sech2((x - 0.286) / 0.083)
                - (0.0045 / (0.119 * cMax)) * sech2((x - 0.849) / 0.119)
                - (0.035 / (0.05 * cMax)) * sech2((x - 0.9233) / 0.05)
                - (0.0147 / (0.034 * cMax)) * sech2((x - 0.5) / 0.034)
                - (0.102 / (0.142 * cMax)) * sech2((x - 0.194) / 0.142)
                - (0.022 / (0.0164 * cMax)) * sech2((x - 0.9) / 0.0164)
                - (0.011 / (0.0226 * cMax)) * sech2((x - 0.124) / 0.0226)
                + (0.0155 / (0.029 * cMax)) * sech2((x - 0.105) / 0.029);
    }

    /**
     * LCO entropic change dU/dT [V/K] ([M]:225-254, "lico2_entropic_change_Moura2016", fastDFN as above), on the
     * stretched stoichiometry y = 1.062 c_s/c_max like the OCP, with the same caveat as the graphite one.
     */
    public static double lcoEntropicChange(double sto, double cMax) {
        double y = 1.062 * sto;
        return 0.07645 * (-54.4806 / cMax) * sech2(30.834 - 54.4806 * y)
                + 2.1581 * (-50.294 / cMax) * sech2(52.294 - 50.294 * y)
                + 0.14169 * (19.854 / cMax) * sech2(11.0923 - 19.8543 * y)
                - 0.2051 * (5.4888 / cMax) * sech2(1.4684 - 5.4888 * y)
                - (0.2531 / 0.1316 / cMax) * sech2((-y + 0.56478) / 0.1316)
                - (0.02167 / 0.006 / cMax) * sech2((y - 0.525) / 0.006);
    }

    /** cosh(z)^-2, 0 where cosh overflows. */
    private static double sech2(double z) {
        double c = Math.cosh(z);
        return 1 / (c * c);
    }

    /** LiPF6 in EC:DMC (Capiglia et al. 1999 as fitted in [M]:283-326); t+ = 0.4 ([M]:446), thermodynamic factor 1 ([M]:447). */
    public static LiquidElectrolyte electrolyte() {
        StateFunction kappa = (c, t) -> {
            double m = c / 1000;
            return (0.0911 + 1.9101 * m - 1.052 * m * m + 0.1554 * m * m * m) * Constants.arrhenius(34700, t, T_REF);
        };
        StateFunction d = (c, t) -> 5.34e-10 * Math.exp(-0.65 * c / 1000) * Constants.arrhenius(37040, t, T_REF);
        return new LiquidElectrolyte("LiPF6 in EC:DMC (Marquis 2019)", kappa, d, StateFunction.constant(0.4), StateFunction.constant(1.0));
    }

    /**
     * Graphite: 100 um ([M]:374), porosity 0.3 ([M]:405), eps_s 0.6 ([M]:406), R 10 um ([M]:407), Bruggeman 1.5
     * ([M]:408-409), sigma 100 S/m ([M]:400) conducting through the non-pore fraction 1 - 0.3 (the May 2019 PyBaMM DFN
     * that matched COMSOL, README 1.5: sigma_eff = 58.57 S/m), c_max 24983.26 mol/m3 ([M]:401), c0 = 19986.61 mol/m3
     * ([M]:467), D_s 3.9e-14 m2/s with 42770 J/mol ([M]:27-29), i0 prefactor 2e-5 with 37480 J/mol ([M]:89-90),
     * OCP at T_REF with its entropic change ({@link #graphiteEntropicChange}).
     */
    public static IntercalationElectrode graphite() {
        double cMax = 24983.2619938437;
        return new IntercalationElectrode("graphite (Marquis 2019)", 100e-6, 0.3, 0.6, 1.5,
                new OhmicSolidPhase(100, 1 - 0.3, 1.5),
                new FickianParticle(10e-6, cMax, (x, t) -> 3.9e-14 * Constants.arrhenius(42770, t, T_REF)),
                19986.609595075, new EntropicOpenCircuitPotential((x, t) -> graphiteOcp(x), (x, t) -> graphiteEntropicChange(x, cMax), T_REF),
                ButlerVolmerKinetics.symmetric(ExchangeCurrentDensity.symmetric(2e-5, 37480, T_REF)));
    }

    /**
     * LCO: 100 um ([M]:376), porosity 0.3 ([M]:424), eps_s 0.5 ([M]:425), R 10 um ([M]:426), Bruggeman 1.5
     * ([M]:427-428), sigma 10 S/m ([M]:420) through 1 - 0.3 (sigma_eff = 5.857 S/m, README 1.5), c_max
     * 51217.93 mol/m3 ([M]:421), c0 = 30730.76 mol/m3 ([M]:468), D_s 1e-13 m2/s with 18550 J/mol ([M]:148-150),
     * i0 prefactor 6e-7 with 39570 J/mol ([M]:218-219), OCP at T_REF with its entropic change
     * ({@link #lcoEntropicChange}).
     */
    public static IntercalationElectrode lco() {
        double cMax = 51217.9257309275;
        return new IntercalationElectrode("LCO (Marquis 2019)", 100e-6, 0.3, 0.5, 1.5,
                new OhmicSolidPhase(10, 1 - 0.3, 1.5),
                new FickianParticle(10e-6, cMax, (x, t) -> 1e-13 * Constants.arrhenius(18550, t, T_REF)),
                30730.7554385565, new EntropicOpenCircuitPotential((x, t) -> lcoOcp(x), (x, t) -> lcoEntropicChange(x, cMax), T_REF),
                ButlerVolmerKinetics.symmetric(ExchangeCurrentDensity.symmetric(6e-7, 39570, T_REF)));
    }

    /** Separator: 25 um ([M]:375), porosity 1.0 ([M]:439), Bruggeman 1.5 ([M]:440). */
    public static PorousSeparator separator() { return new PorousSeparator(25e-6, 1.0, 1.5); }

    /**
     * Lumped thermal data of the Kokam SLPB78205130H as PyBaMM's Marquis2019.py carries them (read at PyBaMM commit
     * 0ba9f4a by parameter name): rho c_p of the Cu collector 8954 x 385, graphite 1657 x 700, separator 397 x 700,
     * LCO 3262 x 700, Al collector 2707 x 897 J/(m3 K) over 25 / 100 / 25 / 100 / 25 um; total heat-transfer
     * coefficient 10 W/(m2 K) over the cooling surface 0.0569 m2 per electrode area 0.137 m x 0.207 m; ambient
     * 298.15 K.
     */
    public static LumpedThermal thermal() {
        double c = 25e-6 * 8954 * 385 + 100e-6 * 1657 * 700 + 25e-6 * 397 * 700 + 100e-6 * 3262 * 700 + 25e-6 * 2707 * 897;
        return new LumpedThermal(c, 10.0, 0.0569 / (0.137 * 0.207), T_REF);
    }

    /** The COMSOL comparison cell: c_e0 = 1000 mol/m3 ([M]:445), 298.15 K isothermal ([M]:451-452, 469). */
    public static DfnCell cell() {
        return new DfnCell(graphite(), separator(), lco(), electrolyte(), 1000, T_REF);
    }
}
