package org.cellwright.solver.tests;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.params.Sung2023Parameters;

/** Small cells built for tests. */
final class TestCells {
    private TestCells() {}

    static final double SE_SIGMA = 0.2, SE_L = 500e-6, LI_L = 100e-6, LI_SIGMA = 1.1e7;

    /** Li | SE | Li with (nearly) reversible Li kinetics: a pure resistor stack. */
    static CellSpec resistorStack() {
        MaterialSpec se = MaterialSpec.builder("SE").set(IONIC_CONDUCTIVITY, SE_SIGMA).set(DENSITY, 1640).build();
        MaterialSpec li = Sung2023Parameters.lithium().with(EXCHANGE_CURRENT_DENSITY, 1e13)
                .with(ELECTRONIC_CONDUCTIVITY, LI_SIGMA);
        return CellSpec.builder("Resistor").area(1e-4).temperature(298.15).stackPressure(60e6)
                .layer(LayerSpec.builder("LiA", LayerRole.LITHIUM_METAL).thickness(LI_L).material(li).build())
                .layer(LayerSpec.builder("SE", LayerRole.SEPARATOR).thickness(SE_L).material(se).build())
                .layer(LayerSpec.builder("LiB", LayerRole.LITHIUM_METAL).thickness(LI_L).material(li).build())
                .build();
    }

    static double resistorStackResistance() { return SE_L / SE_SIGMA + 2 * LI_L / LI_SIGMA; }

    /** Symmetric Li | LPSCl | Li with study parameters. */
    static CellSpec symmetricLi(double pressure) {
        return CellSpec.builder("LiLi").area(Sung2023Parameters.AREA).temperature(298.15).stackPressure(pressure)
                .layer(Sung2023Parameters.lithiumFoil("LiA", 50e-6)).layer(Sung2023Parameters.separator())
                .layer(Sung2023Parameters.lithiumFoil("LiB", 50e-6)).build();
    }

    /** Li | LPSCl | NCM811 composite, no interlayer (cell 7 of the study), 25 C, 5 MPa. */
    static CellSpec fullCell() { return Sung2023Parameters.cell7FullBaseline(5e6, 298.15); }
}
