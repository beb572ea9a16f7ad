package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * Values of the study's parameter set that are derived from measurements of the same class of material rather than
 * measured on the material itself (issue 13, docs/calibration.md "Measured values"): each test computes the value and
 * its range from the measured quantities and holds {@link Sung2023Parameters} to it.
 */
class DerivedMaterialValuesTest {

    /**
     * A graphitic wall has no polar surface energy and forms no bond with the sulfide, so its work of adhesion to the SE
     * is the dispersion part W = 2 sqrt(gamma_C gamma_S) (Fowkes; Girifalco-Good). gamma_C is half graphite's measured
     * cleavage energy, 0.37 J/m2 (Wang et al., Nat. Commun. 2015, DOI 10.1038/ncomms8853) to 0.19 J/m2 (Liu et al.,
     * PRB 2012, DOI 10.1103/PhysRevB.85.205418); gamma_S the critical surface tension of sulfide surfaces, 27 mN/m
     * (sulfur) to 29 mN/m (molybdenite; Kelebek 1988), no argyrodite's being measured.
     */
    @Test
    void cntAdhesionIsTheDispersionWorkOfGraphiteOnSulfideSurfaces() {
        double low = 2 * Math.sqrt(0.19 / 2 * 0.027), high = 2 * Math.sqrt(0.37 / 2 * 0.029); // J/m2
        assertEquals(0.101, low, 0.001);
        assertEquals(0.146, high, 0.001);
        double w = Sung2023Parameters.cnt().get(MaterialProperty.ADHESION_ENERGY, Double.NaN);
        assertTrue(w >= low && w <= high, w + " J/m2 inside " + low + "-" + high);
        assertEquals(Math.sqrt(low * high), w, 0.02 * w, "the range's geometric middle");
        // the value it replaced, 0.05 J/m2 (calibrated), would need a sulfide of gamma_S = W^2 / (4 gamma_C) below 7 mJ/m2
        assertTrue(0.05 * 0.05 / (4 * 0.19 / 2) < 0.25 * 0.027);
    }

    /**
     * Compressed conductive carbon powders (potential drop, rho = a/p + b): at high pressure 0.077 Ohm cm for acetylene
     * black and 0.32 Ohm cm for furnace carbon black (Inokuchi, Tooi, "The Electrical Conductivity of Carbons", TANSO 5(1)
     * (1955) 7-11, CiNii NAID 130004358793; DOI not found), upper bounds of the conductivity at the 700 MPa the cathode composite is
     * pressed at; Super P, a conductive furnace black, takes the geometric middle.
     */
    @Test
    void superPConductivityIsTheMiddleOfCompressedConductiveBlacks() {
        double low = 1 / 0.32e-2, high = 1 / 0.077e-2; // S/m
        double sigma = Sung2023Parameters.superP().get(MaterialProperty.ELECTRONIC_CONDUCTIVITY, Double.NaN);
        assertTrue(sigma >= low && sigma <= high, sigma + " S/m inside " + low + "-" + high);
        assertEquals(Math.sqrt(low * high), sigma, 0.01 * sigma, "the range's geometric middle");
    }
}
