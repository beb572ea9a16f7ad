package org.cellwright.solver.numerics.fv;

/**
 * Conductance of the face between two cells for a flux q = -k du/dx: the two half cells in series,
 * G = 1 / (dL/kL + dR/kR), so q = -G (uR - uL). With equal distances this is the harmonic mean of kL and kR over the
 * centre distance (Patankar, Numerical Heat Transfer and Fluid Flow, 1980, sec. 4.2-3), which keeps the flux
 * continuous where k jumps (electrode | separator).
 */
public final class FaceConductance {
    private FaceConductance() {}

    public static double series(double kLeft, double dLeft, double kRight, double dRight) {
        return 1.0 / (dLeft / kLeft + dRight / kRight);
    }

    /** Conductance of a face between two cells of the uniform mesh with conductivity k throughout: k / width. */
    public static double interior(Mesh1D mesh, double k) {
        double h = 0.5 * mesh.width();
        return series(k, h, k, h);
    }

    /**
     * Conductance from the centre of an end cell of the uniform mesh with conductivity k to the domain's end face, where
     * the value is held or the flux leaves: the half cell alone, k / (width / 2).
     */
    public static double toEnd(Mesh1D mesh, double k) {
        return series(k, 0.5 * mesh.width(), Double.POSITIVE_INFINITY, 0);
    }

    /** Harmonic mean of two values (weights equal). */
    public static double harmonicMean(double a, double b) {
        return 2.0 * a * b / (a + b);
    }
}
