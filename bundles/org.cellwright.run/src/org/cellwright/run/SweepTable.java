package org.cellwright.run;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVPrinter;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.Summary;
import org.cellwright.run.store.Atomic;

/**
 * A sweep's table, {@code sweep.csv} beside its runs: one row per run with its parameters (as written) and key numbers.
 */
public final class SweepTable {
	private SweepTable() {}

	static final String[] METRICS = { "status", "cycles", "first_discharge_mAh_cm2", "first_ce", "last_discharge_mAh_cm2", "last_ce",
			"capacity_retention", "nucleation_overpotential_mV", "end_time_h", "short_circuit_cycle" };

	static void write(Path file, List<Pipeline.Result> runs) {
		Set<String> params = new LinkedHashSet<>();
		for (Pipeline.Result r : runs) params.addAll(r.unit().parameters().keySet());
		List<String> header = new ArrayList<>(List.of("run"));
		header.addAll(params);
		header.addAll(List.of(METRICS));
		StringWriter w = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(w, CsvTable.FORMAT.builder().setHeader(header.toArray(String[]::new)).get())) {
			for (Pipeline.Result r : runs) {
				List<Object> row = new ArrayList<>();
				row.add(r.unit().variant());
				for (String k : params) row.add(r.unit().parameters().getOrDefault(k, ""));
				Summary s = r.outcome().summary();
				var cycles = s.cycles();
				Summary.Cycle first = cycles.isEmpty() ? null : cycles.get(0), last = cycles.isEmpty() ? null : cycles.get(cycles.size() - 1);
				row.add(r.outcome().status());
				row.add(cycles.size());
				row.add(f(s.firstDischarge().mAhCm2())); // the first full discharge (not a pulse's), empty when none
				row.add(f(first == null ? Double.NaN : first.coulombicEfficiency()));
				row.add(f(last == null ? Double.NaN : last.dischargeMAhCm2()));
				row.add(f(last == null ? Double.NaN : last.coulombicEfficiency()));
				row.add(f(s.capacityRetention()));
				row.add(f(s.nucleationOverpotentialMV()));
				row.add(f(s.endTimeH()));
				row.add(s.shortCircuit() == null ? "" : Integer.toString(s.shortCircuit().cycle()));
				p.printRecord(row);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Atomic.writeString(file, w.toString());
	}

	private static String f(double v) {
		return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.6g", v) : "";
	}
}
