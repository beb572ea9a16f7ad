package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.input.MaterialSpec;

/**
 * Flow stress of Li metal vs characteristic size d, strain rate and temperature, with two mechanisms acting in
 * parallel (the faster one sets the stress):
 * <ul>
 * <li>dislocation plasticity with a size effect, "smaller is stronger": sigma_d = sigma_pl(rate, T) + K d^-m,
 * sigma_pl from power-law creep eps_dot = A (sigma/E)^n exp(-Q/RT) (LePage et al., J. Electrochem. Soc. 2019)
 * and K d^-m from micropillar tests (Xu et al., PNAS 2017, DOI 10.1073/pnas.1615733114), softening with temperature
 * as Xu et al. measured (about 1 um pillars: 105 MPa at 25 degC, 35 MPa at 90 degC): K(T) = K_ref exp(Q_K/R (1/T -
 * 1/T_ref)) with the apparent activation energy Q_K of those two points;</li>
 * <li>diffusional (Coble) creep, "smaller is much weaker": eps_dot = 148 Omega delta D sigma / (pi kT d^3)
 * (Coble, J. Appl. Phys. 1963), i.e. sigma_c = pi kT d^3 eps_dot / (148 Omega delta D(T)); used by Chen et al.,
 * Science 2020 (DOI 10.1126/science.aay8672) for Li in MIEC tubules.</li>
 * </ul>
 * The crossover lies near 100 nm for the study parameters (Sung et al., Adv. Mater. 2023, DOI
 * 10.1002/adma.202210835).
 */
public final class LithiumFlowStress {
    private final double bulk, k, m, qK, creepA, creepN, creepQ, youngs, deltaD0, qCoble, omega;
    /**
     * The reference temperature [K] of the size effect's and Coble creep's Arrhenius laws: the Li material's
     * {@code reference-temperature} (298.15 K if not set), as every other law of the solver takes its material's; they
     * took 298.15 K whatever Li set before session 27.
     */
    private final double tref;

    public LithiumFlowStress(MaterialSpec li) {
        bulk = li.get(BULK_FLOW_STRESS, 0.8e6);
        k = li.get(SIZE_EFFECT_COEFFICIENT, 1.59e3);
        m = li.get(SIZE_EFFECT_EXPONENT, 0.633);
        qK = li.get(SIZE_EFFECT_ACTIVATION_ENERGY, 0);
        creepA = li.get(CREEP_PREFACTOR, 7.7e28);
        creepN = li.get(CREEP_STRESS_EXPONENT, 6.56);
        creepQ = li.get(CREEP_ACTIVATION_ENERGY, 37e3);
        youngs = li.get(YOUNGS_MODULUS, 4.9e9);
        deltaD0 = li.get(COBLE_DIFFUSION_PREFACTOR, 1.2e-24);
        qCoble = li.get(COBLE_ACTIVATION_ENERGY, 25e3);
        omega = li.get(MOLAR_MASS, 6.941e-3) / li.get(DENSITY, 534) / Constants.NA;
        tref = li.get(REFERENCE_TEMPERATURE, Constants.T_REF);
    }

    /** Power-law-creep stress of bulk Li at a strain rate [1/s] and temperature [K]. */
    public double powerLawStress(double strainRate, double temperature) {
        double r = strainRate / (creepA * Math.exp(-creepQ / (Constants.R * temperature)));
        return youngs * Math.pow(Math.max(r, 0), 1.0 / creepN);
    }

    /**
     * Size-effect coefficient K(T) [Pa m^m]: thermally softened, K_ref exp(Q_K/R (1/T - 1/T_ref)) (Xu et al. 2017), K_ref
     * the material's value at its reference temperature T_ref.
     */
    public double sizeEffectCoefficient(double temperature) {
        return k / Constants.arrhenius(qK, temperature, tref);
    }

    /** Dislocation flow stress with the size effect [Pa]. */
    public double dislocationStress(double size, double strainRate, double temperature) {
        return Math.max(bulk, powerLawStress(strainRate, temperature)) + sizeEffectCoefficient(temperature) * Math.pow(size, -m);
    }

    /**
     * Coble-creep stress [Pa]. The diffusion parameter delta*D is Arrhenius, the material's value at its reference
     * temperature.
     */
    public double cobleStress(double size, double strainRate, double temperature) {
        double dd = deltaD0 * Constants.arrhenius(qCoble, temperature, tref);
        return Math.PI * Constants.KB * temperature * size * size * size * strainRate / (148 * omega * dd);
    }

    /** Flow stress [Pa]: the lower of the two parallel mechanisms. */
    public double flowStress(double size, double strainRate, double temperature) {
        return Math.min(dislocationStress(size, strainRate, temperature), cobleStress(size, strainRate, temperature));
    }

    /** True if diffusional creep controls at this size. */
    public boolean cobleControlled(double size, double strainRate, double temperature) {
        return cobleStress(size, strainRate, temperature) < dislocationStress(size, strainRate, temperature);
    }

    /** Size [m] at which both mechanisms give the same stress (bisection in log size between 1 nm and 1 mm). */
    public double crossoverSize(double strainRate, double temperature) {
        double lo = Math.log(1e-9), hi = Math.log(1e-3);
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            double d = Math.exp(mid);
            if (cobleStress(d, strainRate, temperature) < dislocationStress(d, strainRate, temperature)) lo = mid; else hi = mid;
        }
        return Math.exp(0.5 * (lo + hi));
    }

    /** Atomic volume of Li [m3]. */
    public double atomicVolume() { return omega; }

    /**
     * Deformation-mechanism map: rows {size [m], dislocation stress [Pa], Coble stress [Pa], flow stress [Pa]} for
     * sizes logarithmically spaced from minSize to maxSize.
     */
    public double[][] deformationMap(double minSize, double maxSize, int points, double strainRate, double temperature) {
        double[][] out = new double[points][];
        for (int i = 0; i < points; i++) {
            double d = minSize * Math.pow(maxSize / minSize, points == 1 ? 0 : (double) i / (points - 1));
            out[i] = new double[] {d, dislocationStress(d, strainRate, temperature), cobleStress(d, strainRate, temperature),
                    flowStress(d, strainRate, temperature)};
        }
        return out;
    }

    /**
     * Deformation-mechanism map of a cell's Li at its temperature for Li plated at the given current density
     * [A/m2]: rows {size [m], dislocation stress, Coble stress, flow stress [Pa], strain rate [1/s]} for sizes
     * logarithmically spaced from minSize to maxSize; the strain rate of a feature of size d filled at the plating
     * velocity i V_m / F is i V_m / (F d).
     */
    public static double[][] deformationMap(org.cellwright.solver.input.CellSpec cell, double platingCurrent, double minSize,
            double maxSize, int points) {
        LithiumFlowStress li = new LithiumFlowStress(ElectrodeFactory.lithiumOf(cell));
        double vm = li.omega * Constants.NA;
        double[][] out = new double[points][];
        for (int i = 0; i < points; i++) {
            double d = minSize * Math.pow(maxSize / minSize, points == 1 ? 0 : (double) i / (points - 1));
            double rate = Math.abs(platingCurrent) * vm / (Constants.F * d);
            double t = cell.temperature();
            out[i] = new double[] {d, li.dislocationStress(d, rate, t), li.cobleStress(d, rate, t), li.flowStress(d, rate, t), rate};
        }
        return out;
    }

    /**
     * Pressure Li exerts on the SE at a deposit of size d: the stack pressure plus the constrained flow stress
     * (Tabor constraint factor 3, Tabor, The Hardness of Metals, 1951).
     */
    public double pressureOnElectrolyte(double stackPressure, double size, double strainRate, double temperature) {
        return stackPressure + 3 * flowStress(size, strainRate, temperature);
    }
}
