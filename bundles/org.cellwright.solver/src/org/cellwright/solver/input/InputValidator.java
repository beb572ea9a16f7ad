package org.cellwright.solver.input;

import static org.cellwright.solver.input.MaterialProperty.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks inputs before solving. Each problem names cell, layer and property, e.g.
 * "cell Full6, layer Cathode: porosity 1.2 is outside [0,1)".
 */
public final class InputValidator {
    private InputValidator() {}

    public static List<String> validate(CellSpec cell, ProtocolSpec protocol, SolverSettings settings) {
        List<String> out = new ArrayList<>();
        if (cell == null) { out.add("no cell given"); return out; }
        String c = "cell " + cell.name();
        positive(out, c, "area", cell.area());
        positive(out, c, "temperature", cell.temperature());
        if (!(cell.stackPressure() >= 0)) out.add(c + ": stack pressure " + cell.stackPressure() + " must be >= 0");
        else if (InputLimits.stackPressureProblem(cell.stackPressure()) != null)
            out.add(c + ": stack pressure " + InputLimits.stackPressureProblem(cell.stackPressure()));
        if (!Double.isNaN(cell.nominalCapacity()) && !(cell.nominalCapacity() > 0))
            out.add(c + ": nominal capacity " + cell.nominalCapacity() + " must be > 0");
        if (cell.layers().isEmpty()) out.add(c + ": has no layers");
        int separators = 0, cathodes = 0, firstSep = -1, lastSep = -1;
        for (int k = 0; k < cell.layers().size(); k++) {
            LayerSpec l = cell.layers().get(k);
            String p = c + ", layer " + l.name();
            positive(out, p, "thickness", l.thickness());
            if (!(l.porosity() >= 0 && l.porosity() < 1)) out.add(p + ": porosity " + l.porosity() + " is outside [0,1)");
            if (!Double.isNaN(l.poreSize()) && !(l.poreSize() > 0)) out.add(p + ": pore size " + l.poreSize() + " must be > 0");
            if (!Double.isNaN(l.particleRadius()) && !(l.particleRadius() > 0))
                out.add(p + ": particle radius " + l.particleRadius() + " must be > 0");
            if (!Double.isNaN(l.tortuosity()) && !(l.tortuosity() >= 1)) out.add(p + ": tortuosity " + l.tortuosity() + " must be >= 1");
            // 0: the phase conducts as the bulk (PyBaMM's sets give 0 for the solid phase)
            if (!(l.bruggemanExponent() >= 0) && Double.isNaN(l.tortuosity()))
                out.add(p + ": Bruggeman exponent " + l.bruggemanExponent() + " must be >= 0");
            if (!Double.isNaN(l.ionicBruggemanExponent()) && !(l.ionicBruggemanExponent() >= 0 && Double.isFinite(l.ionicBruggemanExponent())))
                out.add(p + ": Bruggeman exponent of the ionic conduction " + l.ionicBruggemanExponent() + " must be >= 0");
            if (!Double.isNaN(l.electronicBruggemanExponent())
                    && !(l.electronicBruggemanExponent() >= 0 && Double.isFinite(l.electronicBruggemanExponent())))
                out.add(p + ": Bruggeman exponent of the electronic conduction " + l.electronicBruggemanExponent() + " must be >= 0");
            double wsum = 0;
            for (ComponentSpec cs : l.components()) {
                String m = p + ", material " + cs.material().name();
                if (!(cs.massFraction() > 0 && cs.massFraction() <= 1))
                    out.add(m + ": mass fraction " + cs.massFraction() + " is outside (0,1]");
                wsum += cs.massFraction();
                cs.material().properties().forEach((prop, v) -> {
                    if (Double.isNaN(v) || Double.isInfinite(v)) out.add(m + ": " + name(prop) + " " + v + " is not a finite number");
                    else if (mustBePositive(prop) && !(v > 0)) out.add(m + ": " + name(prop) + " " + v + " must be > 0");
                    else if (prop == TRANSFER_COEFFICIENT && !(v > 0 && v < 1)) out.add(m + ": " + name(prop) + " " + v + " is outside (0,1)");
                    else if (prop == INITIAL_STOICHIOMETRY && !(v >= 0 && v <= 1)) out.add(m + ": " + name(prop) + " " + v + " is outside [0,1]");
                });
            }
            if (!l.components().isEmpty() && Math.abs(wsum - 1) > 1e-6)
                out.add(p + ": mass fractions sum to " + wsum + ", not 1");
            switch (l.role()) {
                case SEPARATOR -> {
                    separators++;
                    if (firstSep < 0) firstSep = k;
                    if (lastSep >= 0 && lastSep != k - 1) out.add(p + ": separator layers must be contiguous");
                    lastSep = k;
                    if (l.material() == null || !l.material().has(IONIC_CONDUCTIVITY))
                        out.add(p + ": ionic conductivity is required for a separator");
                }
                case COMPOSITE_CATHODE -> {
                    cathodes++;
                    MaterialSpec am = null;
                    for (ComponentSpec cs : l.components()) if (cs.material().hasOcv()) am = cs.material();
                    if (am == null) out.add(p + ": no component has an OCV curve (active material)");
                    else {
                        if (!am.has(MAX_CONCENTRATION)) out.add(p + ", material " + am.name() + ": max concentration is required");
                        if (!am.has(DENSITY)) out.add(p + ", material " + am.name() + ": density is required");
                    }
                    boolean ionic = l.components().stream().anyMatch(cs -> cs.material().get(IONIC_CONDUCTIVITY, 0) > 0);
                    if (!ionic) out.add(p + ": no component conducts ions (ionic conductivity)");
                    if (Double.isNaN(l.particleRadius())) out.add(p + ": particle radius is required");
                }
                case LITHIUM_METAL, CURRENT_COLLECTOR, INTERLAYER -> {
                    if (l.components().isEmpty()) out.add(p + ": a material is required");
                }
            }
        }
        if (separators == 0) out.add(c + ": no SEPARATOR layer");
        if (cathodes > 1) out.add(c + ": more than one composite cathode");
        for (int k = 0; k < firstSep && firstSep >= 0; k++)
            if (cell.layers().get(k).role() == LayerRole.COMPOSITE_CATHODE)
                out.add(c + ", layer " + cell.layers().get(k).name() + ": the composite cathode must be on the positive side of the separator");
        if (protocol != null) {
            checkSteps(out, c, cell, protocol.steps());
            long size = protocol.flatSize();
            if (size > ProtocolSpec.MAX_STEPS) out.add(c + ": " + ProtocolSpec.tooLong(size));
        } else out.add(c + ": no protocol given");
        if (settings != null) {
            if (settings.cathodeNodes() < 2 && settings.cathodeNodes() != SolverSettings.CATHODE_NODES_FROM_PROTOCOL)
                out.add("settings: cathode nodes " + settings.cathodeNodes() + " must be >= 2");
            if (settings.particleNodes() < 2 && settings.particleNodes() != SolverSettings.PARTICLE_NODES_FROM_PROTOCOL)
                out.add("settings: particle nodes " + settings.particleNodes() + " must be >= 2");
            if (settings.interlayerNodes() < 2) out.add("settings: interlayer nodes " + settings.interlayerNodes() + " must be >= 2");
            if (!(settings.relativeTolerance() > 0)) out.add("settings: relative tolerance must be > 0");
            if (!(settings.absoluteTolerance() > 0)) out.add("settings: absolute tolerance must be > 0");
            if (!(settings.maxStep() > 0)) out.add("settings: max step must be > 0");
            else if (InputLimits.maxStepProblem(settings.maxStep()) != null) out.add("settings: max step " + InputLimits.maxStepProblem(settings.maxStep()));
            if (!(settings.outputInterval() >= 0) && settings.outputInterval() != SolverSettings.OUTPUT_INTERVAL_FROM_PROTOCOL) out.add("settings: output interval must be >= 0");
        }
        return out;
    }

    private static void checkSteps(List<String> out, String c, CellSpec cell, List<StepSpec> steps) {
        for (StepSpec s : steps) {
            switch (s) {
                case StepSpec.ConstantCurrent cc -> {
                    if (!Double.isFinite(cc.value())) out.add(c + ": protocol current " + cc.value() + " is not finite");
                    if (cc.mode() == CurrentMode.C_RATE && Double.isNaN(cell.nominalCapacity()) && !cell.hasCathode())
                        out.add(c + ": protocol uses a C-rate but the cell has neither a nominal capacity nor a cathode");
                    if (cc.cutoffs().isEmpty()) out.add(c + ": protocol constant-current step has no cut-off");
                }
                case StepSpec.ConstantVoltage cv -> { if (cv.cutoffs().isEmpty()) out.add(c + ": protocol voltage hold has no cut-off"); }
                case StepSpec.ConstantPower cp -> { if (cp.cutoffs().isEmpty()) out.add(c + ": protocol power step has no cut-off"); }
                case StepSpec.Follow f -> {
                    if (f.cutoffs().isEmpty()) out.add(c + ": protocol profile " + f.source() + " has no cut-off");
                    if (!f.power() && f.mode() == CurrentMode.C_RATE && Double.isNaN(cell.nominalCapacity()) && !cell.hasCathode())
                        out.add(c + ": protocol uses a C-rate but the cell has neither a nominal capacity nor a cathode");
                }
                case StepSpec.Rest r -> { if (r.cutoffs().isEmpty()) out.add(c + ": protocol rest has no cut-off"); }
                case StepSpec.Repeat r -> {
                    if (r.count() < 0) out.add(c + ": protocol repeat count " + r.count() + " must be >= 0");
                    checkSteps(out, c, cell, r.steps());
                }
                case StepSpec.SetTemperature t -> { if (!(t.temperature() > 0)) out.add(c + ": protocol temperature " + t.temperature() + " must be > 0"); }
                case StepSpec.SetStackPressure p -> {
                    if (!(p.pressure() >= 0)) out.add(c + ": protocol stack pressure " + p.pressure() + " must be >= 0");
                    else if (InputLimits.stackPressureProblem(p.pressure()) != null)
                        out.add(c + ": protocol stack pressure " + InputLimits.stackPressureProblem(p.pressure()));
                }
            }
            if (s instanceof StepSpec.ConstantCurrent || s instanceof StepSpec.ConstantVoltage || s instanceof StepSpec.Rest
                    || s instanceof StepSpec.ConstantPower || s instanceof StepSpec.Follow) {
                List<Cutoff> cs = StepSpec.cutoffsOf(s);
                for (Cutoff k : cs) {
                    if (Double.isNaN(k.value())) out.add(c + ": protocol cut-off " + k.kind() + " has no value");
                    if (k.kind() == Cutoff.Kind.CURRENT_BELOW_C_RATE && Double.isNaN(cell.nominalCapacity()) && !cell.hasCathode())
                        out.add(c + ": protocol cut-off at a C-rate but the cell has neither a nominal capacity nor a cathode");
                    if ((k.kind() == Cutoff.Kind.DURATION || k.kind() == Cutoff.Kind.CAPACITY) && !(k.value() >= 0))
                        out.add(c + ": protocol cut-off " + k.kind() + " " + k.value() + " must be >= 0");
                    if (k.kind() == Cutoff.Kind.DURATION && InputLimits.durationProblem(k.value()) != null)
                        out.add(c + ": protocol duration: " + InputLimits.durationProblem(k.value()));
                }
            }
        }
    }

    private static boolean mustBePositive(MaterialProperty p) {
        return switch (p) {
            case DENSITY, MOLAR_MASS, MAX_CONCENTRATION, SPECIFIC_CAPACITY, REFERENCE_TEMPERATURE, LITHIATED_DENSITY,
                 YOUNGS_MODULUS, EXCHANGE_CURRENT_DENSITY -> true;
            default -> false;
        };
    }

    private static void positive(List<String> out, String where, String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) out.add(where + ": " + what + " " + v + " must be > 0");
    }

    /** "IONIC_CONDUCTIVITY" -> "ionic conductivity". */
    public static String name(MaterialProperty p) { return p.name().toLowerCase().replace('_', ' '); }
}
