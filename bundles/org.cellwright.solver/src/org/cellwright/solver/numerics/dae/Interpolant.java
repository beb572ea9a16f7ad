package org.cellwright.solver.numerics.dae;

/**
 * The interpolating polynomial of one accepted step of {@link VariableOrderBdf}, kept after the stepper has moved on:
 * y(tq) = sum_{j <= k} c_j(tq) phi_j with c_0 = 1, c_j = c_{j-1} (tq - t + psi_{j-2}) / psi_{j-1} (psi_{-1} = 0) through
 * the step's modified divided differences (IDA's IDAGetSolution; Brenan, Campbell and Petzold 1996, sec. 5.2). A copy of
 * the step's history, so that outputs within the step can be read from it later, whole ({@link #at(double, double[])})
 * or one unknown at a time ({@link #at(double, int)}), each to the bit what {@link VariableOrderBdf#interpolate} gives
 * during the step: the same operations in the same order.
 */
public final class Interpolant {
    private final double t;
    private final int order, n;
    private final double[] psi;
    /** phi_0 .. phi_order, one after the other (n each). */
    private final double[] phi;

    /** A copy of the polynomial of order k (>= 1) at step end t through phi_0 .. phi_k (length n each) with psi_0 .. psi_k. */
    Interpolant(double t, int k, double[] psi, double[][] phi, int n) {
        this.t = t;
        this.order = k;
        this.n = n;
        this.psi = java.util.Arrays.copyOf(psi, k + 1);
        this.phi = new double[(k + 1) * n];
        for (int j = 0; j <= k; j++) System.arraycopy(phi[j], 0, this.phi, j * n, n);
    }

    /** The end time of the step (the polynomial is that step's: tq within [t - h, t]). */
    public double time() { return t; }

    /** The state at tq into out (length n). */
    public void at(double tq, double[] out) {
        double delt = tq - t, c = 1, gam = delt / psi[0];
        System.arraycopy(phi, 0, out, 0, n);
        for (int j = 1; j <= order; j++) {
            c *= gam;
            gam = (delt + psi[j - 1]) / psi[j];
            for (int i = 0, o = j * n; i < n; i++) out[i] += c * phi[o + i];
        }
    }

    /** Unknown i of the state at tq (the same bits as {@link #at(double, double[])}'s out[i]). */
    public double at(double tq, int i) {
        double delt = tq - t, c = 1, gam = delt / psi[0];
        double v = phi[i];
        for (int j = 1; j <= order; j++) {
            c *= gam;
            gam = (delt + psi[j - 1]) / psi[j];
            v += c * phi[j * n + i];
        }
        return v;
    }

    /** The state at tq, a new array. */
    public double[] at(double tq) {
        double[] out = new double[n];
        at(tq, out);
        return out;
    }

    /** The live history's polynomial at tq into out, by the same operations as {@link #at(double, double[])}. */
    static void evaluate(double t, int k, double[] psi, double[][] phi, int n, double tq, double[] out) {
        double delt = tq - t, c = 1, gam = delt / psi[0];
        System.arraycopy(phi[0], 0, out, 0, n);
        for (int j = 1; j <= k; j++) {
            c *= gam;
            gam = (delt + psi[j - 1]) / psi[j];
            double[] p = phi[j];
            for (int i = 0; i < n; i++) out[i] += c * p[i];
        }
    }
}
