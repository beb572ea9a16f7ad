package org.cellwright.solver.input;

import java.util.Locale;

/**
 * A mechanism of a layer that a cell may switch off ({@code layer foil: Li 350 um { without contact-loss }}); each is
 * on by default, as the physics describes the study's cells.
 */
public enum OptionalMechanism {
    /**
     * Loss of the Li metal/SE contact: the true contact fraction under stack pressure and the voids that stripping
     * faster than creep opens ({@link org.cellwright.solver.physics.ContactArea}), with the constriction resistance
     * of the lost contact. Off: full contact at every pressure and current.
     */
    CONTACT_LOSS;

    /** The name in the language: lower case with hyphens (contact-loss). */
    public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** The mechanism of a label, or null. */
    public static OptionalMechanism ofLabel(String label) {
        for (OptionalMechanism m : values()) if (m.label().equals(label)) return m;
        return null;
    }
}
