package org.cellwright.solver.dfn;

/**
 * The negative electrode of a DFN cell: a porous {@link IntercalationElectrode} (graphite-like) or a planar
 * {@link PlanarLithiumElectrode} (a lithium-metal foil at x = 0, a mixed cell Li | liquid | porous cathode).
 */
public sealed interface NegativeElectrode permits IntercalationElectrode, PlanarLithiumElectrode {
    String name();

    /** Thickness of the electrode [m]. */
    double thickness();
}
