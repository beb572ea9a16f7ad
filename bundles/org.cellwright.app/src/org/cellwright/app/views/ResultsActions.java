package org.cellwright.app.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swtchart.Chart;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/**
 * The Results view's toolbar and menu: Add Run..., Add Measurement..., Clear, Open Report (the first run's report.html),
 * Reset Zoom, Export PNG... and Export CSV... of the chart shown.
 */
final class ResultsActions {

	private ResultsActions() {}

	/** Returns the Open Report action, which the view updates when the runs shown change. */
	static Action contribute(ResultsView view, IActionBars bars, ChartTabs tabs) {
		Action report = new Action(OpenReport.LABEL) {
			@Override
			public void run() {
				OpenReport.open(view.shown(), view.getSite().getShell());
			}
		};
		report.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_OBJ_FILE));
		OpenReport.update(report, null);
		Action add = new Action("Add Run...") {
			@Override
			public void run() {
				DirectoryDialog d = new DirectoryDialog(view.getSite().getShell());
				d.setText("Add a run to compare");
				d.setMessage("Choose a run folder (results/<file>/<experiment>/<run id>), or an experiment's folder for its latest run");
				d.setFilterPath(view.requested().isEmpty() ? ResourcesPlugin.getWorkspace().getRoot().getLocation().toOSString()
						: view.requested().get(view.requested().size() - 1).getParent().toString());
				String dir = d.open();
				if (dir != null) view.add(Path.of(dir));
			}
		};
		add.setToolTipText("Add a run folder to overlay on every chart");
		Action measured = new Action("Add Measurement...") {
			@Override
			public void run() {
				var wizard = new org.cellwright.app.wizards.MeasuredDataImportWizard().forRun(view.shown());
				new org.eclipse.jface.wizard.WizardDialog(view.getSite().getShell(), wizard).open();
			}
		};
		measured.setToolTipText("Overlay measured cycler data (BDF, Arbin, Neware, BioLogic, Maccor, or mapped CSV) on a run, with its error figures");
		Action clear = new Action("Clear") {
			@Override
			public void run() {
				view.setRuns(List.of());
			}
		};
		Action reset = new Action("Reset Zoom") {
			@Override
			public void run() {
				Chart c = tabs.current();
				if (c != null) ChartInteraction.reset(c);
			}
		};
		reset.setToolTipText("Show all data (or double-click the chart)");
		Action png = new Action("Export PNG...") {
			@Override
			public void run() {
				export(view, tabs, "png");
			}
		};
		Action bdf = new Action("Export Run as BDF...") {
			@Override
			public void run() {
				exportBdf(view);
			}
		};
		bdf.setToolTipText("Write the time series of the run shown as Battery Data Format CSV (time, voltage, current, cycle, step)");
		Action csv = new Action("Export CSV...") {
			@Override
			public void run() {
				export(view, tabs, "csv");
			}
		};
		ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
		add.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_OBJ_ADD));
		measured.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_OBJ_FILE));
		clear.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_CLEAR));
		clear.setToolTipText("Remove all runs from the view");
		png.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_SAVEAS_EDIT));
		png.setToolTipText("Export the chart shown as a PNG image");
		csv.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_SAVE_EDIT));
		csv.setToolTipText("Export the data of the chart shown as CSV (one row per point, with units; all points, also where fewer are drawn)");
		IToolBarManager tb = bars.getToolBarManager();
		IMenuManager menu = bars.getMenuManager();
		for (Action a : List.of(add, measured, clear, report, png, csv)) tb.add(a);
		menu.add(add);
		menu.add(measured);
		menu.add(clear);
		menu.add(report);
		menu.add(new Separator());
		menu.add(reset);
		menu.add(png);
		menu.add(csv);
		menu.add(bdf);
		return report;
	}

	/** The first run shown, written as BDF where the user chooses (one error dialog if it cannot be written). */
	static void exportBdf(ResultsView view) {
		if (view.runs().isEmpty()) {
			MessageDialog.openInformation(view.getSite().getShell(), "Export BDF", "Show a run first.");
			return;
		}
		exportBdf(view.getSite().getShell(), view.runs().get(0));
	}

	static void exportBdf(org.eclipse.swt.widgets.Shell shell, org.cellwright.run.folder.RunFolder run) {
		FileDialog d = new FileDialog(shell, SWT.SAVE);
		d.setOverwrite(true);
		d.setFilterExtensions(new String[] {"*.bdf.csv", "*.csv"});
		d.setFileName(run.experiment() + "-" + run.runId() + ".bdf.csv");
		d.setFilterPath(run.folder().toString());
		String f = d.open();
		if (f == null) return;
		try {
			BdfExport.write(run, Path.of(f));
		} catch (IOException | RuntimeException e) {
			MessageDialog.openError(shell, "Export BDF", "Cannot write " + f + ": " + e.getMessage());
		}
	}

	private static void export(ResultsView view, ChartTabs tabs, String kind) {
		Chart c = tabs.current();
		if (c == null) {
			MessageDialog.openInformation(view.getSite().getShell(), "Export", "Select a chart tab first.");
			return;
		}
		FileDialog d = new FileDialog(view.getSite().getShell(), SWT.SAVE);
		d.setOverwrite(true);
		d.setFilterExtensions(new String[] {"*." + kind});
		String tab = tabs.selectedTitle().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		d.setFileName((view.runs().isEmpty() ? "results" : view.runs().get(0).experiment()) + "-" + tab + "." + kind);
		if (!view.runs().isEmpty()) d.setFilterPath(view.runs().get(0).folder().toString());
		String f = d.open();
		if (f == null) return;
		try {
			if (kind.equals("png")) ChartInteraction.exportPng(c, Path.of(f));
			else ChartInteraction.exportCsv(c, Path.of(f));
		} catch (IOException e) {
			MessageDialog.openError(view.getSite().getShell(), "Export", "Cannot write " + f + ": " + e.getMessage());
		}
	}
}
