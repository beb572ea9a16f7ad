/**
 * Immutable, SI-only inputs of a CellWright simulation: the cell stack ({@link org.cellwright.solver.input.CellSpec},
 * {@link org.cellwright.solver.input.LayerSpec}, {@link org.cellwright.solver.input.MaterialSpec}), the
 * cycling protocol ({@link org.cellwright.solver.input.ProtocolSpec}) and numerical settings
 * ({@link org.cellwright.solver.input.SolverSettings}).
 *
 * <h2>Units</h2>
 * Everything is SI: m, m2, s, A, V, K, Pa, S/m, mol/m3, kg/m3, J/mol, C. Current densities are A/m2 of the
 * geometric (projected) cell area; capacities per area are C/m2. Report units (mAh/cm2, mAh/g, h, mV) appear
 * only in {@code org.cellwright.solver.output}.
 *
 * <h2>Stack order</h2>
 * {@link org.cellwright.solver.input.CellSpec#layers()} lists the layers from the negative-side (anode) current
 * collector to the positive-side current collector.
 *
 * <h2>Sign convention</h2>
 * A current is <b>positive when the working electrode is oxidised</b>.
 * <ul>
 * <li>The working electrode is the composite cathode when the stack has one: positive current = charge of a
 * full cell (cathode delithiated, Li plated on the anode side).</li>
 * <li>Otherwise (half cells, symmetric cells) the working electrode is the first, anode-side current-collector
 * side of the stack: negative current = Li plated on the working electrode = "discharge" of a half cell, as in
 * Sung et al., Adv. Mater. 2023, DOI 10.1002/adma.202210835.</li>
 * </ul>
 * The cell voltage is the potential of the working electrode minus that of the counter electrode.
 * Per-cycle "charge" capacity counts positive current, "discharge" capacity negative current.
 */
package org.cellwright.solver.input;
