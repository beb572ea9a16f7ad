package org.cellwright.run.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.cellwright.fit.FitResult;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.model.Composites;
import org.cellwright.model.Cell;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Property;
import org.cellwright.model.Quantity;
import org.cellwright.run.dfn.DfnMapping;
import org.cellwright.run.store.Atomic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * What a fit leaves: {@code fit.json} (estimates with standard errors, 95 % intervals and units, the correlation
 * matrix, the cost history, evaluations, notes; a bracket fit's interval as {@value #BRACKET}) and {@code fitted.cell}, a copy of the .cell file in which each
 * estimated property that the file itself writes has the fitted value, with {@code source "fitted: <fit>, <date>"};
 * estimates the file does not write (inherited from a library, a property not written yet) are listed at its top.
 */
public final class FitReport {
	private FitReport() {}

	public static final String JSON = org.cellwright.run.folder.RunFiles.FIT;
	public static final String FITTED = "fitted.cell";
	/** Beside fit.json: the targets simulated at the start values and at the fitted values (one run folder per experiment). */
	public static final String BEFORE = "before", AFTER = "after";
	/**
	 * The member of a target in fit.json: the mesh every evaluation of it ran on ({@code particle_nodes}, {@code
	 * cathode_nodes}) and {@code why} (the first evaluation's: FitRunner.Mesh; session 39); absent for a
	 * liquid-electrolyte target and in a fit.json written before.
	 */
	public static final String MESH = "mesh";

	/** A target's mesh as fit.json records it ({@value #MESH}): its experiment, the mesh ("48 x 40": shells x volumes) and who chose it. */
	public record TargetMesh(String experiment, String mesh, String why) {}

	/**
	 * The meshes a fit.json records, one per target in its order (the writer's counterpart, for the command line and the
	 * fit's report.html): a target without one (a liquid-electrolyte cell, on its own mesh; every target of a fit.json
	 * written before session 39) is left out.
	 */
	public static List<TargetMesh> meshes(JsonObject fit) {
		List<TargetMesh> out = new ArrayList<>();
		if (fit == null || !(fit.get("targets") instanceof JsonArray targets)) return out;
		for (com.google.gson.JsonElement t : targets)
			if (t instanceof JsonObject o && o.get(MESH) instanceof JsonObject m && m.get("particle_nodes") != null && m.get("cathode_nodes") != null)
				out.add(new TargetMesh(org.cellwright.run.folder.Summary.str(o, "experiment"),
						new FitRunner.Mesh(m.get("particle_nodes").getAsInt(), m.get("cathode_nodes").getAsInt(), null).text(),
						org.cellwright.run.folder.Summary.str(m, "why")));
		return out;
	}

	/** What the meshes of a fit say beside them (report.html's mesh section, the IDE's Fit Report view): where none is recorded, why. */
	public static final String NO_MESH = "no mesh recorded: a liquid-electrolyte target runs on its own mesh, and a fit.json written before"
			+ " session 39 records none";
	/** Under the meshes: every evaluation of a target ran on its mesh (one mesh per target, session 39). */
	public static final String ONE_MESH = "Every evaluation of a target, and its runs at the start and at the fitted values, ran on this mesh:"
			+ " the first evaluation's (docs/research-loop.md, \"One mesh per target\").";
	/** Under the meshes when a target has none. */
	public static final String UNLISTED_MESH = "A target not listed is a liquid-electrolyte cell, on its own mesh.";

	/**
	 * A target's mesh in one line, as the fit command prints it: "mesh of X: 48 x 40 (particle shells x cathode control
	 * volumes), the first evaluation's: re-run on 48 x 40 (...); every evaluation on it, none re-run".
	 */
	public static String meshLine(TargetMesh m) {
		return "mesh of " + m.experiment() + ": " + m.mesh() + " (particle shells x cathode control volumes)" + (m.why() == null ? "" : ", " + m.why());
	}

	/**
	 * A target's check's note in a fit's views (report.html's targets table, the IDE's Fit Report): the note of its run at
	 * the fitted values (checks.json's, RunFolder.Check#note), and the one at the start values where it says otherwise
	 * ("Note: A; at the start values: B"); null when neither has one. {@code before} may be null.
	 */
	public static String checkNote(org.cellwright.run.folder.RunFolder.Check before, org.cellwright.run.folder.RunFolder.Check after) {
		String a = after == null || after.note() == null || after.note().isBlank() ? null : after.note();
		String b = before == null || before.note() == null || before.note().isBlank() ? null : before.note();
		if (b == null || b.equals(a)) return a == null ? null : "Note: " + a;
		return a == null ? "Note at the start values: " + b : "Note: " + a + "; at the start values: " + b;
	}

	public static JsonObject json(FitRunner.Plan plan, FitResult r, double seconds) {
		JsonObject o = new JsonObject();
		o.addProperty("fit", plan.fit().getName());
		o.addProperty("converged", r.converged());
		o.addProperty(STATUS, r.status().text());
		o.addProperty("evaluations", r.evaluations());
		o.addProperty("iterations", r.iterations());
		o.addProperty("seconds", seconds);
		o.addProperty("cost", r.cost());
		o.addProperty("degrees_of_freedom", r.degreesOfFreedom());
		JsonArray est = new JsonArray();
		for (int i = 0; i < r.names().size(); i++) {
			JsonObject e = new JsonObject();
			FitRunner.Estimate pe = plan.estimates().get(i);
			e.addProperty("target", pe.target());
			e.addProperty("unit", unit(plan, pe));
			e.addProperty("value", r.values()[i]);
			e.addProperty("start", pe.parameter().initial());
			e.addProperty("standard_error", finite(r.standardErrors()[i]));
			e.addProperty("lower_95", finite(r.lower95()[i]));
			e.addProperty("upper_95", finite(r.upper95()[i]));
			e.addProperty("lower_bound", pe.parameter().lower());
			e.addProperty("upper_bound", pe.parameter().upper());
			est.add(e);
		}
		o.add("estimates", est);
		if (r.bracket() != null) o.add(BRACKET, bracket(r.bracket(), unit(plan, plan.estimates().get(0))));
		JsonArray corr = new JsonArray();
		for (double[] row : r.correlation()) {
			JsonArray a = new JsonArray();
			for (double v : row) a.add(finite(v));
			corr.add(a);
		}
		o.add("correlation", corr);
		JsonArray hist = new JsonArray();
		r.costHistory().forEach(hist::add);
		o.add("cost_history", hist);
		JsonArray notes = new JsonArray();
		r.notes().forEach(notes::add);
		o.add("notes", notes);
		JsonArray targets = new JsonArray();
		for (FitRunner.Target t : plan.targets()) {
			JsonObject j = new JsonObject();
			j.addProperty("experiment", t.experiment().getName());
			j.addProperty("kind", t.measured() != null ? "measured" : "expectations");
			j.addProperty("weight", t.weight());
			targets.add(j);
		}
		o.add("targets", targets);
		return o;
	}

	/**
	 * The member of fit.json of a bracket fit ({@code method bracket}): {@code target}, {@code unit}, {@code start},
	 * {@code start_position} (0 at the lower end, 1 at the upper), {@code coordinates} (log or linear), {@code resolution}
	 * (relative to the value), {@code closed} (both ends found by the expectations), and {@code lower}, {@code upper}:
	 * each {@code passes} (the interval's end), {@code fails} (the nearest value beyond at which an expectation fails;
	 * null when none fails up to the bound), {@code to_bound}, {@code failing} (what fails there) and {@code resolved}.
	 */
	public static final String BRACKET = "bracket";

	private static JsonObject bracket(org.cellwright.fit.Bracket b, String unit) {
		JsonObject o = new JsonObject();
		o.addProperty("target", b.name());
		o.addProperty("unit", unit);
		o.addProperty("start", b.start());
		o.addProperty("start_position", finite(b.startPosition()));
		o.addProperty("coordinates", b.logarithmic() ? "log" : "linear");
		o.addProperty("resolution", b.resolution());
		o.addProperty("closed", b.closed());
		o.add("lower", end(b.lower()));
		o.add("upper", end(b.upper()));
		return o;
	}

	/**
	 * A fit.json's {@value #BRACKET} member read back (the writer's counterpart, for the views that show a kept fit):
	 * null when the fit is not a bracket or the member is unreadable; an end's {@code fails} NaN where it is null (to the bound).
	 */
	public static org.cellwright.fit.Bracket bracket(JsonObject fit) {
		if (fit == null || !(fit.get(BRACKET) instanceof JsonObject b) || !(b.get("lower") instanceof JsonObject lo)
				|| !(b.get("upper") instanceof JsonObject up))
			return null;
		return new org.cellwright.fit.Bracket(org.cellwright.run.folder.Summary.str(b, "target"),
				org.cellwright.run.folder.Summary.num(b, "start"), end(lo), end(up), "log".equals(org.cellwright.run.folder.Summary.str(b, "coordinates")),
				org.cellwright.run.folder.Summary.num(b, "resolution"));
	}

	private static org.cellwright.fit.Bracket.End end(JsonObject e) {
		List<String> failing = new java.util.ArrayList<>();
		if (e.get("failing") instanceof JsonArray a) a.forEach(f -> failing.add(f.getAsString()));
		return new org.cellwright.fit.Bracket.End(org.cellwright.run.folder.Summary.num(e, "passes"), org.cellwright.run.folder.Summary.num(e, "fails"),
				failing, e.get("resolved") != null && e.get("resolved").getAsBoolean());
	}

	private static JsonObject end(org.cellwright.fit.Bracket.End e) {
		JsonObject o = new JsonObject();
		o.addProperty("passes", e.passes());
		o.addProperty("fails", finite(e.fails()));
		o.addProperty("to_bound", e.toBound());
		JsonArray failing = new JsonArray();
		e.failing().forEach(failing::add);
		o.add("failing", failing);
		o.addProperty("resolved", e.resolved());
		return o;
	}

	/**
	 * A fit.json's notes as a user reads them (the Fit Report view, the fit's report.html): as written, except a
	 * bracket's note written before session 30, which placed a start that is the whole interval (every value evaluated
	 * beside it failed) "at NaN of the interval": that clause says what the writer says now ({@link
	 * org.cellwright.fit.Bracket#startPlace}), "start 80.00 the whole interval".
	 */
	public static List<String> notes(JsonObject fitJson) {
		List<String> notes = new ArrayList<>();
		if (fitJson != null && fitJson.get("notes") instanceof JsonArray a)
			for (com.google.gson.JsonElement n : a)
				if (n.isJsonPrimitive()) notes.add(OLD_WHOLE_INTERVAL.matcher(n.getAsString()).replaceAll(org.cellwright.fit.Bracket.WHOLE_INTERVAL));
		return notes;
	}

	/** The start's place in a zero-width interval as fit.json said it before session 30 ("at NaN of it" for a while). */
	private static final java.util.regex.Pattern OLD_WHOLE_INTERVAL = java.util.regex.Pattern.compile("at NaN of (the interval|it)");

	/** The member of fit.json that says how the fit ended ({@link FitResult.Status#text}); older fit.json have "converged" alone. */
	public static final String STATUS = "status";

	/** How a fit ended as its fit.json says: its {@value #STATUS}, or for a fit.json written before it its "converged". */
	public static FitResult.Status status(JsonObject fitJson) {
		FitResult.Status s = fitJson.get(STATUS) instanceof com.google.gson.JsonPrimitive p && p.isString() ? FitResult.Status.of(p.getAsString()) : null;
		if (s != null) return s;
		boolean converged = fitJson.get("converged") instanceof com.google.gson.JsonPrimitive p && p.isBoolean() && p.getAsBoolean();
		return converged ? FitResult.Status.CONVERGED : FitResult.Status.NOT_CONVERGED;
	}

	/**
	 * The fits kept in a results folder, {@code <fit>/<id>/} holding a fit.json (fits have no row in runs.csv): folders
	 * named by a run id, neither hidden (a fit being written) nor symbolic links, sorted by path. A folder that cannot be
	 * listed is left out.
	 */
	public static List<Path> folders(Path store) {
		List<Path> out = new ArrayList<>();
		try (java.util.stream.Stream<Path> groups = Files.list(store)) {
			for (Path g : groups.filter(d -> Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
				try (java.util.stream.Stream<Path> ids = Files.list(g)) {
					for (Path f : ids.filter(d -> Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
						String id = f.getFileName().toString();
						if (!id.startsWith(".") && org.cellwright.run.store.RunStore.timeOf(id) != null && Files.isRegularFile(f.resolve(JSON)))
							out.add(f);
					}
				} catch (IOException e) {
					// a folder that cannot be listed: its fits are not shown
				}
			}
		} catch (IOException e) {
			// no such folder: no fits
		}
		return out;
	}

	/**
	 * Deletes fits explicitly ({@code runs --prune}), by the runs' rule ({@link org.cellwright.run.store.RunIndex#doomed}):
	 * of each fit all but the {@code keepLast} latest (null: no such limit) and those older than {@code olderThan} (by
	 * their id's time; null: no such limit). Only the fit folders {@link #folders} lists ({@code <fit>/<id>/} with a
	 * fit.json, no link); {@code latest} of a pruned fit then names its newest fit left. Returns the folders deleted.
	 */
	public static List<Path> prune(Path store, Integer keepLast, java.time.Duration olderThan, java.time.Instant now) {
		java.util.Map<String, List<String>> idsByFit = new java.util.LinkedHashMap<>();
		for (Path f : folders(store))
			idsByFit.computeIfAbsent(f.getParent().getFileName().toString(), k -> new ArrayList<>()).add(f.getFileName().toString());
		idsByFit.values().forEach(ids -> ids.sort(Comparator.naturalOrder())); // oldest first: ids begin with their time
		List<Path> deleted = new ArrayList<>();
		for (String d : org.cellwright.run.store.RunIndex.doomed(idsByFit,
				run -> org.cellwright.run.store.RunStore.timeOf(run.substring(run.lastIndexOf('/') + 1)), keepLast, olderThan, now)) {
			Path f = store.resolve(d.substring(0, d.lastIndexOf('/'))).resolve(d.substring(d.lastIndexOf('/') + 1));
			org.cellwright.run.store.RunStore.deleteUnindexed(f);
			deleted.add(f);
		}
		return deleted;
	}

	/** A fit folder's fit.json, or null when it cannot be read as one. */
	public static JsonObject read(Path fitFolder) {
		try {
			return com.google.gson.JsonParser.parseString(Files.readString(fitFolder.resolve(JSON), StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	private static Double finite(double v) {
		return Double.isFinite(v) ? v : null;
	}

	/** Writes fit.json and fitted.cell into {@code folder}. */
	public static void write(Path folder, Path cellFile, FitRunner.Plan plan, FitResult r, double seconds) throws IOException {
		write(folder, cellFile, plan, r, seconds, java.util.Map.of());
	}

	/** Writes fit.json, with the mesh each target's evaluations ran on ({@link FitRunner#meshes}), and fitted.cell into {@code folder}. */
	public static void write(Path folder, Path cellFile, FitRunner.Plan plan, FitResult r, double seconds,
			java.util.Map<String, FitRunner.Mesh> meshes) throws IOException {
		Files.createDirectories(folder);
		JsonObject j = json(plan, r, seconds);
		for (com.google.gson.JsonElement t : j.getAsJsonArray("targets")) {
			FitRunner.Mesh m = meshes.get(t.getAsJsonObject().get("experiment").getAsString());
			if (m == null) continue; // a liquid-electrolyte target (its own mesh), or none evaluated
			JsonObject mesh = new JsonObject();
			mesh.addProperty("particle_nodes", m.particleNodes());
			mesh.addProperty("cathode_nodes", m.cathodeNodes());
			mesh.addProperty("why", m.why());
			t.getAsJsonObject().add(MESH, mesh);
		}
		Atomic.writeString(folder.resolve(JSON), new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(j));
		Atomic.writeString(folder.resolve(FITTED), fittedText(cellFile, plan, r));
	}

	/** The .cell text with the fitted values in place (edits from the end, so offsets stay valid). */
	static String fittedText(Path cellFile, FitRunner.Plan plan, FitResult r) throws IOException {
		String text = Files.readString(cellFile, StandardCharsets.UTF_8);
		String source = source(plan.fit().getName(), LocalDate.now());
		record Edit(int offset, int length, String replacement) {}
		List<Edit> edits = new ArrayList<>();
		List<String> notPlaced = new ArrayList<>();
		for (int i = 0; i < plan.estimates().size(); i++) {
			FitRunner.Estimate e = plan.estimates().get(i);
			EObject at = written(cells(plan), e.target());
			ICompositeNode node = at == null ? null : NodeModelUtils.findActualNodeFor(at);
			boolean here = node != null && at.eResource() != null && at.eResource().getURI().isFile()
					&& Path.of(at.eResource().getURI().toFileString()).toAbsolutePath().normalize().equals(cellFile.toAbsolutePath().normalize());
			String value = value(r.values()[i], e.unit());
			if (!here) {
				notPlaced.add(e.target() + " = " + value);
				continue;
			}
			// a property gets its source; a layer's thickness (layer s: E 700 um) has no place for one; a value stated at a
			// temperature ('at 60 degC') was estimated there, and keeps it
			edits.add(new Edit(node.getOffset(), node.getLength(), at instanceof Property p ? p.getName() + " = " + value
					+ (p.getStatedAt() == null ? "" : " at " + NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(p.getStatedAt())))
					+ " source \"" + source + "\"" : value));
		}
		edits.sort(Comparator.comparingInt(Edit::offset).reversed());
		StringBuilder b = new StringBuilder(text);
		for (Edit ed : edits) b.replace(ed.offset(), ed.offset() + ed.length(), ed.replacement());
		StringBuilder head = new StringBuilder("// ").append(source).append(": written by './cellwright fit'; review before use.\n");
		if (r.status() == FitResult.Status.CANCELLED)
			head.append("// the fit was cancelled: these are the values it had found so far, not converged estimates\n");
		for (String n : notPlaced)
			head.append("// not written in this file (set it where it is defined): ").append(n).append('\n');
		return head + b.toString();
	}

	/** The source a fitted value is written with, in fitted.cell and by the IDE's Apply: {@code fitted: <fit>, <date>}. */
	public static String source(String fit, LocalDate date) {
		return "fitted: " + fit + ", " + date;
	}

	/** A fitted value as it is written into a .cell file: six significant digits, then the unit (none: SI). */
	public static String value(double v, String unit) {
		return String.format(Locale.ROOT, "%.6g", v) + (unit.isEmpty() ? "" : " " + unit);
	}

	/** The targets' cells, in order. */
	private static List<Cell> cells(FitRunner.Plan plan) {
		List<Cell> cells = new ArrayList<>();
		for (FitRunner.Target t : plan.targets()) cells.add(t.experiment().getCell());
		return cells;
	}

	/**
	 * The unit of an estimate's values as fit.json names it: the bounds' unit, or for a value written without one in SI
	 * (a material's exchange-current-rate-constant) its SI unit ({@link DfnMapping#rateConstantUnit}); {@code fit}
	 * prints the same.
	 */
	public static String unit(FitRunner.Plan plan, FitRunner.Estimate e) {
		if (!e.unit().isEmpty()) return e.unit();
		Property p = property(plan, e.target());
		return p != null && "exchange-current-rate-constant".equals(p.getName()) && p.eContainer() instanceof Material m
				? DfnMapping.rateConstantUnit(m) : "";
	}

	/** The property an estimate names: a cell property, layer.property or Material.property of a target's cell. */
	static Property property(FitRunner.Plan plan, String target) {
		return written(cells(plan), target) instanceof Property p ? p : null;
	}

	/**
	 * Where the cells write the value an estimate names: the {@link Property} (a cell property, {@code layer.property}
	 * or {@code Material.property}), or for {@code layer.thickness} the layer's thickness (a {@link Quantity}); null
	 * where none of them writes it. fitted.cell and the IDE's Apply put the fitted value there.
	 */
	public static EObject written(List<Cell> cells, String target) {
		int dot = target.indexOf('.');
		for (Cell c : cells) {
			if (c == null || c.eIsProxy()) continue;
			if (dot < 0) {
				Property p = Cells.effectiveProperties(c).get(target);
				if (p != null) return p;
				continue;
			}
			String owner = target.substring(0, dot), prop = target.substring(dot + 1);
			for (Layer l : Cells.effectiveLayers(c)) {
				if (owner.equals(l.getName())) {
					if ("thickness".equals(prop) && l.getThickness() != null) return l.getThickness();
					for (Property p : l.getProperties()) if (prop.equals(p.getName())) return p;
				}
				Material m = find(l.getMaterial(), owner);
				if (m != null) for (Property p : m.getProperties()) if (prop.equals(p.getName())) return p;
			}
		}
		return null;
	}

	private static Material find(Material m, String name) {
		for (Material x : Composites.materialsWithin(m))
			if (name.equals(x.getName())) return x;
		return null;
	}

}
