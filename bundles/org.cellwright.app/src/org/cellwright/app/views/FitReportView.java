package org.cellwright.app.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cellwright.editor.EditingSession;
import org.cellwright.editor.FittedValues;
import org.cellwright.lang.text.Printable;
import org.cellwright.run.folder.RunFolderException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swtchart.Chart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * A fit's report: the estimates with their 95 % intervals and bounds (a bracket fit's: the interval over which every
 * expectation holds, the start's place in it and, above the notes, what fails beyond each end), the correlation matrix (|r| > 0.95 in red: the
 * data do not tell those apart), the notes, the cost history, and the targets simulated at the start and at the fitted
 * values against their measurement, the mesh each target ran on (its Mesh tab); a button opens the fitted .cell, another writes the fitted values into the .cell
 * file the fit ran ({@link #apply}). Read in the background.
 */
public class FitReportView extends ViewPart {
	public static final String ID = "org.cellwright.app.views.fitReport";
	/** Tab titles. */
	public static final String OVERLAY = "Before / after", COST = "Cost history", CHECKS = "Expectations", CORRELATION = "Correlation",
			MESH = "Mesh";

	private Label title;
	/** A bracket's ends and the notes: read-only texts of at most {@link #TEXT_LINES} lines each, scrolled for the rest. */
	private Text bracket, notes;
	/** The Mesh tab: each target's mesh and who chose it, as the fit command prints it ({@link #meshText}). */
	private Text mesh;
	private Button openFitted, apply;
	private Table estimates, correlation, checks;
	private Chart overlay, cost;
	private CTabFolder tabs;
	private volatile FitRecord fit;
	private Job loading;
	/** The path last shown (a fit's folder, its fit.json, or its folder in the store): a moved history re-resolves it. */
	private Path shownPath;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(3, false));
		title = new Label(parent, SWT.WRAP);
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		title.setText("No fit shown: run one with Run > Fit Parameters on a .cell file with a fit block.");
		apply = new Button(parent, SWT.PUSH);
		apply.setText("Apply to .cell");
		apply.setEnabled(false);
		apply.addListener(SWT.Selection, e -> apply());
		openFitted = new Button(parent, SWT.PUSH);
		openFitted.setText("Open fitted .cell");
		openFitted.setEnabled(false);
		openFitted.addListener(SWT.Selection, e -> openFitted());
		// a bracket fit's ends: what fails beyond each (hidden for a least-squares fit)
		bracket = text(parent);
		notes = text(parent);
		// the estimates across the view's width above the tabs: beside the charts (2/5 of the width) a view of ordinary
		// size showed an estimate's name and value only, its 95 % interval, +/- and bounds beyond the table's edge
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		estimates = table(sash, "estimate", "value", "95 % interval", "+/-", "bounds");
		tabs = new CTabFolder(sash, SWT.BOTTOM | SWT.FLAT);
		overlay = chart(tabs, OVERLAY, "Time (h)", "Voltage (V)");
		cost = chart(tabs, COST, "Improvement", "Cost (sum of squared weighted residuals)");
		checks = table(tabs, "target", "quantity", "expected", "at the start", "fitted", "result", "note");
		CTabItem item = new CTabItem(tabs, SWT.NONE);
		item.setText(CHECKS);
		item.setControl(checks);
		correlation = table(tabs);
		CTabItem corr = new CTabItem(tabs, SWT.NONE);
		corr.setText(CORRELATION);
		corr.setControl(correlation);
		mesh = new Text(tabs, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
		CTabItem meshItem = new CTabItem(tabs, SWT.NONE);
		meshItem.setText(MESH);
		meshItem.setControl(mesh);
		tabs.setSelection(0);
		sash.setWeights(1, 3);
	}

	/**
	 * Lines the bracket's ends and the notes take at most, each; the rest scrolls. As wrapped labels of any height, a
	 * bracket of 8 targets (calibration.cell's PenetrationStressBracket: every failing expectation beyond each end, in
	 * both) took the whole view at 1600 x 1200 and pushed the estimates and the charts out of it (session 30 walk).
	 */
	public static final int TEXT_LINES = 5;

	private static Text text(Composite parent) {
		Text t = new Text(parent, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
		t.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
		t.setBackground(parent.getBackground());
		t.addListener(SWT.Resize, e -> fitHeight(t));
		t.addListener(SWT.Modify, e -> fitHeight(t));
		return t;
	}

	/** The text's height: its wrapped lines, at most {@link #TEXT_LINES}. */
	private static void fitHeight(Text t) {
		int width = t.getSize().x;
		if (width <= 0 || t.isDisposed()) return;
		// the wrapped text's height at this width, cut at TEXT_LINES lines (with the text's trim)
		int height = t.getText().isEmpty() ? 0
				: Math.min(t.computeSize(width, SWT.DEFAULT).y, t.computeSize(width, TEXT_LINES * t.getLineHeight()).y);
		GridData gd = (GridData) t.getLayoutData();
		if (gd.heightHint == height) return;
		gd.heightHint = height;
		t.getDisplay().asyncExec(() -> {
			if (!t.isDisposed()) t.getParent().layout(true);
		});
	}

	/** The lines a text of the view shows, for tests: its height over its line height. */
	public int shownLines(boolean ofNotes) {
		Text t = ofNotes ? notes : bracket;
		return t.getClientArea().height / t.getLineHeight();
	}

	/** The width a column of the estimates takes whole, its content packed (setData key of each column). */
	private static final String PACKED = "cellwright.packedWidth";
	/** The narrowest the estimate column is made to show the values beside it, pixels. */
	public static final int MIN_NAME_WIDTH = 90;

	/**
	 * The estimate column no wider than leaves the columns beside it (value, interval, +/-, bounds) in view: with a
	 * material's property as the estimate ("KokamNCO.exchange-current-rate-constant") the names took the whole table of
	 * a view of ordinary width, the values and intervals beyond its edge. A name cut so is whole in the tooltip of its
	 * row; it keeps {@link #MIN_NAME_WIDTH}. Made again at each resize of the table, from the columns' packed widths: GTK
	 * gives the last column (bounds) the table's spare width, and counted as the others' need it kept a name cut in the
	 * view maximized after the fit was shown in a narrower one (213 of its 310 px in a 1508 px table).
	 */
	private static void capNames(Table t) {
		if (t.isDisposed() || t.getColumnCount() < 2 || !(t.getColumn(0).getData(PACKED) instanceof Integer packed)) return;
		int others = 0;
		for (int i = 1; i < t.getColumnCount(); i++)
			others += t.getColumn(i).getData(PACKED) instanceof Integer w ? w : t.getColumn(i).getWidth();
		int room = t.getClientArea().width - others;
		int width = room <= 0 ? packed : Math.min(packed, Math.max(MIN_NAME_WIDTH, room));
		if (t.getColumn(0).getWidth() != width) t.getColumn(0).setWidth(width);
	}

	private static Table table(Composite parent, String... columns) {
		Table t = new Table(parent, SWT.FULL_SELECTION | SWT.BORDER);
		t.addListener(SWT.Resize, e -> capNames(t));
		t.addListener(SWT.MouseHover, e -> {
			TableItem it = t.getColumnCount() == 0 ? null : t.getItem(new org.eclipse.swt.graphics.Point(Math.min(e.x, 2), e.y));
			t.setToolTipText(it == null || e.x > t.getColumn(0).getWidth() ? null : it.getText(0));
		});
		t.setHeaderVisible(true);
		t.setLinesVisible(true);
		for (String c : columns)
			new TableColumn(t, List.of("estimate", "target", "quantity", "result").contains(c) ? SWT.LEFT : SWT.RIGHT).setText(c);
		return t;
	}

	private static Chart chart(CTabFolder tabs, String name, String x, String y) {
		Chart c = new Chart(tabs, SWT.NONE);
		ChartTitles.set(c, name);
		c.getAxisSet().getXAxis(0).getTitle().setText(x);
		c.getAxisSet().getYAxis(0).getTitle().setText(y);
		c.getLegend().setPosition(SWT.BOTTOM);
		ChartInteraction.install(c, text -> { });
		CTabItem item = new CTabItem(tabs, SWT.NONE);
		item.setText(name);
		item.setControl(c);
		return c;
	}

	/** Shows a fit (its folder in the run store, or its fit.json), read in the background. */
	public void show(Path folder) {
		if (loading != null) loading.cancel();
		shownPath = folder;
		title.setText("Loading the fit " + folder.getFileName() + " ...");
		Display display = title.getDisplay();
		Job job = new Job("Reading the fit " + folder.getFileName()) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				FitRecord r;
				try {
					r = FitRecord.read(folder);
				} catch (RunFolderException e) {
					display.asyncExec(() -> failed(this, e.getMessage()));
					return Status.OK_STATUS;
				}
				ChartContent before = FitPlots.beforeAfter(r).decimate(org.cellwright.app.preferences.CellWrightPreferences.pointsPerSeries()), history = FitPlots.costHistory(r);
				if (monitor.isCanceled()) return Status.CANCEL_STATUS;
				display.asyncExec(() -> shown(this, r, before, history));
				return Status.OK_STATUS;
			}
		};
		job.setSystem(true);
		loading = job;
		job.schedule();
	}

	private void failed(Job job, String message) {
		if (job != loading || title.isDisposed()) return;
		loading = null;
		title.setText("Cannot show the fit: " + Printable.escape(message));
	}

	private void shown(Job job, FitRecord r, ChartContent before, ChartContent history) {
		if (job != loading || title.isDisposed()) return;
		loading = null;
		fit = r;
		// a bracket has no least-squares cost (fit.json's is 0): how it searched instead, as report.html's header and bench fit say it
		title.setText(String.format(Locale.ROOT, "Fit %s: %s after %d evaluations, %.1f s, %s  (%s)", Printable.escape(r.name()),
				r.status() == org.cellwright.fit.FitResult.Status.NOT_CONVERGED ? r.status().word(r.bracket() != null).replaceFirst("^not", "NOT")
						: r.status().word(r.bracket() != null), r.evaluations(), r.seconds(),
				r.bracket() == null ? String.format(Locale.ROOT, "cost %.5g", r.cost()) : "a bracket: " + r.bracket().searched(),
				Printable.escape(WorkspacePaths.of(r.folder()))));
		notes.setText(r.notes().isEmpty() ? "" : "Notes: " + String.join("; ", r.notes().stream().map(Printable::escape).toList()));
		openFitted.setEnabled(java.nio.file.Files.isRegularFile(r.fittedCell()));
		IFile source = cellFile(r);
		apply.setText(source == null ? "Apply to .cell" : "Apply to " + source.getName());
		apply.setEnabled(source != null && !r.estimates().isEmpty());
		apply.setToolTipText(source == null ? "The .cell file this fit ran is not in the workspace (renamed, moved or deleted?)"
				: "Write the fitted values into " + source.getFullPath() + " (in its editor, not saved; Edit > Undo takes them back)");
		estimates.removeAll();
		org.cellwright.fit.Bracket b = r.bracket();
		// a bracket's interval is where every expectation holds, not a 95 % one (fit.json's lower_95/upper_95 are null: it
		// read "undetermined"); its value is the start, placed in it (as report.html's table and the fit command)
		estimates.getColumn(2).setText(b == null ? "95 % interval" : "every expectation holds in");
		estimates.getColumn(3).setText(b == null ? "+/-" : "start at");
		bracket.setText(b == null ? "" : Printable.escape(beyond(b, r.estimates().isEmpty() ? "" : r.estimates().get(0).unit(),
				r.status() == org.cellwright.fit.FitResult.Status.CANCELLED)));
		((GridData) bracket.getLayoutData()).exclude = b == null;
		bracket.setVisible(b != null);
		for (FitRecord.Estimate e : r.estimates()) {
			if (b != null) {
				new TableItem(estimates, SWT.NONE).setText(new String[] {Printable.escape(e.target()), withUnit(g(e.value()), e.unit()),
						withUnit(interval(b), e.unit()), b.startPlace().replaceFirst("^at ", "") + " (" + (b.logarithmic() ? "log" : "linear") + ")",
						g(e.lowerBound()) + " .. " + g(e.upperBound())});
				continue;
			}
			boolean determined = Double.isFinite(e.lower95()) && Double.isFinite(e.upper95());
			// the unit beside the value, the interval and bounds in the same unit (a unit column after them was beyond the
			// table's edge: a diffusivity read "2.108e-14", its m2/s out of view)
			new TableItem(estimates, SWT.NONE).setText(new String[] {Printable.escape(e.target()), withUnit(g(e.value()), e.unit()),
					determined ? "[" + g(e.lower95()) + ", " + g(e.upper95()) + "]" : "undetermined",
					determined ? g((e.upper95() - e.lower95()) / 2) : "", g(e.lowerBound()) + " .. " + g(e.upperBound())});
		}
		for (TableColumn c : estimates.getColumns()) {
			c.pack();
			c.setData(PACKED, c.getWidth());
		}
		capNames(estimates);
		for (TableColumn c : correlation.getColumns()) c.dispose();
		correlation.removeAll();
		new TableColumn(correlation, SWT.LEFT).setText("correlation");
		List<String> heads = shortNames(r.estimates().stream().map(FitRecord.Estimate::target).toList());
		for (int k = 0; k < heads.size(); k++) {
			TableColumn c = new TableColumn(correlation, SWT.RIGHT);
			c.setText(Printable.escape(heads.get(k)));
			c.setToolTipText(Printable.escape(r.estimates().get(k).target()));
		}
		for (int i = 0; i < r.correlation().length; i++) {
			TableItem it = new TableItem(correlation, SWT.NONE);
			it.setText(0, Printable.escape(r.estimates().get(i).target()));
			for (int j = 0; j < r.correlation()[i].length; j++) {
				double v = r.correlation()[i][j];
				it.setText(j + 1, Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v));
				if (i != j && Math.abs(v) > 0.95) it.setForeground(j + 1, correlation.getDisplay().getSystemColor(SWT.COLOR_RED));
			}
		}
		for (TableColumn c : correlation.getColumns()) c.pack();
		fillChecks(r);
		mesh.setText(Printable.escapeKeepingLines(meshText(r)));
		ChartTabs.fill(overlay, before);
		ChartTabs.fill(cost, history);
		title.getParent().layout(true, true);
		capNames(estimates); // at the table's size after the layout
	}

	/** A bracket's interval, "to the bound" at an end no expectation fails beyond: "[0.812, 10 (to the bound)]". */
	public static String interval(org.cellwright.fit.Bracket b) {
		return "[" + g(b.lower().passes()) + (b.lower().toBound() ? " (to the bound)" : "") + ", " + g(b.upper().passes())
				+ (b.upper().toBound() ? " (to the bound)" : "") + "]";
	}

	/**
	 * What lies beyond each end of a bracket: "Below 0.812 mS/cm (at 0.805) fails: ...; above: no expectation fails up to
	 * the upper bound 10 mS/cm" (an end the evaluations ran out at, or the fit was cancelled at, says it is not resolved,
	 * and why; one whose bound was not evaluated yet, "not searched").
	 */
	public static String beyond(org.cellwright.fit.Bracket b, String unit) {
		return beyond(b, unit, false);
	}

	/** {@link #beyond(org.cellwright.fit.Bracket, String)} of a fit that ended as {@code cancelled} or not. */
	public static String beyond(org.cellwright.fit.Bracket b, String unit, boolean cancelled) {
		String u = unit == null || unit.isEmpty() ? "" : " " + unit;
		String why = cancelled ? "cancelled" : "the evaluations ran out";
		return "Below" + end(b.lower(), "lower", u, why) + "; above" + end(b.upper(), "upper", u, why);
	}

	private static String end(org.cellwright.fit.Bracket.End e, String side, String u, String why) {
		if (e.toBound()) return ": no expectation fails up to the " + side + " bound " + g(e.passes()) + u;
		if (e.failing().isEmpty() && !e.resolved()) return " " + g(e.passes()) + u + ": not searched (" + why + " before the " + side + " bound "
				+ g(e.fails()) + " was evaluated)";
		return " " + g(e.passes()) + u + " (at " + g(e.fails()) + ") fails: " + (e.failing().isEmpty() ? "?" : String.join("; ", e.failing()))
				+ (e.resolved() ? "" : " (not resolved: " + why + ")");
	}

	/**
	 * The correlation table's column headers: each estimate's property name (after its last '.', e.g.
	 * "exchange-current-rate-constant" of "KokamNCO.exchange-current-rate-constant"), numbered as the estimates' rows
	 * ("1 ionic-conductivity") where two estimates share it; the full name is the column's tooltip and its row's label.
	 * The full names made each column as wide as the longest, the matrix beyond the view's edge.
	 */
	public static List<String> shortNames(List<String> targets) {
		List<String> tails = targets.stream().map(t -> t == null ? "" : t.substring(t.lastIndexOf('.') + 1)).toList();
		List<String> out = new java.util.ArrayList<>();
		for (int k = 0; k < tails.size(); k++) {
			String t = tails.get(k);
			out.add(java.util.Collections.frequency(tails, t) > 1 || t.isEmpty() ? (k + 1) + " " + t : t);
		}
		return out;
	}

	/**
	 * A .cell file's run history moved ({@code from} to {@code to}: the file renamed or moved, its runs with it, or
	 * that undone): every Fit Report view showing a fit under {@code from} shows it where it is now (its title named a
	 * folder that was gone, and Open fitted .cell said so). Call on the UI thread.
	 */
	public static void historyMoved(Path from, Path to) {
		for (var w : org.eclipse.ui.PlatformUI.getWorkbench().getWorkbenchWindows())
			for (var p : w.getPages())
				if (p.findView(ID) instanceof FitReportView v) v.moved(from, to);
	}

	private void moved(Path from, Path to) {
		if (title.isDisposed()) return;
		Path shown = shownPath;
		if (shown == null) return;
		Path f = from.toAbsolutePath().normalize(), s = shown.toAbsolutePath().normalize();
		if (s.startsWith(f)) show(to.toAbsolutePath().normalize().resolve(f.relativize(s)));
	}

	/**
	 * The Mesh tab's text: each target's mesh and who chose it, one line a target as the fit command prints it
	 * ({@link org.cellwright.run.fit.FitReport#meshLine}), then what report.html's mesh section says under its table; where
	 * no target has one, why. The view showed no mesh (session 40: the command and report.html only).
	 */
	public static String meshText(FitRecord r) {
		List<org.cellwright.run.fit.FitReport.TargetMesh> meshes = r.meshes();
		if (meshes.isEmpty()) {
			String none = org.cellwright.run.fit.FitReport.NO_MESH;
			return Character.toUpperCase(none.charAt(0)) + none.substring(1) + ".";
		}
		StringBuilder b = new StringBuilder();
		for (org.cellwright.run.fit.FitReport.TargetMesh m : meshes) b.append(org.cellwright.run.fit.FitReport.meshLine(m)).append('\n');
		b.append('\n').append(org.cellwright.run.fit.FitReport.ONE_MESH);
		if (meshes.size() < r.targets().size()) b.append(' ').append(org.cellwright.run.fit.FitReport.UNLISTED_MESH);
		return b.toString();
	}

	/**
	 * The targets' expect clauses simulated at the start and the fitted values (their checks.json), side by side; a check's
	 * note in the note column (FitReport.checkNote, as the fit's report.html; session 41: shown nowhere in the view).
	 */
	private void fillChecks(FitRecord r) {
		checks.removeAll();
		for (FitRecord.Target t : r.targets()) {
			var after = t.after() == null ? null : t.after().checks();
			var before = t.before() == null ? null : t.before().checks();
			if (after == null) continue;
			for (int i = 0; i < after.size(); i++) {
				var a = after.get(i);
				var b = before != null && i < before.size() ? before.get(i) : null;
				TableItem it = new TableItem(checks, SWT.NONE);
				it.setText(new String[] {Printable.escape(t.experiment()), Printable.escape(nz(a.quantity())), Printable.escape(nz(a.expected())),
						b == null ? "" : Printable.escape(nz(b.simulated())), Printable.escape(nz(a.simulated())),
						a.pass() == null ? "-" : a.pass() ? "PASS" : "FAIL", Printable.escape(nz(org.cellwright.run.fit.FitReport.checkNote(b, a)))});
				if (a.pass() != null)
					it.setForeground(5, checks.getDisplay().getSystemColor(a.pass() ? SWT.COLOR_DARK_GREEN : SWT.COLOR_RED));
			}
		}
		for (TableColumn c : checks.getColumns()) c.pack();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	/** "2.108e-14 m2/s"; a value written without a unit (SI, or a plain number) as it is. */
	public static String withUnit(String value, String unit) {
		return unit == null || unit.isBlank() ? value : value + " " + Printable.escape(unit);
	}

	private static String g(double v) {
		return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
	}

	private void openFitted() {
		if (fit == null) return;
		if (!java.nio.file.Files.isRegularFile(fit.fittedCell())) {
			// the fit's folder moved (its .cell file renamed or moved, its runs with it) or deleted since it was shown: an
			// editor opened on the missing file said only "The table editor opens .cell files of the workspace"
			openFitted.setEnabled(false);
			title.setText("Cannot open the fitted .cell: " + fit.fittedCell() + " is gone (its .cell file renamed or moved with its runs,"
					+ " or the run deleted); double-click its fit.json where it is now to show it again");
			title.getParent().layout(true);
			return;
		}
		try {
			// read-only: the run store's copy is the kept fit's record, which a save there changed (Apply writes the
			// values into the file the fit ran)
			IDE.openEditor(getSite().getPage(), org.cellwright.editor.LibraryEditorInput.readOnly(fit.fittedCell(), "kept fit"),
					org.cellwright.editor.LibraryEditorInput.EDITOR, true);
		} catch (PartInitException e) {
			title.setText("Cannot open " + fit.fittedCell() + ": " + e.getMessage());
		}
	}

	/** The workspace's .cell file a fit ran (its run history's file), or null when it is not in the workspace. */
	private static IFile cellFile(FitRecord r) {
		org.cellwright.run.store.RunStore.History h = org.cellwright.run.store.RunStore.historyOf(r.folder());
		if (h == null || !java.nio.file.Files.isRegularFile(h.cellFile())) return null;
		for (IFile f : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(h.cellFile().toUri()))
			if (f.exists()) return f;
		return null;
	}

	/**
	 * Apply to t.cell: the fitted values written into the .cell file the fit ran, in its editor (opened if need be), as
	 * one edit of its editing session ({@link FittedValues}: an EMF command, only the values' spans rewritten, comments
	 * kept, one undo; the file is not saved). Estimates the file does not write are named in the view's title line,
	 * as is what was written. Before, the values reached the file only by copying them by hand from fitted.cell.
	 */
	public void apply() {
		FitRecord r = fit;
		IFile file = r == null ? null : cellFile(r);
		if (file == null) {
			applied("Cannot apply the fit: the .cell file it ran is not in the workspace (renamed, moved or deleted?)");
			return;
		}
		ITextEditor editor;
		try {
			editor = IDE.openEditor(getSite().getPage(), file) instanceof ITextEditor t ? t : null;
		} catch (PartInitException e) {
			applied("Cannot apply the fit: " + file.getName() + " does not open: " + e.getMessage());
			return;
		}
		EditingSession session = editor == null ? null : EditingSession.of(editor.getDocumentProvider().getDocument(editor.getEditorInput()));
		if (session == null) {
			applied("Cannot apply the fit: " + file.getName() + " is not open in a text editor");
			return;
		}
		if (!session.editable()) {
			applied("Cannot apply the fit: " + file.getName() + " has syntax errors; fix the text first");
			return;
		}
		java.time.Instant t = org.cellwright.run.store.RunStore.timeOf(r.folder().getFileName().toString());
		java.time.LocalDate date = t == null ? java.time.LocalDate.now() : java.time.LocalDate.ofInstant(t, java.time.ZoneId.systemDefault());
		FittedValues.Plan plan = FittedValues.plan(session, r.name(),
				r.estimates().stream().map(e -> new FittedValues.Value(e.target(), e.unit(), e.value())).toList(), date);
		String left = plan.left().isEmpty() ? "" : "; not applied: " + String.join("; ", plan.left());
		if (plan.command() == null) {
			applied("Nothing applied to " + file.getName() + left);
		} else if (!session.execute(plan.command())) {
			applied("Cannot apply the fit to " + file.getName() + ": " + session.refusal());
		} else {
			applied("Applied to " + file.getName() + " (not saved; Edit > Undo takes it back): " + String.join(", ", plan.written()) + left);
		}
	}

	private void applied(String text) {
		title.setText(Printable.escape(text));
		title.getParent().layout(true);
	}

	public Button applyButton() { return apply; }

	/** The line above the tables: the fit shown, or what Apply did. */
	public String titleText() { return title.getText(); }

	/** What fails beyond each end of a bracket fit (empty for a least-squares fit). */
	public String bracketText() { return bracket.getText(); }

	/** The notes line ("Notes: ..."; empty without notes). */
	public String notesText() { return notes.getText(); }

	/** The fit shown, or null. */
	public FitRecord fit() { return fit; }

	/** True while a fit is being read. */
	public boolean loading() { return loading != null; }

	public Table estimatesTable() { return estimates; }

	public Table correlationTable() { return correlation; }

	public Chart overlayChart() { return overlay; }

	public Chart costChart() { return cost; }

	/** The targets' expect clauses at the start and the fitted values. */
	public Table checksTable() { return checks; }

	/** The Mesh tab's text ({@link #meshText(FitRecord)}). */
	public String meshText() { return mesh.getText(); }

	public Button openFittedButton() { return openFitted; }

	/** Selects a tab by its title. */
	public void selectTab(String name) {
		for (CTabItem i : tabs.getItems()) if (i.getText().equals(name)) tabs.setSelection(i);
	}

	@Override
	public void setFocus() {
		estimates.setFocus();
	}
}
