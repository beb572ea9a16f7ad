package org.cellwright.solver.numerics.fv;

/**
 * Cell-centred finite-volume mesh of one domain [x0, x1] with n cells of equal width (Versteeg and Malalasekera,
 * An Introduction to Computational Fluid Dynamics, 2007, ch. 4). Face k lies at x0 + k w, k = 0..n.
 */
public record Mesh1D(double x0, double x1, int cells) {

    public Mesh1D {
        boolean planar = cells == 0 && x1 == x0; // an empty domain: a planar interface in a composite mesh (no cells, no width)
        if (cells < 1 && !planar) throw new IllegalArgumentException("a mesh needs at least one cell, got " + cells);
        if (!(x1 > x0) && !planar) throw new IllegalArgumentException("empty domain [" + x0 + ", " + x1 + "]");
    }

    public double length() { return x1 - x0; }

    /** Cell width [m]. */
    public double width() { return (x1 - x0) / cells; }

    public double centre(int i) { return x0 + (i + 0.5) * width(); }

    public double face(int k) { return x0 + k * width(); }
}
