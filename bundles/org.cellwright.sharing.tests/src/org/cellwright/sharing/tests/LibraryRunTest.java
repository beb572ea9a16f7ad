package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A lab packs its cell design as a library, a colleague installs the archive and simulates an experiment on that cell
 * from a second project: the installed library's parameters are what the solver gets (a newer version with a less
 * conductive electrolyte gives a larger plating overpotential, and the project's version range picks which one runs).
 */
class LibraryRunTest extends LibraryCli {

	/** The lab's half cell (cell 3 of Sung et al., DOI 10.1002/adma.202210835) with its electrolyte's conductivity. */
	static String labCell(String conductivity) {
		return """
				package acme.cells
				// the lab's baseline: steel | LPSCl | Li foil
				material SUS is current-collector { electronic-conductivity = 1.4e4 S/cm }
				material LPSCl is solid-electrolyte {
					density = 1.64 g/cm3
					ionic-conductivity = %s
				}
				material Li is lithium-metal { density = 0.534 g/cm3 }
				cell BareSUS {
					area = 0.785 cm2
					stack-pressure = 5 MPa
					temperature = 25 degC
					layer collector: SUS 10 um
					layer separator: LPSCl 700 um
					layer counter: Li 350 um
					layer backing: SUS 10 um
				}
				""".formatted(conductivity);
	}

	static final String STUDY = """
			package colleague
			import acme.cells.BareSUS
			// plate 0.5 mAh/cm2 on the lab's cell
			protocol Plating { discharge at 0.5 mA/cm2 for 1 h }
			experiment OnTheLabsCell {
				cell BareSUS
				protocol Plating
			}
			""";

	Path packAndInstall(String version, String conductivity) throws IOException {
		Path d = tmp.resolve("src/acme-cells-" + version);
		Files.createDirectories(d);
		Files.writeString(d.resolve("library.json"), "{ \"name\": \"acme-cells\", \"version\": \"" + version
				+ "\", \"licence\": \"CC-BY-4.0\", \"authors\": [\"A. Lab\"] }");
		Files.writeString(d.resolve("cells.cell"), labCell(conductivity));
		assertEquals(0, cli("pack", d.toString(), "--out", tmp.resolve("dist").toString()), out + err);
		Path archive = tmp.resolve("dist/acme-cells-" + version + ".zip");
		assertTrue(Files.isRegularFile(archive), out);
		assertEquals(0, cli("install", archive.toString()), out + err);
		return archive;
	}

	/** Runs the colleague's experiment in a project that wants {@code range} of acme-cells; the plating voltage [V]. */
	double platingVoltage(String range) throws IOException {
		Path p = tmp.resolve("colleague-" + range.replaceAll("[^0-9.]", "_"));
		Files.createDirectories(p);
		Files.writeString(p.resolve("cellwright-project.json"),
				"{ \"name\": \"colleague\", \"libraries\": { \"acme-cells\": \"" + range + "\" } }");
		Files.writeString(p.resolve("study.cell"), STUDY);
		Path results = p.resolve("results");
		assertEquals(0, cli("run", p.resolve("study.cell").toString(), "--out", results.toString()), out + err);
		assertTrue(out.contains("OnTheLabsCell: COMPLETED"), out);
		JsonObject summary = JsonParser.parseString(Files.readString(results.resolve("OnTheLabsCell/latest/summary.json"))).getAsJsonObject();
		assertEquals("COMPLETED", summary.get("status").getAsString());
		List<String> ts = Files.readAllLines(results.resolve("OnTheLabsCell/latest/timeseries.csv"));
		String[] last = ts.get(ts.size() - 1).split(",");
		// plated 0.5 mA/cm2 x 1 h: the step capacity is what the protocol asked for
		assertEquals(-0.5, Double.parseDouble(last[7]), 1e-3, "step_capacity_mAh_cm2 of the last sample");
		return Double.parseDouble(last[3]);
	}

	@Test
	void anExperimentRunsOnACellFromAnInstalledLibrary() throws Exception {
		packAndInstall("1.0.0", "2.5 mS/cm");
		packAndInstall("2.0.0", "0.25 mS/cm");
		double v1 = platingVoltage("[1.0,2.0)"), v2 = platingVoltage("[2.0,3.0)");
		// ohmic drop of 0.5 mA/cm2 (5 A/m2) through 700 um of SE: 5 * 7e-4 / 0.25 = 14 mV at 2.5 mS/cm and 140 mV at
		// 0.25 mS/cm; the difference between the two installed versions is that ohmic difference
		assertTrue(v1 < 0 && v2 < v1, v1 + " V (1.0.0) vs " + v2 + " V (2.0.0)");
		assertEquals(5 * 7e-4 * (1 / 0.025 - 1 / 0.25), v1 - v2, 0.01, "the newer library's electrolyte is ten times less conductive");
	}
}
