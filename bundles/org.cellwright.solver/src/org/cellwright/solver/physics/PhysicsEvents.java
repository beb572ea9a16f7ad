package org.cellwright.solver.physics;

import org.cellwright.solver.SimulationEvent;

/** Where models report events when a time step is committed. */
@FunctionalInterface
public interface PhysicsEvents {
    void emit(SimulationEvent.Type type, double value, String message);

    PhysicsEvents IGNORE = (t, v, m) -> {};
}
