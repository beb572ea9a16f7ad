/**
 * Time integration of semi-explicit differential-algebraic systems M y' = f(t, y) with a diagonal mass M (zero rows
 * are algebraic): {@link org.cellwright.solver.numerics.dae.VariableOrderBdf} (variable-order BDF 1-5 in IDA's
 * fixed-leading-coefficient form with local-error step and order control) behind the drivers' interface
 * {@link org.cellwright.solver.numerics.dae.DaeStepper}, {@link org.cellwright.solver.numerics.dae.CutoffLanding} (a
 * cut-off landed on by steps, crossings on the dense output), {@link org.cellwright.solver.numerics.dae.DaeNewton}
 * (simplified Newton on a banded iteration matrix) and {@link org.cellwright.solver.numerics.dae.BandedJacobian} (df/dy by coloured finite
 * differences, Curtis, Powell and Reid 1974). Physics implements {@link org.cellwright.solver.numerics.dae.DaeSystem}.
 */
package org.cellwright.solver.numerics.dae;
