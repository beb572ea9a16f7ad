package org.cellwright.solver.input;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of steps, and where the file wrote each: {@code places}, one per step of the nested list in the order
 * written (a repeat, then its steps), e.g. "line 14" or "formation.cell line 3" ("" where not known; none at all for a
 * protocol built in code). The places name steps to a user ({@link StepNumbers}); they are not what runs, so two protocols of
 * the same steps are equal wherever they were written.
 */
public record ProtocolSpec(String name, List<StepSpec> steps, List<String> places) {
    public ProtocolSpec {
        steps = List.copyOf(steps);
        places = places == null ? List.of() : places.stream().map(x -> x == null ? "" : x).toList();
    }

    public ProtocolSpec(String name, List<StepSpec> steps) { this(name, steps, List.of()); }

    /** These steps with the places the file wrote them at (see {@link #places}). */
    public ProtocolSpec withPlaces(List<String> places) { return new ProtocolSpec(name, steps, places); }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtocolSpec p && java.util.Objects.equals(p.name, name) && p.steps.equals(steps);
    }

    @Override
    public int hashCode() { return 31 * java.util.Objects.hashCode(name) + steps.hashCode(); }

    public static ProtocolSpec of(StepSpec... steps) { return new ProtocolSpec("protocol", List.of(steps)); }

    /**
     * Most steps a protocol may expand to ({@link #flatten()} holds them all: 'repeat 1000000000' ran out of memory
     * after a minute); the language refuses the same (org.cellwright.lang.Limits.MAX_PROTOCOL_STEPS).
     */
    public static final long MAX_STEPS = 1_000_000;

    /** The number of steps {@link #flatten()} gives, without expanding them (saturating at Long.MAX_VALUE). */
    public long flatSize() {
        return flatSize(steps);
    }

    private static long flatSize(List<StepSpec> in) {
        long n = 0;
        for (StepSpec s : in) {
            long k = 1;
            if (s instanceof StepSpec.Repeat r) {
                long inner = flatSize(r.steps()), times = Math.max(0, r.count());
                k = times != 0 && inner > Long.MAX_VALUE / times ? Long.MAX_VALUE : times * inner;
            }
            n = n > Long.MAX_VALUE - k ? Long.MAX_VALUE : n + k;
        }
        return n;
    }

    /**
     * The steps with every {@link StepSpec.Repeat} expanded, in execution order.
     * @throws IllegalArgumentException if they are more than {@link #MAX_STEPS}
     */
    public List<StepSpec> flatten() {
        long size = flatSize();
        if (size > MAX_STEPS)
            throw new IllegalArgumentException(tooLong(size));
        List<StepSpec> out = new ArrayList<>((int) size);
        flatten(steps, out);
        return out;
    }

    /** Why a protocol of this many expanded steps is refused. */
    static String tooLong(long size) {
        return "protocol runs " + (size == Long.MAX_VALUE ? "more steps than can be counted" : String.format(java.util.Locale.ROOT, "%,d steps", size))
                + " (its repeats expanded), more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_STEPS) + ", the limit";
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
