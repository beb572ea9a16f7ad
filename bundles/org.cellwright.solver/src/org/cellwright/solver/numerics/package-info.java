/**
 * Numerics independent of the physics: tridiagonal and banded linear solvers, a damped Newton method on banded
 * Jacobians, and meshes. Hand-written on purpose: every system in the solver is (block-)tridiagonal with a
 * bandwidth of at most a few dozen and is solved thousands of times per simulated cycle; a direct banded LU with
 * preallocated storage is simpler and much faster for that than a general dense or sparse library solver
 * (EJML's sparse LU needs symbolic analysis and allocation per factorisation; it has no banded LU).
 */
package org.cellwright.solver.numerics;
