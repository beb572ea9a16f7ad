package org.cellwright.app.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.cellwright.lang.text.Printable;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.cellwright.run.store.RunStoreException;
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
 * The history of the workspace's runs: every row of every project's {@code results/<file>/runs.csv}, newest first, with
 * what changed against the previous run of the same experiment. Selecting two or more runs compares them in the
 * Results view; a double click shows one.
 */
public class RunsView extends ViewPart {
	public static final String ID = "org.cellwright.app.views.runs";

	static final String[] COLUMNS = { "experiment", "run", "time (UTC)", "status", "cycles", "1st discharge", "change", "results" };

	/** A row of the table: the index row and the run's folder. */
	public record Run(RunIndex.Row row, Path folder) {}

	private Table table;
	private final List<Run> runs = new ArrayList<>();
	private final IResourceChangeListener listener = e -> {
		if (e.getDelta() == null) return;
		boolean[] index = { false };
		try {
			e.getDelta().accept(d -> {
				if (d.getResource().getName().equals(RunFiles.INDEX)) index[0] = true;
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
			col.setWidth(c.equals("change") ? 320 : c.equals("run") ? 170 : 110);
		}
		table.addListener(SWT.Selection, e -> {
			if (table.getSelectionCount() >= 2) compareSelected();
		});
		table.addListener(SWT.DefaultSelection, e -> compareSelected());
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
			Path results = p.getLocation().toFile().toPath().resolve("results");
			if (!Files.isDirectory(results)) continue;
			try (Stream<Path> s = Files.list(results)) {
				for (Path store : s.filter(d -> Files.isRegularFile(d.resolve(RunFiles.INDEX))).sorted().toList())
				{
					List<RunIndex.Row> rows = new java.util.ArrayList<>(new RunStore(store).index().rows());
					java.util.Collections.reverse(rows); // the index is in the order the runs ended: newest first
					for (RunIndex.Row r : rows) runs.add(new Run(r, store.resolve(r.folder()).normalize()));
				}
			} catch (java.io.IOException | RunStoreException e) {
				// a results folder that cannot be listed: its runs are not shown
			}
		}
		// newest first; runs that started in the same second keep the index's order (ids of one second sort by hash)
		runs.sort(Comparator.comparing((Run r) -> r.row().time()).reversed());
		if (table == null || table.isDisposed()) return;
		table.removeAll();
		for (Run r : runs) {
			TableItem it = new TableItem(table, SWT.NONE);
			RunIndex.Row x = r.row();
			it.setText(new String[] { Printable.escape(x.name()), x.id(), x.time().replace('T', ' ').replace("Z", ""), x.status(),
					x.cycles() < 0 ? "" : Integer.toString(x.cycles()),
					Double.isNaN(x.firstDischargeMAhCm2()) ? "" : String.format(Locale.ROOT, "%.3f mAh/cm2", x.firstDischargeMAhCm2()),
					Printable.escape(x.change()), r.folder().getParent() == null ? "" : r.folder().toString() });
			it.setData(r);
		}
	}

	/** Right click: Show in Results View, Export as BDF... (the selected run's time series). */
	private void contextMenu() {
		org.eclipse.jface.action.MenuManager mm = new org.eclipse.jface.action.MenuManager();
		mm.setRemoveAllWhenShown(true);
		mm.addMenuListener(m -> {
			m.add(new Action("Show in Results View") {
				@Override
				public void run() {
					compareSelected();
				}
			});
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
			bdf.setEnabled(selected() != null);
			m.add(bdf);
		});
		table.setMenu(mm.createContextMenu(table));
	}

	/** The one run selected, or null. */
	private Run selected() {
		return table.getSelectionCount() == 1 && table.getSelection()[0].getData() instanceof Run r ? r : null;
	}

	/** The runs listed, newest first. */
	public List<Run> runs() {
		return List.copyOf(runs);
	}

	public Table table() {
		return table;
	}

	/** Shows the selected runs in the Results view (one: that run; several: overlaid). */
	void compareSelected() {
		List<Path> folders = new ArrayList<>();
		for (TableItem it : table.getSelection()) if (it.getData() instanceof Run r && Files.isDirectory(r.folder())) folders.add(r.folder());
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
