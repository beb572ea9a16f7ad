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

	/** The value of a run without a retention, before its reason. */
	public static final String NONE = "none";

	private CapacityRetention() {}

	/**
	 * Whether a solver message is the one the retention's line gives already (SummaryJsonWriter's "INFO: capacity
	 * retention: none: " and the reason, where earlier discharges passed too little): the report's and the command
	 * line's message lists leave it out (the Results view, which shows no retention in words, lists it).
	 */
	public static boolean saidByTheLine(Summary s, String message) {
		String why = s.capacityRetentionReason();
		return why != null && message.equals(org.cellwright.solver.SimulationEvent.Type.INFO + ": capacity retention: none: " + why);
	}

	/**
	 * "105.3 % (cycle 2 / 1, 25 degC, 0.1 MPa, after another charge)": summary.json's capacity_retention (4 significant
	 * digits) with the cycles it compares (the last full discharge / its reference: SummaryJsonWriter.retentionCycles),
	 * the temperature and stack pressure both ran at where recorded, and "after another charge" where the reference's
	 * charge ran other steps than the last's ({@link Summary#capacityRetentionAfterAnotherCharge}). Where the run has
	 * two full discharges or more but no retention, "none (" and why ")" as summary.json records it
	 * ({@link Summary#capacityRetentionReason}: no earlier discharge of the last's steps, or none that passed a charge a
	 * cycler resolves): the report and the summary showed no line, the reason only in the messages (session 39). Null
	 * where there is none for want of two full discharges, or it does not apply (a half cell's, last over first
	 * plating of a set capacity, as in the Sweep and Results views). {@code degrees}: the temperature's unit as the
	 * output writes it ("\u00b0C" in the report, "degC" on the plain-ASCII command line).
	 */
	public static String text(Summary s, boolean halfCell, String degrees) {
		double ret = s.capacityRetention();
		if (halfCell) return null;
		if (Double.isNaN(ret)) return s.capacityRetentionReason() == null ? null : NONE + " (" + s.capacityRetentionReason() + ")";
		int[] rc = s.capacityRetentionCycles();
		double[] at = s.capacityRetentionConditions();
		String both = (Double.isNaN(at[0]) ? "" : ", " + fmt(at[0], 3) + " " + degrees) + (Double.isNaN(at[1]) ? "" : ", " + fmt(at[1], 3) + " MPa")
				// a reference discharge after another charge (a CC cycle's under a CC-CV's: 105.3 %; session 23)
				+ (s.capacityRetentionAfterAnotherCharge() ? ", after another charge" : "");
		return fmt(100 * ret, 4) + " %" + (rc == null ? "" : " (cycle " + rc[1] + " / " + rc[0] + both + ")");
	}
}
