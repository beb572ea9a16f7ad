package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.CellModel;
import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.ElectrodeFactory;
import org.cellwright.solver.physics.MiecInterlayerElectrode;
import org.junit.jupiter.api.Test;

/**
 * The Gibbs-Thomson shift of Li in the MIEC interlayer's pores (Sung et al., Adv. Mater. 2023, DOI
 * 10.1002/adma.202210835, the study's half cell 2): Li filling a pore of size d (its diameter, the interlayer's
 * pore-size) is bounded by a surface of radius r = d / 2, so its equilibrium lies dU = 2 gamma V_m / (r F) =
 * 4 gamma V_m / (d F) from Li metal's (Porter and Easterling, Phase Transformations in Metals and Alloys, 3rd ed.,
 * 2009, sec. 1.6; the law alone: GibbsThomsonTest). Mutation audit, session 18, mutation 55: the pore size taken for
 * the radius passed every test (the shift was private, 0.7 mV, below what the runs' checks resolve).
 */
class PoreGibbsThomsonTest {

    static MiecInterlayerElectrode interlayer(CellSpec cell) {
        return (MiecInterlayerElectrode) new CellModel(cell, SolverSettings.builder().build()).workingElectrode();
    }

    @Test
    void liInThePoresIsShiftedByTheGibbsThomsonEquationForAPoreRadiusOfHalfThePoreSize() {
        for (double pressure : new double[] {5e6, 65e6}) {
            CellSpec cell = Sung2023Parameters.cell2Interlayer(pressure);
            MiecInterlayerElectrode e = interlayer(cell);
            MaterialSpec li = ElectrodeFactory.lithiumOf(cell);
            double gamma = li.get(MaterialProperty.INTERFACIAL_ENERGY, Double.NaN);
            double vm = li.get(MaterialProperty.MOLAR_MASS, Double.NaN) / li.get(MaterialProperty.DENSITY, Double.NaN);
            double d = e.geometry()[2], r = d / 2;
            assertTrue(d > 1e-9 && d < 1e-6, "a nanometre pore: " + d);
            assertEquals(2 * gamma * vm / (r * Constants.F), e.poreEquilibriumShift(), 1e-12, pressure / 1e6 + " MPa, d = " + d);
        }
        // by hand, 65 MPa: gamma = 0.0673 J/m2 (the study's fitted Li/SE interfacial energy), V_m = 6.941e-3 / 534 m3/mol
        MiecInterlayerElectrode at65 = interlayer(Sung2023Parameters.cell2Interlayer(65e6));
        double d = at65.geometry()[2], shift = 4 * 0.0673 * (6.941e-3 / 534) / (d * 96485.33212);
        System.out.printf("pore size %.4g nm at 65 MPa: Gibbs-Thomson shift %.4f mV%n", d * 1e9, shift * 1e3);
        assertEquals(shift, at65.poreEquilibriumShift(), 1e-4 * shift);
    }
}
