package org.cellwright.report.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cellwright.report.RunReport;
import org.cellwright.run.Cancel;
import org.cellwright.run.RunUnit;
import org.cellwright.run.RunWriter;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.testing.ColdPulses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a run re-run on the finer mesh and, measured beyond the target there, once more (session 40; run.tests'
 * MeshRerunTest's {@link ColdPulses}: cell 6 at -32 degC, four 0.3 C pulses after a 0.1 C charge; 20 x 20, 48 x 40, 72 x 64) says so among
 * its solver messages: both notes, where the other meshes' runs are kept, and no warning of the result.
 */
class MeshRerunReportTest {

	@TempDir Path tmp;

	@Test
	void theReportOfARunReRunOnceMoreSaysBothReRunsAndWhereTheirRunsAreKept() throws Exception {
		ResolvedInputs in = ColdPulses.inputs(new ResolvedInputs.Provenance("Pulses", null, 0, "test", "now", null, true));
		Path run = tmp.resolve("run");
		RunWriter.Outcome o = RunWriter.write(new RunUnit("Pulses", null, in, null, false, Map.of()), "a", run, ProgressListener.NONE, new Cancel());
		assertEquals("COMPLETED", o.status());
		String html = Files.readString(RunReport.write(run));
		int box = html.indexOf("<b>Solver messages</b>");
		assertTrue(box > 0, "a Solver messages box");
		String msgs = html.substring(box);
		assertTrue(msgs.contains("INFO: note: re-run on the 48 x 40 mesh") && msgs.contains("the 20 x 20 run is kept in coarse-mesh/"), msgs);
		assertTrue(msgs.contains("INFO: note: re-run once more, on the 72 x 64 mesh") && msgs.contains("the 48 x 40 run is kept in fine-mesh/"), msgs);
		assertTrue(msgs.contains("the 72 x 64 run is within "), "its error measured from the two finer runs: " + msgs);
		assertFalse(html.contains("ACCURACY: warning"), "no warning of the result");
	}
}
