package org.cellwright.solver.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a step is named to a user, the one owner of it: by its number in the protocol as written and as the report lists
 * it, nested through repeats ("3.2": the second step of the repeat that is the third step), with the place the file
 * wrote it at where the run knows it ({@link ProtocolSpec#places}): "step 3.2 (line 14)"; a step the run met in a cycle:
 * "cycle 5, step 3.2 (line 14)". A step in a repeat has one number for all its runs; the cycle tells them apart. The
 * machine columns (timeseries.csv's and cycles.csv's step, summary.json's step_index) keep the solver's index in the
 * flattened protocol, from 0, which {@link #number(int)} turns into this number.
 */
public final class StepNumbers {
    /** One step of the protocol as written: its number ("3.2"), the place the file wrote it at (null: not known), the step. */
    public record Node(String number, int depth, String place, StepSpec step) {}

    private final List<StepSpec> steps;
    private final List<String> places;

    private StepNumbers(List<StepSpec> steps, List<String> places) {
        this.steps = steps;
        this.places = places;
    }

    public static StepNumbers of(ProtocolSpec p) {
        return p == null ? new StepNumbers(List.of(), List.of()) : new StepNumbers(p.steps(), p.places());
    }

    /** The steps of the protocol as written, a repeat before its steps, each with its number and place. */
    public List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        nodes(steps, "", 0, new int[] { 0 }, out);
        return out;
    }

    private void nodes(List<StepSpec> in, String prefix, int depth, int[] written, List<Node> out) {
        for (int i = 0; i < in.size(); i++) {
            StepSpec s = in.get(i);
            String number = prefix + (i + 1);
            out.add(new Node(number, depth, place(written[0]++), s));
            if (s instanceof StepSpec.Repeat r) nodes(r.steps(), number + ".", depth + 1, written, out);
        }
    }

    private String place(int written) {
        return written < places.size() && places.get(written) != null && !places.get(written).isEmpty() ? places.get(written) : null;
    }

    /**
     * The number of the step the solver ran as flattened step {@code flat} (from 0): "3.2"; flat + 1 where the protocol
     * is not known (a run recorded without it: its steps as one list).
     */
    public String number(int flat) {
        return number(node(flat), flat);
    }

    /** {@code n}'s number, flat + 1 where the step is not known ({@link #number(int)} with its node found once). */
    private static String number(Node n, int flat) {
        return n == null ? String.valueOf(flat + 1) : n.number();
    }

    /** "step 3.2 (line 14)", or "step 3.2" where the place is not known. */
    public String name(int flat) {
        return "step " + written(flat);
    }

    /** "3.2 (line 14)", or "3.2" where the place is not known: {@link #name(int)} in a column headed "step". */
    public String written(int flat) {
        Node n = node(flat);
        return number(n, flat) + (n != null && n.place() != null ? " (" + n.place() + ")" : "");
    }

    /** "cycle 5, step 3.2 (line 14)": a step the run met in a cycle, as every message names it. */
    public String at(int cycle, int flat) {
        return at(cycle, flat, null);
    }

    /**
     * "cycle 5, step 3.2 (line 14) (voltage-cutoff at 2.5 h)": {@link #at(int, int)} with an aside on the step in
     * parentheses of its own (null: none), which reads, and is found, as it did before the step had a place.
     */
    public String at(int cycle, int flat, String aside) {
        Node n = node(flat);
        String place = n != null ? n.place() : null;
        return String.format(Locale.ROOT, "cycle %d, step %s", cycle, number(n, flat)) + (place == null ? "" : " (" + place + ")")
                + (aside == null ? "" : " (" + aside + ")");
    }

    /** The step as written that the solver ran as flattened step {@code flat}, or null beyond the protocol. */
    public Node node(int flat) {
        if (flat < 0) return null;
        return find(steps, "", 0, new int[] { 0 }, flat);
    }

    /** In these steps (numbered after {@code prefix}), the one run as flattened step {@code flat} of them; written[0]: the place index. */
    private Node find(List<StepSpec> in, String prefix, int depth, int[] written, long flat) {
        for (int i = 0; i < in.size(); i++) {
            StepSpec s = in.get(i);
            String number = prefix + (i + 1);
            int here = written[0]++;
            if (s instanceof StepSpec.Repeat r) {
                long one = new ProtocolSpec("", r.steps()).flatSize(), all = one * Math.max(0, r.count());
                if (all > 0 && flat < all) return find(r.steps(), number + ".", depth + 1, written, flat % one);
                flat -= all;
                written[0] += count(r.steps());
            } else {
                if (flat == 0) return new Node(number, depth, place(here), s);
                flat--;
            }
        }
        return null;
    }

    /** The steps as written in these (a repeat and each of its steps). */
    private static int count(List<StepSpec> in) {
        int n = 0;
        for (StepSpec s : in) n += 1 + (s instanceof StepSpec.Repeat r ? count(r.steps()) : 0);
        return n;
    }
}
