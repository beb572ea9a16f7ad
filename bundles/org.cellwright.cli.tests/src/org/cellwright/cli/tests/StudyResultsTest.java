package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The study's comparison table: {@code cellwright run examples/sung2023/experiments.cell} (and long-cycling.cell)
 * checks every {@code expect} clause, i.e. every number of the brief's results table (DOI 10.1002/adma.202210835)
 * against the simulation within its tolerance. Every check passes except the {@link #KNOWN_GAPS}, the physics not
 * reproduced yet; a gap that starts to pass must leave the list, so the list only shrinks.
 */
class StudyResultsTest {

	/**
	 * "Experiment: quantity" of the checks that fail today (the physics is being worked on), of the study's tables and
	 * of kim2025.cell's (KimCrossrailTest). Shrink it, never grow it.
	 */
	static final Set<String> KNOWN_GAPS = Set.of(
			// 5.96 Ohm cm2, Kim 7.6 +/- 0.8 (session 37): the library's NCM/LPSCl charge transfer (48 kJ/mol, measured at
			// coated LiCoO2 / sulfide) speeds up 2.3x from 45 to 60 degC, while Kim's coated composite's crossrail falls
			// only 1.14x there (8.7 -> 7.6: 11 kJ/mol, 53 from 30 to 45); one law does not hold both of Kim's steps
			"KimCrossrailHeated62: crossrail resistance, 62 wt%, 60 degC");

	/** The rows of the brief's results table ("Results the software should explain"), as the checks name them. */
	static final List<String> BRIEF_ROWS_EXPERIMENTS = List.of(
			"NucleationBare: Li nucleation overpotential, first plating, bare SUS",
			"NucleationInterlayer: Li nucleation overpotential, first plating, Li3.75Si-CNT",
			"FirstCycleBare: initial Coulombic efficiency, half cell, bare SUS",
			"FirstCycleInterlayer: initial Coulombic efficiency, half cell, Li3.75Si-CNT",
			"InterlayerHalfCell: average Coulombic efficiency over 35 half-cell cycles, Li3.75Si-CNT",
			"InterlayerHalfCell: no short circuit in > 250 h, Li3.75Si-CNT",
			"InterlayerHalfCell: cycles for > 250 h, Li3.75Si-CNT (all 35 cycles: 244 h)",
			"BareHalfCell: bare SUS half cell shorts early (read as: within 100 h)",
			"CntHalfCell: CNT-only half cell shorts early (read as: within 100 h)",
			"SilicideHalfCell: Li3.75Si without CNT lasts ~80 h",
			"FullCellWithInterlayer: full cell first discharge, Li3.75Si-CNT",
			"FullCellWithInterlayer: full cell initial Coulombic efficiency, Li3.75Si-CNT",
			"FullCellBaseline: full cell first discharge, no interlayer",
			"FullCellBaseline: full cell initial Coulombic efficiency, no interlayer",
			"InterlayerAt5MPa: works at 5 MPa, Li3.75Si-CNT",
			"InterlayerAt65MPa: works at 65 MPa, Li3.75Si-CNT",
			"BareAt65MPa: short circuit at 65 MPa, bare SUS",
			"BareAt65MPa: bare SUS shorts sooner at 65 MPa than at 34 MPa (read as: before 30 h at 65 MPa, past 30 h at 34 MPa)",
			"BareHalfCell: bare SUS works longer at 34 MPa than at 65 MPa (read as: past 30 h at 34 MPa, before 30 h at 65 MPa)",
			"FormedAt5MPaCycledAt65MPa: formed at 5 MPa, cycled at 65 MPa: shorts",
			"FormedAt5MPaCycledAt65MPa: formed at 5 MPa, cycled at 65 MPa: after a few tens of cycles (read as: cycle 10 to 50)",
			"FullCellWithInterlayer: no Li3.75Si de-alloying plateau while the Li foil remains",
			"FullCellWithoutFoil: Li3.75Si de-alloying plateau without Li foil");

	static final List<String> BRIEF_ROWS_LONG_CYCLING = List.of(
			"FullCellLongCycling: capacity retention after 200 cycles at 60 degC, Li3.75Si-CNT",
			"FullCellLongCycling: Coulombic efficiency after tens of cycles (mean of cycles 30-200), Li3.75Si-CNT",
			"BaselineLongCycling: drastic fading after ~30 cycles, no interlayer (read as: < 80 % by cycle 60)");

	@TempDir Path tmp;

	/** All checks of all checks.json below a folder, as "Experiment: quantity" -> the check. */
	static List<JsonObject> checks(Path out) {
		List<JsonObject> all = new ArrayList<>();
		try (Stream<Path> s = Files.walk(out)) {
			for (Path f : s.filter(p -> p.getFileName().toString().equals("checks.json")).sorted().toList()) {
				JsonObject root = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
				for (JsonElement c : root.getAsJsonArray("checks")) {
					JsonObject o = c.getAsJsonObject();
					o.addProperty("key", root.get("experiment").getAsString() + ": " + o.get("quantity").getAsString());
					all.add(o);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return all;
	}

	static void assertTable(Cli.Result r, List<JsonObject> checks, List<String> briefRows) {
		Set<String> keys = new LinkedHashSet<>();
		List<String> unexpectedFailures = new ArrayList<>(), gapsNowPassing = new ArrayList<>();
		for (JsonObject c : checks) {
			String key = c.get("key").getAsString();
			keys.add(key);
			boolean pass = c.get("pass").getAsBoolean();
			String line = key + ": study " + c.get("expected").getAsString() + ", simulated " + c.get("simulated").getAsString();
			if (!pass && !KNOWN_GAPS.contains(key)) unexpectedFailures.add(line);
			if (pass && KNOWN_GAPS.contains(key)) gapsNowPassing.add(line);
		}
		assertTrue(unexpectedFailures.isEmpty(), "the reproduction of the study broke:\n" + String.join("\n", unexpectedFailures) + "\n" + r.out());
		assertTrue(gapsNowPassing.isEmpty(), "these now pass: remove them from KNOWN_GAPS\n" + String.join("\n", gapsNowPassing));
		for (String row : briefRows) assertTrue(keys.contains(row), "no check for the brief's row '" + row + "' in " + keys);
		boolean anyFails = checks.stream().anyMatch(c -> !c.get("pass").getAsBoolean());
		assertEquals(anyFails ? 3 : 0, r.rc(), "exit code 3 exactly when a check fails:\n" + r.out() + r.err());
		// the printed table has a row per check and the count
		for (JsonObject c : checks) assertTrue(r.out().contains(c.get("expected").getAsString()), r.out());
		assertTrue(r.out().contains((checks.size() - checks.stream().filter(c -> !c.get("pass").getAsBoolean()).count()) + " of "
				+ checks.size() + " checks pass"), r.out());
	}

	@Test
	void experimentsReproduceTheStudysResultsTable() {
		Path out = tmp.resolve("experiments");
		Cli.Result r = Cli.cli("run", CliTest.examples().resolve("sung2023/experiments.cell").toString(), "--out", out.toString());
		System.out.println(r.out());
		assertNotEquals(1, r.rc(), "every experiment ran (COMPLETED or SHORT_CIRCUIT):\n" + r.out() + r.err());
		assertTable(r, checks(out), BRIEF_ROWS_EXPERIMENTS);
		assertVoltageEndsOnTheirCutoffs(out, r.out());
		// the sweep ran too: 3 pressures x 2 temperatures, each in its own folder, its checks not evaluated; the
		// interlayer half cell cycles all 35 cycles at each; at 20 degC no stripping step stalls; at 60 degC, with the
		// Li/LPSCl interphase's measured growth barrier, the Li foil's interphase stops every stripping from cycle 20 at
		// each pressure (the prediction of InterlayerHalfCellAt60C), and the run says so, naming the interphase
		for (String p : List.of("5MPa", "34MPa", "65MPa"))
			for (String t : List.of("20degC", "60degC")) {
				Path summary = CliTest.latest(out, "PressureAndTemperature/InterlayerHalfCell-stack-pressure=" + p + "-temperature=" + t)
						.resolve("summary.json");
				assertTrue(Files.isRegularFile(summary), p + " " + t);
				try {
					JsonObject s = JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
					assertEquals("COMPLETED", s.get("status").getAsString(), p + " " + t);
					assertEquals(35, s.getAsJsonArray("cycles").size(), p + " " + t);
					// (a stripping step whose voltage jumps across its cut-off when the plated Li runs out says so: 65 MPa, 60 degC, cycle 3)
					boolean stalled = false;
					for (JsonElement m : s.getAsJsonArray("messages")) {
						String x = m.getAsString();
						boolean stall = x.matches("STEP_END: warning: cycle 20, step 3\\.2 \\(protocols\\.cell line 33\\) \\(voltage-cutoff at [^)]*\\): the stripping step ended at its voltage cut-off 0.200 V .*")
								&& x.contains("dominant overpotential: interphase");
						stalled |= stall;
						assertTrue(x.contains("(voltage-jump") || t.equals("60degC") && (stall || x.startsWith("STEP_END: warning: the same in 15 later cycles")),
								p + " " + t + ": " + s.get("messages"));
					}
					assertEquals(t.equals("60degC"), stalled, p + " " + t + ": " + s.get("messages"));
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		// the 60 degC prediction is checked like the study's values
		assertTrue(checks(out).stream().anyMatch(c -> c.get("key").getAsString().startsWith("InterlayerHalfCellAt60C: prediction")));
		// every run has its report, the file's runs a front page with the whole comparison and a link to each
		try {
			for (String x : List.of("NucleationBare", "FullCellWithInterlayer", "PressureAndTemperature/InterlayerHalfCell-stack-pressure=5MPa-temperature=20degC"))
				assertTrue(Files.readString(CliTest.latest(out, x).resolve("report.html")).contains("id=\"mechanism-map\""), x);
			String front = Files.readString(out.resolve("report.html"));
			assertTrue(front.matches("(?s).*<a href=\"FullCellWithInterlayer/\\d{8}-\\d{6}-[0-9a-f]{6}/report.html\">.*"), "links the runs' reports");
			for (JsonObject c : checks(out)) assertTrue(front.contains(c.get("expected").getAsString().replace("<", "&lt;").replace(">", "&gt;")), c.toString());
			assertTrue(r.out().contains("report: "), "the run names the front page");
			// the sweep's table (sweep.csv beside its runs) is on the front page
			assertTrue(front.contains("id=\"sweep-PressureAndTemperature\""), "the sweep's section");
			assertTrue(Files.readString(CliTest.latest(out, "PressureAndTemperature/x").getParent().resolve("sweep.csv"))
					.startsWith("run,stack-pressure,temperature,status,"), "sweep.csv: a row per run with its parameters");
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void longCyclingAt60C() {
		Path out = tmp.resolve("long");
		Cli.Result r = Cli.cli("run", CliTest.examples().resolve("sung2023/long-cycling.cell").toString(), "--out", out.toString());
		System.out.println(r.out());
		assertNotEquals(1, r.rc(), r.out() + r.err());
		assertTable(r, checks(out), BRIEF_ROWS_LONG_CYCLING);
		assertVoltageEndsOnTheirCutoffs(out, r.out());
	}

	/**
	 * Every step of every run below out that ended {@code voltage-cutoff} has its last voltage within 1 mV of its
	 * cut-off (issue 13), unless it crossed it at once (no time passed: then the run's messages say "crossed at once", and
	 * its end voltage is its own: past its cut-off, the voltage its set current gives at its start, or null where the
	 * solver has none; never the voltage the step before ended at, as the 5 C discharge of the rate test had);
	 * every {@code voltage-jump} end lies past its cut-off and its run's messages carry the warning naming its cycle and
	 * step (one in full, later ones counted), which the printed summary and the run's report.html show. The step's
	 * cut-offs from the run's inputs.json (the protocol flattened as the step numbers count).
	 */
	static void assertVoltageEndsOnTheirCutoffs(Path out, String printed) {
		int ends = 0;
		try (Stream<Path> files = Files.walk(out)) {
			for (Path f : files.filter(p -> p.getFileName().toString().equals("summary.json") && !p.toString().contains("/latest/")).sorted().toList()) {
				JsonObject s = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
				JsonObject in = JsonParser.parseString(Files.readString(f.resolveSibling("inputs.json"))).getAsJsonObject();
				List<JsonObject> steps = new ArrayList<>();
				flatten(in.getAsJsonObject("protocol").getAsJsonArray("steps"), steps);
				String messages = s.get("messages").toString();
				double lastEnd = Double.NaN, lastV = Double.NaN;
				for (JsonElement ce : s.getAsJsonArray("cycles")) {
					JsonObject c = ce.getAsJsonObject();
					for (JsonElement se : c.getAsJsonArray("steps")) {
						JsonObject st = se.getAsJsonObject();
						String end = st.get("end").getAsString(), where = f + ": cycle " + c.get("index") + ", step " + st.get("step");
						JsonElement ve = st.get("end_voltage_V");
						double v = ve.isJsonNull() ? Double.NaN : ve.getAsDouble(), t = st.get("end_time_h").getAsDouble();
						List<Double> cuts = new ArrayList<>();
						boolean past = false; // past one of its voltage cut-offs
						if (steps.get(st.get("step").getAsInt()).get("cutoffs") instanceof com.google.gson.JsonArray ca)
							for (JsonElement k : ca) {
								String kind = k.getAsJsonObject().get("kind").getAsString();
								if (!kind.startsWith("VOLTAGE")) continue;
								double x = k.getAsJsonObject().get("value").getAsDouble();
								cuts.add(x);
								past |= kind.equals("VOLTAGE_BELOW") ? v < x : v > x;
							}
						double off = cuts.stream().mapToDouble(x -> Math.abs(v - x)).min().orElse(Double.NaN);
						if (end.equals("voltage-cutoff")) {
							ends++;
							boolean atOnce = t == lastEnd && (messages.contains("(crossed at once") || messages.contains("at once, the last in cycle"));
							assertTrue(off <= 1e-3 || atOnce, where + ": ended at " + v + " V, cut-offs " + cuts);
							if (off > 1e-3) // crossed at once: its own voltage, past the cut-off, or none (null); not the step before's
								assertTrue(Double.isNaN(v) || past && v != lastV, where + ": crossed at once, ended at " + v + " V (the step before at "
										+ lastV + " V), cut-offs " + cuts);
						}
						if (end.equals("voltage-jump")) {
							ends++;
							assertTrue(off > 1e-3, where + ": a jump past the cut-off, " + v + " V");
							// the step named as written (summary.json's number, the report's list) and its line: "step 3.2 (protocols.cell line 33)"
							assertTrue(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote("cycle " + c.get("index") + ", step "
									+ st.get("number").getAsString() + " (") + "[^)]*line \\d+\\) \\(voltage-jump at ").matcher(messages).find()
									|| messages.contains("(voltage-jump), the last in cycle"), where + ": " + messages);
							String first = s.getAsJsonArray("messages").asList().stream().map(JsonElement::getAsString)
									.filter(m -> m.contains("(voltage-jump at ")).findFirst().orElseThrow();
							assertTrue(printed.contains(first), where + ": printed " + first);
							assertTrue(Files.readString(f.resolveSibling("report.html")).contains(first.substring(first.indexOf("(voltage-jump at "),
									first.indexOf(": the voltage jumped"))), where + ": in report.html");
						}
						lastEnd = t;
						lastV = v;
					}
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		assertTrue(ends > 0, "no voltage cut-off ends below " + out);
	}

	/** The protocol's steps as the runs number them: repeats unrolled. */
	private static void flatten(com.google.gson.JsonArray in, List<JsonObject> out) {
		for (JsonElement e : in) {
			JsonObject o = e.getAsJsonObject();
			if (o.get("steps") instanceof com.google.gson.JsonArray inner)
				for (int k = 0, n = o.has("count") ? o.get("count").getAsInt() : 1; k < n; k++) flatten(inner, out);
			else out.add(o);
		}
	}
}
