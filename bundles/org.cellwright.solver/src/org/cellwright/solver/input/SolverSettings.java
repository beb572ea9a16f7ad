package org.cellwright.solver.input;

/**
 * Numerical settings. Mesh: control volumes through the cathode thickness, radial shells per particle, control
 * volumes through the interlayer. Tolerances act on the Newton updates (potentials in V, concentrations
 * relative) and on the local time-error estimate. maxStep and outputInterval in s.
 */
public record SolverSettings(int cathodeNodes, int particleNodes, int interlayerNodes, double relativeTolerance,
        double absoluteTolerance, double maxStep, double outputInterval, boolean debugConservationChecks) {

    public static SolverSettings defaults() { return new Builder().build(); }

    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        return new Builder().cathodeNodes(cathodeNodes).particleNodes(particleNodes).interlayerNodes(interlayerNodes)
                .relativeTolerance(relativeTolerance).absoluteTolerance(absoluteTolerance).maxStep(maxStep)
                .outputInterval(outputInterval).debugConservationChecks(debugConservationChecks);
    }

    public static final class Builder {
        private int cathodeNodes = 20, particleNodes = 30, interlayerNodes = 10;
        private double rtol = 1e-4, atol = 1e-6, maxStep = 600, outputInterval = 60;
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
