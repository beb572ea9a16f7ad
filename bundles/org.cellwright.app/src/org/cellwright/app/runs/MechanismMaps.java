package org.cellwright.app.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cellwright.run.CellFiles;
import org.cellwright.run.InputException;
import org.cellwright.run.store.RunStore;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.SimulationInputs;
import org.cellwright.model.Experiment;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.physics.InterlayerLithiation;
import org.cellwright.solver.physics.LithiumFlowStress;

/**
 * The deformation-mechanism map of a run's cell when its folder has no mechanism-map.csv: the cell is resolved again
 * from the .cell file the run came from ({@code <project>/results/<file>/<experiment>/} -> {@code <file>.cell} in the
 * project) and the map is taken from the solver's {@link LithiumFlowStress}, at the cell's temperature and the strain
 * rate of Li plated at the run's largest current density.
 */
public final class MechanismMaps {

	/** A map with the size to mark (the interlayer's pore size, NaN for a cell without interlayer) or why there is none. */
	public record Result(RunFolder.MechanismMapCurves map, double poreSizeM, String note) {}

	/** Sizes of the map: 10 nm .. 100 um. */
	static final double MIN_SIZE = 10e-9, MAX_SIZE = 100e-6;

	private MechanismMaps() {}

	/**
	 * The run's map: its mechanism-map.csv if present, else computed from its cell. The size marked is the one the
	 * solver recorded in summary.json (mechanism_map.characteristic_size_m); for older runs, the interlayer's
	 * pore size as the solver sets it up for the cell (after lithiation, at the cell's stack pressure); only when the
	 * cell cannot be resolved, the pore size written in inputs.json.
	 */
	public static Result of(RunFolder run) {
		// a run of a cell with an interlayer written by the solver's runner has its map and the pore size the solver
		// set up (after lithiation): nothing to compute again
		if (run.mechanismMapCurves() != null && Double.isFinite(run.characteristicSizeM()) && Double.isFinite(run.poreSizeM()))
			return new Result(run.mechanismMapCurves(), run.characteristicSizeM(), null);
		CellSpec cell = null;
		String note = null;
		try {
			cell = resolveCell(run);
		} catch (IOException | InputException | IllegalArgumentException e) {
			note = e instanceof InputException ie ? ie.problem().format() : e.getMessage();
		}
		double pore = cell != null ? poreSize(cell) : run.poreSizeM();
		if (run.mechanismMapCurves() != null) return new Result(run.mechanismMapCurves(), pore, null);
		if (cell == null) return new Result(null, Double.NaN, "mechanism map not available: " + note);
		double[][] rows = LithiumFlowStress.deformationMap(cell, platingCurrent(run), MIN_SIZE, MAX_SIZE, 61);
		int n = rows.length;
		double[] size = new double[n], dis = new double[n], creep = new double[n], flow = new double[n];
		for (int i = 0; i < n; i++) {
			size[i] = rows[i][0];
			dis[i] = rows[i][1] / 1e6;
			creep[i] = rows[i][2] / 1e6;
			flow[i] = rows[i][3] / 1e6;
		}
		return new Result(new RunFolder.MechanismMapCurves(size, dis, creep, flow), pore, null);
	}

	/**
	 * The pore size of the cell's first interlayer as the solver sets it up [m], NaN without an interlayer: for a host
	 * that lithiates (SiNP-CNT) the {@link InterlayerLithiation} geometry at the cell's stack pressure and initial
	 * lithiation (fully lithiated when a Li foil lies between current collector and interlayer, as in the full cells),
	 * else the layer's own pore size.
	 */
	public static double poreSize(CellSpec cell) {
		boolean foilBefore = false;
		for (LayerSpec l : cell.layers()) {
			if (l.role() == LayerRole.LITHIUM_METAL) foilBefore = true;
			if (l.role() != LayerRole.INTERLAYER) continue;
			InterlayerLithiation lith = new InterlayerLithiation(l);
			if (lith.hasHost()) {
				double y = foilBefore ? 1 : Math.max(1e-4, lith.host().get(MaterialProperty.INITIAL_STOICHIOMETRY, 1e-4));
				return lith.poreSize(y, cell.stackPressure());
			}
			return Double.isFinite(l.poreSize()) && l.poreSize() > 0 ? l.poreSize() : Double.NaN;
		}
		return Double.NaN;
	}

	/** Largest |current| of the run [A/m2] (mA/cm2 x 10); 1 A/m2 when the run has no current column. */
	static double platingCurrent(RunFolder run) {
		double max = 0;
		double[] i = run.timeseries() == null ? null : run.timeseries().column("current_mA_cm2");
		if (i != null) for (double v : i) if (Double.isFinite(v)) max = Math.max(max, Math.abs(v));
		return max > 0 ? max * 10 : 1;
	}

	/**
	 * Finds the run's {@code .cell} file, the one its history is kept for ({@link RunStore#historyOf}), else the first of
	 * its name in the run's project (a history named after the file alone whose file moved), and maps the run's
	 * experiment to solver inputs.
	 */
	static CellSpec resolveCell(RunFolder run) throws IOException {
		Path folder = run.folder().toAbsolutePath();
		RunStore.History h = RunStore.historyOf(folder.getParent()); // <project>/results/<key>/<experiment>/<run id>[/<variant>]
		if (h == null)
			throw new IOException(folder + " is not inside <project>/results/<file>/ and has no mechanism-map.csv");
		Path project = h.project(), results = h.results();
		String fileName = run.sourceName() + ".cell";
		List<Path> candidates;
		if (Files.isRegularFile(h.cellFile())) candidates = List.of(h.cellFile());
		else
			try (Stream<Path> s = Files.walk(project)) {
				candidates = s.filter(p -> !p.startsWith(results) && p.getFileName().toString().equals(fileName)).sorted().toList();
			}
		if (candidates.isEmpty()) throw new IOException("no " + fileName + " in " + project + " to take the cell from");
		CellFiles files = CellFiles.load(CellFiles.withSiblings(candidates.get(0)));
		List<Experiment> xs = files.experiments(run.experiment());
		if (xs.isEmpty()) throw new IOException(candidates.get(0) + " has no experiment " + run.experiment());
		return SimulationInputs.of(xs.get(0)).cell();
	}
}
