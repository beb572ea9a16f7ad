package org.cellwright.run;

/**
 * The fine mesh's capacity error measured from the same inputs run on two cathode meshes (numerics; Richardson
 * extrapolation; issue 13, session 39, docs/solid-state-solver.md "Session 39"; {@link MeshRerun} takes it after a
 * re-run). A mesh of spacing h whose error is C h^p gives, from a coarse run Q_c on spacing r h and a fine run Q_f on h,
 * the extrapolated Q = Q_f + (Q_f - Q_c) / (r^p - 1) and so the fine run's error |Q_f - Q| / |Q| (L. F. Richardson, Phil. Trans. R. Soc. A 210
 * (1911) 307; P. J. Roache, J. Fluids Eng. 116 (1994) 405, whose grid convergence index is this error times a safety factor).
 *
 * <p>The order is the meshes' known one, {@link #ORDER}: two runs give no observed order (that takes a third), and the
 * known order was checked against the observed one of meshes refined at a constant ratio (20, 40, 80, 160 shells and
 * volumes, the reference's time steps; the docs' section). The cathode mesh has two spacings, the particles' shells and
 * the composite's control volumes, refined by different ratios (20 x 20 to 48 x 40: 2.4 and 2); the error their sum, A
 * of the shells and B of the volumes, the difference of the two runs is A (r_s^p - 1) + B (r_v^p - 1), at least
 * (A + B)(r^p - 1) with r the smaller ratio where both err the same way: so {@link #ratio} takes the smaller, and the
 * error measured bounds the fine run's from above (a larger r would read it smaller). A spacing not refined (its ratio 1)
 * errs the same on both runs and cancels from the difference: its error is not measured ({@link #unrefined}).
 */
public final class MeshRichardson {
	private MeshRichardson() {}

	/**
	 * The order of the cathode's meshes: finite volumes with parabolic face flows in the particles (on a smooth graded map
	 * of equal shells, ParticleDiffusion.SURFACE_REFINEMENT) and over the composite, second order in the spacing.
	 */
	public static final double ORDER = 2;

	/**
	 * The ratio of spacings between a coarse mesh and a fine one: the smaller of the spacings' ratios that were refined
	 * (shells and volumes), NaN where neither was (no error can be measured).
	 */
	public static double ratio(int coarseShells, int coarseVolumes, int fineShells, int fineVolumes) {
		double rs = (double) fineShells / coarseShells, rv = (double) fineVolumes / coarseVolumes;
		if (rs > 1 && rv > 1) return Math.min(rs, rv);
		if (rs > 1) return rs;
		if (rv > 1) return rv;
		return Double.NaN;
	}

	/** What a ratio of meshes leaves unmeasured: "particle shells", "cathode volumes" (the spacing not refined), or null. */
	public static String unrefined(int coarseShells, int coarseVolumes, int fineShells, int fineVolumes) {
		if (fineShells <= coarseShells && fineVolumes > coarseVolumes) return "particle shells";
		if (fineVolumes <= coarseVolumes && fineShells > coarseShells) return "cathode volumes";
		return null;
	}

	/** The extrapolated value from a coarse and a fine run of spacing ratio r and order p: Q_f + (Q_f - Q_c) / (r^p - 1). */
	public static double extrapolate(double coarse, double fine, double ratio, double order) {
		return fine + (fine - coarse) / (Math.pow(ratio, order) - 1);
	}

	/** The fine run's relative error against the extrapolated value, |Q_f - Q| / |Q| (NaN where it cannot be formed). */
	public static double fineError(double coarse, double fine, double ratio, double order) {
		if (!(ratio > 1) || !Double.isFinite(coarse) || !Double.isFinite(fine)) return Double.NaN;
		double q = extrapolate(coarse, fine, ratio, order);
		return q != 0 ? Math.abs(fine - q) / Math.abs(q) : Double.NaN;
	}

	/**
	 * One cycle's discharge capacity on both meshes [any unit], the extrapolated one and the fine run's relative error, at
	 * {@code order} (the known {@link #ORDER}, or {@link #orderTaken} of three runs); {@code observed}: the order three
	 * runs observe ({@link #observedOrder}; NaN where two runs measured it, or where three observe none).
	 */
	public record Cycle(int cycle, double coarse, double fine, double extrapolated, double fineError, double order, double observed) {}

	/** A cycle's capacities measured with {@link #ORDER} and a ratio of meshes ({@link #ratio}). */
	public static Cycle cycle(int cycle, double coarse, double fine, double ratio) {
		return new Cycle(cycle, coarse, fine, extrapolate(coarse, fine, ratio, ORDER), fineError(coarse, fine, ratio, ORDER), ORDER, Double.NaN);
	}

	/**
	 * A cycle's capacities on three meshes, each finer than the one before (ratios {@code r21} of the first two,
	 * {@code r32} of the last two, each {@link #ratio}): the last run's error from the last two at the order the three
	 * observe where that is sound ({@link #orderTaken}).
	 */
	public static Cycle cycle(int cycle, double coarsest, double coarse, double fine, double r21, double r32) {
		double p = observedOrder(coarsest, coarse, fine, r21, r32), taken = orderTaken(p);
		return new Cycle(cycle, coarse, fine, extrapolate(coarse, fine, r32, taken), fineError(coarse, fine, r32, taken), taken, p);
	}

	/**
	 * The lowest order taken from three runs (Roy's floor, Oberkampf and Roy, Verification and Validation in Scientific
	 * Computing, 2010, sec. 8.7: an observed order below it says the runs are not in the asymptotic range; taking it
	 * would read the error several times the runs' difference, taking a higher one would under-read).
	 */
	public static final double LOWEST_ORDER = 0.5;

	/**
	 * The order three runs observe, p in (f2 - f1) / (f3 - f2) = r32^p (r21^p - 1) / (r32^p - 1) (f1 the coarsest; the
	 * ratios need not be equal: I. B. Celik et al., J. Fluids Eng. 130 (2008) 078001, eq. 3, solved here by bisection,
	 * the right side rising with p); NaN where the differences change sign or one is zero (oscillating: no order is
	 * observed), 0 where they shrink too little for any positive order.
	 */
	public static double observedOrder(double f1, double f2, double f3, double r21, double r32) {
		double d21 = f2 - f1, d32 = f3 - f2;
		if (!(r21 > 1 && r32 > 1) || !Double.isFinite(d21) || !Double.isFinite(d32) || d21 == 0 || d32 == 0 || (d21 > 0) != (d32 > 0))
			return Double.NaN;
		double ratio = d21 / d32, lo = 1e-9, hi = 20;
		if (ratio <= differenceRatio(lo, r21, r32)) return 0;
		if (ratio >= differenceRatio(hi, r21, r32)) return hi;
		for (int i = 0; i < 100 && hi - lo > 1e-12; i++) {
			double mid = (lo + hi) / 2;
			if (differenceRatio(mid, r21, r32) < ratio) lo = mid;
			else hi = mid;
		}
		return (lo + hi) / 2;
	}

	/** r32^p (r21^p - 1) / (r32^p - 1): the ratio of successive differences of three runs whose error is C h^p. */
	static double differenceRatio(double p, double r21, double r32) {
		return Math.pow(r32, p) * (Math.pow(r21, p) - 1) / (Math.pow(r32, p) - 1);
	}

	/**
	 * The order a measurement from three runs takes: the observed where it is sound and below the known, never below
	 * {@link #LOWEST_ORDER}; the known {@link #ORDER} where the observed is at or above it or none is observed
	 * (oscillating). Above the known it is not taken: two spacings refined by different ratios, each measured by the
	 * smaller ({@link #ratio}), read another order than either has (a second-order error of the shells alone on 20 x 20,
	 * 48 x 40 and 72 x 64 observes 2.76, of the volumes alone 1.85), and a higher order reads the error smaller; below,
	 * the error falls slower than the known order says, and the observed one reads it larger. So the figure stays a bound
	 * from above.
	 */
	public static double orderTaken(double observed) {
		if (Double.isNaN(observed) || observed >= ORDER) return ORDER;
		return Math.max(observed, LOWEST_ORDER);
	}
	/** A solver block's mesh and the largest error it is expected to leave (relative). */
	public record Block(int shells, int volumes, double then) {}

	/**
	 * The block that would take an error measured on a mesh of so many shells and volumes at an order within a target:
	 * both node counts times k, rounded up to 8, k^p = error / target (refined by k in both spacings, each part of the
	 * error falls by k^p at least), each held to its cap (at most capShells x capVolumes nodes; then: what the block
	 * is expected to leave, max((shells / s)^p, (volumes / v)^p) of the error, beyond the target where a cap held it);
	 * null where the error is within the target.
	 */
	public static Block block(double error, double order, int shells, int volumes, double target, int capShells, int capVolumes) {
		if (!(error > target)) return null;
		double k = Math.pow(error / target, 1 / order);
		int s = Math.max(shells, Math.min(roundUp(shells * k), capShells)), v = Math.max(volumes, Math.min(roundUp(volumes * k), capVolumes));
		double then = error * Math.max(Math.pow((double) shells / s, order), Math.pow((double) volumes / v, order));
		return new Block(s, v, then);
	}

	/** Nodes rounded up to a multiple of 8. */
	static int roundUp(double nodes) {
		return 8 * (int) Math.ceil(nodes / 8 - 1e-9);
	}
}
