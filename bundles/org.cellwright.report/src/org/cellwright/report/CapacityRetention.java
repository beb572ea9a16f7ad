package org.cellwright.report;

import static org.cellwright.report.Html.fmt;

import org.cellwright.run.folder.Summary;

/**
 * A run's capacity retention in words, said in one place: the report's key number ({@code Sections.keyNumbers}) and
 * the command line's run summary ({@code RunCommand.printSummary}) print it alike. The command line printed none
 * (session 23): its reference cycles, conditions and "after another charge" were only in the report and summary.json.
 */
public final class CapacityRetention {

	/** The quantity's name, the key number's and the command line's. */
	public static final String LABEL = "capacity retention (last/first discharge)";

	private CapacityRetention() {}

	/**
	 * "105.3 % (cycle 2 / 1, 25 degC, 0.1 MPa, after another charge)": summary.json's capacity_retention (4 significant
	 * digits) with the cycles it compares (the last full discharge / its reference: SummaryJsonWriter.retentionCycles),
	 * the temperature and stack pressure both ran at where recorded, and "after another charge" where the reference's
	 * charge ran other steps than the last's ({@link Summary#capacityRetentionAfterAnotherCharge}); null where there is
	 * none (fewer than two full discharges of the same steps) or it does not apply (a half cell's, last over first
	 * plating of a set capacity, as in the Sweep and Results views). {@code degrees}: the temperature's unit as the
	 * output writes it ("\u00b0C" in the report, "degC" on the plain-ASCII command line).
	 */
	public static String text(Summary s, boolean halfCell, String degrees) {
		double ret = s.capacityRetention();
		if (Double.isNaN(ret) || halfCell) return null;
		int[] rc = s.capacityRetentionCycles();
		double[] at = s.capacityRetentionConditions();
		String both = (Double.isNaN(at[0]) ? "" : ", " + fmt(at[0], 3) + " " + degrees) + (Double.isNaN(at[1]) ? "" : ", " + fmt(at[1], 3) + " MPa")
				// a reference discharge after another charge (a CC cycle's under a CC-CV's: 105.3 %; session 23)
				+ (s.capacityRetentionAfterAnotherCharge() ? ", after another charge" : "");
		return fmt(100 * ret, 4) + " %" + (rc == null ? "" : " (cycle " + rc[1] + " / " + rc[0] + both + ")");
	}
}
