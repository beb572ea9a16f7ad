package org.cellwright.solver.input;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of steps. */
public record ProtocolSpec(String name, List<StepSpec> steps) {
    public ProtocolSpec { steps = List.copyOf(steps); }

    public static ProtocolSpec of(StepSpec... steps) { return new ProtocolSpec("protocol", List.of(steps)); }

    /** The steps with every {@link StepSpec.Repeat} expanded, in execution order. */
    public List<StepSpec> flatten() {
        List<StepSpec> out = new ArrayList<>();
        flatten(steps, out);
        return out;
    }

    private static void flatten(List<StepSpec> in, List<StepSpec> out) {
        for (StepSpec s : in) {
            if (s instanceof StepSpec.Repeat r) {
                for (int i = 0; i < r.count(); i++) flatten(r.steps(), out);
            } else {
                out.add(s);
            }
        }
    }
}
