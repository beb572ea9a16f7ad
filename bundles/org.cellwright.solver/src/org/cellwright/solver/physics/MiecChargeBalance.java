package org.cellwright.solver.physics;

import org.cellwright.solver.numerics.BandedMatrix;
import org.cellwright.solver.numerics.NewtonSolver;
import org.cellwright.solver.numerics.fv.FaceConductance;
import org.cellwright.solver.numerics.fv.Mesh1D;

/**
 * One implicit time step of a porous mixed conductor (porous-electrode theory, Newman and Tiedemann, AIChE J. 21, 25,
 * 1975) on a cell-centred finite-volume mesh from the SE (x = 0) to the collector: per cell k the unknowns phi_e (ionic
 * potential, phi_e = 0 at the SE is the reference), phi_s (electronic potential), j_host and j_pore (reaction
 * currents per geometric area, anodic positive), and the residuals
 * <ul>
 * <li>ionic charge balance: q_e(k+1/2) - q_e(k-1/2) - j_metal - j_host = 0, q_e = -kappa d phi_e/dx;</li>
 * <li>electronic: q_s(k+1/2) - q_s(k-1/2) + j_metal + j_host = 0, q_s = -sigma d phi_s/dx, with the applied current I
 * leaving at the collector and the SE-side Li deposit's current entering at x = 0;</li>
 * <li>the host and pore currents equal to their kinetics at dphi = phi_s - phi_e and the end-of-step amounts
 * (backward Euler).</li>
 * </ul>
 * Face fluxes from {@link FaceConductance}; the kinetics are the electrode's ({@link Reactions}). Rows are scaled by
 * 1 / max(1, |I|). At a set collector potential E ({@link #setPotential}) the current I is one more unknown (last),
 * with the row E = phi_s(L) + I R_series: the step is then well posed also where the electrode carries no current
 * over a range of potentials (a host inside its hysteresis gap with no Li metal left), where the potential is not a
 * function of the current.
 */
final class MiecChargeBalance implements NewtonSolver.BandedSystem {

    /** The reactions of the electrode at the end of the step. */
    interface Reactions {
        /** Applied anodic current density [A/m2] and the step [s]. */
        double current();
        double dt();
        boolean hasHost();
        /** Li a cell's host takes from y = 0 to 1 [mol/m2] (1 without host). */
        double hostCapacityPerCell();
        /** Host lithiation and pore Li [mol/m2] of cell k in the committed state. */
        double lithiation(int k);
        double poreLithium(int k);
        /** Share of cell k's pore volume its Li fills in the committed state (0 empty, 1 full). */
        double poreFill(int k);
        /** Host current [A/m2] at dphi and end-of-step lithiation y. */
        double hostCurrent(double dphi, double y);
        /** Pore current of cell k at dphi and end-of-step pore Li [mol/m2]; with slope, d j / d dphi. */
        double poreCurrent(int k, double dphi, double amount, boolean slope);
        /** Current of the Li at the collector (last cell) and at the SE (x = 0); with slope, their derivatives. */
        double collectorCurrent(double dphi, boolean slope);
        double separatorCurrent(double phiS, boolean slope);
    }

    private final int n;
    private final Reactions rx;
    private double gIonic, gIonicBoundary, gElectronic;
    /** Resistances [Ohm m2] of the half control volume from the last centre to the collector's face, ionic and electronic. */
    private double halfIonic, halfElectronic;
    /** Where each cell's pore site stands from its centre, in cells (-1/2 .. 1/2), for the step ({@link #locateFronts}). */
    private final double[] front;
    /** Set collector potential [V] and the series resistance [Ohm m2] from the last cell's centre to it; NaN: set current. */
    private double potential = Double.NaN, seriesResistance;

    MiecChargeBalance(int cells, Reactions reactions) {
        this.n = cells;
        this.rx = reactions;
        this.front = new double[cells];
    }

    /**
     * Locates each cell's pore site within its cell from the committed fills: where Li fills a cell partly between a
     * fuller and an emptier neighbour, it stands as a front on the fuller one's side, and the pores react at the
     * front, not at the centre. The share of the cell behind the front is its fill against the fuller neighbour's,
     * b = min(1, f(k) / max(f(k-1), f(k+1))), and the site stands w = (f(k-1) - f(k+1)) (b - 1/2) cells from the
     * centre: a stripping front (empty on the SE side, filled beyond) at 1/2 - b, a plating front the other way,
     * weighted by how much fuller the one side is (0 between equal neighbours; a trace of Li, as while the first
     * nuclei grow, no front: with the weight b alone a CNT layer's 1e-8 S/m ionic phase took the first plating's
     * site half a cell away and Newton failed); beyond the layer's faces no pores, fill 0. Without it a front that
     * crosses a cell reacted at the cell's centre until the cell emptied, and the ionic drop to it climbed in steps
     * of i dx / kappa (session 36: the 0.9 C pulses at -20 degC 0.55 % below 160 nodes with 10 and 20).
     */
    void locateFronts() {
        for (int k = 0; k < n; k++) {
            double left = k > 0 ? rx.poreFill(k - 1) : 0, right = k < n - 1 ? rx.poreFill(k + 1) : 0;
            double fuller = Math.max(left, right);
            // the share of the cell behind the front: its Li against the fill behind the front (the fuller neighbour's)
            double behind = fuller > 0 ? Math.min(1, rx.poreFill(k) / fuller) : 0.5;
            front[k] = (left - right) * (behind - 0.5);
        }
    }

    /**
     * phi_e [V] at cell k's pore site, w cells from its centre: extrapolated along the gradient on the cell's SE side,
     * through which the layer's ionic current flows to and from the SE (phi_e = 0 at the SE's face, half a cell away).
     */
    private double poreSiteIonic(double[] x, int k) {
        double pe = x[4 * k];
        return k > 0 ? pe + front[k] * (pe - x[4 * k - 4]) : pe * (1 + 2 * front[k]);
    }

    /** phi_s - phi_e [V] at cell k's pore site of the unknowns x ({@link #locateFronts}). */
    double poreSiteDphi(double[] x, int k) { return x[4 * k + 1] - poreSiteIonic(x, k); }

    /** Mesh and effective conductivities [S/m] (ionic, electronic) of the step. */
    void setTransport(Mesh1D mesh, double kappa, double sigma) {
        gIonic = FaceConductance.interior(mesh, kappa);
        gElectronic = FaceConductance.interior(mesh, sigma);
        gIonicBoundary = FaceConductance.toEnd(mesh, kappa); // to phi_e = 0 at the SE
        halfIonic = 1 / FaceConductance.toEnd(mesh, kappa);
        halfElectronic = 1 / FaceConductance.toEnd(mesh, sigma);
        lastCentreToFace = Double.NaN; // a new trial: the collector's site may have changed with the committed state
    }

    /**
     * Current [A/m2] of the Li at the collector (or with slope its derivative by the last centre's phi_s - phi_e) at the
     * collector's face x = L, not at the last control volume's centre: its Li+ crosses the half volume between them,
     * phi_e(L) = phi_e(n-1) + j_cc dx / (2 kappa), and the collector's phi_s(L) = phi_s(n-1) + I dx / (2 sigma) (the
     * collector's potential as the electrode reports it). At the centre the half volume's ionic drop was missing, an
     * error of first order in the nodes that moved the charge's split between pores and collector with them (session
     * 36). Implicit in j_cc, j = f(d0 - j dx / (2 kappa)), solved as a reaction behind a series resistance by Newton
     * from the last solve's current ({@link SeriesResistance#currentFrom}), and not again for the Jacobian at the same
     * unknowns: the bracketed solve at every residual and Jacobian cost the interlayer's runs 1.2-1.4x (session 37).
     */
    private double collectorAtFace(double[] x, double current, boolean slope) {
        double d0 = centreToFace(x, current);
        // the site's current at this d0 solved last (the Jacobian is taken at the residual's unknowns): no solve again
        double j = d0 == lastCentreToFace ? lastCollector
                : SeriesResistance.currentFrom(d -> rx.collectorCurrent(d, false), d -> rx.collectorCurrent(d, true),
                        halfIonic, d0, lastCollector);
        lastCentreToFace = d0;
        lastCollector = j;
        if (!slope || !Double.isFinite(j)) return j;
        double fp = Math.max(0, rx.collectorCurrent(d0 - j * halfIonic, true)); // dj/d d0 = f' / (1 + R f')
        return fp / (1 + halfIonic * fp);
    }

    /** The last centre-to-face phi_s - phi_e [V] the collector's site was solved at and its current [A/m2] there. */
    private double lastCentreToFace = Double.NaN, lastCollector = 0;

    private double centreToFace(double[] x, double current) {
        int e = 4 * (n - 1);
        return x[e + 1] - x[e] + current * halfElectronic;
    }

    /** The collector site's current [A/m2] of the unknowns x at the current I (at its face, {@link #collectorAtFace}). */
    double collectorCurrent(double[] x, double current) { return collectorAtFace(x, current, false); }

    /** phi_s - phi_e [V] at the collector's face of the unknowns x at the current I, with the site's current j. */
    double collectorFaceDphi(double[] x, double current, double j) { return centreToFace(x, current) - j * halfIonic; }

    /** Solves at the set collector potential E [V] (NaN: at the set current), R [Ohm m2] from the last cell's centre. */
    void setPotential(double e, double r) {
        potential = e;
        seriesResistance = r;
    }

    private boolean potentialSet() { return !Double.isNaN(potential); }

    @Override public int size() { return 4 * n + (potentialSet() ? 1 : 0); }

    @Override
    public boolean residual(double[] x, double[] r) {
        double dt = rx.dt();
        double sc = 1.0 / Math.max(1.0, Math.abs(rx.current()));
        double I = potentialSet() ? x[4 * n] : rx.current();
        double capNode = rx.hostCapacityPerCell();
        for (int k = 0; k < n; k++) {
            int e = 4 * k, s = e + 1, q = e + 2, p = e + 3;
            double pe = x[e], ps = x[s], jh = x[q], jp = x[p];
            double dphi = ps - pe;
            double jm = jp + (k == n - 1 ? collectorAtFace(x, I, false) : 0);
            if (!Double.isFinite(jm)) return false;
            double rightE = k < n - 1 ? -gIonic * (x[e + 4] - pe) : 0;
            double leftE = k > 0 ? -gIonic * (pe - x[e - 4]) : -gIonicBoundary * pe;
            r[e] = (rightE - leftE - jm - jh) * sc;
            double rightS = k < n - 1 ? -gElectronic * (x[s + 4] - ps) : -I;
            double leftS = k > 0 ? -gElectronic * (ps - x[s - 4]) : -rx.separatorCurrent(ps, false);
            r[s] = (rightS - leftS + jm + jh) * sc;
            if (rx.hasHost()) {
                double yy = rx.lithiation(k) - jh * dt / (Constants.F * capNode);
                if (!(yy > 0 && yy < 1)) return false;
                r[q] = (jh - rx.hostCurrent(dphi, yy)) * sc;
            } else {
                r[q] = jh * sc;
            }
            double nNew = rx.poreLithium(k) - jp * dt / Constants.F;
            double jpe = rx.poreCurrent(k, poreSiteDphi(x, k), nNew, false);
            if (!Double.isFinite(jpe)) return false;
            r[p] = (jp - jpe) * sc;
        }
        if (potentialSet()) r[4 * n] = x[4 * (n - 1) + 1] + I * seriesResistance - potential;
        return true;
    }

    @Override
    public void jacobian(double[] x, BandedMatrix jac) {
        double dt = rx.dt();
        double sc = 1.0 / Math.max(1.0, Math.abs(rx.current()));
        double ke = gIonic * sc, ks = gElectronic * sc;
        double capNode = rx.hostCapacityPerCell();
        double I = potentialSet() ? x[4 * n] : rx.current();
        for (int k = 0; k < n; k++) {
            int e = 4 * k, s = e + 1, q = e + 2, p = e + 3;
            double dphi = x[s] - x[e];
            double dc = (k == n - 1 ? collectorAtFace(x, I, true) : 0) * sc;
            if (k < n - 1) { jac.add(e, e + 4, -ke); jac.add(e, e, ke); }
            if (k > 0) { jac.add(e, e - 4, -ke); jac.add(e, e, ke); } else jac.add(e, e, gIonicBoundary * sc);
            jac.add(e, s, -dc);
            jac.add(e, e, dc);
            jac.add(e, q, -sc);
            jac.add(e, p, -sc);
            if (k < n - 1) { jac.add(s, s + 4, -ks); jac.add(s, s, ks); }
            if (k > 0) { jac.add(s, s - 4, -ks); jac.add(s, s, ks); } else jac.add(s, s, rx.separatorCurrent(x[s], true) * sc);
            jac.add(s, s, dc);
            jac.add(s, e, -dc);
            jac.add(s, q, sc);
            jac.add(s, p, sc);
            if (rx.hasHost()) {
                double jh = x[q];
                double yy = rx.lithiation(k) - jh * dt / (Constants.F * capNode);
                double h = 1e-7;
                double dHdPhi = (rx.hostCurrent(dphi + h, yy) - rx.hostCurrent(dphi - h, yy)) / (2 * h);
                double hy = Math.min(1e-9, 0.5 * Math.min(yy, 1 - yy));
                double dHdy = (rx.hostCurrent(dphi, yy + hy) - rx.hostCurrent(dphi, yy - hy)) / (2 * hy);
                double dydj = -dt / (Constants.F * capNode);
                jac.add(q, q, (1 - dHdy * dydj) * sc);
                jac.add(q, s, -dHdPhi * sc);
                jac.add(q, e, dHdPhi * sc);
            } else {
                jac.add(q, q, sc);
            }
            double jp = x[p];
            double nNew = rx.poreLithium(k) - jp * dt / Constants.F;
            double site = poreSiteDphi(x, k);
            double dPhi = rx.poreCurrent(k, site, nNew, true);
            double hn = Math.max(1e-12, 1e-6 * Math.abs(nNew));
            double dN = (rx.poreCurrent(k, site, nNew + hn, false) - rx.poreCurrent(k, site, Math.max(0, nNew - hn), false))
                    / (nNew + hn - Math.max(0, nNew - hn));
            jac.add(p, p, (1 + dN * dt / Constants.F) * sc);
            jac.add(p, s, -dPhi * sc);
            if (k > 0) {
                jac.add(p, e, dPhi * (1 + front[k]) * sc);
                jac.add(p, e - 4, -dPhi * front[k] * sc); // 7 below the diagonal: MiecStepSolver's band
            } else {
                jac.add(p, e, dPhi * (1 + 2 * front[k]) * sc);
            }
        }
        if (potentialSet()) {
            int s = 4 * (n - 1) + 1, i = 4 * n;
            jac.add(s, i, -sc); // rightS = -I at the collector
            // the collector site's phi_s(L) = phi_s(n-1) + I dx / (2 sigma)
            double dcI = collectorAtFace(x, x[i], true) * halfElectronic * sc;
            jac.add(s - 1, i, -dcI);
            jac.add(s, i, dcI);
            jac.add(i, s, 1);
            jac.add(i, i, seriesResistance);
        }
    }

    @Override public double absoluteTolerance(int i) { return i % 4 >= 2 || i == 4 * n ? 1e-9 : 1e-10; }

    /**
     * The residual the rounding of the potentials leaves (Newton's convergence at it, {@link NewtonSolver}): each face
     * flux g (phi(k+1) - phi(k)) of the exact root, with its potentials rounded to doubles, is off by up to g times
     * their spacing (Math.ulp), and each charge-balance row has two faces. With a metal-like host (1e6 S/m over
     * 0.2 um, g ~ 2e12 S/m2) that is ~1e-6 A/m2 per row at 1 mV, above the 1e-8 a residual must otherwise reach: the
     * root's electronic potentials then differ by less than their spacing and no double does better. With 1e2 S/m it
     * stays below 1e-8 at potentials under ~0.1 V, as before.
     */
    @Override
    public double roundingResidual(double[] x) {
        double sc = 1.0 / Math.max(1.0, Math.abs(rx.current()));
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double re = 0, rs = 0;
            for (int j = Math.max(0, k - 1); j <= Math.min(n - 1, k + 1); j++) {
                re = Math.max(re, Math.ulp(x[4 * j]));
                rs = Math.max(rs, Math.ulp(x[4 * j + 1]));
            }
            double e = 2 * Math.max(gIonic, gIonicBoundary) * re * sc, s = 2 * gElectronic * rs * sc;
            sum += e * e + s * s;
        }
        return Math.sqrt(sum);
    }

    /** At most 50 mV change of a cell's dphi per Newton step. */
    @Override
    public double stepLimit(double[] x, double[] d) {
        double lim = 1;
        for (int k = 0; k < n; k++) {
            double dp = Math.abs(d[4 * k + 1] - d[4 * k]);
            if (dp > 0.05) lim = Math.min(lim, 0.05 / dp);
        }
        return lim;
    }
}
