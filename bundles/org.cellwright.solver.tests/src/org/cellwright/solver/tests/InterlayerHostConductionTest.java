package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.InterlayerGeometry;
import org.cellwright.solver.physics.InterlayerLithiation;
import org.cellwright.solver.physics.LichteneckerConductivity;
import org.junit.jupiter.api.Test;

/**
 * The interlayer host's electronic conduction between its two measured ends: the as-cast Si's (intrinsic silicon,
 * SiNP's `unlithiated-electronic-conductivity`, thermally activated with half the band gap) and the lithiated phase's
 * (SiNP's `electronic-conductivity`, 1e6 S/m, Li12Si7), mixed by Lichtenecker's logarithmic rule at the lithiated
 * phase's volume fraction. Before (session 36), the host's conduction was the lithiated value scaled by the lithiation
 * with a 1 % floor, so an as-cast layer's Si counted 1e4 S/m; in session 37 the as-cast value was a solver constant,
 * the same at every temperature and for every host.
 */
class InterlayerHostConductionTest {

    /** Lichtenecker's rule: the two ends, the geometric mean at half, monotonic, between Wiener's bounds. */
    @Test
    void lichteneckerRuleMeetsItsEndsAndInterpolatesGeometrically() {
        double a = 2.8e-4, b = 1e6;
        assertEquals(a, LichteneckerConductivity.of(a, b, 0), 0);
        assertEquals(b, LichteneckerConductivity.of(a, b, 1), 0);
        assertEquals(Math.sqrt(a * b), LichteneckerConductivity.of(a, b, 0.5), 1e-12 * Math.sqrt(a * b));
        double prev = a;
        for (int k = 1; k <= 20; k++) {
            double phi = k / 20.0;
            double s = LichteneckerConductivity.of(a, b, phi);
            assertTrue(s > prev, "rises with the conducting phase: " + phi);
            double series = 1 / ((1 - phi) / a + phi / b), parallel = (1 - phi) * a + phi * b;
            assertTrue(s >= series * (1 - 1e-12) && s <= parallel * (1 + 1e-12), "between Wiener's bounds at " + phi);
            prev = s;
        }
    }

    /** Effective electronic conductivity [S/m] of the layer at mean host lithiation y, at 25 degC. */
    static double sigma(LayerSpec layer, double y) {
        return sigma(layer, y, Constants.T_REF);
    }

    /** Effective electronic conductivity [S/m] of the layer at mean host lithiation y and temperature [K]. */
    static double sigma(LayerSpec layer, double y, double temperature) {
        InterlayerLithiation lith = new InterlayerLithiation(layer);
        InterlayerGeometry g = new InterlayerGeometry(layer, lith);
        g.update(y, 0);
        g.updateTransport(y, temperature);
        return g.electronicConductivity();
    }

    /** The CNT-free SiNP layer with host in place of the library's SiNP. */
    static LayerSpec siLayer(MaterialSpec host) {
        LayerSpec si = Sung2023Parameters.siInterlayer();
        return LayerSpec.builder(si.name(), si.role()).thickness(si.thickness()).porosity(si.porosity())
                .poreSize(si.poreSize()).particleRadius(si.particleRadius()).component(host, 1.0).build();
    }

    /** The library's SiNP without the given properties (a user's own alloy host). */
    static MaterialSpec siliconWithout(MaterialProperty... left) {
        MaterialSpec si = Sung2023Parameters.silicon();
        MaterialSpec.Builder b = MaterialSpec.builder(si.name());
        si.properties().forEach((p, v) -> {
            if (!java.util.List.of(left).contains(p)) b.set(p, v);
        });
        return b.build();
    }

    /**
     * A CNT-free SiNP layer (cell 5's) conducts as its host: as cast (y = 0 and the library's 1e-4) as intrinsic Si
     * times the layer's transport factor (before: 1e4 S/m times it), fully lithiated as the lithiated phase, and in
     * between by Lichtenecker's rule at the lithiated phase's volume fraction (Li3.75Si's molar volume 3.7x Si's).
     */
    @Test
    void aCntFreeLayerConductsAsIntrinsicSiliconAsCastAndAsTheLithiatedPhaseWhenLithiated() {
        LayerSpec si = Sung2023Parameters.siInterlayer();
        InterlayerLithiation lith = new InterlayerLithiation(si);
        double sigmaLith = Sung2023Parameters.silicon().get(MaterialProperty.ELECTRONIC_CONDUCTIVITY, 0);
        double sigma0 = Sung2023Parameters.silicon().get(MaterialProperty.UNLITHIATED_ELECTRONIC_CONDUCTIVITY, Double.NaN);
        assertEquals(1.602e-19 * 9.65e9 * (1350 + 480) * 100, sigma0, 0.02 * sigma0, // 2.83e-4, given to two digits
                "intrinsic Si at 300 K, q n_i (mu_n + mu_p): Altermatt's n_i, Streetman and Banerjee's mobilities");
        for (double y : new double[] {0, 1e-4, 0.3, 0.7, 1}) {
            double phiL = lith.lithiatedVolumeFraction(y);
            double factor = si.electronicTransportFactor(lith.hostVolumeFraction(y));
            double expected = LichteneckerConductivity.of(sigma0, sigmaLith, phiL) * factor;
            assertEquals(expected, sigma(si, y), 1e-9 * expected, "y = " + y);
        }
        assertEquals(0, lith.lithiatedVolumeFraction(0), 0);
        assertEquals(1, lith.lithiatedVolumeFraction(1), 1e-15);
        double v = 0.5 * 3.0 / (0.5 + 0.5 * 3.0); // a phase three times the volume is three quarters of it at y = 1/2
        assertTrue(lith.lithiatedVolumeFraction(0.5) > 0.75 && lith.lithiatedVolumeFraction(0.5) < 0.8,
                "Li3.75Si's molar volume is 3.7x Si's: " + lith.lithiatedVolumeFraction(0.5) + " (" + v + " at 3x)");
        // as cast: within 1 % of intrinsic Si's conduction through the layer, 7 or more decades under the former 1e4 S/m
        double asCast = sigma(si, 1e-4), factor0 = si.electronicTransportFactor(lith.hostVolumeFraction(1e-4));
        assertEquals(sigma0 * factor0, asCast, 0.01 * sigma0 * factor0);
        assertTrue(asCast < 1e-7 * 0.01 * sigmaLith * factor0, asCast + " S/m");
        // fully lithiated: the lithiated phase's measured value
        double lithiated = sigma(si, 1), factor1 = si.electronicTransportFactor(lith.hostVolumeFraction(1));
        assertEquals(sigmaLith * factor1, lithiated, 1e-9 * lithiated);
    }

    /**
     * In the study's SiNP-CNT layer the CNT network (2.2e4 S/m) carries the as-cast layer's electrons: its conduction
     * is the CNT's alone within 1e-6, where the former 1 % floor added the host's 1e4 S/m.
     */
    @Test
    void theCntNetworkCarriesTheAsCastLayersElectrons() {
        LayerSpec il = Sung2023Parameters.siCntInterlayer();
        LayerSpec nonConductingHost = LayerSpec.builder(il.name(), il.role()).thickness(il.thickness())
                .porosity(il.porosity()).poreSize(il.poreSize()).particleRadius(il.particleRadius()).bruggeman(1.5)
                .component(Sung2023Parameters.silicon().with(MaterialProperty.ELECTRONIC_CONDUCTIVITY, 0), 0.9)
                .component(Sung2023Parameters.cnt(), 0.1).build();
        double withHost = sigma(il, 1e-4), cnt = sigma(nonConductingHost, 1e-4);
        assertEquals(cnt, withHost, 1e-6 * cnt, "the CNT network's conduction alone");
        // lithiated, the host carries: the layer conducts more than 10x the CNT's share
        assertTrue(sigma(il, 1) > 10 * sigma(nonConductingHost, 1), sigma(il, 1) + " vs " + sigma(nonConductingHost, 1));
    }

    /** The first sample of cell's formation (0.3 mA/cm2 until 5 mV at 5 MPa), at 5 s outputs. */
    static Sample firstLithiationSample(CellSpec cell) {
        RecordingSink sink = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(cell, Sung2023Parameters.formation(),
                SolverSettings.builder().outputInterval(5).build(), sink, null));
        return sink.samples.stream().filter(x -> x.current() < 0).findFirst().orElseThrow();
    }

    /**
     * A CNT-free as-cast layer (cell 5, the study's SiNP without CNT, lithiated by its first plating) lithiated as
     * cell 1's formation: its electrons cross the as-cast Si itself, so the interlayer's ohmic overpotential of its
     * first 5 s is more than twice that of cell 1, whose CNT network carries them (39.0 against 14.9 mV; with the
     * former 1 % floor, 1e4 S/m of as-cast Si, 12.9 against 14.9 mV: the CNT-free layer conducted as well as the
     * CNT one). The extra drop stays below the whole current crossing the whole as-cast layer, I L / sigma_eff.
     */
    @Test
    void aCntFreeAsCastLayerCarriesItsElectronsThroughItsOwnSiliconInItsFirstLithiation() {
        double noCnt = -firstLithiationSample(Sung2023Parameters.cell5Si(5e6)).overpotential(OverpotentialKind.INTERLAYER_OHMIC);
        double withCnt = -firstLithiationSample(Sung2023Parameters.cell1Formation(5e6)).overpotential(OverpotentialKind.INTERLAYER_OHMIC);
        assertTrue(noCnt > 2 * withCnt, "CNT-free " + noCnt + " V against " + withCnt + " V with CNT");
        LayerSpec si = Sung2023Parameters.siInterlayer();
        double bound = 3.0 * si.thickness() / sigma(si, 1e-4); // 0.3 mA/cm2 = 3 A/m2 through the whole as-cast layer
        assertTrue(noCnt - withCnt < bound, (noCnt - withCnt) + " V against " + bound + " V");
    }

    /**
     * The as-cast end is thermally activated as intrinsic silicon: n_i ~ T^1.5 exp(-E_g/2kT) with the lattice
     * mobilities ~ T^-1.5, so sigma_i ~ exp(-E_g/2kT), E_g = 1.11 eV (Streetman and Banerjee's table at 300 K): the
     * as-cast CNT-free layer conducts 9.7x more at 60 degC and 7.2x less at 0 degC than at 25 degC; the lithiated
     * phase (degenerate, no activation energy) the same at every temperature, and with an electronic-activation-energy
     * of its own by that law. In the study's SiNP-CNT layer the CNT network still carries the as-cast layer's electrons
     * at 60 degC (before, the as-cast end was the same at every temperature).
     */
    @Test
    void theAsCastEndIsThermallyActivatedWithHalfSiliconsBandGap() {
        MaterialSpec si = Sung2023Parameters.silicon();
        double eg = 1.11 * 1.602176634e-19 * 6.02214076e23; // J/mol
        assertEquals(eg / 2, si.get(MaterialProperty.UNLITHIATED_ELECTRONIC_ACTIVATION_ENERGY, Double.NaN), 1e-4 * eg / 2, "E_g / 2");
        LayerSpec layer = Sung2023Parameters.siInterlayer();
        double t0 = 273.15, t25 = Constants.T_REF, t60 = 333.15;
        double k = eg / 2 / Constants.R;
        // as cast (y = 0): the intrinsic law alone
        assertEquals(Math.exp(k * (1 / t25 - 1 / t60)), sigma(layer, 0, t60) / sigma(layer, 0, t25), 2e-4 * 9.7);
        assertEquals(9.7, sigma(layer, 0, t60) / sigma(layer, 0, t25), 0.05, "9.7x at 60 degC");
        assertEquals(1 / 7.2, sigma(layer, 0, t0) / sigma(layer, 0, t25), 0.01 / 7.2, "1/7.2 at 0 degC");
        // the library's as-cast state (y = 1e-4): the same within its tiny lithiated fraction
        assertEquals(9.7, sigma(layer, 1e-4, t60) / sigma(layer, 1e-4, t25), 0.05);
        // fully lithiated: the degenerate phase, the same at every temperature
        assertEquals(sigma(layer, 1, t25), sigma(layer, 1, t60), 0);
        // a lithiated phase with an activation energy of its own follows it
        LayerSpec activated = siLayer(si.with(MaterialProperty.ELECTRONIC_ACTIVATION_ENERGY, 10e3));
        assertEquals(Constants.arrhenius(10e3, t60, t25), sigma(activated, 1, t60) / sigma(activated, 1, t25), 1e-12);
        // the SiNP-CNT layer as cast: the CNT network carries it at 60 degC too (the Si's share 2.6e-6 of it)
        LayerSpec il = Sung2023Parameters.siCntInterlayer();
        assertEquals(sigma(il, 1e-4, t25), sigma(il, 1e-4, t60), 1e-5 * sigma(il, 1e-4, t25));
    }

    /**
     * A host that gives no unlithiated-electronic-conductivity (a user's own alloy host, a metal such as Sn or Al)
     * conducts as its lithiated phase at every lithiation; validation warns at it (ValidationTest). Before, every
     * host's as-cast end was intrinsic silicon's.
     */
    @Test
    void aHostWithoutAnUnlithiatedConductivityConductsAsItsLithiatedPhase() {
        MaterialSpec host = siliconWithout(MaterialProperty.UNLITHIATED_ELECTRONIC_CONDUCTIVITY,
                MaterialProperty.UNLITHIATED_ELECTRONIC_ACTIVATION_ENERGY);
        LayerSpec layer = siLayer(host);
        InterlayerLithiation lith = new InterlayerLithiation(layer);
        double sigmaLith = host.get(MaterialProperty.ELECTRONIC_CONDUCTIVITY, Double.NaN);
        for (double y : new double[] {0, 1e-4, 0.1, 0.5, 1}) {
            double expected = sigmaLith * layer.electronicTransportFactor(lith.hostVolumeFraction(y));
            assertEquals(expected, sigma(layer, y), 1e-12 * expected, "y = " + y);
            assertEquals(expected, sigma(layer, y, 333.15), 1e-12 * expected, "y = " + y + " at 60 degC");
        }
        // an activation energy without its value changes nothing
        LayerSpec energyOnly = siLayer(siliconWithout(MaterialProperty.UNLITHIATED_ELECTRONIC_CONDUCTIVITY));
        assertEquals(sigma(layer, 1e-4, 333.15), sigma(energyOnly, 1e-4, 333.15), 0);
    }
}
