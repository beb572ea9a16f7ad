package org.cellwright.solver;

/**
 * Contributions to the cell voltage beyond the open-circuit voltage, each signed so that
 * {@code voltage = ocv + sum of all contributions}.
 */
public enum OverpotentialKind {
    /** Ionic drop in the separator (a liquid electrolyte's ohmic part; its diffusion potential is ELECTROLYTE_CONCENTRATION). */
    SEPARATOR_OHMIC("eta_separator_V"),
    /** Ionic and electronic drops inside the composite cathode. */
    CATHODE_OHMIC("eta_cathode_ohmic_V"),
    /** Butler-Volmer charge-transfer overpotential of the cathode particles. */
    CATHODE_KINETIC("eta_cathode_kinetic_V"),
    /** Solid-diffusion (surface vs average stoichiometry) contribution of the cathode. */
    CATHODE_DIFFUSION("eta_cathode_diffusion_V"),
    /** Charge transfer at Li metal / MIEC surfaces (both electrodes). */
    LITHIUM_KINETIC("eta_li_kinetic_V"),
    /** Extra overpotential to nucleate Li on a substrate. */
    NUCLEATION("eta_nucleation_V"),
    /** Ionic and electronic drops in an interlayer. */
    INTERLAYER_OHMIC("eta_interlayer_V"),
    /** Resistance of the SE-reduction interphase. */
    INTERPHASE("eta_interphase_V"),
    /** Current constriction from lost contact (voids) and current-collector resistance. */
    CONTACT("eta_contact_V"),
    /** Ionic and electronic drops inside a porous negative electrode (liquid-electrolyte cells), or a Li foil's electronic drop. */
    ANODE_OHMIC("eta_anode_ohmic_V"),
    /** Butler-Volmer charge-transfer overpotential of a porous negative electrode's particles (liquid-electrolyte cells). */
    ANODE_KINETIC("eta_anode_kinetic_V"),
    /** Solid-diffusion (surface vs average stoichiometry) contribution of a porous negative electrode (liquid-electrolyte cells). */
    ANODE_DIFFUSION("eta_anode_diffusion_V"),
    /** Diffusion potential of a liquid electrolyte's salt gradient (concentration overpotential, liquid-electrolyte cells). */
    ELECTROLYTE_CONCENTRATION("eta_electrolyte_concentration_V");

    private final String column;

    OverpotentialKind(String column) { this.column = column; }

    /** Column name in timeseries.csv. */
    public String column() { return column; }

    /** The contribution in eta [V, by ordinal] that opposes a current of this sign most. */
    public static OverpotentialKind dominant(int sign, double[] eta) {
        OverpotentialKind dominant = values()[0];
        for (OverpotentialKind k : values())
            if (sign * eta[k.ordinal()] > sign * eta[dominant.ordinal()]) dominant = k;
        return dominant;
    }

    /** The run messages' "dominant overpotential: cathode kinetic (eta_cathode_kinetic_V = 0.1234 V)" of {@link #dominant}. */
    public static String dominantText(int sign, double[] eta) {
        OverpotentialKind d = dominant(sign, eta);
        return String.format(java.util.Locale.ROOT, "dominant overpotential: %s (%s = %.4f V)",
                d.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), d.column(), eta[d.ordinal()]);
    }
}
