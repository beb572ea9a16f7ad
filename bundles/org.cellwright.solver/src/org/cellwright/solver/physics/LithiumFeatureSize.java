package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;

/**
 * Characteristic size of the Li that presses on the SE at a cell's negative electrode, the size that places it on
 * the deformation-mechanism map ({@link LithiumFlowStress}): the pore size of a lithiated MIEC interlayer after
 * formation at the cell's stack pressure ({@link InterlayerLithiation}), the pore size of a host-free interlayer,
 * the SE flaw size at a Li foil, or the size of mossy Li plated on a bare collector (Sung et al., Adv. Mater.
 * 2023, DOI 10.1002/adma.202210835).
 */
public final class LithiumFeatureSize {
    /** Lithiation state of a formed interlayer host (cell 2 of the study: 99.5 %). */
    public static final double FORMED = 0.995;

    private LithiumFeatureSize() {}

    /** Characteristic Li size [m] of the cell's negative side (layers before the first separator). */
    public static double of(CellSpec cell) {
        LayerSpec interlayer = null, metal = null;
        for (LayerSpec l : cell.layers()) {
            if (l.role() == LayerRole.SEPARATOR) break;
            if (l.role() == LayerRole.INTERLAYER) interlayer = l;
            if (l.role() == LayerRole.LITHIUM_METAL) metal = l;
        }
        MaterialSpec li = ElectrodeFactory.lithiumOf(cell);
        if (interlayer != null) {
            InterlayerLithiation lith = new InterlayerLithiation(interlayer);
            if (lith.hasHost()) {
                double y = Math.max(FORMED, lith.host().get(INITIAL_STOICHIOMETRY, 0));
                return lith.poreSize(Math.min(y, 1 - 1e-4), cell.stackPressure());
            }
            return Double.isNaN(interlayer.poreSize()) ? 100e-9 : interlayer.poreSize();
        }
        if (metal != null) return li.get(FLAW_SIZE, 1e-6);
        return li.get(DEPOSIT_SIZE, 300e-9);
    }
}
