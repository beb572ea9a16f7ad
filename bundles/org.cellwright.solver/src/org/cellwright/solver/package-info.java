/**
 * Entry point of the CellWright physics solver: {@link org.cellwright.solver.Simulation} runs a
 * {@link org.cellwright.solver.input.CellSpec} through a {@link org.cellwright.solver.input.ProtocolSpec} and
 * streams {@link org.cellwright.solver.Sample}s, {@link org.cellwright.solver.CycleSummary}s and
 * {@link org.cellwright.solver.SimulationEvent}s into a {@link org.cellwright.solver.ResultSink}.
 * Plain Java 21, no OSGi/Eclipse dependencies. Units SI; sign convention: see
 * {@link org.cellwright.solver.input}.
 */
package org.cellwright.solver;
