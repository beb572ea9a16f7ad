package org.cellwright.solver.input;

/** Scalar material properties, each in one fixed SI unit. */
public enum MaterialProperty {
    /** True (skeletal) density [kg/m3]. */
    DENSITY("kg/m3"),
    /** Molar mass [kg/mol]. */
    MOLAR_MASS("kg/mol"),
    /** Ionic (Li+) conductivity of the dense material at the reference temperature [S/m]. */
    IONIC_CONDUCTIVITY("S/m"),
    /** Activation energy of the ionic conductivity (Arrhenius) [J/mol]. */
    IONIC_ACTIVATION_ENERGY("J/mol"),
    /** Electronic conductivity of the dense material [S/m]. */
    ELECTRONIC_CONDUCTIVITY("S/m"),
    /** Activation energy of the electronic conductivity [J/mol] (0 for metals/carbon in the model). */
    ELECTRONIC_ACTIVATION_ENERGY("J/mol"),
    /**
     * Electronic conductivity of an alloy host's unlithiated phase (as cast) at the reference temperature [S/m]; the
     * host's {@link #ELECTRONIC_CONDUCTIVITY} is its lithiated phase's (absent: the lithiated value at every lithiation).
     */
    UNLITHIATED_ELECTRONIC_CONDUCTIVITY("S/m"),
    /** Activation energy of the unlithiated phase's electronic conductivity (Arrhenius) [J/mol]. */
    UNLITHIATED_ELECTRONIC_ACTIVATION_ENERGY("J/mol"),
    /** Solid-state (chemical) diffusivity of Li in the material [m2/s]. */
    DIFFUSIVITY("m2/s"),
    /** Activation energy of the diffusivity [J/mol]. */
    DIFFUSION_ACTIVATION_ENERGY("J/mol"),
    /** Stoichiometry above which the solid diffusivity of an intercalation host drops [-]. */
    DIFFUSIVITY_DROP_STOICHIOMETRY("1"),
    /** Decades by which the solid diffusivity has dropped at full lithiation (log-linear from the knee) [-]. */
    DIFFUSIVITY_DROP_DECADES("1"),
    /** Surface (ad-atom) diffusivity of Li on the material [m2/s]. */
    ADATOM_DIFFUSIVITY("m2/s"),
    /** Gravimetric capacity of the host [C/kg] (per unit stoichiometry for intercalation hosts). */
    SPECIFIC_CAPACITY("C/kg"),
    /** Maximum Li concentration in the host [mol/m3]. */
    MAX_CONCENTRATION("mol/m3"),
    /** Initial stoichiometry of an intercalation host [-]. */
    INITIAL_STOICHIOMETRY("1"),
    /** Exchange-current density at the reference temperature and (for hosts) half filling [A/m2]. */
    EXCHANGE_CURRENT_DENSITY("A/m2"),
    /** Activation energy of the exchange-current density [J/mol]. */
    EXCHANGE_CURRENT_ACTIVATION_ENERGY("J/mol"),
    /** Anodic charge-transfer coefficient [-]. */
    TRANSFER_COEFFICIENT("1"),
    /** Reference temperature of the Arrhenius laws [K] (default 298.15 K). */
    REFERENCE_TEMPERATURE("K"),
    /** Young's modulus [Pa]. */
    YOUNGS_MODULUS("Pa"),
    /** Indentation hardness [Pa]. */
    HARDNESS("Pa"),
    /** Tensile strength [Pa]; a binder stronger than the expanding host is hard keeps an alloying layer intact. */
    TENSILE_STRENGTH("Pa"),
    /** Bulk (large-size) flow stress of a metal [Pa]. */
    BULK_FLOW_STRESS("Pa"),
    /** Size-effect coefficient K of dislocation plasticity, sigma = sigma_bulk + K d^-m [Pa m^m]. */
    SIZE_EFFECT_COEFFICIENT("Pa m^m"),
    /** Size-effect exponent m of dislocation plasticity [-]. */
    SIZE_EFFECT_EXPONENT("1"),
    /**
     * Apparent activation energy of the size-effect strength [J/mol]: K(T) = K_ref exp(Q/R (1/T - 1/T_ref)), small Li
     * softening with temperature (Xu et al., PNAS 2017).
     */
    SIZE_EFFECT_ACTIVATION_ENERGY("J/mol"),
    /** Power-law creep prefactor A of eps_dot = A (sigma/E)^n exp(-Q/RT) [1/s]. */
    CREEP_PREFACTOR("1/s"),
    /** Power-law creep stress exponent n [-]. */
    CREEP_STRESS_EXPONENT("1"),
    /** Power-law creep activation energy Q [J/mol]. */
    CREEP_ACTIVATION_ENERGY("J/mol"),
    /** Grain-boundary / surface diffusion parameter delta*D0 for Coble creep [m3/s]. */
    COBLE_DIFFUSION_PREFACTOR("m3/s"),
    /** Activation energy of the diffusion behind Coble creep [J/mol]. */
    COBLE_ACTIVATION_ENERGY("J/mol"),
    /** Stress a solid electrolyte bears before Li penetrates it (crack-opening / penetration stress) [Pa]. */
    PENETRATION_STRESS("Pa"),
    /** Lower end of the electrochemical stability window vs Li/Li+ [V]. */
    STABILITY_WINDOW_LOW("V"),
    /** Upper end of the electrochemical stability window vs Li/Li+ [V]. */
    STABILITY_WINDOW_HIGH("V"),
    /** Parabolic growth constant k of an interphase, L^2 = L0^2 + 2 k t [m2/s]. */
    INTERPHASE_GROWTH_CONSTANT("m2/s"),
    /** Activation energy of the interphase growth constant [J/mol]. */
    INTERPHASE_ACTIVATION_ENERGY("J/mol"),
    /** Ionic conductivity of the interphase grown on the material [S/m]. */
    INTERPHASE_CONDUCTIVITY("S/m"),
    /** Activation energy of the interphase's ionic conductivity [J/mol] (default: the material's ionic one). */
    INTERPHASE_CONDUCTION_ACTIVATION_ENERGY("J/mol"),
    /** Li consumed per interphase volume [mol/m3]. */
    INTERPHASE_LITHIUM_CONTENT("mol/m3"),
    /** Contact (wetting) angle of Li on the substrate [rad], for heterogeneous nucleation. */
    CONTACT_ANGLE("rad"),
    /** Nucleation overpotential of Li on a substrate (if given directly) [V]. */
    NUCLEATION_OVERPOTENTIAL("V"),
    /** Interfacial energy Li / electrolyte [J/m2]. */
    INTERFACIAL_ENERGY("J/m2"),
    /** Li per formula unit of a fully lithiated alloy host, e.g. 3.75 for Li15Si4 [-]. */
    LITHIUM_PER_HOST("1"),
    /** Equilibrium (plateau) potential of an alloying reaction vs Li/Li+ [V]. */
    PLATEAU_POTENTIAL("V"),
    /** Equilibrium potential of de-alloying (delithiation branch of the hysteresis) vs Li/Li+ [V]. */
    DELITHIATION_PLATEAU_POTENTIAL("V"),
    /** Work of adhesion of this material to the adjacent layer (interlayer to SE, collector to interlayer) [J/m2]. */
    ADHESION_ENERGY("J/m2"),
    /** Characteristic size of Li deposited without a host (mossy/filamentary deposits against an SE) [m]. */
    DEPOSIT_SIZE("m"),
    /** Largest SE flaw Li can enter at a flat Li foil / SE contact [m]. */
    FLAW_SIZE("m"),
    /** True density of the lithiated phase of an alloy host [kg/m3]. */
    LITHIATED_DENSITY("kg/m3"),
    /** Fraction of stripped-off Li that is isolated ("dead") per unit stripped charge where Li is mossy [-]. */
    DEAD_LITHIUM_FRACTION("1"),
    /** Area-specific resistance of an interface or contact [Ohm m2]. */
    AREA_SPECIFIC_RESISTANCE("Ohm m2");

    private final String unit;

    MaterialProperty(String unit) { this.unit = unit; }

    /** SI unit symbol of this property. */
    public String unit() { return unit; }

    /** The .cell language's name of the property: ionic-conductivity; young-modulus for {@link #YOUNGS_MODULUS}. */
    public String languageName() {
        return this == YOUNGS_MODULUS ? "young-modulus" : name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The property the .cell language names so ({@link #languageName}), or null for a name the solver does not take. */
    public static MaterialProperty ofLanguageName(String name) {
        if (name == null) return null;
        if ("young-modulus".equals(name)) return YOUNGS_MODULUS;
        try {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
