package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.CellWrightChecker.Severity;
import org.cellwright.lang.library.StandardLibraryIndex;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.model.Layers;
import org.cellwright.lang.validation.CellWrightValidator;
import org.cellwright.model.Cell;
import org.cellwright.model.Layer;
import org.cellwright.model.Model;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Every example and library file parses, validates clean (only the documented warnings) and round-trips. */
public class ExamplesTest {

	@Test
	public void examplesValidateWithOnlyTheDocumentedWarnings() throws Exception {
		List<Path> files = TestFiles.examples();
		assertTrue(files.size() >= 4, "examples found: " + files);
		CellWrightChecker.Result r = new CellWrightChecker().check(files);
		List<CheckIssue> unexpected = new ArrayList<>();
		Set<String> reducedCells = new TreeSet<>();
		for (CheckIssue i : r.issues()) {
			if (i.severity() == Severity.WARNING && CellWrightValidator.SE_REDUCTION.equals(i.code())) {
				assertTrue(i.message().contains("Li2S, Li3P, LiCl"), i.toString());
				reducedCells.add(i.file().replaceAll(".*/", "") + ":" + i.line());
			} else
				unexpected.add(i);
		}
		assertTrue(unexpected.isEmpty(), "unexpected issues:\n" + String.join("\n", unexpected.stream().map(Object::toString).toList()));
		// Li foil on LPSCl: cells 1-5 and 7 and their variants at other pressures and temperatures (Cell2At5MPa,
		// Cell3At5MPa, Cell2At34MPa, Cell2At34MPaAt60C, Cell3At34MPa, Cell4At34MPa, Cell7At5MPa, Cell7At5MPaAt60C; and
		// Cell2At34MPaAt20C of predictions.cell; Cell5At34MPa, Cell5At65MPa, Cell5At5MPaAt60C, Cell7At1MPa,
		// Cell7At100MPa and the eleven half cells of row 5, Cell3At5MPaAtM10C ... Cell2At1MPa, of more-conditions.cell),
		// not cell 6 and its variants (interlayer between them); and Kim's two cathode cells of kim2025.cell (Kim72,
		// Kim62: a Li foil as their counter electrode)
		assertEquals(33, reducedCells.size(), reducedCells.toString());
		assertFalse(r.hasErrors());
	}

	/**
	 * The data files an example names (a measurement, a drive-cycle profile) are in the repository (beside the
	 * example), so that the example runs and fits from a workspace or a copy of the repository alone: a path that
	 * climbs out of the repository (as ecker2015-fit.cell's, marquis2019.cell's and the drive cycles'
	 * ../../shared/... did) fails with "file not found" in the IDE and in a clone without ../shared. Inside the
	 * examples' folder, not only the repository: the IDE's example project is that folder (chen2020-halfcell.cell's
	 * ../bench/pybamm/... was not in it, and its measurements were warned as outside the project; session 20).
	 */
	@Test
	public void examplesReadTheirDataFromInsideTheRepository() throws Exception {
		Path root = TestFiles.repoRoot().resolve("examples").toRealPath();
		CellWrightChecker.Result r = new CellWrightChecker().check(TestFiles.examples());
		int measured = 0, profiles = 0;
		for (var entry : r.models().entrySet()) {
			Path file = entry.getKey().toAbsolutePath();
			for (var it = entry.getValue().eAllContents(); it.hasNext();) {
				var e = it.next();
				String path = null;
				if (e instanceof org.cellwright.model.Experiment x && x.getMeasured() != null) {
					measured++;
					path = x.getMeasured().getPath();
				} else if (e instanceof org.cellwright.model.DriveCycleStep d) {
					profiles++;
					path = d.getPath();
				}
				if (path == null) continue;
				Path data = file.getParent().resolve(path).normalize();
				assertTrue(data.startsWith(root), file.getFileName() + ": " + data + " is outside the examples' folder " + root);
				assertTrue(java.nio.file.Files.isRegularFile(data), file.getFileName() + ": " + data + " missing");
			}
		}
		// measured: ecker2015-fit, marquis2019 and chen2020-halfcell, two each; profiles: drive-cycles and sung2023/drive-cycle
		assertTrue(measured >= 6, "experiments with measured data in the examples: " + measured);
		assertTrue(profiles >= 3, "drive-cycle steps in the examples: " + profiles);
	}

	@Test
	public void libraryValidatesClean() throws Exception {
		CellWrightChecker checker = new CellWrightChecker();
		XtextResourceSet rs = checker.injector().getInstance(XtextResourceSet.class);
		List<Resource> lib = checker.injector().getInstance(StandardLibraryIndex.class).load(rs);
		assertEquals(org.cellwright.library.StandardLibrary.PATHS.size(), lib.size());
		IResourceValidator v = checker.injector().getInstance(IResourceValidator.class);
		for (Resource r : lib) {
			List<Issue> issues = v.validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
			assertTrue(issues.isEmpty(), r.getURI() + ": " + issues);
		}
	}

	@Test
	public void examplesAndLibraryRoundTrip() throws Exception {
		CellWrightChecker checker = new CellWrightChecker();
		List<Path> files = new ArrayList<>(TestFiles.examples());
		CellWrightChecker.Result r = checker.check(files);
		List<Resource> all = new ArrayList<>(r.models().values().stream().map(Model::eResource).toList());
		all.addAll(checker.injector().getInstance(StandardLibraryIndex.class).load(r.resourceSet()));
		for (Resource res : all)
			RoundTripTest.assertRoundTrip(checker, (XtextResource) res);
	}

	@Test
	public void cellSevenIsCellSixWithoutTheInterlayer() throws Exception {
		CellWrightChecker.Result r = new CellWrightChecker().check(TestFiles.examples());
		Cell c6 = null, c7 = null;
		for (Model m : r.models().values())
			for (var e : m.getElements()) {
				if ("Cell6".equals(e.getName()))
					c6 = (Cell) e;
				if ("Cell7".equals(e.getName()))
					c7 = (Cell) e;
			}
		assertEquals(List.of("acc", "foil", "interlayer", "separator", "cathode", "ccc"), Cells.effectiveLayers(c6).stream().map(Layer::getName).toList());
		assertEquals(List.of("acc", "foil", "separator", "cathode", "ccc"), Cells.effectiveLayers(c7).stream().map(Layer::getName).toList());
		assertEquals("65", String.valueOf((int) Cells.effectiveProperties(c7).get("stack-pressure").getValue().getValue()));
	}

	@Test
	public void derivedPorosityOfTheAsCastInterlayerMatchesTheStudy() throws Exception {
		// supplementary table of DOI 10.1002/adma.202210835: 0.135 mg Si + 0.015 mg C on 0.785 cm2, 2 um -> 41.45 % solid
		CellWrightChecker checker = new CellWrightChecker();
		XtextResource res = checker.parse("""
				package t
				import cellwright.composites.*
				import cellwright.materials.*
				cell C {
					layer x: SiCNT 2 um { areal-loading = 0.19108 mg/cm2 }
				}
				""", "derived.cell");
		Layer l = ((Cell) ((Model) res.getContents().get(0)).getElements().get(0)).getLayers().get(0);
		assertEquals(0.4145, Layers.solidFraction(l).getAsDouble(), 0.0005);
		assertEquals(0.5855, Layers.porosity(l).getAsDouble(), 0.0005);
	}
}
