package org.cellwright.solver.dfn;

import static org.cellwright.solver.physics.Constants.F;
import static org.cellwright.solver.physics.Constants.R;

/**
 * Butler-Volmer rate of an intercalation reaction (Bard and Faulkner 2001, eq. 3.4.11; Doyle, Fuller and Newman 1993):
 * j = i0 [exp(alpha_a F eta / R T) - exp(-alpha_c F eta / R T)], eta = phi_s - phi_e - U [V]; j > 0 is oxidation
 * (lithium leaves the particle), in A/m2 of particle surface.
 */
public record ButlerVolmerKinetics(ExchangeCurrentLaw exchangeCurrent, double anodicTransferCoefficient,
        double cathodicTransferCoefficient) {

    public static ButlerVolmerKinetics symmetric(ExchangeCurrentDensity i0) {
        return new ButlerVolmerKinetics(i0, 0.5, 0.5);
    }

    public double current(double i0, double overpotential, double temperature) {
        double f = F / (R * temperature);
        if (anodicTransferCoefficient == 0.5 && cathodicTransferCoefficient == 0.5) {
            double e = Math.exp(0.5 * f * overpotential); // 2 sinh(x) = e^x - e^-x (Math.exp is an intrinsic, Math.sinh is not)
            return i0 * (e - 1 / e);
        }
        return i0 * (Math.exp(anodicTransferCoefficient * f * overpotential) - Math.exp(-cathodicTransferCoefficient * f * overpotential));
    }

    /** dj/d eta = i0 F/(R T) [alpha_a exp(alpha_a F eta / R T) + alpha_c exp(-alpha_c F eta / R T)] [A/(m2 V)]. */
    public double slope(double i0, double overpotential, double temperature) {
        double f = F / (R * temperature);
        if (anodicTransferCoefficient == 0.5 && cathodicTransferCoefficient == 0.5) {
            double e = Math.exp(0.5 * f * overpotential);
            return i0 * 0.5 * f * (e + 1 / e);
        }
        return i0 * f * (anodicTransferCoefficient * Math.exp(anodicTransferCoefficient * f * overpotential)
                + cathodicTransferCoefficient * Math.exp(-cathodicTransferCoefficient * f * overpotential));
    }

    /** asinh(x), odd, without cancellation for negative x. */
    static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(2 * a) : Math.log(a + Math.sqrt(a * a + 1));
        return x < 0 ? -r : r;
    }
}
