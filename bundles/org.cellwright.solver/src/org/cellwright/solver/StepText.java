package org.cellwright.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cellwright.solver.input.Cutoff;

/** How the run's messages name steps, cut-offs, times and numbers. */
final class StepText {
    private StepText() {}

    static String describe(StepMode mode, double setpoint) {
        return switch (mode) {
            case CURRENT -> setpoint == 0 ? "the rest" : "the " + (setpoint > 0 ? "charge" : "discharge") + " at "
                    + num(Math.abs(setpoint) / 10) + " mA/cm2";
            case VOLTAGE -> "the hold at " + num(setpoint) + " V";
            case POWER -> "the power step at " + num(setpoint / 10) + " mW/cm2";
        };
    }

    /**
     * What a step that crossed its voltage cut-off at once had set, as its warnings name it: "its set current", "its
     * set power", "its profile's first current" or "... first power" (the stalled step's: "crossed at once: 5.06 V at
     * its set power at its start"); referring back to the step named before it ("the power step at 12 mW/cm2 crossed
     * ...; 5.06 V at that power"): "that current", "that power", "its first current", "its first power".
     */
    static String setAtOnce(StepMode mode, boolean profile, boolean referring) {
        String q = mode == StepMode.POWER ? "power" : "current";
        return (profile ? referring ? "its first " : "its profile's first " : referring ? "that " : "its set ") + q;
    }

    static String describeCutoffs(List<Cutoff> cs) {
        List<String> out = new ArrayList<>();
        for (Cutoff c : cs) out.add(switch (c.kind()) {
            case VOLTAGE_ABOVE, VOLTAGE_BELOW -> num(c.value()) + " V";
            case DURATION -> hoursText(c.value());
            case CAPACITY -> num(Math.abs(c.value()) / 36000) + " mAh/cm2";
            case CURRENT_BELOW -> "|I| < " + num(Math.abs(c.value()) / 10) + " mA/cm2";
            case CURRENT_BELOW_C_RATE -> "|I| < " + num(Math.abs(c.value())) + " C";
        });
        return out.isEmpty() ? "no cut-off" : String.join(" or ", out);
    }

    static String hoursText(double seconds) {
        return seconds >= 3600 ? num(seconds / 3600) + " h" : num(seconds) + " s";
    }

    /** A number to 4 significant digits without trailing zeros: 4.3, 0.98, 1000, 1e-10. */
    static String num(double v) {
        String t = String.format(Locale.ROOT, "%.4g", v);
        int e = t.indexOf('e');
        String mant = e < 0 ? t : t.substring(0, e), exp = e < 0 ? "" : t.substring(e);
        if (mant.contains(".")) mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
        if (!exp.isEmpty()) exp = "e" + Integer.parseInt(exp.substring(1));
        return mant + exp;
    }
}
