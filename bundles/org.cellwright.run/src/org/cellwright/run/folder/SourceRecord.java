package org.cellwright.run.folder;

import static org.cellwright.solver.output.SummaryKeys.RUN_FOLDER;
import static org.cellwright.solver.output.SummaryKeys.RUN_SOURCE_RELATIVE_TO;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.cellwright.run.store.RunStore;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * How a run folder names the .cell file its run came from, in each of its records (summary.json's {@code run},
 * inputs.json's and dfn-inputs.json's {@code provenance}): relative to the run folder itself, marked {@code
 * source_relative_to: "run-folder"}, so that it is found whatever the working folder of the process that ran it or
 * reads it (an IDE started anywhere, the command line) and when the project is moved whole. The one place that writes
 * and reads that form: a record written before it (no mark) names its source as it was recorded, relative to the
 * working folder of the process that ran it, or absolutely, and is read as it stands.
 */
public final class SourceRecord {
	private SourceRecord() {}

	/**
	 * For writing into {@code folder} (the folder the record will lie in; a run is written into a hidden folder beside
	 * its final one, at the same depth): the member {@code key} of {@code holder}, when an absolute path, is made
	 * relative to the folder and marked. Changes {@code holder}; a source not named absolutely is left as it is.
	 */
	public static void relativeTo(JsonObject holder, String key, Path folder) {
		String s = Summary.str(holder, key);
		if (s == null) return;
		try {
			Path p = Path.of(s);
			if (!p.isAbsolute()) return;
			holder.addProperty(key, folder.toAbsolutePath().normalize().relativize(p.normalize()).toString().replace('\\', '/'));
			holder.addProperty(RUN_SOURCE_RELATIVE_TO, RUN_FOLDER);
		} catch (IllegalArgumentException e) { // InvalidPathException too
			// not a path of this file system (another root): kept as recorded
		}
	}

	/**
	 * For reading a record that lies in {@code folder}: a marked member {@code key} of {@code holder} is made absolute
	 * ({@link #resolved}) and the mark taken away. Changes {@code holder}; an unmarked record is left as recorded.
	 */
	public static void resolveIn(JsonObject holder, String key, Path folder) {
		if (!RUN_FOLDER.equals(Summary.str(holder, RUN_SOURCE_RELATIVE_TO)) || Summary.str(holder, key) == null) return;
		holder.addProperty(key, resolved(folder, Summary.str(holder, key)).toString());
		holder.remove(RUN_SOURCE_RELATIVE_TO);
	}

	/**
	 * The file a source named relative to the run folder {@code folder} is: the path resolved in it; where that is no
	 * file, the file of the run's history ({@link RunStore#historyOf}: {@code results/a/t.cell/} keeps {@code a/t.cell},
	 * {@code results/t/} keeps {@code t.cell}) when there is one and it has the same name (the file moved with its
	 * history) or the path leads into {@code results/} or out of the project (a history moved to another depth: an old
	 * {@code results/t/} to {@code results/a/t.cell/}, a file moved between the project's top folder and a folder; a
	 * record is written once, relative to the folder the run was written in). Otherwise as resolved: a file renamed
	 * at its depth keeps its old name (the file the run ran, gone), as does one deleted.
	 */
	static Path resolved(Path folder, String recorded) {
		Path run = folder.toAbsolutePath().normalize(), p = run.resolve(recorded.replace('\\', '/')).normalize();
		if (Files.isRegularFile(p) || p.getFileName() == null) return p;
		RunStore.History h = RunStore.historyOf(run);
		if (h == null || !Files.isRegularFile(h.cellFile())) return p;
		boolean moved = h.cellFile().getFileName().equals(p.getFileName()), offDepth = p.startsWith(h.results()) || !p.startsWith(h.project());
		return moved || offDepth ? h.cellFile() : p;
	}

	/** The member of inputs.json that holds the provenance, and its member naming the source. */
	private static final String PROVENANCE = "provenance", INPUTS_SOURCE = "source_file";

	/**
	 * Writes a run's {@code inputs.json} into {@code folder}, its source named relative to {@code recordedIn} (the
	 * folder the run's files will lie in: {@code folder} itself, or on a Spark worker the driver's run folder).
	 */
	public static void writeInputs(ResolvedInputs in, Path folder, Path recordedIn) {
		JsonObject j = InputsJson.toJson(in);
		if (j.get(PROVENANCE) instanceof JsonObject p) relativeTo(p, INPUTS_SOURCE, recordedIn);
		InputsJson.write(j, folder.resolve(InputsJson.FILE_NAME));
	}

	/**
	 * Reads an {@code inputs.json} of a run folder (or one copied out of it) for a purpose (InputsJson.Purpose: to run
	 * it again, held to the limits; or as the record of the run, read as it is): a source named relative to the file's
	 * folder is given absolute ({@link ResolvedInputs.Provenance#sourceFile}); every problem is an InputsJsonException
	 * naming the file, as {@link InputsJson#read}.
	 */
	public static ResolvedInputs readInputs(Path file, String where, InputsJson.Purpose purpose) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		} catch (IOException e) {
			return InputsJson.read(file, purpose); // its message names the file
		}
		try {
			JsonElement e = JsonParser.parseString(text);
			if (e.isJsonObject() && e.getAsJsonObject().get(PROVENANCE) instanceof JsonObject p
					&& RUN_FOLDER.equals(Summary.str(p, RUN_SOURCE_RELATIVE_TO))) {
				resolveIn(p, INPUTS_SOURCE, file.toAbsolutePath().normalize().getParent());
				text = e.toString();
			}
		} catch (JsonParseException | InvalidPathException e) {
			// read as it stands: the parser names the place
		}
		ResolvedInputs in = InputsJson.parse(text, where, purpose);
		// the measurement's copy kept in the run folder, named relative to it: absolute, found from any working folder
		ResolvedInputs.Measured m = in.measured();
		if (m != null && m.copy() != null)
			in = in.withMeasured(new ResolvedInputs.Measured(m.file(), file.toAbsolutePath().normalize().resolveSibling(m.copy()).toString(),
					m.sha256(), m.line(), m.column()));
		return in;
	}

	/**
	 * The record of a run ({@link #readInputs(Path, String, InputsJson.Purpose)} as {@code RECORD}), naming the file as
	 * given: what was run, read for a report or a view whatever the limits say now (they refuse running it again).
	 */
	public static ResolvedInputs readRecord(Path file) {
		return readInputs(file, file.toString(), InputsJson.Purpose.RECORD);
	}
}
