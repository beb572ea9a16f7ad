package org.cellwright.app.views;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cellwright.run.fit.FitReport;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFolderException;
import org.cellwright.run.folder.Summary;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A fit kept in the run store, as {@link FitReport} wrote it ({@code fit.json}, {@code fitted.cell}) with the IDE's
 * before/after simulations of its targets ({@code before/<experiment>/}, {@code after/<experiment>/}, run folders read
 * through {@link RunFolder}); {@code bracket}: a bracket fit's interval ({@link FitReport#bracket}, null for a least-squares fit);
 * {@code meshes}: the mesh each target ran on and who chose it ({@link FitReport#meshes}, as the fit command and report.html
 * read it; a liquid-electrolyte target and every target of a fit.json written before session 39 have none).
 */
public record FitRecord(Path folder, String name, org.cellwright.fit.FitResult.Status status, int evaluations, double seconds, double cost,
		List<Estimate> estimates, double[][] correlation, double[] costHistory, List<String> notes,
		List<Target> targets, org.cellwright.fit.Bracket bracket, List<FitReport.TargetMesh> meshes) {

	/** One estimate: value, 95 % interval (NaN where undetermined), bounds, in {@code unit}. */
	public record Estimate(String target, String unit, double value, double standardError, double lower95, double upper95,
			double lowerBound, double upperBound) {}

	/** A target experiment simulated at the start and the fitted values (either null when absent), with its measurement. */
	public record Target(String experiment, String kind, RunFolder before, RunFolder after, Measurement measured) {}

	public static final String BEFORE = FitReport.BEFORE, AFTER = FitReport.AFTER;

	/** The fit a path stands for: a fit's folder, its fit.json, or the fit's folder in the store (its latest). */
	public static Path folderOf(Path p) {
		if (p == null) return null;
		if (Files.isRegularFile(p)) p = p.toAbsolutePath().getParent();
		if (Files.isRegularFile(p.resolve(FitReport.JSON))) return p;
		Path latest = org.cellwright.run.store.RunStore.latest(p);
		return latest != null && Files.isRegularFile(latest.resolve(FitReport.JSON)) ? latest : null;
	}

	/** Reads a fit; a {@link RunFolderException} names the file when it is none or unreadable. */
	public static FitRecord read(Path path) {
		return read(path, true);
	}

	/**
	 * Reads a fit's fit.json alone: its targets are listed without their before/after runs (null), as a list of fits
	 * (the Runs view) needs them without reading every target's series.
	 */
	public static FitRecord readWithoutRuns(Path path) {
		return read(path, false);
	}

	private static FitRecord read(Path path, boolean runs) {
		Path folder = folderOf(path);
		if (folder == null) throw new RunFolderException(path + ": no " + FitReport.JSON + " (run a fit first: Run > Fit Parameters)");
		Path json = folder.resolve(FitReport.JSON);
		JsonObject o;
		try {
			o = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (IOException | JsonParseException | IllegalStateException e) {
			throw new RunFolderException(json + ": cannot be read as a fit: " + e.getMessage(), e);
		}
		List<Estimate> est = new ArrayList<>();
		for (JsonElement e : array(o, "estimates")) {
			JsonObject j = e.getAsJsonObject();
			est.add(new Estimate(Summary.str(j, "target"), Summary.str(j, "unit"), Summary.num(j, "value"), Summary.num(j, "standard_error"),
					Summary.num(j, "lower_95"), Summary.num(j, "upper_95"), Summary.num(j, "lower_bound"), Summary.num(j, "upper_bound")));
		}
		JsonArray corr = array(o, "correlation");
		double[][] c = new double[corr.size()][];
		for (int i = 0; i < c.length; i++) c[i] = numbers(corr.get(i).getAsJsonArray());
		List<String> notes = FitReport.notes(o); // an old fit's note read as the writer says it now (no "at NaN of the interval")
		List<Target> targets = new ArrayList<>();
		for (JsonElement t : array(o, "targets")) {
			JsonObject j = t.getAsJsonObject();
			String x = Summary.str(j, "experiment");
			RunFolder before = runs ? run(folder.resolve(BEFORE).resolve(x)) : null, after = runs ? run(folder.resolve(AFTER).resolve(x)) : null;
			targets.add(new Target(x, Summary.str(j, "kind"), before, after, after == null ? null : Measurement.of(after, null)));
		}
		return new FitRecord(folder, Summary.str(o, "fit"), FitReport.status(o),
				(int) Summary.num(o, "evaluations"), Summary.num(o, "seconds"), Summary.num(o, "cost"), est, c,
				numbers(array(o, "cost_history")), notes, targets, FitReport.bracket(o), FitReport.meshes(o));
	}

	private static RunFolder run(Path p) {
		if (!RunFolder.isRunFolder(p)) return null;
		try {
			return RunFolder.read(p);
		} catch (RunFolderException e) {
			return null;
		}
	}

	private static JsonArray array(JsonObject o, String key) {
		return o.get(key) instanceof JsonArray a ? a : new JsonArray();
	}

	private static double[] numbers(JsonArray a) {
		return Stream.iterate(0, i -> i + 1).limit(a.size()).mapToDouble(i -> a.get(i).isJsonNull() ? Double.NaN : a.get(i).getAsDouble()).toArray();
	}

	/** Whether the fit converged and determined at least one estimate ({@link #status}). */
	public boolean converged() {
		return status == org.cellwright.fit.FitResult.Status.CONVERGED;
	}

	/** The file with the fitted values. */
	public Path fittedCell() {
		return folder.resolve(FitReport.FITTED);
	}
}
