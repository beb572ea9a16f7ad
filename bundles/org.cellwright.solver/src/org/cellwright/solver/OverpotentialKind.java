package org.cellwright.solver;

/**
 * Contributions to the cell voltage beyond the open-circuit voltage, each signed so that
 * {@code voltage = ocv + sum of all contributions}.
 */
public enum OverpotentialKind {
    /** Ionic drop in the separator. */
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
    CONTACT("eta_contact_V");

    private final String column;

    OverpotentialKind(String column) { this.column = column; }

    /** Column name in timeseries.csv. */
    public String column() { return column; }
}
