package org.cellwright.app.views;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * The status lines above the charts: per run experiment, cell and status (a short circuit in red with its cycle, time
 * and reason; a soft short, after which the run went on, in red with its cycle and time: {@link #status}), its checks, whether its file has changed since (out of date, with what changed), solver messages and
 * problems met reading its files; folders that could not be read; the "Loading ..." line while runs are read in the
 * background.
 */
final class ResultsBanner {

	static final String EMPTY = "Run an experiment (Run > Run Experiments, Ctrl+R), double-click a summary.json, or Add Run... to see results here.";

	private final Composite banner;
	private final Font bold;
	private Label loading;

	ResultsBanner(Composite parent, Font bold) {
		this.bold = bold;
		banner = new Composite(parent, SWT.NONE);
		banner.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		GridLayout bl = new GridLayout(1, false);
		bl.marginWidth = bl.marginHeight = 0;
		bl.verticalSpacing = 0;
		banner.setLayout(bl);
	}

	/** The hint shown without runs, and the folders that could not be read. */
	void showEmpty(List<String> unreadable) {
		clear();
		line(EMPTY, SWT.COLOR_WIDGET_FOREGROUND);
		for (String u : unreadable) line(u, SWT.COLOR_RED);
		relayout();
	}

	/** A status line per run, then the folders that could not be read. */
	void show(List<RunFolder> runs, List<String> unreadable) {
		show(runs, unreadable, java.util.Map.of());
	}

	/** As {@link #show(List, List)}, with why a run is out of date under its line (by run folder; none: current). */
	void show(List<RunFolder> runs, List<String> unreadable, java.util.Map<java.nio.file.Path, String> outOfDate) {
		clear();
		for (RunFolder r : runs) {
			Label l = line(status(runs, r), r.completed() && r.softShort() == null ? SWT.COLOR_WIDGET_FOREGROUND : SWT.COLOR_RED);
			l.setFont(bold);
			l.setToolTipText(r.folder().toString());
			String stale = outOfDate.get(r.folder());
			if (stale != null) line("    " + stale, SWT.COLOR_DARK_MAGENTA).setFont(bold);
			for (String m : messages(r)) line("    " + m, r.completed() ? SWT.COLOR_DARK_YELLOW : SWT.COLOR_RED);
			for (String p : r.notes()) line("    " + p, SWT.COLOR_DARK_GRAY);
		}
		for (String u : unreadable) line(u, SWT.COLOR_RED);
		relayout();
	}

	/**
	 * A run's status line: "Cell2At65MPa  ·  cell Cell2  ·  COMPLETED, 480.0 h simulated  ·  soft short: cycle 12, step 3.2
	 * (line 14) at 301.2 h: cause  ·  checks: 1 pass, 0 fail"; a short circuit: "SHORT_CIRCUIT in cycle 6 at t = 46.5 h: reason". The soft
	 * short's step and cause are summary.json's ({@code soft_short.step_name}, as the run's messages name it, and {@code .cause}, read by {@link RunFolder}; no
	 * step for a soft short of a cycle's efficiency); its warning, which says the
	 * same, is not listed again under the line ({@link #messages}). A sweep's variant (its run named "sweep/variant")
	 * is said to be a variant of the experiment's cell: "cell Cell2At34MPa, variant stack-pressure=65MPa" (the cell's
	 * name alone contradicted the variant's own values).
	 */
	static String status(List<RunFolder> runs, RunFolder r) {
		StringBuilder s = new StringBuilder(RunStyles.label(runs, r) + "  ·  " + cell(r) + "  ·  " + r.status());
		Summary.ShortCircuit sc = r.shortCircuit(), soft = r.softShort();
		if (sc != null)
			s.append(String.format(Locale.ROOT, " in cycle %d at t = %.1f h: %s", sc.cycle(), sc.timeH(), sc.reason()));
		else if (Double.isFinite(r.endTimeH())) s.append(String.format(Locale.ROOT, ", %.1f h simulated", r.endTimeH()));
		if (soft != null) s.append(String.format(Locale.ROOT, "  ·  soft short: cycle %d%s at %.1f h", soft.cycle(), soft.stepName() != null ? ", " + soft.stepName() : soft.step() >= 0 ? ", step " + soft.step() : "", soft.timeH()))
				.append(soft.cause() == null || soft.cause().isEmpty() ? "" : ": " + soft.cause());
		if (r.checks() != null && !r.checks().isEmpty()) { // an experiment without expect clauses has none to count
			long fail = r.checks().stream().filter(c -> Boolean.FALSE.equals(c.pass())).count();
			s.append("  ·  checks: ").append(r.checks().size() - fail).append(" pass, ").append(fail).append(" fail");
		}
		return s.toString();
	}

	/**
	 * "cell NAME", and for a sweep's variant (run name "sweep/variant") ", variant VALUES": its values as its sweep's
	 * sweep.csv names them ({@link RunColumns#variant}, as the Runs view's variant column), else the variant's name. The
	 * pipeline names a variant's run after its experiment and values, "InterlayerHalfCell-stack-pressure=65MPa-...",
	 * which the line gave whole.
	 */
	static String cell(RunFolder r) {
		String name = r.experiment();
		int slash = name.lastIndexOf('/');
		if (slash <= 0 || slash >= name.length() - 1) return "cell " + r.cellName();
		String values = RunColumns.variant(r.folder());
		return "cell " + r.cellName() + ", variant " + (values.isEmpty() ? name.substring(slash + 1) : values);
	}

	/**
	 * The run's messages to list under its status line: all but the first soft short's warning, which the status line
	 * gives (cycle, step, time and cause), as a hard short's reason is given there alone; the count of later soft shorts
	 * ("showed again N times") stays, under it. The warning was listed under the status line that named its cause
	 * already, one event twice.
	 */
	static List<String> messages(RunFolder r) {
		Summary.ShortCircuit soft = r.softShort();
		if (soft == null || soft.reason() == null) return r.messages();
		String reason = soft.reason();
		java.util.List<String> out = new java.util.ArrayList<>();
		boolean dropped = false;
		for (String m : r.messages()) {
			if (!dropped && (m.equals(reason) || m.endsWith(": " + reason))) dropped = true;
			else out.add(m);
		}
		return out;
	}

	/** Puts (or updates) the "Loading ... <detail>" line on top of what is shown. */
	void loading(String text) {
		if (loading == null || loading.isDisposed()) {
			loading = line("", SWT.COLOR_DARK_BLUE);
			Label[] first = lines().toArray(Label[]::new);
			if (first.length > 1) loading.moveAbove(first[0]);
		}
		loading.setText("Loading ... " + text);
		relayout();
	}

	/** Removes the "Loading ..." line, leaving what was shown before. */
	void loadingDone() {
		if (loading != null && !loading.isDisposed()) loading.dispose();
		loading = null;
		relayout();
	}

	/** Adds a line (an error of the loading, in red). */
	void error(String text) {
		line(text, SWT.COLOR_RED);
		relayout();
	}

	/** The status lines, top to bottom. */
	List<Label> lines() {
		return Arrays.stream(banner.getChildren()).filter(Label.class::isInstance).map(Label.class::cast).toList();
	}

	/** The "Loading ..." line, or null when nothing is loading. */
	Label loadingLine() {
		return loading == null || loading.isDisposed() ? null : loading;
	}

	private void clear() {
		for (var c : banner.getChildren()) c.dispose();
		loading = null;
	}

	private Label line(String text, int colour) {
		Label l = new Label(banner, SWT.WRAP);
		l.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		l.setText(text);
		l.setForeground(banner.getDisplay().getSystemColor(colour));
		return l;
	}

	private void relayout() {
		if (banner.isDisposed()) return;
		banner.getParent().layout(new Control[] {banner}); // not every chart's insides
		// and the banner's own lines: layout(Control[]) lays out the banner's ancestors, and the banner lays out its lines
		// only when its size changes, so new lines in a banner as high as before were not placed: a blank band where
		// the status lines belong, without their tooltips, until the view was clicked (README "Results view (session
		// 21)"; seen twice in session 27 after kim2025.cell's start-up run of both experiments)
		banner.layout(true);
	}
}
