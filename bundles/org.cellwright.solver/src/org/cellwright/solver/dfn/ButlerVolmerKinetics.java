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

    /**
     * The residual of the law at reaction current j and overpotential eta, zero exactly where j = {@link #current}
     * [A/m2]. For alpha_a = alpha_c = 1/2 the law's inverse form times the magnitude of the current it stands for:
     * sqrt(j^2 + 4 i0^2) (asinh(j / 2 i0) - F eta / 2RT). At the root its derivatives are those of j - current(i0, eta)
     * (1 in j, -2 i0 cosh(F eta / 2RT) F / 2RT in eta); away from it it is linear in eta and nearly linear in j, where
     * j - current(i0, eta) is exponential in eta: a Jacobian taken at a predicted overpotential stays the right one
     * where i0 is small and eta large (a particle surface filling up, i0 ~ (c_max - c_s)^1/2 -> 0), and Newton from a
     * current of the other sign does not oscillate as on the bare asinh. Non-finite where i0 = 0 (a surface at c_max),
     * which Newton's update halving keeps away from. Other transfer coefficients: j - current(i0, eta).
     */
    public double residual(double j, double i0, double overpotential, double temperature) {
        if (anodicTransferCoefficient == 0.5 && cathodicTransferCoefficient == 0.5)
            return Math.sqrt(j * j + 4 * i0 * i0) * (asinh(j / (2 * i0)) - 0.5 * F / (R * temperature) * overpotential);
        return j - current(i0, overpotential, temperature);
    }

    /** asinh(x), odd, without cancellation for negative x. */
    static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(2 * a) : Math.log(a + Math.sqrt(a * a + 1));
        return x < 0 ? -r : r;
    }
}
