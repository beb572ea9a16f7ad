package org.cellwright.solver.input;

/**
 * Numerical settings. Mesh: control volumes through the cathode thickness (by default
 * {@link #CATHODE_NODES_FROM_PROTOCOL}: chosen before the run from the cell and protocol by
 * {@code org.cellwright.solver.CathodeVolumes}, 20 or 40), radial shells per particle (thinning
 * towards the surface, {@code ParticleDiffusion.SURFACE_REFINEMENT}; by default {@link #PARTICLE_NODES_FROM_PROTOCOL}:
 * chosen before the run from the cell and protocol by {@code org.cellwright.solver.ParticleShells}, 20, 32 or 48, which
 * meet 1 mV RMS and 0.1 % of the capacity on the WorkPrecisionBenchmark's cases at the protocol's largest
 * rate and lowest temperature), control volumes through the interlayer. Time steps are adaptive: the local error of
 * backward Euler, estimated from the deviation of each new voltage from the extrapolation of the previous two, is
 * kept below 1000 absoluteTolerance + 10 relativeTolerance |V| (5 mV at the defaults), the voltage change per step below
 * 50 mV sqrt(relativeTolerance / 1e-4), the change of a cathode particle's outer shell above its diffusivity knee
 * (while lithiating) below 0.003 in stoichiometry, so the end of a discharge at saturation does not depend on the
 * step size, and the step below maxStep [s]. The cathode Newton iteration stops when
 * potential updates are below 1e-3 absoluteTolerance [V]. outputInterval [s]: least simulated time between two
 * streamed samples (step ends and cut-offs are always sampled; 0 = every step; by default
 * {@link #OUTPUT_INTERVAL_FROM_PROTOCOL}: chosen for each step from that step by
 * {@code org.cellwright.solver.OutputInterval}, 50 samples over its nominal duration, 1 to 60 s). debugConservationChecks: after
 * every step, check that the cell's lithium is constant and that the working electrode lost exactly I dt / F;
 * a violation ends the run with NOT_CONVERGED and a CONSERVATION_ERROR event.
 */
public record SolverSettings(int cathodeNodes, int particleNodes, int interlayerNodes, double relativeTolerance,
        double absoluteTolerance, double maxStep, double outputInterval, boolean debugConservationChecks) {

    /**
     * {@link #particleNodes} of settings that leave the particle shells to the protocol (the default):
     * {@code ParticleShells.resolve} chooses them before the run, and the run's inputs record the number chosen.
     */
    public static final int PARTICLE_NODES_FROM_PROTOCOL = 0;

    /**
     * {@link #cathodeNodes} of settings that leave the cathode's control volumes to the protocol (the default):
     * {@code CathodeVolumes.resolve} chooses them before the run, and the run's inputs record the number chosen.
     */
    public static final int CATHODE_NODES_FROM_PROTOCOL = 0;

    /**
     * {@link #outputInterval} of settings that leave it to the protocol (the default): {@code OutputInterval.of} chooses
     * each step's as the step runs, and the run's inputs record the rule (inputs.json's {@code output_interval}).
     */
    public static final double OUTPUT_INTERVAL_FROM_PROTOCOL = -1;

    public static SolverSettings defaults() { return new Builder().build(); }

    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        return new Builder().cathodeNodes(cathodeNodes).particleNodes(particleNodes).interlayerNodes(interlayerNodes)
                .relativeTolerance(relativeTolerance).absoluteTolerance(absoluteTolerance).maxStep(maxStep)
                .outputInterval(outputInterval).debugConservationChecks(debugConservationChecks);
    }

    public static final class Builder {
        private int cathodeNodes = CATHODE_NODES_FROM_PROTOCOL, particleNodes = PARTICLE_NODES_FROM_PROTOCOL, interlayerNodes = 10;
        private double rtol = 1e-4, atol = 1e-6, maxStep = 600, outputInterval = OUTPUT_INTERVAL_FROM_PROTOCOL;
        private boolean debug = false;

        public Builder cathodeNodes(int v) { cathodeNodes = v; return this; }
        public Builder particleNodes(int v) { particleNodes = v; return this; }
        public Builder interlayerNodes(int v) { interlayerNodes = v; return this; }
        public Builder relativeTolerance(double v) { rtol = v; return this; }
        public Builder absoluteTolerance(double v) { atol = v; return this; }
        public Builder maxStep(double v) { maxStep = v; return this; }
        public Builder outputInterval(double v) { outputInterval = v; return this; }
        public Builder debugConservationChecks(boolean v) { debug = v; return this; }

        public SolverSettings build() {
            return new SolverSettings(cathodeNodes, particleNodes, interlayerNodes, rtol, atol, maxStep,
                    outputInterval, debug);
        }
    }
}
