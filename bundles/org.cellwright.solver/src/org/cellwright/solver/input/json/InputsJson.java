package org.cellwright.solver.input.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.jar.Manifest;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ComponentSpec;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.InputLimits;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.ArrheniusLaws;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.OcvTable;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Writes and reads {@code inputs.json}: a run's {@link ResolvedInputs} (cell with every layer and material property,
 * OCV tables, protocol steps with cut-offs, solver settings, provenance), all in SI with the unit beside each value.
 * Doubles are written with Java's shortest round-trip representation, so reading gives back equal numbers. Values
 * that are not given (NaN in the specs) are written as {@code null}. An OCV given as a formula is written as a table
 * sampled at {@value #OCV_FUNCTION_SAMPLES} stoichiometries in [0, 1] (marked {@code "origin": "function"}).
 */
public final class InputsJson {

    /** Name of the file beside a run's results. */
    public static final String FILE_NAME = "inputs.json";
    /** Value of the top-level {@code "format"} member. */
    public static final String FORMAT = "cellwright-inputs";
    public static final int FORMAT_VERSION = 1;
    static final int OCV_FUNCTION_SAMPLES = 2001;

    private InputsJson() {}

    // ------------------------------------------------------------------ writing

    /** Writes {@code inputs} to {@code file} (parent folders created). */
    public static void write(ResolvedInputs inputs, Path file) {
        write(toJson(inputs), file);
    }

    /** Writes inputs in their JSON form ({@link #toJson}, e.g. with the provenance as a run folder records it) to {@code file}. */
    public static void write(JsonObject json, Path file) {
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                gson.toJson(json, w);
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonObject toJson(ResolvedInputs in) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("format_version", FORMAT_VERSION);
        root.addProperty("units", "SI throughout (m, m2, s, A, V, K, Pa, C, kg, mol, J); each key or 'unit' says which");
        JsonObject p = new JsonObject();
        p.addProperty("experiment", in.provenance().experiment());
        p.addProperty("source_file", in.provenance().sourceFile());
        p.addProperty("source_line", in.provenance().sourceLine());
        p.addProperty("cellwright_version", in.provenance().cellwrightVersion());
        p.addProperty("created", in.provenance().created());
        if (in.provenance().protocols() != null) p.add(PROTOCOLS, strings(in.provenance().protocols()));
        if (in.provenance().meshFromProtocol() != null) p.addProperty(MESH_FROM_PROTOCOL, in.provenance().meshFromProtocol());
        if (!in.protocol().places().isEmpty()) p.add(STEP_PLACES, strings(in.protocol().places()));
        root.add("provenance", p);
        root.add("cell", cell(in.cell()));
        root.add("protocol", protocol(in.protocol()));
        JsonObject settings = settings(in.settings());
        // who chose the mesh, where the mesh does not say it: in the hash, so that runs that behave differently differ
        boolean chosen = in.provenance().meshChosenBySolver();
        if (chosen != org.cellwright.solver.ProtocolMesh.isChoice(in.settings(), in.cell(), in.protocol()))
            settings.addProperty(MESH_FROM_PROTOCOL, chosen);
        root.add("solver_settings", settings);
        if (in.expectations() != null) root.add(EXPECTATIONS, expectations(in.expectations()));
        if (in.measured() != null) root.add(MEASURED, measured(in.measured()));
        return root;
    }

    /**
     * Members that record what a run is checked and compared against, not what the solver takes: left out of the
     * inputs' hash ({@link #solverJson}) and of what changed between runs.
     */
    public static final String EXPECTATIONS = "expectations", MEASURED = "measured";

    /**
     * The member of {@code provenance} naming the protocols the experiment runs, in order, as its file has them (the
     * solver's {@code protocol.name} is the run's name, and hashed: session 25 kept the names here, outside the hash);
     * absent in an inputs.json written before.
     */
    public static final String PROTOCOLS = "protocols";

    /**
     * The member of {@code provenance} saying whether the solver chose the particle shells and cathode volumes for the
     * protocol (the solver block set neither: {@link ResolvedInputs.Provenance#meshFromProtocol}), written for every run
     * since session 38 (absent before). A run on the mesh the solver chose whose capacity that mesh may miss is re-run on a
     * finer one, a run on a mesh set is not, so the flag is part of the inputs' hash (session 39; session 38 kept it
     * outside, and a solver block setting 20 x 20 hashed as the default that chose 20 x 20): where the mesh does not say
     * it, the member of {@code solver_settings} of the same name says it too. The mesh says it where it is not what the
     * solver chooses for the cell and protocol (set, then) or is and was chosen ({@link org.cellwright.solver.ProtocolMesh#isChoice});
     * so {@code solver_settings.mesh_from_protocol} is written only for a mesh set to what the solver would choose
     * ({@code false}) or chosen by an earlier rule ({@code true}), and the hash of every other run, every run made
     * before, is unchanged. Read: {@code solver_settings}'s, else {@code provenance}'s, else derived from the mesh as above.
     */
    public static final String MESH_FROM_PROTOCOL = "mesh_from_protocol";

    /**
     * The member of {@code provenance} saying where the file wrote each protocol step ({@link ProtocolSpec#places}: "line
     * 14", in the order of the nested steps), so that a report made from the record names steps as the run's messages did;
     * outside the hash (a step moved in its file runs the same); absent in an inputs.json written before session 31.
     */
    public static final String STEP_PLACES = "step_places";

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        for (String v : values) a.add(v);
        return a;
    }

    /** The inputs as the solver takes them: {@link #toJson} without the provenance and the record of checks and measurement. */
    public static JsonObject solverJson(ResolvedInputs in) {
        JsonObject j = toJson(in);
        j.remove("provenance");
        j.remove(EXPECTATIONS);
        j.remove(MEASURED);
        return j;
    }

    private static JsonArray expectations(List<ResolvedInputs.Expect> es) {
        JsonArray a = new JsonArray();
        for (ResolvedInputs.Expect e : es) {
            JsonObject o = new JsonObject();
            o.addProperty("metric", e.metric());
            o.addProperty("comparison", e.comparison());
            o.addProperty("label", e.label());
            o.addProperty("average", e.average());
            o.addProperty("cycle", e.cycle());
            o.addProperty("reference", e.reference());
            o.addProperty("from_cycle", e.fromCycle());
            o.addProperty("value", e.value());
            o.addProperty("unit", e.unit());
            o.addProperty("value_text", e.valueText());
            o.addProperty("state", e.state());
            o.addProperty("tolerance", e.tolerance());
            o.addProperty("tolerance_unit", e.toleranceUnit());
            o.addProperty("tolerance_text", e.toleranceText());
            o.addProperty("source", e.source());
            o.addProperty("line", e.line());
            if (e.step() != null) o.addProperty("step", e.step()); // written only where a clause has one, as its point
            if (e.point() != null) { // written only where a clause has one: the inputs.json of other runs unchanged
                o.addProperty("point", e.point());
                JsonArray steps = new JsonArray();
                steps.add(e.pointFirstStep());
                steps.add(e.pointLastStep());
                o.add("point_steps", steps);
                if (!e.pointRuns().isEmpty()) { // a point read in a cycle: every run of the group
                    JsonArray runs = new JsonArray();
                    for (List<Integer> r : e.pointRuns()) {
                        JsonArray run = new JsonArray();
                        r.forEach(run::add);
                        runs.add(run);
                    }
                    o.add("point_runs", runs);
                }
            }
            a.add(o);
        }
        return a;
    }

    private static JsonObject measured(ResolvedInputs.Measured m) {
        JsonObject o = new JsonObject();
        o.addProperty("file", m.file());
        o.addProperty("copy", m.copy());
        o.addProperty("sha256", m.sha256());
        o.addProperty("line", m.line());
        o.addProperty("column", m.column());
        return o;
    }

    private static JsonObject cell(CellSpec c) {
        JsonObject o = new JsonObject();
        o.addProperty("name", c.name());
        num(o, "area_m2", c.area());
        num(o, "temperature_K", c.temperature());
        num(o, "stack_pressure_Pa", c.stackPressure());
        num(o, "nominal_capacity_C", c.nominalCapacity());
        JsonArray layers = new JsonArray();
        for (LayerSpec l : c.layers()) {
            JsonObject lo = new JsonObject();
            lo.addProperty("name", l.name());
            lo.addProperty("role", l.role().name());
            num(lo, "thickness_m", l.thickness());
            num(lo, "porosity", l.porosity());
            num(lo, "pore_size_m", l.poreSize());
            num(lo, "particle_radius_m", l.particleRadius());
            num(lo, "bruggeman_exponent", l.bruggemanExponent());
            num(lo, "tortuosity", l.tortuosity());
            // per conduction phase, written only where given (a layer without them reads as before)
            if (!Double.isNaN(l.ionicBruggemanExponent())) num(lo, "ionic_bruggeman_exponent", l.ionicBruggemanExponent());
            if (!Double.isNaN(l.electronicBruggemanExponent())) num(lo, "electronic_bruggeman_exponent", l.electronicBruggemanExponent());
            JsonArray comps = new JsonArray();
            for (ComponentSpec cs : l.components()) {
                JsonObject co = new JsonObject();
                num(co, "mass_fraction", cs.massFraction());
                co.add("material", material(cs.material()));
                comps.add(co);
            }
            lo.add("components", comps);
            if (!l.switchedOff().isEmpty()) {
                JsonArray off = new JsonArray();
                for (org.cellwright.solver.input.OptionalMechanism m : org.cellwright.solver.input.OptionalMechanism.values())
                    if (!l.has(m)) off.add(m.name());
                lo.add("switched_off", off);
            }
            layers.add(lo);
        }
        o.add("layers", layers);
        return o;
    }

    private static JsonObject material(MaterialSpec m) {
        JsonObject o = new JsonObject();
        o.addProperty("name", m.name());
        JsonObject props = new JsonObject();
        for (Map.Entry<MaterialProperty, Double> e : m.properties().entrySet()) {
            JsonObject v = new JsonObject();
            num(v, "value", e.getValue());
            v.addProperty("unit", e.getKey().unit());
            // a value stated at its own temperature ('at 60 degC'): written only there, so other runs' inputs and hash are unchanged
            m.statedAt(e.getKey()).ifPresent(t -> num(v, STATED_AT, t));
            props.add(e.getKey().name().toLowerCase(java.util.Locale.ROOT), v);
        }
        o.add("properties", props);
        if (m.ocv() != null) o.add("ocv", ocv(m.ocv()));
        if (m.exchangeCurrentLaw() != null) o.add(EXCHANGE_CURRENT_LAW, exchangeCurrentLaw(m));
        return o;
    }

    /**
     * Member of a material property whose value is stated at a temperature [K] other than the material's reference
     * ({@link MaterialSpec#statedAt}); absent for a value at the reference.
     */
    static final String STATED_AT = "at_K";

    /** Member of a material whose exchange current is a law of the state: samples to read, not to run from. */
    static final String EXCHANGE_CURRENT_LAW = "exchange_current_law";

    /**
     * A law of the state (a .cell file's expression) cannot be written back as numbers: its samples at x = 0, 0.05, ..
     * 1 and 298.15 K, for the reader. {@link Reader#material} refuses it, so a rerun never runs another law silently.
     */
    private static JsonObject exchangeCurrentLaw(MaterialSpec m) {
        JsonObject o = new JsonObject();
        o.addProperty("origin", "law of the state (the .cell file's exchange-current-density); sampled at 298.15 K");
        double cmax = m.get(MaterialProperty.MAX_CONCENTRATION, Double.NaN);
        JsonArray xs = new JsonArray(), vs = new JsonArray();
        for (int i = 0; i <= 20; i++) {
            double x = i / 20.0;
            xs.add(x);
            double v = m.exchangeCurrentLaw().at(Double.NaN, x * cmax, cmax, 298.15);
            if (Double.isFinite(v)) vs.add(v);
            else vs.add(JsonNull.INSTANCE);
        }
        o.add("stoichiometry", xs);
        o.add("i0_A_m2", vs);
        return o;
    }

    private static JsonObject ocv(DoubleUnaryOperator f) {
        double[] x, v;
        String origin;
        if (f instanceof OcvTable t) {
            x = t.stoichiometries();
            v = t.voltages();
            origin = "table";
        } else {
            x = new double[OCV_FUNCTION_SAMPLES];
            v = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (double) i / (x.length - 1);
                v[i] = f.applyAsDouble(x[i]);
            }
            origin = "function";
        }
        JsonObject o = new JsonObject();
        o.addProperty("origin", origin);
        JsonArray xs = new JsonArray(), vs = new JsonArray();
        for (double d : x) xs.add(d);
        for (double d : v) vs.add(d);
        o.add("stoichiometry", xs);
        o.add("voltage_V", vs);
        return o;
    }

    /**
     * A protocol as inputs.json's {@code protocol} member (name and steps, SI with units; a followed profile with its
     * samples): also written into a DFN run's dfn-inputs.json, so both run folders keep the steps in one form.
     */
    public static JsonObject protocolJson(ProtocolSpec p) {
        return protocol(p);
    }

    /**
     * The protocols' names a record's provenance keeps (member {@value #PROTOCOLS}: inputs.json's, and a DFN run's
     * dfn-inputs.json's); null when absent (written before session 25). {@code where} names the file in messages.
     * @throws InputsJsonException when the member is not an array of strings
     */
    public static List<String> readProtocols(JsonObject provenance, String where) {
        return new Reader(where, Purpose.RECORD).optStrings(provenance, "provenance", PROTOCOLS);
    }

    /**
     * Where the file wrote the protocol's steps ({@value #STEP_PLACES} of a record's provenance: inputs.json's, and a DFN
     * run's dfn-inputs.json's), or an empty list when absent (written before session 31).
     * @throws InputsJsonException when the member is not an array of strings
     */
    public static List<String> readStepPlaces(JsonObject provenance, String where) {
        List<String> p = new Reader(where, Purpose.RECORD).optStrings(provenance, "provenance", STEP_PLACES);
        return p == null ? List.of() : p;
    }

    /** Reads a protocol written by {@link #protocolJson}; {@code where} names the file in messages ("file: protocol.steps[1].type: why"). */
    public static ProtocolSpec readProtocol(JsonElement protocol, String where) {
        Reader r = new Reader(where, Purpose.RECORD); // a protocol alone: no cell to hold it to the limits
        return r.protocol(r.object(protocol, "protocol"));
    }

    private static JsonObject protocol(ProtocolSpec p) {
        JsonObject o = new JsonObject();
        o.addProperty("name", p.name());
        o.add("steps", steps(p.steps()));
        return o;
    }

    private static JsonArray steps(List<StepSpec> steps) {
        JsonArray a = new JsonArray();
        for (StepSpec s : steps) {
            JsonObject o = new JsonObject();
            switch (s) {
                case StepSpec.ConstantCurrent cc -> {
                    o.addProperty("type", "constant_current");
                    o.addProperty("mode", cc.mode().name());
                    num(o, "value", cc.value());
                    o.addProperty("unit", currentUnit(cc.mode()));
                    o.add("cutoffs", cutoffs(cc.cutoffs()));
                }
                case StepSpec.ConstantVoltage cv -> {
                    o.addProperty("type", "constant_voltage");
                    num(o, "voltage_V", cv.voltage());
                    o.add("cutoffs", cutoffs(cv.cutoffs()));
                }
                case StepSpec.ConstantPower cp -> {
                    o.addProperty("type", "constant_power");
                    num(o, "power_density_W_m2", cp.powerDensity());
                    o.add("cutoffs", cutoffs(cp.cutoffs()));
                }
                case StepSpec.Follow f -> {
                    o.addProperty("type", "follow");
                    o.addProperty("quantity", f.power() ? "power" : "current");
                    o.addProperty("mode", f.mode().name());
                    o.addProperty("unit", f.power() ? "W/m2" : currentUnit(f.mode()));
                    o.addProperty("source", f.source());
                    JsonArray ts = new JsonArray(), vs = new JsonArray();
                    for (double d : f.time()) ts.add(d);
                    for (double d : f.value()) vs.add(d);
                    o.add("time_s", ts);
                    o.add("value", vs);
                    o.add("cutoffs", cutoffs(f.cutoffs()));
                }
                case StepSpec.Rest r -> {
                    o.addProperty("type", "rest");
                    o.add("cutoffs", cutoffs(r.cutoffs()));
                }
                case StepSpec.Repeat r -> {
                    o.addProperty("type", "repeat");
                    o.addProperty("count", r.count());
                    o.add("steps", steps(r.steps()));
                }
                case StepSpec.SetTemperature t -> {
                    o.addProperty("type", "set_temperature");
                    num(o, "temperature_K", t.temperature());
                }
                case StepSpec.SetStackPressure sp -> {
                    o.addProperty("type", "set_stack_pressure");
                    num(o, "pressure_Pa", sp.pressure());
                }
            }
            a.add(o);
        }
        return a;
    }

    private static JsonArray cutoffs(List<Cutoff> cs) {
        JsonArray a = new JsonArray();
        for (Cutoff c : cs) {
            JsonObject o = new JsonObject();
            o.addProperty("kind", c.kind().name());
            num(o, "value", c.value());
            o.addProperty("unit", cutoffUnit(c.kind()));
            if (c.window()) o.addProperty("window", true); // the cell's voltage window, not the protocol's (absent: false)
            a.add(o);
        }
        return a;
    }

    /** SI unit of a constant-current step's value. */
    public static String currentUnit(CurrentMode m) {
        return switch (m) { case DENSITY -> "A/m2"; case CURRENT -> "A"; case C_RATE -> "1/h"; };
    }

    /** SI unit of a cut-off value. */
    public static String cutoffUnit(Cutoff.Kind k) {
        return switch (k) {
            case VOLTAGE_ABOVE, VOLTAGE_BELOW -> "V";
            case DURATION -> "s";
            case CAPACITY -> "C/m2";
            case CURRENT_BELOW -> "A/m2";
            case CURRENT_BELOW_C_RATE -> "1/h";
        };
    }

    private static JsonObject settings(SolverSettings s) {
        JsonObject o = new JsonObject();
        o.addProperty("cathode_nodes", s.cathodeNodes());
        o.addProperty("particle_nodes", s.particleNodes());
        o.addProperty("interlayer_nodes", s.interlayerNodes());
        num(o, "relative_tolerance", s.relativeTolerance());
        num(o, "absolute_tolerance_V", s.absoluteTolerance());
        num(o, "max_step_s", s.maxStep());
        // the interval between samples: the settings' own for every step, or the rule each step's is chosen by (its own)
        if (s.outputInterval() == SolverSettings.OUTPUT_INTERVAL_FROM_PROTOCOL) o.addProperty("output_interval", org.cellwright.solver.OutputInterval.RULE);
        else num(o, "output_interval_s", s.outputInterval());
        o.addProperty("debug_conservation_checks", s.debugConservationChecks());
        return o;
    }

    private static void num(JsonObject o, String key, double v) {
        if (Double.isFinite(v)) o.addProperty(key, v);
        else o.add(key, JsonNull.INSTANCE);
    }

    // ------------------------------------------------------------------ reading

    /**
     * What an {@code inputs.json} is read for. {@link #RUN}: to run it again ({@code ./cellwright run inputs.json}, a
     * Spark worker's task), its values held to {@link InputLimits} (a hand-written file bypassed the language's check,
     * session 21). {@link #RECORD}: as the record of a run that was made (a run folder read for its report, the Runs
     * view, the Results view), read whatever values it holds: a run of a lithium cell at 200 degC made before the limits
     * existed (session 21) was run, and its report lost its stack and protocol when its record was refused (session 22).
     */
    public enum Purpose { RUN, RECORD }

    /** Reads an {@code inputs.json} to run it ({@link Purpose#RUN}); every problem is an {@link InputsJsonException} naming the file and the member. */
    public static ResolvedInputs read(Path file) {
        return read(file, Purpose.RUN);
    }

    /** Reads an {@code inputs.json} for a purpose ({@link Purpose}: held to the limits to run it, not as a record). */
    public static ResolvedInputs read(Path file, Purpose purpose) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputsJsonException(file + ": no such file");
        } catch (IOException e) {
            throw new InputsJsonException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(text, file.toString(), purpose);
    }

    /** Parses the text of an {@code inputs.json} to run it ({@link Purpose#RUN}); {@code where} names it in messages. */
    public static ResolvedInputs parse(String text, String where) {
        return parse(text, where, Purpose.RUN);
    }

    /** Parses the text of an {@code inputs.json} for a purpose ({@link Purpose}); {@code where} names it in messages. */
    public static ResolvedInputs parse(String text, String where, Purpose purpose) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new InputsJsonException(where + ": not valid JSON: " + JsonSyntax.reason(e), e);
        }
        return new Reader(where, purpose).read(root);
    }

    /**
     * Reads with a path of members ("cell.layers[2].thickness_m") for messages, and the cell's values within the
     * language's limits ({@link InputLimits}: a layer's thickness, the cell's and the protocol's temperatures, lithium's
     * melting point in a cell with a lithium-metal layer), each beyond them an error at its member, where it is read to
     * be run ({@link Purpose#RUN}): a hand-written inputs.json bypassed the language's check (session 21).
     */
    private static final class Reader {
        private final String where;
        private final Purpose purpose;
        /** The protocol's set_temperature steps read: their members and temperatures [K], checked against the cell's layers. */
        private final List<Map.Entry<String, Double>> setTemperatures = new ArrayList<>();

        Reader(String where, Purpose purpose) {
            this.where = where;
            this.purpose = purpose;
        }

        ResolvedInputs read(JsonElement rootEl) {
            JsonObject root = object(rootEl, "");
            String format = string(root, "", "format");
            if (!FORMAT.equals(format))
                throw fail("format", "expected \"" + FORMAT + "\", found \"" + format + "\" (not a CellWright inputs file)");
            int version = integer(root, "", "format_version");
            if (version > FORMAT_VERSION)
                throw fail("format_version", "version " + version + " is newer than this CellWright reads (" + FORMAT_VERSION + ")");
            JsonObject p = object(member(root, "", "provenance"), "provenance");
            Integer line = optInteger(p, "provenance", "source_line");
            ResolvedInputs.Provenance prov = new ResolvedInputs.Provenance(string(p, "provenance", "experiment"),
                    optString(p, "provenance", "source_file"), line == null ? 0 : line,
                    optString(p, "provenance", "cellwright_version"), optString(p, "provenance", "created"),
                    optStrings(p, "provenance", PROTOCOLS), optBoolean(p, "provenance", MESH_FROM_PROTOCOL));
            JsonObject settingsJson = object(member(root, "", "solver_settings"), "solver_settings");
            Boolean meshFromProtocol = optBoolean(settingsJson, "solver_settings", MESH_FROM_PROTOCOL); // the hashed word wins
            if (meshFromProtocol != null) prov = prov.withMeshFromProtocol(meshFromProtocol);
            CellSpec cell = cell(object(member(root, "", "cell"), "cell"));
            ProtocolSpec protocol = protocol(object(member(root, "", "protocol"), "protocol"));
            List<String> places = optStrings(p, "provenance", STEP_PLACES);
            if (places != null) protocol = protocol.withPlaces(places);
            if (purpose == Purpose.RUN) limits(cell);
            SolverSettings settings = settings(settingsJson);
            if (purpose == Purpose.RUN && InputLimits.maxStepProblem(settings.maxStep()) != null)
                throw fail("solver_settings.max_step_s", InputLimits.maxStepProblem(settings.maxStep()));
            // the record of checks and measurement: absent in an inputs.json written before them (read as none recorded)
            List<ResolvedInputs.Expect> expectations = null;
            if (root.has(EXPECTATIONS)) {
                expectations = new ArrayList<>();
                JsonArray a = array(root.get(EXPECTATIONS), EXPECTATIONS);
                for (int i = 0; i < a.size(); i++) expectations.add(expect(object(a.get(i), EXPECTATIONS + "[" + i + "]"), EXPECTATIONS + "[" + i + "]"));
            }
            ResolvedInputs.Measured measured = null;
            if (root.has(MEASURED) && !root.get(MEASURED).isJsonNull()) {
                JsonObject m = object(root.get(MEASURED), MEASURED);
                String copy = optString(m, MEASURED, "copy");
                // the copy lies in the run folder beside this file: a name, never a path out of it
                if (copy != null && (copy.isEmpty() || copy.contains("/") || copy.contains("\\") || copy.equals("..") || copy.equals(".")))
                    throw fail(MEASURED + ".copy", "expected the name of a file beside inputs.json, found \"" + copy + "\"");
                measured = new ResolvedInputs.Measured(string(m, MEASURED, "file"), copy,
                        optString(m, MEASURED, "sha256"), orZero(optInteger(m, MEASURED, "line")), orZero(optInteger(m, MEASURED, "column")));
            }
            return new ResolvedInputs(prov, cell, protocol, settings, expectations, measured);
        }

        private static int orZero(Integer i) {
            return i == null ? 0 : i;
        }

        private ResolvedInputs.Expect expect(JsonObject o, String at) {
            String comparison = string(o, at, "comparison");
            if (!List.of("EQUAL", "LESS", "GREATER").contains(comparison))
                throw fail(at + ".comparison", "expected \"EQUAL\", \"LESS\" or \"GREATER\", found \"" + comparison + "\"");
            JsonElement average = o.get("average");
            if (average != null && !(average.isJsonPrimitive() && average.getAsJsonPrimitive().isBoolean()))
                throw fail(at + ".average", "expected true or false, found " + average);
            return new ResolvedInputs.Expect(optString(o, at, "label"), average != null && average.getAsBoolean(), string(o, at, "metric"),
                    orZero(optInteger(o, at, "cycle")), orZero(optInteger(o, at, "reference")), orZero(optInteger(o, at, "from_cycle")),
                    comparison, optDouble(o, at, "value"), optString(o, at, "unit"), optString(o, at, "value_text"), optString(o, at, "state"),
                    optDouble(o, at, "tolerance"), optString(o, at, "tolerance_unit"), optString(o, at, "tolerance_text"),
                    optString(o, at, "source"), orZero(optInteger(o, at, "line")), optString(o, at, "point"), pointStep(o, at, 0), pointStep(o, at, 1), pointRuns(o, at),
                    optString(o, at, "step"));
        }

        /** A clause's point_runs: each [first, steps, period, count, ...] of whole numbers >= 0; empty without them. */
        private List<List<Integer>> pointRuns(JsonObject o, String at) {
            JsonElement e = o.get("point_runs");
            if (e == null || e.isJsonNull()) return List.of();
            String where = join(at, "point_runs");
            List<List<Integer>> out = new ArrayList<>();
            JsonArray runs = array(e, where);
            for (int i = 0; i < runs.size(); i++) {
                String w = where + "[" + i + "]";
                JsonArray a = array(runs.get(i), w);
                if (a.size() < 2 || a.size() % 2 != 0) throw fail(w, "expected [first step, steps, period, count, ...], found " + a);
                List<Integer> r = new ArrayList<>();
                for (int k = 0; k < a.size(); k++) {
                    double d = toNumber(a.get(k), w + "[" + k + "]");
                    if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) throw fail(w + "[" + k + "]", "expected a whole number >= 0, found " + d);
                    r.add((int) d);
                }
                out.add(r);
            }
            return out;
        }

        /** The first (0) or last (1) of a clause's point_steps, -1 without them. */
        private int pointStep(JsonObject o, String at, int which) {
            JsonElement e = o.get("point_steps");
            if (e == null || e.isJsonNull()) return -1;
            JsonArray a = array(e, join(at, "point_steps"));
            if (a.size() != 2) throw fail(join(at, "point_steps"), "expected [first, last] step numbers, found " + a);
            double d = toNumber(a.get(which), join(at, "point_steps") + "[" + which + "]");
            if (d != Math.rint(d) || d < -1 || d > Integer.MAX_VALUE) throw fail(join(at, "point_steps") + "[" + which + "]", "expected a step number, found " + d);
            return (int) d;
        }

        /** A number, or null when the member is absent or null. */
        private Double optDouble(JsonObject o, String at, String key) {
            JsonElement e = o.get(key);
            return e == null || e.isJsonNull() ? null : toNumber(e, join(at, key));
        }

        /** The cell's and its protocol's values within {@link InputLimits}, or an error at the first member beyond them. */
        private void limits(CellSpec cell) {
            int li = -1;
            for (int i = 0; i < cell.layers().size() && li < 0; i++) if (cell.layers().get(i).role() == LayerRole.LITHIUM_METAL) li = i;
            String lithium = li < 0 ? "" : " (cell.layers[" + li + "], " + cell.layers().get(li).name() + ")";
            for (int i = 0; i < cell.layers().size(); i++) {
                String bad = InputLimits.thicknessProblem(cell.layers().get(i).thickness());
                if (bad != null) throw fail("cell.layers[" + i + "].thickness_m", bad);
            }
            if (InputLimits.areaProblem(cell.area()) != null) throw fail("cell.area_m2", InputLimits.areaProblem(cell.area()));
            if (InputLimits.stackPressureProblem(cell.stackPressure()) != null)
                throw fail("cell.stack_pressure_Pa", InputLimits.stackPressureProblem(cell.stackPressure()));
            String bad = InputLimits.temperatureProblem(cell.temperature(), li >= 0);
            if (bad != null) throw fail("cell.temperature_K", bad + (cell.temperature() >= InputLimits.LITHIUM_MELTING_POINT ? lithium : ""));
            for (Map.Entry<String, Double> t : setTemperatures) {
                bad = InputLimits.temperatureProblem(t.getValue(), li >= 0);
                if (bad != null) throw fail(t.getKey(), bad + (t.getValue() >= InputLimits.LITHIUM_MELTING_POINT ? lithium : ""));
            }
        }

        private CellSpec cell(JsonObject o) {
            String at = "cell";
            List<LayerSpec> layers = new ArrayList<>();
            JsonArray la = array(member(o, at, "layers"), at + ".layers");
            for (int i = 0; i < la.size(); i++) layers.add(layer(object(la.get(i), at + ".layers[" + i + "]"), at + ".layers[" + i + "]"));
            return new CellSpec(string(o, at, "name"), number(o, at, "area_m2"), number(o, at, "temperature_K"),
                    number(o, at, "stack_pressure_Pa"), layers, optNumber(o, at, "nominal_capacity_C"));
        }

        private LayerSpec layer(JsonObject o, String at) {
            String roleName = string(o, at, "role");
            LayerRole role = enumValue(LayerRole.class, roleName, at + ".role");
            List<ComponentSpec> comps = new ArrayList<>();
            JsonArray ca = array(member(o, at, "components"), at + ".components");
            for (int i = 0; i < ca.size(); i++) {
                String cat = at + ".components[" + i + "]";
                JsonObject co = object(ca.get(i), cat);
                comps.add(new ComponentSpec(material(object(member(co, cat, "material"), cat + ".material"), cat + ".material"),
                        number(co, cat, "mass_fraction")));
            }
            java.util.Set<org.cellwright.solver.input.OptionalMechanism> off =
                    java.util.EnumSet.noneOf(org.cellwright.solver.input.OptionalMechanism.class);
            if (o.has("switched_off")) {
                JsonArray sa = array(o.get("switched_off"), at + ".switched_off");
                for (int i = 0; i < sa.size(); i++)
                    off.add(enumValue(org.cellwright.solver.input.OptionalMechanism.class, sa.get(i).getAsString(), at + ".switched_off[" + i + "]"));
            }
            return new LayerSpec(string(o, at, "name"), role, optNumber(o, at, "thickness_m"), number(o, at, "porosity"),
                    optNumber(o, at, "pore_size_m"), optNumber(o, at, "particle_radius_m"), optNumber(o, at, "bruggeman_exponent"),
                    optNumber(o, at, "tortuosity"), comps, off,
                    o.has("ionic_bruggeman_exponent") ? optNumber(o, at, "ionic_bruggeman_exponent") : Double.NaN,
                    o.has("electronic_bruggeman_exponent") ? optNumber(o, at, "electronic_bruggeman_exponent") : Double.NaN);
        }

        private MaterialSpec material(JsonObject o, String at) {
            EnumMap<MaterialProperty, Double> props = new EnumMap<>(MaterialProperty.class);
            EnumMap<MaterialProperty, Double> statedAt = new EnumMap<>(MaterialProperty.class);
            JsonObject po = object(member(o, at, "properties"), at + ".properties");
            for (Map.Entry<String, JsonElement> e : po.entrySet()) {
                String pat = at + ".properties." + e.getKey();
                MaterialProperty prop = enumValue(MaterialProperty.class, e.getKey().toUpperCase(java.util.Locale.ROOT), pat);
                JsonObject v = object(e.getValue(), pat);
                String unit = optString(v, pat, "unit");
                if (unit != null && !unit.equals(prop.unit()))
                    throw fail(pat + ".unit", "expected \"" + prop.unit() + "\" (SI), found \"" + unit + "\"");
                props.put(prop, number(v, pat, "value"));
                if (v.has(STATED_AT)) {
                    double t = number(v, pat, STATED_AT);
                    if (!ArrheniusLaws.has(prop))
                        throw fail(pat + "." + STATED_AT, "only a value of an Arrhenius law is stated at a temperature");
                    if (!(t > 0)) throw fail(pat + "." + STATED_AT, "a temperature above 0 K, found " + t);
                    statedAt.put(prop, t);
                }
            }
            DoubleUnaryOperator ocv = null;
            JsonElement oe = o.get("ocv");
            if (oe != null && !oe.isJsonNull()) {
                String oat = at + ".ocv";
                JsonObject oo = object(oe, oat);
                double[] x = numbers(array(member(oo, oat, "stoichiometry"), oat + ".stoichiometry"), oat + ".stoichiometry");
                double[] v = numbers(array(member(oo, oat, "voltage_V"), oat + ".voltage_V"), oat + ".voltage_V");
                try {
                    ocv = new OcvTable(x, v);
                } catch (IllegalArgumentException ex) {
                    throw fail(oat, ex.getMessage());
                }
            }
            if (o.has(EXCHANGE_CURRENT_LAW))
                throw fail(at + "." + EXCHANGE_CURRENT_LAW, "the exchange current is a law of the state written in the .cell file; "
                        + "inputs.json holds samples of it only, so it cannot run from here: run the .cell file");
            return new MaterialSpec(string(o, at, "name"), props, ocv, null, statedAt);
        }

        private ProtocolSpec protocol(JsonObject o) {
            String name = optString(o, "protocol", "name");
            return new ProtocolSpec(name == null ? "protocol" : name, steps(array(member(o, "protocol", "steps"), "protocol.steps"), "protocol.steps"));
        }

        /** A constant-current step; the unit written beside its value must be the SI unit of its mode (never reinterpreted). */
        private StepSpec constantCurrent(JsonObject o, String sat) {
            CurrentMode mode = enumValue(CurrentMode.class, string(o, sat, "mode"), sat + ".mode");
            String unit = optString(o, sat, "unit");
            if (unit != null && !unit.equals(currentUnit(mode)))
                throw fail(sat + ".unit", "expected \"" + currentUnit(mode) + "\" (SI, mode " + mode + "), found \"" + unit + "\"");
            return new StepSpec.ConstantCurrent(mode, number(o, sat, "value"), cutoffs(o, sat));
        }

        /** A followed profile; its unit must be the SI unit of its quantity and mode (never reinterpreted). */
        private StepSpec follow(JsonObject o, String sat) {
            String quantity = string(o, sat, "quantity");
            if (!quantity.equals("power") && !quantity.equals("current")) throw fail(sat + ".quantity", "expected \"current\" or \"power\", found \"" + quantity + "\"");
            boolean power = quantity.equals("power");
            CurrentMode mode = enumValue(CurrentMode.class, string(o, sat, "mode"), sat + ".mode");
            String expected = power ? "W/m2" : currentUnit(mode), unit = optString(o, sat, "unit");
            if (unit != null && !unit.equals(expected)) throw fail(sat + ".unit", "expected \"" + expected + "\" (SI), found \"" + unit + "\"");
            double[] t = numbers(array(member(o, sat, "time_s"), sat + ".time_s"), sat + ".time_s");
            double[] v = numbers(array(member(o, sat, "value"), sat + ".value"), sat + ".value");
            try {
                return new StepSpec.Follow(power, mode, t, v, string(o, sat, "source"), cutoffs(o, sat));
            } catch (IllegalArgumentException e) {
                throw fail(sat + ".value", e.getMessage());
            }
        }

        private List<StepSpec> steps(JsonArray a, String at) {
            List<StepSpec> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                String sat = at + "[" + i + "]";
                JsonObject o = object(a.get(i), sat);
                String type = string(o, sat, "type");
                out.add(switch (type) {
                    case "constant_current" -> constantCurrent(o, sat);
                    case "constant_voltage" -> new StepSpec.ConstantVoltage(number(o, sat, "voltage_V"), cutoffs(o, sat));
                    case "constant_power" -> new StepSpec.ConstantPower(number(o, sat, "power_density_W_m2"), cutoffs(o, sat));
                    case "follow" -> follow(o, sat);
                    case "rest" -> new StepSpec.Rest(cutoffs(o, sat));
                    case "repeat" -> new StepSpec.Repeat(integer(o, sat, "count"), steps(array(member(o, sat, "steps"), sat + ".steps"), sat + ".steps"));
                    case "set_temperature" -> {
                        double t = number(o, sat, "temperature_K");
                        setTemperatures.add(Map.entry(sat + ".temperature_K", t));
                        yield new StepSpec.SetTemperature(t);
                    }
                    case "set_stack_pressure" -> new StepSpec.SetStackPressure(number(o, sat, "pressure_Pa"));
                    default -> throw fail(sat + ".type", "unknown step type \"" + type + "\" (constant_current, constant_voltage, "
                            + "constant_power, follow, rest, repeat, set_temperature, set_stack_pressure)");
                });
            }
            return out;
        }

        private List<Cutoff> cutoffs(JsonObject step, String at) {
            List<Cutoff> out = new ArrayList<>();
            JsonArray a = array(member(step, at, "cutoffs"), at + ".cutoffs");
            for (int i = 0; i < a.size(); i++) {
                String cat = at + ".cutoffs[" + i + "]";
                JsonObject o = object(a.get(i), cat);
                Cutoff.Kind kind = enumValue(Cutoff.Kind.class, string(o, cat, "kind"), cat + ".kind");
                String unit = optString(o, cat, "unit");
                if (unit != null && !unit.equals(cutoffUnit(kind)))
                    throw fail(cat + ".unit", "expected \"" + cutoffUnit(kind) + "\" (SI), found \"" + unit + "\"");
                JsonElement window = o.get("window");
                if (window != null && !(window.isJsonPrimitive() && window.getAsJsonPrimitive().isBoolean()))
                    throw fail(cat + ".window", "expected true or false, found " + window);
                out.add(new Cutoff(kind, optNumber(o, cat, "value"), window != null && window.getAsBoolean()));
            }
            return out;
        }

        private SolverSettings settings(JsonObject o) {
            String at = "solver_settings";
            JsonElement debug = member(o, at, "debug_conservation_checks");
            if (!(debug.isJsonPrimitive() && debug.getAsJsonPrimitive().isBoolean()))
                throw fail(at + ".debug_conservation_checks", "expected true or false, found " + debug);
            return new SolverSettings(integer(o, at, "cathode_nodes"), integer(o, at, "particle_nodes"),
                    integer(o, at, "interlayer_nodes"), number(o, at, "relative_tolerance"), number(o, at, "absolute_tolerance_V"),
                    number(o, at, "max_step_s"), outputInterval(o, at), debug.getAsBoolean());
        }

        // ---- primitives

        private InputsJsonException fail(String at, String message) {
            return new InputsJsonException(where + ": " + (at.isEmpty() ? "" : at + ": ") + message);
        }

        /**
         * The settings' output interval [s]: output_interval_s, or, where the run chose each step's
         * (output_interval the rule, no output_interval_s: since session 36), left to the protocol again.
         */
        private double outputInterval(JsonObject o, String at) {
            if (!o.has("output_interval_s") && o.has("output_interval")) return SolverSettings.OUTPUT_INTERVAL_FROM_PROTOCOL;
            return number(o, at, "output_interval_s");
        }

        private JsonElement member(JsonObject o, String at, String key) {
            JsonElement e = o.get(key);
            if (e == null) throw fail(join(at, key), "missing");
            return e;
        }

        private JsonObject object(JsonElement e, String at) {
            if (e == null || !e.isJsonObject()) throw fail(at, "expected an object, found " + describe(e));
            return e.getAsJsonObject();
        }

        private JsonArray array(JsonElement e, String at) {
            if (e == null || !e.isJsonArray()) throw fail(at, "expected an array, found " + describe(e));
            return e.getAsJsonArray();
        }

        private String string(JsonObject o, String at, String key) {
            JsonElement e = member(o, at, key);
            if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) throw fail(join(at, key), "expected a string, found " + describe(e));
            return e.getAsString();
        }

        private String optString(JsonObject o, String at, String key) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) return null;
            if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) throw fail(join(at, key), "expected a string, found " + describe(e));
            return e.getAsString();
        }

        /** An array of strings, or null when the member is absent or null (a record written before it was kept). */
        private List<String> optStrings(JsonObject o, String at, String key) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) return null;
            JsonArray a = array(e, join(at, key));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                JsonElement v = a.get(i);
                if (!(v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()))
                    throw fail(join(at, key) + "[" + i + "]", "expected a string, found " + describe(v));
                out.add(v.getAsString());
            }
            return out;
        }

        private double number(JsonObject o, String at, String key) {
            JsonElement e = member(o, at, key);
            if (e.isJsonNull()) throw fail(join(at, key), "a number is required here, found null");
            return toNumber(e, join(at, key));
        }

        /** A number, or NaN for null ("not given"). */
        private double optNumber(JsonObject o, String at, String key) {
            JsonElement e = member(o, at, key);
            return e.isJsonNull() ? Double.NaN : toNumber(e, join(at, key));
        }

        private double toNumber(JsonElement e, String at) {
            if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber())) throw fail(at, "expected a number, found " + describe(e));
            return e.getAsDouble();
        }

        private int integer(JsonObject o, String at, String key) {
            double d = number(o, at, key);
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw fail(join(at, key), "expected a whole number, found " + d);
            return (int) d;
        }

        /** true or false, or null when the member is absent or null (a record written before it was kept). */
        private Boolean optBoolean(JsonObject o, String at, String key) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) return null;
            if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean())) throw fail(join(at, key), "expected true or false, found " + describe(e));
            return e.getAsBoolean();
        }

        private Integer optInteger(JsonObject o, String at, String key) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) return null;
            return integer(o, at, key);
        }

        private double[] numbers(JsonArray a, String at) {
            double[] out = new double[a.size()];
            for (int i = 0; i < out.length; i++) out[i] = toNumber(a.get(i), at + "[" + i + "]");
            return out;
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, String name, String at) {
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException ex) {
                List<String> names = new ArrayList<>();
                for (E c : type.getEnumConstants()) names.add(c.name());
                throw fail(at, "unknown value \"" + name + "\" (one of " + String.join(", ", names) + ")");
            }
        }

        private static String join(String at, String key) { return at.isEmpty() ? key : at + "." + key; }

        private static String describe(JsonElement e) {
            if (e == null || e.isJsonNull()) return "null";
            if (e.isJsonObject()) return "an object";
            if (e.isJsonArray()) return "an array";
            JsonPrimitive p = e.getAsJsonPrimitive();
            return p.isString() ? "\"" + p.getAsString() + "\"" : p.toString();
        }
    }

    // ------------------------------------------------------------------ version

    /** The solver bundle's version (Bundle-Version of its manifest), or "unknown" outside a built bundle. */
    public static String cellwrightVersion() {
        try (InputStream in = InputsJson.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            if (in != null) {
                Manifest m = new Manifest(in);
                String bsn = m.getMainAttributes().getValue("Bundle-SymbolicName");
                String v = m.getMainAttributes().getValue("Bundle-Version");
                if (bsn != null && bsn.startsWith("org.cellwright.solver") && v != null) return v;
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }
}
