package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.input.MaterialSpec;

/** Li-metal and SE properties shared by the electrodes that plate or strip Li (SI units). */
final class LithiumContext {
    final MaterialSpec li, se;
    final double molarVolume, omega, i0Ref, alpha, eaI0, tref, gamma;
    final double depositSize, flawSize, deadFraction, penetrationStress, seKappaRef, seEa;
    /** Activation energies of the Li/SE interphase's growth and Li+ conduction [J/mol]. */
    final double seiEa, seiConductionEa;
    /** Reference temperature of the SE's Arrhenius laws (its conduction and its interphase's) [K]. */
    final double seTref;
    final LithiumFlowStress flow;

    LithiumContext(MaterialSpec li, MaterialSpec se) {
        this.li = li;
        this.se = se;
        molarVolume = li.get(MOLAR_MASS, 6.941e-3) / li.get(DENSITY, 534);
        omega = molarVolume / Constants.NA;
        double i0li = li.get(EXCHANGE_CURRENT_DENSITY, Double.NaN);
        i0Ref = !Double.isNaN(i0li) ? i0li : se == null ? 10 : se.get(EXCHANGE_CURRENT_DENSITY, 10.0);
        alpha = li.get(TRANSFER_COEFFICIENT, 0.5);
        eaI0 = li.get(EXCHANGE_CURRENT_ACTIVATION_ENERGY, 0);
        tref = li.get(REFERENCE_TEMPERATURE, Constants.T_REF);
        gamma = li.get(INTERFACIAL_ENERGY, 0.055);
        depositSize = li.get(DEPOSIT_SIZE, 300e-9);
        flawSize = li.get(FLAW_SIZE, 1e-6);
        deadFraction = li.get(DEAD_LITHIUM_FRACTION, 0.0);
        penetrationStress = se == null ? Double.POSITIVE_INFINITY : se.get(PENETRATION_STRESS, Double.POSITIVE_INFINITY);
        seKappaRef = se == null ? 0.1 : se.get(IONIC_CONDUCTIVITY, 0.1);
        seEa = se == null ? 0 : se.get(IONIC_ACTIVATION_ENERGY, 0);
        seTref = se == null ? Constants.T_REF : se.get(REFERENCE_TEMPERATURE, Constants.T_REF);
        // growth: the SE's interphase-activation-energy, none when it is not given (as the cathode's interphase; no other
        // property stands in for it); conduction: the SE's interphase-conduction activation energy, else its ionic one
        seiEa = se == null ? 0 : se.get(INTERPHASE_ACTIVATION_ENERGY, 0);
        seiConductionEa = se == null ? 0 : se.get(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, seEa);
        flow = new LithiumFlowStress(li);
    }

    double i0(double temperature) { return i0Ref * Constants.arrhenius(eaI0, temperature, tref); }

    double seKappa(double temperature) { return seKappaRef * Constants.arrhenius(seEa, temperature, seTref); }

    SolidElectrolyteInterphase newInterphase() {
        if (se == null) return new SolidElectrolyteInterphase(0, 1, 0);
        return new SolidElectrolyteInterphase(se.get(INTERPHASE_GROWTH_CONSTANT, 0), se.get(INTERPHASE_CONDUCTIVITY, 1e-5),
                se.get(INTERPHASE_LITHIUM_CONTENT, 0), seiEa, seiConductionEa, seTref);
    }

    ContactArea newContact() {
        return new ContactArea(molarVolume, li.get(YOUNGS_MODULUS, 4.9e9), li.get(CREEP_PREFACTOR, 7.7e28),
                li.get(CREEP_STRESS_EXPONENT, 6.56), li.get(CREEP_ACTIVATION_ENERGY, 37e3), li.get(BULK_FLOW_STRESS, 0.8e6));
    }

    /** Nucleation overpotential [V] of Li on a substrate material (its own value, or from its contact angle). */
    double nucleationOverpotential(MaterialSpec substrate, double temperature) {
        if (substrate == null) return 0;
        if (substrate.has(NUCLEATION_OVERPOTENTIAL)) return substrate.get(NUCLEATION_OVERPOTENTIAL, 0);
        if (!substrate.has(CONTACT_ANGLE)) return 0;
        return HeterogeneousNucleation.overpotential(gamma, omega, substrate.get(CONTACT_ANGLE, 0), temperature);
    }

    /** Pressure / penetration-stress ratio of Li plated at rate i [A/m2] into features of the given size. */
    double penetrationRatio(double stackPressure, double size, double platingCurrent, double temperature) {
        if (!(platingCurrent > 0) || !Double.isFinite(penetrationStress)) return 0;
        double rate = platingCurrent * molarVolume / Constants.F / size;
        return flow.pressureOnElectrolyte(stackPressure, size, rate, temperature) / penetrationStress;
    }
}
