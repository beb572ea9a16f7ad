package org.cellwright.run.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.cellwright.run.Cancel;
import org.cellwright.run.RunUnit;
import org.cellwright.run.RunWriter;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;

/**
 * The Spark task of one run, on a worker: {@link RunWriter#write} (the same code as a local run) into a temporary
 * folder, whose files go back to the driver; the folder is deleted. A run that fails in the solver is a result (status
 * FAILED, its error in summary.json), not a task failure: Spark does not retry it. Anything else that goes wrong (the
 * temporary folder cannot be written, the executor is lost) fails the task, and Spark runs it again, elsewhere if it
 * can, up to {@code spark.task.maxFailures} times.
 */
public final class RunOnWorker implements Function<UnitTask, UnitResult> {
	private static final long serialVersionUID = 1L;

	@Override
	public UnitResult call(UnitTask t) throws IOException {
		ResolvedInputs in = InputsJson.parse(t.inputsJson(), t.name() + "/" + InputsJson.FILE_NAME);
		RunUnit unit = new RunUnit(t.name(), t.variant(), in, null, false, t.parameters());
		Path tmp = Files.createTempDirectory("cellwright-run-");
		try {
			RunWriter.Outcome o = RunWriter.write(unit, t.runId(), tmp, Path.of(t.recordedIn()), ProgressListener.NONE, new Cancel());
			LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
			List<Path> all;
			try (Stream<Path> s = Files.walk(tmp)) {
				all = s.filter(Files::isRegularFile).sorted().toList();
			}
			for (Path f : all) files.put(tmp.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
			TaskContext tc = TaskContext.get();
			String where = SparkEnv.get() == null ? "?" : SparkEnv.get().executorId();
			return new UnitResult(files, o.status(), o.seconds(), o.error() == null ? null : o.error().toString(), where,
					tc == null ? 0 : tc.attemptNumber());
		} finally {
			org.cellwright.lang.files.FileTrees.deleteTree(tmp);
		}
	}
}
