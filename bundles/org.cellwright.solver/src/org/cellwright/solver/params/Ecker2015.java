package org.cellwright.solver.params;

import org.cellwright.solver.dfn.ButlerVolmerKinetics;
import org.cellwright.solver.dfn.DfnCell;
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
 * Ecker et al. 2015 parameter set (M. Ecker et al., J. Electrochem. Soc. 162 (9) A1836 and A1849, 2015; electrode and
 * electrolyte fits by S. O'Kane in Richardson et al., Electrochim. Acta 339, 135862, 2020): Kokam SLPB 75106100,
 * graphite | LiPF6 | NCO, as PyBaMM ships it ({@code Ecker2015.py} at c733b73, cited [E]:line; tabulated in
 * ../shared/data/dfn-reference/README.md section 4). SI units; per m2 of electrode.
 */
public final class Ecker2015 {
    private Ecker2015() {}

    /** Electrode area [m2]: 0.101 m x 0.085 m ([E]:544-545). */
    public static final double AREA = 0.101 * 0.085;
    /** Nominal capacity [Ah] ([E]:562). */
    public static final double NOMINAL_CAPACITY_AH = 0.15625;
    /** 1 C current density [A/m2]: nominal capacity over the area. */
    public static final double ONE_C = NOMINAL_CAPACITY_AH / AREA;
    /** Lower cut-off [V] ([E]:622). */
    public static final double CUTOFF = 2.5;
    /** Ambient and initial temperature [K] ([E]:619, 628). */
    public static final double T_AMBIENT = 298.15;

    /** Graphite OCP ([E]:72-99). */
    public static double graphiteOcp(double x) {
        return 0.716502 * Math.exp(-369.028 * x) + 0.12193 * Math.exp(-35.6478 * (x - 0.0530947))
                - 0.0189193 * Math.tanh(21.1967 * (x - 0.196176)) - 0.0169644 * Math.tanh(27.1365 * (x - 0.312832))
                - 0.0199313 * Math.tanh(28.5697 * (x - 0.614221)) - 0.931153 * Math.exp(36.328 * (x - 1.10743)) + 0.140031;
    }

    /** NCO OCP ([E]:217-243). */
    public static double ncoOcp(double y) {
        return -2.35211 * y - 0.0747061 * Math.tanh(31.886 * (y - 0.0219921)) + 6.34984 * Math.tanh(2.66395 * (y - 0.174352))
                - 0.640243 * Math.tanh(5.48623 * (y - 0.439245)) - 3.82383 * Math.tanh(4.12167 * (y - 0.176187))
                - 0.0542123 * Math.tanh(18.2919 * (y - 0.762272)) + 4.23285;
    }

    /** Conductivity ([E]:459-470) and Nernst-Einstein diffusivity D = R T kappa / (F^2 c) ([E]:416-427); t+ 0.26, TDF 1 ([E]:605-606). */
    public static LiquidElectrolyte electrolyte() {
        StateFunction kappa = (c, t) -> {
            double m = c / 1000;
            return (0.2667 * m * m * m - 1.2983 * m * m + 1.7919 * m + 0.1726) * (296.0 / t) * Constants.arrhenius(17100, t, 296.0);
        };
        StateFunction d = (c, t) -> Constants.R * t * kappa.at(c, t) / (Constants.F * Constants.F * Math.max(c, 1e-3));
        return new LiquidElectrolyte("LiPF6 (Ecker 2015)", kappa, d, StateFunction.constant(0.26), StateFunction.constant(1.0));
    }

    /**
     * Graphite: 74 um ([E]:540), porosity 0.329 ([E]:570), eps_s 0.372403 ([E]:571), R 13.7 um ([E]:572), Bruggeman
     * 1.6372789338386007 electrolyte and 0 solid ([E]:573-574), sigma 14 S/m ([E]:566), c_max 31920 ([E]:567),
     * c0 26120.05 ([E]:626), D_s = (8.4e-13 exp(-11.3 x) + 8.2e-15) with 30300 J/mol about 296 K ([E]:34-40),
     * i0 = F 1.11e-10 (c_e c_s (c_max - c_s))^0.5 with 53400 J/mol about 296.15 K ([E]:138-150).
     */
    public static IntercalationElectrode graphite() {
        return new IntercalationElectrode("graphite (Ecker 2015)", 74e-6, 0.329, 0.372403, 1.6372789338386007,
                new OhmicSolidPhase(14, 1 - 0.329, 0),
                new FickianParticle(13.7e-6, 31920, (x, t) -> (8.4e-13 * Math.exp(-11.3 * x) + 8.2e-15) * Constants.arrhenius(30300, t, 296.0)),
                26120.05, (x, t) -> graphiteOcp(x),
                ButlerVolmerKinetics.symmetric(ExchangeCurrentDensity.symmetric(Constants.F * 1.11e-10, 53400, 296.15)));
    }

    /**
     * NCO: 54 um ([E]:542), porosity 0.296 ([E]:586), eps_s 0.40832 ([E]:587), R 6.5 um ([E]:588), Bruggeman
     * 1.5442267190786427 electrolyte and 0 solid ([E]:589-590), sigma 68.1 S/m ([E]:582), c_max 48580 ([E]:583),
     * c0 12630.8 ([E]:627), D_s = (3.7e-13 - 3.4e-13 exp(-12 (y - 0.62)^2)) with 80600 J/mol about 296.15 K
     * ([E]:182-188), i0 = F 3.01e-11 (...)^0.5 with 43600 J/mol ([E]:281-293).
     */
    public static IntercalationElectrode nco() {
        return new IntercalationElectrode("NCO (Ecker 2015)", 54e-6, 0.296, 0.40832, 1.5442267190786427,
                new OhmicSolidPhase(68.1, 1 - 0.296, 0),
                new FickianParticle(6.5e-6, 48580, (y, t) -> (3.7e-13 - 3.4e-13 * Math.exp(-12 * (y - 0.62) * (y - 0.62))) * Constants.arrhenius(80600, t, 296.15)),
                12630.8, (y, t) -> ncoOcp(y),
                ButlerVolmerKinetics.symmetric(ExchangeCurrentDensity.symmetric(Constants.F * 3.01e-11, 43600, 296.15)));
    }

    /** Separator: 20 um ([E]:541), porosity 0.508 ([E]:598), Bruggeman 1.9804586773134945 ([E]:599). */
    public static PorousSeparator separator() { return new PorousSeparator(20e-6, 0.508, 1.9804586773134945); }

    /**
     * Lumped thermal data for a 5 Ah Kokam power pouch cell (Zhao et al. 2018, as PyBaMM's Ecker2015.py carries them,
     * read at PyBaMM commit 062f5bc by parameter name): rho c_p of Cu 8933 x 385, graphite 1555 x 1437, separator
     * 1017 x 1978, NCO 2895 x 1270, Al 2702 x 903 J/(m3 K) over 14 / 74 / 20 / 54 / 15 um; total heat-transfer
     * coefficient 10 W/(m2 K) over the cooling surface 0.0172 m2 ([E]:552) per electrode area; ambient 298.15 K.
     */
    public static LumpedThermal thermal() {
        double c = 14e-6 * 8933 * 385 + 74e-6 * 1555 * 1437 + 20e-6 * 1017 * 1978 + 54e-6 * 2895 * 1270 + 15e-6 * 2702 * 903;
        return new LumpedThermal(c, 10.0, 0.0172 / AREA, T_AMBIENT);
    }

    /** The cell at 298.15 K with c_e0 = 1000 mol/m3 ([E]:604). */
    public static DfnCell cell() {
        return new DfnCell(graphite(), separator(), nco(), electrolyte(), 1000, T_AMBIENT);
    }
}
