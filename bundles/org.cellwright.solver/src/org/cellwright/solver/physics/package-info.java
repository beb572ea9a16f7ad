/**
 * Physics of the cell, one mechanism per class, SI units inside. Electrode models are seen from the separator:
 * each returns its potential vs a Li reference in the adjacent solid electrolyte for a given anodic current
 * density (positive = this electrode is oxidised). {@link org.cellwright.solver.physics.CellModel} combines
 * working electrode, separator and counter electrode.
 */
package org.cellwright.solver.physics;
