/**
 * Finite-volume discretisation layer: cell-centred meshes of one-dimensional domains joined at interfaces
 * ({@link org.cellwright.solver.numerics.fv.CompositeMesh}), face conductances as harmonic means of the two
 * neighbours ({@link org.cellwright.solver.numerics.fv.FaceConductance}), and spherical particle meshes in flux form
 * ({@link org.cellwright.solver.numerics.fv.SphericalMesh}). Physics supplies coefficients; these classes supply
 * geometry and conservative differences only.
 */
package org.cellwright.solver.numerics.fv;
