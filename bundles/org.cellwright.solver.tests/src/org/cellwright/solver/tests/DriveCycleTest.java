package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.DriveCycle;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Marquis2019;
import org.junit.jupiter.api.Test;

/** Current profiles from drive-cycle samples (../shared/data/dfn-reference/drive-cycles), looped to a duration. */
class DriveCycleTest {

    /** The (time, current) columns of a PyBaMM drive-cycle CSV ('#' comment lines, no header). */
    static DriveCycle read(String name) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(ComsolValidationTest.reference("drive-cycles/" + name))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] p = l.split(",");
            rows.add(new double[] {Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip())});
        }
        return new DriveCycle(rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray());
    }

    /**
     * A drive cycle's net direction has one definition, the time integral of the linear profile over its period
     * ({@code StepSpec.Follow.netIntegral}), for the window's cut-offs as for the DFN runner. The sum of the samples
     * ({@code Follow.netDirection} before) read this unevenly sampled profile as a net discharge (three samples of -1
     * 1 s apart against two of +1 10 s apart: sum -1), which charges 8 C/m2 a period.
     */
    @Test
    void anUnevenlySampledProfilesNetDirectionIsItsTimeIntegral() {
        double[] t = {0, 1, 2, 3, 13}, v = {-1, -1, -1, 1, 1}; // charge positive; period 23 s (last interval repeated)
        StepSpec.Follow f = new StepSpec.Follow(false, CurrentMode.DENSITY, t, v, "uneven.csv", List.of());
        assertEquals(23, f.period());
        assertEquals(8, f.netIntegral(), 1e-12, "-1 - 1 + 0 + 10 + 0 (back to -1 over the last 10 s)");
        assertEquals(new DriveCycle(t, v).integral(23), f.netIntegral(), 1e-12);
        assertTrue(f.netIntegral() > 0, "a net charge: " + f.netIntegral());
        assertEquals(1, f.netDirection());
        StepSpec.Follow bounded = (StepSpec.Follow) Cutoff.withinWindow(List.of(f), 2.5, 4.2).get(0);
        assertEquals(2, bounded.cutoffs().size());
        assertEquals(Cutoff.window(Cutoff.Kind.VOLTAGE_ABOVE, 4.2), bounded.cutoffs().get(0), "its net direction's side first, as its own 'until'");
        assertEquals(Cutoff.window(Cutoff.Kind.VOLTAGE_BELOW, 2.5), bounded.cutoffs().get(1));
    }

    @Test
    void profileIsLinearBetweenSamplesAndRepeats() {
        DriveCycle c = new DriveCycle(new double[] {0, 1, 3}, new double[] {2, 4, 0});
        assertEquals(5.0, c.period(), 0, "last time + last interval");
        assertEquals(3.0, c.at(0.5), 1e-12);
        assertEquals(2.0, c.at(2), 1e-12);
        assertEquals(0.5, c.at(3.5), 1e-12, "from the last sample back to the first");
        assertEquals(c.at(1.25), c.at(6.25), 1e-12, "periodic");
        assertEquals(2 * (3 + 4 + 2), c.charge(10), 1e-12, "two periods of the trapezoids");
        assertEquals(-2 * 3.0, c.scaled(-2).at(0.5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new DriveCycle(new double[] {0, 2, 1}, new double[] {1, 1, 1}));
    }

    @Test
    void uddsDrivesTheDfnCellThroughItsPeaksAndRegeneration() throws IOException {
        DriveCycle udds = read("UDDS.csv");
        assertEquals(1370, udds.period(), 0);
        // the profile's 8.1 A peak as 2C of the Marquis cell (48 A/m2)
        DriveCycle cycle = udds.scaled(2 * Marquis2019.ONE_C / 8.1);
        double duration = 2 * udds.period();
        double[] times = new double[(int) duration + 1];
        for (int i = 0; i < times.length; i++) times[i] = i;
        DfnSolution s = new DfnSimulation(1e-4).run(Marquis2019.cell(), new DfnMesh(10, 5, 10, 10), cycle, times, Marquis2019.CUTOFF,
                cycle.breakpoints(duration));
        assertEquals("end of time", s.endReason());
        assertEquals(times.length, s.snapshots().size());
        assertEquals(cycle.charge(duration), s.charge(), 1e-6 * Math.abs(cycle.charge(duration)), "1 s outputs on the 1 s samples: the same trapezoids");
        double vMax = 0, vMin = 10;
        int regen = 0;
        for (DfnSolution.Snapshot sn : s.snapshots()) {
            vMax = Math.max(vMax, sn.voltage());
            vMin = Math.min(vMin, sn.voltage());
            if (sn.current() < 0 && sn.voltage() > Marquis2019.lcoOcp(0.6) - Marquis2019.graphiteOcp(0.8)) regen++;
        }
        assertTrue(regen > 0, "regenerative braking (charge) lifts the voltage above the initial OCV");
        assertTrue(vMin > Marquis2019.CUTOFF && vMax < 4.1, "within the cell's window: " + vMin + " .. " + vMax);
    }

    /**
     * The profile's changes of direction as samples of value 0 (where an OCP with hysteresis switches its branch,
     * docs/dfn.md "OCP hysteresis"): the same function of time, also between the last sample and the next period's first,
     * and the crossings are breakpoints.
     */
    @Test
    void zeroCrossingsBecomeBreakpointsOfTheSameProfile() {
        DriveCycle c = new DriveCycle(new double[] {0, 1, 2, 3}, new double[] {3, -1, -2, 1}); // period 4, back to 3 at 4
        DriveCycle z = c.withZeroCrossings();
        assertEquals(c.period(), z.period(), 0);
        for (double t = 0; t < 9; t += 0.01) assertEquals(c.at(t), z.at(t), 1e-12, "at t = " + t);
        assertEquals(0.75, z.nextBreakpoint(0.5), 1e-12); // 3 -> -1 crosses at 0.75
        assertEquals(1, z.nextBreakpoint(0.75), 1e-12);
        assertEquals(2 + 2.0 / 3, z.nextBreakpoint(2.5), 1e-12); // -2 -> 1
        assertEquals(4, z.nextBreakpoint(3.5), 1e-12); // 1 -> 3 (wrap): no crossing
        assertEquals(4.75, z.nextBreakpoint(4.5), 1e-12); // the next period's
        assertEquals(0, z.at(0.75), 0);
        assertEquals(c.charge(9), z.charge(9), 1e-12);
        DriveCycle w = new DriveCycle(new double[] {0, 1}, new double[] {1, -1}).withZeroCrossings(); // period 2: -1 -> 1 at 1.5
        assertEquals(1.5, w.nextBreakpoint(1.2), 1e-12);
        assertEquals(2, w.period(), 0);
    }
}
