package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.input.MaterialSpec;

/**
 * Fallback Li metal properties for stacks that plate Li but list no Li metal layer (anode-free cells). Values as
 * in org.cellwright.solver.params.Sung2023Parameters#lithium() (LePage et al., J. Electrochem. Soc. 2019;
 * Xu et al., PNAS 2017).
 */
public final class DefaultMaterials {
    private DefaultMaterials() {}

    public static MaterialSpec lithium() {
        return MaterialSpec.builder("Li")
                .set(DENSITY, 534).set(MOLAR_MASS, 6.941e-3).set(ELECTRONIC_CONDUCTIVITY, 1.1e7)
                .set(EXCHANGE_CURRENT_DENSITY, 10.0).set(TRANSFER_COEFFICIENT, 0.5)
                .set(YOUNGS_MODULUS, 4.9e9).set(BULK_FLOW_STRESS, 0.8e6)
                .set(SIZE_EFFECT_COEFFICIENT, 1.59e3).set(SIZE_EFFECT_EXPONENT, 0.633)
                .set(CREEP_PREFACTOR, 7.7e28).set(CREEP_STRESS_EXPONENT, 6.56).set(CREEP_ACTIVATION_ENERGY, 37e3)
                .set(COBLE_DIFFUSION_PREFACTOR, 1.2e-24).set(COBLE_ACTIVATION_ENERGY, 25e3)
                .set(INTERFACIAL_ENERGY, 0.055).set(DEPOSIT_SIZE, 300e-9).set(FLAW_SIZE, 1e-6)
                .set(DEAD_LITHIUM_FRACTION, 0.02)
                .build();
    }
}
