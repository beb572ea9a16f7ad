package org.cellwright.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.cellwright.app.views.ResultsView;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Shows the selected runs in the Results view, overlaid when there are several ("Compare Runs"). A run is a run
 * folder or its summary.json / timeseries.csv; a folder holding run folders (results/&lt;file&gt;) stands for all of
 * them.
 */
public class ShowResultsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		List<Path> runs = new ArrayList<>();
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection ss)
			for (Object o : ss.toList())
				if (Adapters.adapt(o, IResource.class) instanceof IResource r && r.getLocation() != null)
					runs.addAll(runFolders(r.getLocation().toFile().toPath()));
		if (runs.isEmpty()) {
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Compare Runs",
					"Select run folders (results/<file>/<experiment>/<run id>; an experiment's folder stands for its latest run) or their summary.json files.");
			return null;
		}
		try {
			IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
			((ResultsView) page.showView(ResultsView.ID)).setRuns(runs);
		} catch (PartInitException e) {
			MessageDialog.openError(HandlerUtil.getActiveShell(event), "Compare Runs", e.getMessage());
		}
		return null;
	}

	/** The run folders a selected path stands for (no duplicates, in name order inside a folder). */
	public static List<Path> runFolders(Path p) {
		if (Files.isRegularFile(p)) return RunFolder.isRunFolder(p.getParent()) ? List.of(p.getParent()) : List.of();
		// a run folder, an experiment's folder (its latest run), a sweep's or a results folder (the latest of each)
		try {
			return org.cellwright.run.store.RunStore.runFolders(p);
		} catch (RuntimeException e) {
			return List.of();
		}
	}
}
