package org.cellwright.solver.input;

import java.util.Objects;

/** One component of a composite layer: a material and its mass fraction in the solid mixture. */
public record ComponentSpec(MaterialSpec material, double massFraction) {
    public ComponentSpec {
        Objects.requireNonNull(material, "material");
    }
}
