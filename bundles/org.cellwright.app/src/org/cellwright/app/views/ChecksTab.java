package org.cellwright.app.views;

import java.util.List;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * The Checks tab: each expect clause of the runs shown (checks.json), PASS in green or FAIL in red and bold. A clause with
 * a label says what it reads in the Reads column ("cathode-interfacial-resistance at probe30", from the run's
 * inputs.json: the label alone hid the metric and the step group); the clause's file is named as the workspace names it.
 * The Note column gives the check's note from checks.json: why a failed check has no value, what a passing one read
 * from an older run could not check (session 41: the tab showed none).
 */
final class ChecksTab extends TableTab {

	private final Font bold;

	ChecksTab(CTabFolder tabs, Font bold) {
		super(tabs, ResultsView.CHECKS, "The expect clauses of the runs shown, PASS or FAIL", new String[] {"Result", "Run", "Quantity", "Study", "Simulated", "Reads", "Source", "Note"}, i -> SWT.LEFT);
		this.bold = bold;
	}

	/** Fills the tab from the runs' checks; without any check (no checks.json, or none in it) the tab goes away. */
	void show(List<RunFolder> runs) {
		if (runs.stream().noneMatch(r -> r.checks() != null && !r.checks().isEmpty())) {
			remove();
			return;
		}
		Table table = emptyTable();
		for (RunFolder r : runs) {
			if (r.checks() == null) continue;
			for (RunFolder.Check ch : r.checks()) {
				TableItem it = new TableItem(table, SWT.NONE);
				String result = ch.pass() == null ? "-" : ch.pass() ? "PASS" : "FAIL";
				it.setText(new String[] {result, RunStyles.label(runs, r), nz(ch.quantity()), nz(ch.expected()), nz(ch.simulated()), reads(r, ch),
						nz(ch.source()) + (ch.file() != null ? "  (" + file(ch.file()) + (ch.line() > 0 ? ":" + ch.line() : "") + ")" : ""), nz(ch.note())});
				if (ch.pass() != null)
					it.setForeground(0, table.getDisplay().getSystemColor(ch.pass() ? SWT.COLOR_DARK_GREEN : SWT.COLOR_RED));
				if (Boolean.FALSE.equals(ch.pass())) it.setFont(0, bold);
			}
		}
		packColumns();
	}

	/**
	 * What a labelled check reads, as its clause says it without the label ("cathode-interfacial-resistance at probe30":
	 * the clause of the run's inputs.json at the check's line, else the check's metric); "" for a check without a label,
	 * whose quantity says it already.
	 */
	static String reads(RunFolder r, RunFolder.Check ch) {
		return org.cellwright.run.Checks.reads(r.inputs(), ch);
	}

	/**
	 * The clause's file as the workspace names it (checks.json names it as the command line does, on disk, relative to
	 * the working folder where it is below it); as written where it is outside the workspace.
	 */
	private static String file(String file) {
		try {
			java.nio.file.Path p = java.nio.file.Path.of(file).toAbsolutePath().normalize();
			String named = WorkspacePaths.ofFile(p);
			return named.equals(p.toString()) ? file : named;
		} catch (java.nio.file.InvalidPathException e) {
			return file;
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
