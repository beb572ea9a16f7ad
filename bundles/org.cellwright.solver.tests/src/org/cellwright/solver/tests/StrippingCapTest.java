package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.bench.WorkPrecisionBenchmark;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.NucleatingLithiumSite;
import org.junit.jupiter.api.Test;

/**
 * The cap on a Li site's stripping current by the Li available in a time step (NucleatingLithiumSite): never more
 * than the amount, a high-order error where the step is short against the time the amount lasts, and with it the
 * half cell's voltage at the default step control against a fine-step reference (issue 13, work-precision).
 */
class StrippingCapTest {
    private static final double T = 298.15, I0A = 10, ALPHA = 0.5;

    /** Uncapped current of a fully covered site at eta (amount < 0: no cap). */
    private static double site(double eta, double amount, double dt) {
        return NucleatingLithiumSite.current(I0A, ALPHA, T, eta, 0, 1, 1, amount, dt, false);
    }

    @Test
    void neverStripsMoreThanTheAmountInTheStep() {
        double eta = 0.05, j = site(eta, -1, 1), amount = 1e-3;
        for (double x = 1e-3; x < 1e4; x *= 1.7) {
            double dt = x * amount * Constants.F / j; // the step in which the uncapped current strips x times the amount
            double capped = site(eta, amount, dt);
            // (x (1 + x^8)^(-1/8) < 1, which rounds to 1 for large x: the whole amount, to the last digit)
            assertTrue(capped > 0 && capped * dt / Constants.F <= amount * (1 + 1e-14), "x = " + x + ": stripped " + capped * dt / Constants.F);
        }
        // a step far longer than the amount lasts strips all of it (within x^-p)
        double dt = 100 * amount * Constants.F / j;
        assertEquals(amount, site(eta, amount, dt) * dt / Constants.F, 1e-6 * amount);
    }

    @Test
    void aStepShortAgainstTheTimeTheAmountLastsStripsAtTheUncappedCurrent() {
        // x = dt J / (nF) = 0.3: the first-order form J / (1 + x) took 23 % off; the smooth minimum of order 8 takes
        // x^8 / 8 = 8e-6 off
        double eta = 0.05, j = site(eta, -1, 1), amount = 1e-3, dt = 0.3 * amount * Constants.F / j;
        assertEquals(1 - Math.pow(0.3, 8) / 8, site(eta, amount, dt) / j, 1e-8);
        assertEquals(1 - Math.pow(0.03, 8) / 8, site(eta, amount, dt / 10) / j, 1e-15);
    }

    @Test
    void theSlopeIsTheDerivativeOfTheCappedCurrent() {
        double amount = 1e-3;
        for (double eta : new double[] {0.01, 0.03, 0.06}) {
            double dt = amount * Constants.F / site(0.03, -1, 1); // x from below to above 1 over the etas
            double h = 1e-7, fd = (site(eta + h, amount, dt) - site(eta - h, amount, dt)) / (2 * h);
            double slope = NucleatingLithiumSite.current(I0A, ALPHA, T, eta, 0, 1, 1, amount, dt, true);
            assertEquals(fd, slope, 1e-5 * Math.abs(fd), "eta = " + eta);
        }
    }

    @Test
    void halfCellVoltageAtTheDefaultStepsIsWithinOneMillivoltOfAFineStepReference() {
        // five plating/stripping cycles of the study's interlayer half cell: the collector deposit stripped over 3 h
        // in steps of up to 600 s (default) against steps of up to 30 s at rtol 1e-6, the same mesh; with the
        // first-order cap the default steps stripped it slow from the start: 1.4 mV RMS, 15 mV at single samples
        var cell = Sung2023Parameters.cell2Interlayer(34e6);
        var protocol = Sung2023Parameters.platingStrippingInterlayer(4);
        RecordingSink ref = new RecordingSink(), run = new RecordingSink();
        new Simulation().run(cell, protocol, SolverSettings.builder().maxStep(30).relativeTolerance(1e-6).outputInterval(0).build(),
                ref, ProgressListener.NONE);
        new Simulation().run(cell, protocol, SolverSettings.builder().outputInterval(300).build(), run, ProgressListener.NONE);
        assertEquals(5, run.cycles.size());
        double[] err = WorkPrecisionBenchmark.voltageErrors(ref, run);
        assertTrue(err[0] < 1e-3, "RMS " + 1e3 * err[0] + " mV");
        assertTrue(err[1] < 5e-3, "max " + 1e3 * err[1] + " mV");
    }
    /**
     * At an overpotential where e^{a f eta} overflows (a far trial of Newton, the drop of a series film): a site
     * without nuclei gave 0 x inf = NaN and a covered one's cap inf x 0 = NaN; now no current from the bare share's
     * Butler-Volmer term, and the cap's limit n F / dt.
     */
    @Test
    void anOverflowedExponentialGivesNumbers() {
        double amount = 1e-3, dt = 2;
        double bare = NucleatingLithiumSite.current(I0A, ALPHA, T, 1e5, 0, 0, 1, amount, dt, false);
        assertEquals(0, bare, 1e-200);
        assertEquals(0, NucleatingLithiumSite.current(I0A, ALPHA, T, 1e5, 0, 0, 1, amount, dt, true), 1e-200);
        assertEquals(amount * Constants.F / dt, NucleatingLithiumSite.current(I0A, ALPHA, T, 1e5, 0, 1, 1, amount, dt, false), 1e-9);
        assertFalse(Double.isNaN(NucleatingLithiumSite.current(I0A, ALPHA, T, 1e5, 0, 1, 1, amount, dt, true)));
    }
}
