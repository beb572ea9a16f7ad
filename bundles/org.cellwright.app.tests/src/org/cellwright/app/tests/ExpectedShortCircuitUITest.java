package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.spin;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cellwright.app.ExperimentJob;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A short circuit the experiment expects ({@code expect status = short-circuit}, which passes) ends the IDE's job with
 * an info, which the Error Log does not take; one nobody expected is a warning in it. Both name their run folder as the
 * workspace does. The study's BareHalfCell, whose expected short circuit passes, ended its job with the warning
 * "short circuit; results up to it are kept in /work/.../results/..." (the path on disk), as for a short nobody
 * expected (seen walking the product, session 25).
 */
class ExpectedShortCircuitUITest extends ProjectUITest {

	/** The study's bare steel half cell at 65 MPa (BareAt65MPa of experiments.cell, which shorts in its first hours). */
	static final String EXPERIMENTS = """
			package sc.experiments

			import sc.cells.*
			import sc.protocols.*

			experiment Expected { cell Cell3 protocol BareCycling expect status = short-circuit }
			experiment Unexpected { cell Cell3 protocol BareCycling }
			""";

	final List<IStatus> logged = Collections.synchronizedList(new ArrayList<>());
	final ILogListener listener = (status, plugin) -> logged.add(status);
	IFile experiments;

	@BeforeEach
	void setUp() throws Exception {
		project = IdeUITest.newProject("short-circuit");
		// the study's cells and protocols under packages of their own (the study itself is in the workspace too)
		Path study = Path.of(System.getProperty("cellwright.examples")).resolve("sung2023");
		IdeUITest.newFile(project, "half-cells.cell",
				Files.readString(study.resolve("half-cells.cell")).replace("package sung2023.cells", "package sc.cells"));
		IdeUITest.newFile(project, "protocols.cell",
				Files.readString(study.resolve("protocols.cell")).replace("package sung2023.protocols", "package sc.protocols"));
		experiments = IdeUITest.newFile(project, "experiments.cell", EXPERIMENTS);
		Platform.addLogListener(listener);
	}

	@AfterEach
	void tearDown() {
		Platform.removeLogListener(listener);
	}

	private IStatus run(String experiment) {
		ExperimentJob job = new ExperimentJob(experiments, experiment);
		job.schedule();
		spin(() -> job.getResult() != null, 120_000, "the run of " + experiment);
		assertEquals(1, job.outcomes().size(), job.outcomes().toString());
		assertEquals("SHORT_CIRCUIT", job.outcomes().get(0).statusName(), "the study's bare half cell at 65 MPa shorts");
		IdeUITest.flush();
		return job.getResult();
	}

	@Test
	void anExpectedShortCircuitIsAnInfoAndOneNobodyExpectedAWarningInTheErrorLog() throws Exception {
		IStatus expected = run("Expected");
		assertEquals(IStatus.INFO, expected.getSeverity(), "an info, not a warning: " + expected);
		assertEquals(1, expected.getChildren().length, expected.toString());
		String message = expected.getChildren()[0].getMessage();
		assertTrue(message.startsWith("Expected: short circuit, as expected (expect status = short-circuit passes); results in /short-circuit/results/experiments/Expected/"),
				message);
		assertTrue(logged.stream().noneMatch(s -> s.toString().contains("short circuit")), "nothing in the Error Log: " + logged);

		IStatus unexpected = run("Unexpected");
		assertEquals(IStatus.WARNING, unexpected.getSeverity(), unexpected.toString());
		String warning = unexpected.getChildren()[0].getMessage();
		assertTrue(warning.startsWith("Unexpected: short circuit; results up to it are kept in /short-circuit/results/experiments/Unexpected/"),
				"the run folder as the workspace names it: " + warning);
		spin(() -> logged.stream().anyMatch(s -> s.getSeverity() == IStatus.WARNING && s.toString().contains(warning)), 10_000,
				() -> "the warning in the Error Log: " + logged);
	}
}
