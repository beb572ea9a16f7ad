package org.cellwright.measured;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cellwright.lang.units.Units;

/**
 * Writes a {@link MeasuredSeries} as Battery Data Format CSV: one column per quantity the series has, labelled
 * "Quantity / unit" in BDF's units (s, V, A, 1, degC), so that other tools read CellWright's data and measurements
 * converted here. The file is written beside its target and moved into place, so a reader never sees half a file.
 */
public final class BdfWriter {

	private BdfWriter() {
	}

	public static void write(MeasuredSeries series, Path target) throws IOException {
		List<MeasuredQuantity> cols = new ArrayList<>();
		for (MeasuredQuantity q : MeasuredQuantity.values()) {
			if (series.has(q)) {
				cols.add(q);
			}
		}
		double[][] values = new double[cols.size()][];
		String[] header = new String[cols.size()];
		for (int c = 0; c < cols.size(); c++) {
			values[c] = series.values(cols.get(c));
			header[c] = cols.get(c).bdfLabel();
		}
		Path parent = target.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		// a hidden sibling made as any new file of the folder is (the umask's permissions): Files.createTempFile made it
		// rw------- for its owner only, and the move kept that, unlike the run folder's other files (session 28)
		Path tmp = org.cellwright.lang.files.FileTrees.hiddenSibling(parent.resolve(target.getFileName()));
		try {
			try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
					CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header)
							.setRecordSeparator('\n').get())) {
				String[] row = new String[cols.size()];
				for (int i = 0; i < series.size(); i++) {
					for (int c = 0; c < cols.size(); c++) {
						row[c] = format(cols.get(c), values[c][i]);
					}
					out.printRecord((Object[]) row);
				}
			}
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static String format(MeasuredQuantity q, double si) {
		return switch (q) {
		case CYCLE, STEP -> Long.toString(Math.round(si));
		case TEMPERATURE -> String.format(Locale.ROOT, "%.6g", Units.parse("degC").fromSI(si));
		default -> String.format(Locale.ROOT, "%.9g", si);
		};
	}
}
