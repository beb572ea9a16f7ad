package org.cellwright.testing;

import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.params.Sung2023Parameters;

/**
 * The cold pulses of run.tests' MeshRerunTest (CutoffSensitivityTest's scenario): cell 6 of the study at -32 degC and
 * 65 MPa, a 0.1 C charge onto 4.3 V (15 h at most), then four 0.3 C pulses of 15 min onto 2.8 V, each followed by 30
 * min of rest. On the 20 x 20 mesh the solver chooses it is estimated 0.46 % off, re-run on 48 x 40 and, measured beyond
 * the target there, once more on 72 x 64 (session 40): the inputs of the re-run's command-line, report and Spark tests.
 */
public final class ColdPulses {
	private ColdPulses() {}

	/** -32 degC [K]. */
	public static final double TEMPERATURE_K = 241.15;

	/** The stack pressure [Pa]. */
	public static final double STACK_PRESSURE_PA = 65e6;

	/** The 0.1 C charge and the four 0.3 C pulses with their rests. */
	public static ProtocolSpec protocol() {
		return protocol(0.3);
	}

	/** The 0.1 C charge and four pulses at a C-rate (positive: a discharge) with their rests (MeshRerunTest's other rates). */
	public static ProtocolSpec protocol(double rate) {
		return ProtocolSpec.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
				StepSpec.repeat(4, StepSpec.cRate(-rate, Cutoff.duration(900), Cutoff.voltageBelow(2.8)), StepSpec.rest(1800)));
	}

	/** The pulses' resolved inputs (experiment "Pulses" as the provenance names it) on the solver's default settings. */
	public static ResolvedInputs inputs(ResolvedInputs.Provenance provenance) {
		return new ResolvedInputs(provenance, Sung2023Parameters.cell6Full(STACK_PRESSURE_PA, TEMPERATURE_K), protocol(), SolverSettings.defaults());
	}

	/** The inputs as version 0.1.0 of session 37 recorded them (before session 38 kept who chose the mesh). */
	public static ResolvedInputs recordedInSession37() {
		return inputs(new ResolvedInputs.Provenance("Pulses", null, 0, "0.1.0 (session 37)", "2026-12-06T12:00:00Z"));
	}
}
