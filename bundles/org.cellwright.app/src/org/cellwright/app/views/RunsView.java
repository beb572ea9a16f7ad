package org.cellwright.app.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.cellwright.app.ExperimentJob;
import org.cellwright.lang.text.Printable;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.cellwright.run.store.RunStoreException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

/**
 * The history of the workspace's runs and fits: every row of every project's {@code results/<file>/runs.csv}, and
 * every fit kept beside them ({@code results/<file>/<fit>/<id>/fit.json}, which has no row there), newest first, with
 * what changed against the previous run of the same experiment (a fit: its cost and fitted values). A fit's double
 * click shows it in the Fit Report view. Selecting two or more runs compares them in the
 * Results view; a double click shows one; Open Report (context menu) opens a run's report.html. Delete (key or context menu) asks, then deletes the selected runs' folders and
 * rows; a run whose folder was deleted elsewhere (Project Explorer) is shown greyed, "folder deleted", until its row is.
 */
public class RunsView extends ViewPart {
	public static final String ID = "org.cellwright.app.views.runs";

	/**
	 * The table's columns. A sweep's variants share the sweep run's id: "experiment" names the sweep and "variant" its
	 * values, read from the sweep's table (the full name, "Sweep/Experiment-stack-pressure=5MPa-...", was cut to the
	 * sweep's at the default width, so the variants of a run looked alike); "checks" counts the run's expect checks
	 * that pass, so a file's runs show in one table which experiments' checks passed.
	 */
	public static final java.util.List<String> COLUMNS = java.util.List.of("experiment", "kind", "variant", "run", "time (UTC)", "status", "checks",
			"cycles", "1st discharge", "change", "results");

	/**
	 * A row of the table: the index row, the run's folder and the results folder whose index lists it; a fit's (its
	 * {@code fit} read from its fit.json alone) has a row made from its folder: id, time, the fit's name, converged.
	 */
	public record Run(RunIndex.Row row, Path folder, Path store, FitRecord fit) {
		public Run(RunIndex.Row row, Path folder, Path store) {
			this(row, folder, store, null);
		}

		/** Whether the row is a fit's. */
		public boolean isFit() {
			return fit != null;
		}

		/** The row's kind: "fit" or "run". */
		public String kind() {
			return isFit() ? "fit" : "run";
		}

		/** Whether the run's folder is still there. */
		public boolean exists() {
			return Files.isDirectory(folder);
		}
	}

	/** The title of the confirmation Delete asks. */
	public static final String DELETE_TITLE = "Delete Runs";

	private Table table;
	private final List<Run> runs = new ArrayList<>();
	private final IResourceChangeListener listener = e -> {
		if (e.getDelta() == null) return;
		boolean[] index = { false };
		try {
			e.getDelta().accept(d -> {
				// the index rewritten, or a folder removed (a run folder deleted in the Project Explorer)
				if (d.getResource().getName().equals(RunFiles.INDEX) || d.getResource().getName().equals(org.cellwright.run.fit.FitReport.JSON)
						|| d.getKind() == org.eclipse.core.resources.IResourceDelta.REMOVED && d.getResource().getType() == org.eclipse.core.resources.IResource.FOLDER)
					index[0] = true;
				return !index[0];
			});
		} catch (CoreException ex) {
			return;
		}
		if (index[0] && table != null && !table.isDisposed()) table.getDisplay().asyncExec(this::refresh);
	};

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new FillLayout());
		table = new Table(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (String c : COLUMNS) {
			TableColumn col = new TableColumn(table, SWT.LEFT);
			col.setText(c);
			col.setWidth(c.equals("change") ? 320 : c.equals("run") ? 170 : c.equals("variant") ? 60 : 110);
		}
		table.addListener(SWT.Selection, e -> {
			if (table.getSelectionCount() >= 2) compareSelected();
		});
		table.addListener(SWT.DefaultSelection, e -> {
			if (selected() != null && selected().isFit()) openFit(selected());
			else compareSelected();
		});
		table.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.DEL && e.stateMask == 0) deleteSelected();
		});
		Action refresh = new Action("Refresh") {
			@Override
			public void run() {
				refresh();
			}
		};
		getViewSite().getActionBars().getToolBarManager().add(refresh);
		contextMenu();
		ResourcesPlugin.getWorkspace().addResourceChangeListener(listener, IResourceChangeEvent.POST_CHANGE);
		refresh();
	}

	/** Reads the index of every results folder of every open project again. */
	public void refresh() {
		runs.clear();
		for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (!p.isOpen() || p.getLocation() == null) continue;
			Path results = p.getLocation().toFile().toPath().resolve(RunFiles.RESULTS);
			if (!Files.isDirectory(results)) continue;
			try {
				// results/<file>/ and, for files in folders of the project, results/<folder>/<file>.cell/ (RunStore.historyKey)
				for (Path store : RunStore.histories(results)) {
					// runs.csv's rows, and the runs it does not list (a full disk when they ended) read from their folders
					List<RunIndex.Row> rows = new java.util.ArrayList<>(new RunStore(store).index().rows());
					java.util.Collections.reverse(rows); // the index is in the order the runs ended: newest first
					for (RunIndex.Row r : rows) runs.add(new Run(r, store.resolve(r.folder()).normalize(), store));
					runs.addAll(fits(store));
				}
			} catch (java.io.UncheckedIOException | RunStoreException e) {
				// a results folder that cannot be listed: its runs are not shown
			}
		}
		FITS.keySet().removeIf(json -> !Files.isRegularFile(json)); // fits deleted since
		// newest first; runs that started in the same second keep the index's order (ids of one second sort by hash)
		runs.sort(Comparator.comparing((Run r) -> r.row().time()).reversed());
		if (table == null || table.isDisposed()) return;
		table.removeAll();
		for (Run r : runs) {
			TableItem it = new TableItem(table, SWT.NONE);
			RunIndex.Row x = r.row();
			boolean variant = !x.group().isEmpty() && !x.name().equals(x.group()) && x.name().startsWith(x.group() + "/");
			String values = variant ? RunColumns.variant(r.folder()) : "";
			if (variant && values.isEmpty()) values = x.name().substring(x.group().length() + 1);
			it.setText(new String[] { Printable.escape(variant ? x.group() : x.name()), r.kind(), Printable.escape(values), x.id(),
					x.time().replace('T', ' ').replace("Z", ""), r.exists() && r.fit() == null ? RunColumns.status(x.status(), r.folder()) : x.status(),
					r.exists() ? RunColumns.checks(r.folder()) : "",
					x.cycles() < 0 ? "" : Integer.toString(x.cycles()),
					Double.isNaN(x.firstDischargeMAhCm2()) ? "" : String.format(Locale.ROOT, "%.3f mAh/cm2", x.firstDischargeMAhCm2()),
					Printable.escape(x.change()), r.folder().getParent() == null ? "" : (r.exists() ? "" : "folder deleted: ") + r.folder() });
			if (!r.exists()) it.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND));
			it.setData(r);
		}
		// the names and values readable at any width of the view: the columns of short text fit their content (the run's
		// id and time too: they were cut at "20261205-123901-470eff" to "...-470ef" and "2026-12-05 12:3" with the view
		// maximized, its right half empty)
		for (String c : List.of("experiment", "kind", "variant", "run", "time (UTC)", "status", "checks", "cycles", "1st discharge")) {
			TableColumn col = table.getColumn(COLUMNS.indexOf(c));
			int before = col.getWidth();
			col.pack();
			if (c.equals("variant") && col.getWidth() < 60) col.setWidth(60);
			else if (!c.equals("variant") && col.getWidth() < Math.min(before, 80)) col.setWidth(Math.min(before, 80));
		}
	}

	/** A fit.json as read, with the modification time and size it was read at. */
	private record ReadFit(java.nio.file.attribute.FileTime modified, long size, FitRecord fit) {}

	/** Every fit.json read by a Runs view, by its path: read again only when changed ({@link #readFit}). */
	private static final java.util.Map<Path, ReadFit> FITS = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * A fit folder's fit.json through {@link FitRecord#readWithoutRuns}, read once per change: kept by its path and read
	 * again when its modification time or size changed (every refresh read every fit.json before, session 21).
	 */
	static FitRecord readFit(Path folder) {
		Path json = folder.resolve(org.cellwright.run.fit.FitReport.JSON).toAbsolutePath().normalize();
		java.nio.file.attribute.BasicFileAttributes a;
		try {
			a = Files.readAttributes(json, java.nio.file.attribute.BasicFileAttributes.class);
		} catch (java.io.IOException e) {
			FITS.remove(json);
			throw new org.cellwright.run.folder.RunFolderException(json + ": cannot be read: " + e.getMessage(), e);
		}
		ReadFit kept = FITS.get(json);
		if (kept != null && kept.modified().equals(a.lastModifiedTime()) && kept.size() == a.size()) return kept.fit();
		FitRecord fit = FitRecord.readWithoutRuns(folder);
		FITS.put(json, new ReadFit(a.lastModifiedTime(), a.size(), fit));
		return fit;
	}

	/**
	 * The fits kept in a results folder, {@code <fit>/<id>/fit.json} (not in runs.csv), each read through
	 * {@link #readFit}; one whose fit.json cannot be read is left out.
	 */
	static List<Run> fits(Path store) {
		List<Run> out = new ArrayList<>();
		for (Path f : org.cellwright.run.fit.FitReport.folders(store)) {
			String id = f.getFileName().toString();
			java.time.Instant t = RunStore.timeOf(id);
			FitRecord fit;
			try {
				fit = readFit(f);
			} catch (org.cellwright.run.folder.RunFolderException e) {
				continue;
			}
			String name = f.getParent().getFileName().toString();
			RunIndex.Row row = new RunIndex.Row(id, t.toString(), name, name, fit.status().word(fit.bracket() != null), -1,
					Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", name + "/" + id, RunColumns.fitResult(fit));
			out.add(new Run(row, f.normalize(), store, fit));
		}
		return out;
	}

	/**
	 * Selects the rows of these run folders (the runs of one launch, newest first at the top), reading the indexes again
	 * first; the Results view is not changed (selecting rows in code does not compare them).
	 */
	public void select(List<Path> folders) {
		refresh();
		if (table == null || table.isDisposed()) return;
		List<Path> wanted = folders.stream().map(Path::normalize).toList();
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) if (wanted.contains(runs.get(i).folder())) rows.add(i);
		table.setSelection(rows.stream().mapToInt(Integer::intValue).toArray());
		if (!rows.isEmpty()) table.setTopIndex(rows.get(0));
	}

	/** The text of a cell of the table: the row's, in the named column. */
	public String text(int row, String column) {
		return table.getItem(row).getText(COLUMNS.indexOf(column));
	}

	/** Right click: Show in Results View, Open Report, Export as BDF... (the selected run's time series). */
	private void contextMenu() {
		org.eclipse.jface.action.MenuManager mm = new org.eclipse.jface.action.MenuManager();
		mm.setRemoveAllWhenShown(true);
		mm.addMenuListener(m -> {
			boolean fit = selected() != null && selected().isFit();
			m.add(new Action(fit ? "Show in Fit Report View" : "Show in Results View") {
				@Override
				public void run() {
					if (fit) openFit(selected());
					else compareSelected();
				}
			});
			m.add(openReportAction());
			Action again = new Action("Run Again") {
				@Override
				public void run() {
					runAgain();
				}
			};
			again.setEnabled(selected() != null && selected().exists() && !fit);
			m.add(again);
			Action bdf = new Action("Export as BDF...") {
				@Override
				public void run() {
					Run r = selected();
					if (r == null) return;
					try {
						ResultsActions.exportBdf(table.getShell(), org.cellwright.run.folder.RunFolder.read(r.folder()));
					} catch (org.cellwright.run.folder.RunFolderException e) {
						org.eclipse.jface.dialogs.MessageDialog.openError(table.getShell(), "Export BDF", e.getMessage());
					}
				}
			};
			bdf.setEnabled(selected() != null && selected().exists() && !fit);
			m.add(bdf);
			Action delete = new Action(table.getSelectionCount() > 1 ? "Delete Runs..." : fit ? "Delete Fit..." : "Delete Run...") {
				@Override
				public void run() {
					deleteSelected();
				}
			};
			delete.setAccelerator(SWT.DEL);
			delete.setEnabled(table.getSelectionCount() > 0);
			m.add(delete);
		});
		table.setMenu(mm.createContextMenu(table));
	}

	/**
	 * Asks, then deletes the selected runs from the disk: each run's folder (a sweep variant's: its sweep run, with its
	 * other variants, which the question names too) and its rows of {@code runs.csv}; {@code latest} then names the
	 * newest run left. Nothing is deleted without the answer Delete.
	 */
	void deleteSelected() {
		List<Run> chosen = new ArrayList<>();
		for (TableItem it : table.getSelection()) if (it.getData() instanceof Run r) chosen.add(r);
		if (chosen.isEmpty()) return;
		// the rows that go: those chosen and the other variants of a chosen sweep run
		List<Run> going = runs.stream().filter(r -> chosen.stream().anyMatch(c -> c.store().equals(r.store()) && c.isFit() == r.isFit()
				&& c.row().group().equals(r.row().group()) && c.row().id().equals(r.row().id()))).toList();
		String what = going.stream().allMatch(Run::isFit) ? (going.size() == 1 ? "fit" : "fits")
				: going.stream().noneMatch(Run::isFit) ? (going.size() == 1 ? "run" : "runs") : "runs and fits";
		StringBuilder q = new StringBuilder(going.size() == 1 ? "Delete this " + what + " from the disk? It cannot be undone.\n"
				: "Delete these " + going.size() + " " + what + " from the disk? It cannot be undone.\n");
		int shown = 0;
		for (Run r : going) {
			if (shown++ == 12) {
				q.append("\n... and ").append(going.size() - 12).append(" more");
				break;
			}
			q.append("\n").append(r.isFit() ? "fit " : "").append(Printable.escape(r.row().name())).append("  ").append(r.row().id()).append(r.exists() ? "" : "  (folder already deleted)");
		}
		org.eclipse.jface.dialogs.MessageDialog ask = new org.eclipse.jface.dialogs.MessageDialog(table.getShell(), DELETE_TITLE, null,
				q.toString(), org.eclipse.jface.dialogs.MessageDialog.QUESTION, 1, "Delete", "Cancel");
		if (ask.open() != 0) return;
		java.util.Map<Path, List<RunIndex.Row>> byStore = new java.util.LinkedHashMap<>();
		for (Run r : chosen) if (!r.isFit()) byStore.computeIfAbsent(r.store(), k -> new ArrayList<>()).add(r.row());
		List<String> failed = new ArrayList<>();
		for (Run r : chosen) {
			if (!r.isFit()) continue;
			byStore.putIfAbsent(r.store(), new ArrayList<>());
			try {
				RunStore.deleteUnindexed(r.folder()); // a fit has no row in runs.csv: its folder alone
			} catch (IllegalArgumentException | java.io.UncheckedIOException ex) {
				failed.add(ex.getMessage());
			}
		}
		for (var e : byStore.entrySet()) {
			try {
				if (!e.getValue().isEmpty()) new RunStore(e.getKey()).index().delete(e.getValue());
			} catch (RunStoreException | IllegalArgumentException | java.io.UncheckedIOException ex) {
				failed.add(ex.getMessage());
			}
			for (org.eclipse.core.resources.IContainer c : ResourcesPlugin.getWorkspace().getRoot().findContainersForLocationURI(e.getKey().toUri())) {
				try {
					c.refreshLocal(org.eclipse.core.resources.IResource.DEPTH_INFINITE, null);
				} catch (CoreException ex) {
					// the Project Explorer shows the deleted folders until refreshed
				}
			}
		}
		refresh();
		if (!failed.isEmpty())
			org.eclipse.jface.dialogs.MessageDialog.openError(table.getShell(), DELETE_TITLE, "Not every run was deleted:\n" + String.join("\n", failed));
	}

	/**
	 * Run Again (context menu): the selected run's experiment, or its sweep for a sweep's variant, run again from its
	 * {@code .cell} file as it is now (named by the run's summary.json or inputs.json; renamed or moved with its history,
	 * the file the history is keyed by), as Run Experiments runs it; a file no longer in the workspace is said. There was no way to re-run a run from its history in the IDE.
	 */
	public ExperimentJob runAgain() {
		Run r = selected();
		if (r == null) return null;
		String problem;
		try {
			var run = org.cellwright.run.folder.RunFolder.read(r.folder());
			// the summary's source (a liquid-electrolyte run has no inputs.json), else inputs.json's
			String source = run.summary().run() != null && run.summary().run().sourceFile() != null ? run.summary().run().sourceFile()
					: run.inputs() != null && run.inputs().provenance() != null ? run.inputs().provenance().sourceFile() : null;
			IFile file = source == null ? null : cellFile(Path.of(source), r.folder());
			// renamed or moved with its history (the run names the file where it ran): the file its history is keyed by,
			// as Staleness tells it (RunStore.historyOf)
			RunStore.History history = file == null ? RunStore.historyOf(r.folder()) : null;
			if (history != null && Files.isRegularFile(history.cellFile())) file = cellFile(history.cellFile(), r.folder());
			if (file != null) {
				// a changed editor of the file: saved first, asking unless the preference says not to
				if (!org.cellwright.app.SaveBeforeRun.save(table.getShell(), file)) return null;
				boolean variant = !r.row().group().isEmpty() && !r.row().name().equals(r.row().group());
				ExperimentJob job = new ExperimentJob(file, variant ? r.row().group() : r.row().name());
				job.schedule();
				return job;
			}
			problem = source == null ? "the run does not name its .cell file (neither summary.json nor inputs.json)"
					: source + ", which this run ran, is not a file of the workspace (renamed, moved or deleted?)";
		} catch (org.cellwright.run.folder.RunFolderException e) {
			problem = e.getMessage();
		}
		org.eclipse.jface.dialogs.MessageDialog.openError(table.getShell(), "Run Again", "Cannot run " + r.row().name() + " again: " + problem);
		return null;
	}

	/** The workspace's .cell file at a path (absolute, or relative to the run's folder, as the run's records write it). */
	private static IFile cellFile(Path source, Path runFolder) {
		Path at = (source.isAbsolute() ? source : runFolder.resolve(source)).toAbsolutePath().normalize();
		for (IFile f : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(at.toUri()))
			if (f.exists()) return f;
		return null;
	}

	/** Open Report of the context menu: the one selected run's report.html (disabled, saying why, when there is none). */
	public Action openReportAction() {
		Run r = selected();
		Action a = OpenReport.action(r == null ? null : r.folder(), table.getShell());
		if (r == null && table.getSelectionCount() > 1) {
			a.setEnabled(false);
			a.setToolTipText("Open Report: select one run");
		}
		return a;
	}

	/** The one run (or fit) selected, or null. */
	public Run selected() {
		return table.getSelectionCount() == 1 && table.getSelection()[0].getData() instanceof Run r ? r : null;
	}

	/** The runs listed, newest first. */
	public List<Run> runs() {
		return List.copyOf(runs);
	}

	public Table table() {
		return table;
	}

	/** Shows a fit in the Fit Report view (its report, read there in the background); null when the view cannot open. */
	public FitReportView openFit(Run fit) {
		if (fit == null || !fit.isFit()) return null;
		try {
			FitReportView v = (FitReportView) getSite().getPage().showView(FitReportView.ID);
			v.show(fit.folder());
			return v;
		} catch (PartInitException e) {
			return null;
		}
	}

	/** Shows the selected runs in the Results view (one: that run; several: overlaid); fits are not runs to compare. */
	void compareSelected() {
		List<Path> folders = new ArrayList<>();
		for (TableItem it : table.getSelection()) if (it.getData() instanceof Run r && r.exists() && !r.isFit()) folders.add(r.folder());
		if (folders.isEmpty()) return;
		try {
			ResultsView v = (ResultsView) getSite().getPage().showView(ResultsView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
			v.setRuns(folders);
		} catch (PartInitException e) {
			// the Results view is not available
		}
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}

	@Override
	public void dispose() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(listener);
		super.dispose();
	}
}
