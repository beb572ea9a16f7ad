/**
 * Time integration of semi-explicit differential-algebraic systems M y' = f(t, y) with a diagonal mass M (zero rows
 * are algebraic): {@link org.cellwright.solver.numerics.dae.BdfIntegrator} (implicit Euler / variable-step BDF2 with
 * local-error step control), {@link org.cellwright.solver.numerics.dae.DaeNewton} (simplified Newton on a banded
 * iteration matrix) and {@link org.cellwright.solver.numerics.dae.BandedJacobian} (df/dy by coloured finite
 * differences, Curtis, Powell and Reid 1974). Physics implements {@link org.cellwright.solver.numerics.dae.DaeSystem}.
 */
package org.cellwright.solver.numerics.dae;
