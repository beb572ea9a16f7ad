package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.output.NucleationDips;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.AlloyingHysteresis;
import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.MiecInterlayerElectrode;
import org.junit.jupiter.api.Test;

/**
 * The lithiated Li3.75Si-CNT interlayer of the study's half cell 2 (Sung et al., Adv. Mater. 2023, DOI
 * 10.1002/adma.202210835; 65 MPa, Si lithiated to y = 0.995) before any Li is plated: its host alone sets the
 * working electrode's potential. At rest the interphase it grows on the SE takes its lithium, so its equilibrium
 * curves, and with them its potential, rise; a small lithiation current runs it on its lithiation branch with a
 * Butler-Volmer overpotential proportional to the current, and plates no Li, so no nucleation dip is reported.
 */
class InterlayerHostPotentialTest {
    static final CellSpec CELL = Sung2023Parameters.cell2Interlayer(65e6);
    static final double Y0 = 0.995; // cell 2's initial-stoichiometry

    static RecordingSink run(StepSpec step, SummaryJsonWriter summary) {
        RecordingSink s = new RecordingSink();
        ResultSink sink = summary == null ? s : ResultSink.tee(s, summary);
        RunStatus st = new Simulation().run(CELL, ProtocolSpec.of(step), SolverSettings.builder().outputInterval(60).build(), sink, null);
        assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
        return s;
    }

    static double plated(Sample x) {
        LithiumInventory li = x.lithium();
        return li.interlayerPores() + li.currentCollectorSide() + li.seSide();
    }

    static double etaSum(Sample x) {
        double s = 0;
        for (OverpotentialKind k : OverpotentialKind.values()) s += x.overpotential(k);
        return s;
    }

    @Test
    void theHostRestsWhereItIsBetweenItsBranchesAndOnTheBranchItLeft() {
        AlloyingHysteresis h = new AlloyingHysteresis(0.15, 0.45);
        double y = 0.9;
        assertEquals(0.15 + AlloyingHysteresis.SLOPE * Math.log(0.1 / 0.9), h.lithiation(y), 1e-15);
        assertEquals(h.lithiation(y) + 0.3, h.dealloying(y), 1e-15);
        double ul = h.lithiation(y), ud = h.dealloying(y);
        assertEquals(h.equilibrium(y), h.restPotential(h.equilibrium(y), y), 0, "the middle of the loop stays");
        assertEquals(ul + 0.01, h.restPotential(ul + 0.01, y), 0, "inside the loop: where it is");
        assertEquals(ul, h.restPotential(ul - 0.02, y), 0, "below U_l (lithiating): U_l");
        assertEquals(ud, h.restPotential(ud + 0.02, y), 0, "above U_d (de-alloying): U_d");
        assertEquals(0, h.current(1, h.restPotential(ul - 0.02, y), y, 298.15), 0, "no current where it rests");
    }

    @Test
    void atRestTheVoltageIsTheOpenCircuitVoltageAndRisesWithTheHostsCurveAsTheInterphaseTakesItsLithium() {
        RecordingSink s = run(StepSpec.rest(10 * 3600), null);
        Sample first = s.samples.get(0), last = s.samples.get(s.samples.size() - 1);
        for (Sample x : s.samples) {
            assertEquals(x.ocv(), x.voltage(), 1e-9, "at rest the voltage is the OCV, t = " + x.time() / 3600 + " h");
            assertEquals(0, x.overpotential(OverpotentialKind.LITHIUM_KINETIC), 1e-9, "no kinetic overpotential without current");
            assertEquals(0, plated(x), MiecInterlayerElectrode.EMPTY, "no Li metal");
        }
        double lost = first.lithium().host() - last.lithium().host();
        double bound = last.lithium().interphase() - first.lithium().interphase();
        assertTrue(lost > 0.01, "the interphase takes the host's lithium: " + lost + " mol/m2");
        assertTrue(bound >= lost * (1 - 1e-9), "the host loses no more than the interphases bind: " + lost + " / " + bound);
        // the host's curves U0 + s ln((1 - y)/y) at the lithiation left (its Li over its capacity)
        double cap = first.lithium().host() / Y0, y1 = last.lithium().host() / cap;
        double rise = AlloyingHysteresis.SLOPE * (Math.log((1 - y1) / y1) - Math.log((1 - Y0) / Y0));
        assertTrue(rise > 0.05, "a tenth of the lithium gone raises the curves by " + rise + " V");
        assertEquals(rise, last.voltage() - first.voltage(), 1e-9, "the voltage rises with the host's curves");
    }

    @Test
    void aSmallLithiationCurrentRunsOnTheLithiationBranchWithAKineticOverpotentialProportionalToItAndPlatesNoLi() {
        double[] currents = {0.01, 0.1}; // A/m2: 1 and 10 uA/cm2, for 1 h
        double[] eta = new double[currents.length];
        for (int c = 0; c < currents.length; c++) {
            double i = currents[c];
            SummaryJsonWriter w = new SummaryJsonWriter();
            RecordingSink s = run(StepSpec.currentDensity(-i, Cutoff.duration(3600)), w);
            Sample first = s.samples.get(0), last = s.samples.get(s.samples.size() - 1);
            for (Sample x : s.samples.subList(1, s.samples.size())) {
                assertEquals(x.voltage(), x.ocv() + etaSum(x), 1e-9, "voltage = OCV + overpotentials at " + i + " A/m2");
                assertTrue(x.voltage() > 0, "above 0 V vs Li nothing plates: " + x.voltage() + " V");
                assertEquals(0, plated(x), MiecInterlayerElectrode.EMPTY, "no Li metal at " + i + " A/m2");
            }
            // the current puts i t / F into the host; the interphases take Li from it and from the counter foil
            LithiumInventory a = first.lithium(), b = last.lithium();
            double in = i * 3600 / Constants.F;
            double dHost = b.host() - a.host(), dBound = b.interphase() - a.interphase();
            assertTrue(dHost + dBound >= in * (1 - 1e-6), "the host loses no more than the interphases take: " + dHost + " + " + dBound + " vs " + in);
            assertEquals(0, b.total() - a.total(), 1e-9 * a.total(), "lithium conserved");
            eta[c] = s.samples.get(1).overpotential(OverpotentialKind.LITHIUM_KINETIC); // first minute: y as at the start
            assertTrue(eta[c] < 0, "a lithiation overpotential is cathodic: " + eta[c]);
            JsonObject js = w.json();
            assertTrue(js.get("nucleation_overpotential_mV").isJsonNull(), "no Li nucleates, no nucleation overpotential: " + js.get("nucleation_overpotential_mV"));
            assertEquals(0, js.getAsJsonArray("nucleation_dips").size(), "no dips: " + js.get("nucleation_dips"));
        }
        // far below the host's exchange current Butler-Volmer is linear: ten times the current, ten times eta (at the
        // same lithiation; later the larger current has lithiated the host more, where its exchange current is lower)
        assertTrue(Math.abs(eta[0]) < 1e-4, "1 uA/cm2: " + eta[0] + " V (the hysteresis is in the OCV, not here)");
        assertEquals(10, eta[1] / eta[0], 0.5, "eta grows with the current: " + eta[0] + " / " + eta[1] + " V");
    }

    /** The dip finder counts a voltage that falls and recovers as a nucleation dip only where Li metal is plated. */
    @Test
    void aDipWithoutPlatedLiIsNoNucleationDip() {
        double[] v = {0.1, 0.012, 0.02, 0.03, 0.04};
        for (boolean plates : new boolean[] {false, true}) {
            NucleationDips d = new NucleationDips(false);
            List<Sample> trace = new ArrayList<>();
            for (int k = 0; k < v.length; k++) {
                double pores = plates ? 1e-3 * k : 0;
                LithiumInventory li = new LithiumInventory(10, pores, 0, 0, 0, 0, 1, 0);
                trace.add(new Sample(60.0 * k, k == 0 ? 0 : 1, 0, v[k], k == 0 ? 0 : -0.1, 298.15, 65e6, -6.0 * k, 0,
                        new double[OverpotentialKind.values().length], li));
            }
            trace.forEach(d::sample);
            assertEquals(plates ? 1 : 0, d.dips().size(), "plated: " + plates);
            if (plates) assertEquals(0.04 - 0.012, d.dips().get(0).depth(), 1e-12);
        }
    }
}
