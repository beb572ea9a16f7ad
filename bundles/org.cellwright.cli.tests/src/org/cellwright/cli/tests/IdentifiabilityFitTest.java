package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cellwright.lang.model.Cells;
import org.cellwright.lang.model.Composites;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Element;
import org.cellwright.model.Fit;
import org.cellwright.model.FitEstimate;
import org.cellwright.model.FitTarget;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Model;
import org.cellwright.model.Property;
import org.cellwright.model.Quantity;
import org.cellwright.run.CellFiles;
import org.cellwright.run.fit.FitRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The identifiability fits of the interlayer study (examples/sung2023/identifiability.cell; J. Sung et al., Adv.
 * Mater. 2023, DOI 10.1002/adma.202210835), checked without running them: each asks whether the study's published
 * numbers determine a value the standard library still marks "calibrated" (or one calibration.cell fits beside it),
 * starts from the library's value, targets experiments with published numbers of the study, and is reported in
 * docs/calibration.md. Running them is `./cellwright fit examples/sung2023/identifiability.cell --fit NAME`.
 */
class IdentifiabilityFitTest {

	static final String STUDY = "10.1002/adma.202210835";
	static final List<String> FITS = List.of("InterlayerTransport", "LithiumMechanics", "LithiumInterphaseConduction");
	static final Map<String, Fit> fits = new LinkedHashMap<>();
	static final Map<String, Material> materials = new LinkedHashMap<>();

	@BeforeAll
	static void load() {
		CellFiles files = CliTest.exampleFiles("sung2023");
		for (Model m : files.models())
			for (Element e : m.getElements())
				if (e instanceof Fit f && "sung2023.identifiability".equals(m.getName())) fits.put(f.getName(), f);
		for (Fit f : fits.values())
			for (FitTarget t : f.getTargets())
				for (Layer l : Cells.effectiveLayers(t.getExperiment().getCell()))
					for (Material mat : Composites.materialsWithin(l.getMaterial())) materials.putIfAbsent(mat.getName(), mat);
	}

	static Property property(String target) {
		String[] parts = target.split("\\.");
		assertEquals(2, parts.length, target + " is Material.property");
		Material m = materials.get(parts[0]);
		assertNotNull(m, target + ": its material is in the targets' cells");
		return m.getProperties().stream().filter(x -> x.getName().equals(parts[1])).findFirst()
				.orElseThrow(() -> new AssertionError(target + " is written in the library"));
	}

	static double in(Quantity q, String unit) {
		return Units.convert(q.getValue(), q.getUnit() == null ? "" : q.getUnit(), unit);
	}

	@Test
	void theFitsResolveAndEachEstimateAppliesToEveryTargetCell() {
		assertEquals(FITS, List.copyOf(fits.keySet()));
		for (Fit f : fits.values()) {
			FitRunner.Plan plan = FitRunner.plan(f);
			assertEquals(f.getEstimates().size(), plan.estimates().size(), f.getName());
			CalibrationFitTest.assertEachEstimateAppliesToEveryTargetCell(f);
		}
	}

	@Test
	void eachEstimateIsAnOpenLibraryValueAndStartsFromIt() {
		for (Fit f : fits.values())
			for (FitEstimate e : f.getEstimates()) {
				Property p = property(e.getTarget());
				// only values without a measurement are asked about; none of these fits writes a library value
				assertTrue("calibrated".equals(p.getSource()) || "fitted: calibration.cell".equals(p.getSource()),
						e.getTarget() + " is open, not measured: " + p.getSource());
				assertNotNull(e.getInitial(), e.getTarget());
				String unit = e.getLower().getUnit() == null ? "" : e.getLower().getUnit();
				double library = in(p.getValue(), unit), start = in(e.getInitial(), unit);
				assertEquals(library, start, 1e-9 * Math.abs(library), f.getName() + ": " + e.getTarget() + " starts from the library's value");
				assertTrue(start > e.getLower().getValue() && start < in(e.getUpper(), unit), e.getTarget() + " inside its bounds");
			}
	}

	@Test
	void everyTargetHasPublishedNumbersOfTheStudy() {
		for (Fit f : fits.values())
			for (FitTarget t : f.getTargets()) {
				assertFalse(t.isMeasured(), f.getName());
				long published = t.getExperiment().getExpectations().stream()
						.filter(x -> x.getValue() != null && STUDY.equals(x.getSource())).count();
				assertTrue(published > 0, f.getName() + ": " + t.getExperiment().getName() + " has no published number");
			}
	}

	@Test
	void theCalibrationDocumentReportsEveryFit() throws Exception {
		String text = Files.readString(CliTest.examples().getParent().resolve(Path.of("docs", "calibration.md")));
		for (String f : FITS) assertTrue(text.contains("| `" + f + "` |"), "docs/calibration.md has a result row for " + f);
	}
}
