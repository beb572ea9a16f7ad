package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code cellwright run examples/sung2023/experiments.cell} (and long-cycling.cell) reproduce, through the DSL, what
 * the solver's calibration tests get from Sung2023Parameters, within the same tolerances (StudyCalibrationTest,
 * ElectrodePhysicsTest, InterlayerAndMechanicsTest), against the study (DOI 10.1002/adma.202210835).
 */
class StudyResultsTest {

	@TempDir Path tmp;

	static JsonObject summary(Path out, String experiment) {
		try {
			return JsonParser.parseString(Files.readString(out.resolve(experiment).resolve("summary.json"))).getAsJsonObject();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static JsonObject cycle(JsonObject s, int i) {
		return s.getAsJsonArray("cycles").get(i).getAsJsonObject();
	}

	static double ce(JsonObject s, int i) {
		return cycle(s, i).get("coulombic_efficiency").getAsDouble();
	}

	static String status(JsonObject s) {
		return s.get("status").getAsString();
	}

	@Test
	void experimentsReproduceTheSolversStudyResults() {
		Path out = tmp.resolve("experiments");
		long t0 = System.nanoTime();
		CliTest.Result r = CliTest.cli("run", CliTest.examples().resolve("sung2023/experiments.cell").toString(), "--out", out.toString());
		double secs = (System.nanoTime() - t0) / 1e9;
		System.out.println(r.out());
		assertEquals(0, r.rc(), "every experiment COMPLETED or SHORT_CIRCUIT:\n" + r.out() + r.err());
		assertTrue(secs < 60, "the study's experiments run in well under a minute: " + secs + " s");

		// formation: the Si of the table masses takes ~0.616 mAh/cm2, ~98 % reached at 5 mV
		JsonObject formation = summary(out, "Formation");
		assertEquals("COMPLETED", status(formation));
		assertEquals(0.616, cycle(formation, 0).get("discharge_mAh_cm2").getAsDouble(), 0.03);

		// nucleation overpotential of the first plating: 14.2 mV on SUS, 1.5 mV on the interlayer (the study)
		assertEquals(14.2, summary(out, "NucleationBare").get("nucleation_overpotential_mV").getAsDouble(), 2.0);
		assertEquals(1.5, summary(out, "NucleationInterlayer").get("nucleation_overpotential_mV").getAsDouble(), 0.5);

		// initial Coulombic efficiency: bare 89.4 % (the study), the interlayer clearly higher
		double ceBare = ce(summary(out, "FirstCycleBare"), 0), ceInter = ce(summary(out, "FirstCycleInterlayer"), 0);
		assertEquals(0.894, ceBare, 0.02);
		assertTrue(ceBare < ceInter - 0.03, ceBare + " vs " + ceInter);

		// 34 MPa: bare and CNT-only collectors short early, the interlayer cell cycles on with CE > 99 %
		JsonObject bare = summary(out, "BareHalfCell"), cnt = summary(out, "CntHalfCell"), inter = summary(out, "InterlayerHalfCell");
		assertEquals("SHORT_CIRCUIT", status(bare));
		assertTrue(bare.get("end_time_h").getAsDouble() < 100, bare.toString());
		assertEquals("SHORT_CIRCUIT", status(cnt));
		assertEquals("COMPLETED", status(inter));
		JsonArray cycles = inter.getAsJsonArray("cycles");
		assertEquals(35, cycles.size());
		double sum = 0;
		for (int i = 0; i < cycles.size(); i++) sum += ce(inter, i);
		assertTrue(sum / cycles.size() > 0.99, "average CE " + sum / cycles.size());
		assertTrue(inter.get("end_time_h").getAsDouble() > 240, inter.get("end_time_h").toString());

		// full cells at 65 MPa, first cycle: 207.8 mAh/g and CE 92.0 % with the interlayer; 205.1 mAh/g and 86.5 %
		// without, which then shorts; at 5 MPa the baseline has no soft short and a higher efficiency
		JsonObject full = summary(out, "FullCellWithInterlayer"), base = summary(out, "FullCellBaseline");
		assertEquals("COMPLETED", status(full));
		assertEquals(207.8, cycle(full, 0).get("discharge_mAh_g").getAsDouble(), 5.0);
		assertEquals(0.920, ce(full, 0), 0.015);
		assertEquals("SHORT_CIRCUIT", status(base));
		assertEquals(205.1, cycle(base, 0).get("discharge_mAh_g").getAsDouble(), 10.0);
		assertEquals(0.865, ce(base, 0), 0.02);
		assertTrue(ce(summary(out, "FullCellBaselineAt5MPa"), 0) > ce(base, 0) + 0.03);
	}

	@Test
	void longCyclingAt60C() {
		Path out = tmp.resolve("long");
		CliTest.Result r = CliTest.cli("run", CliTest.examples().resolve("sung2023/long-cycling.cell").toString(), "--out", out.toString());
		System.out.println(r.out());
		assertEquals(0, r.rc(), r.out() + r.err());
		// with the interlayer: 88.9 % retention after 200 cycles (the study), CE ~99.9 % after tens of cycles
		JsonObject full = summary(out, "FullCellLongCycling");
		assertEquals(200, full.getAsJsonArray("cycles").size());
		double first = cycle(full, 1).get("discharge_mAh_cm2").getAsDouble();
		assertEquals(0.889, cycle(full, 199).get("discharge_mAh_cm2").getAsDouble() / first, 0.03);
		assertTrue(ce(full, 60) > 0.998, "CE " + ce(full, 60));
		// the baseline fades drastically
		JsonObject base = summary(out, "BaselineLongCycling");
		double b1 = cycle(base, 1).get("discharge_mAh_cm2").getAsDouble();
		assertTrue(cycle(base, 59).get("discharge_mAh_cm2").getAsDouble() / b1 < 0.8, base.get("status").toString());
	}
}
