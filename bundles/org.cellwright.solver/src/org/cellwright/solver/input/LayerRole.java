package org.cellwright.solver.input;

/** What a layer does in the stack. */
public enum LayerRole {
    CURRENT_COLLECTOR, LITHIUM_METAL, INTERLAYER, SEPARATOR, COMPOSITE_CATHODE
}
