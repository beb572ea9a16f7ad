package org.cellwright.app;

import java.nio.file.Path;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.cellwright.app.views.ResultsView;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.navigator.CommonActionProvider;
import org.eclipse.ui.navigator.ICommonActionConstants;

/** In the Project Explorer, opening (double-clicking) a run folder shows the run in the Results view. */
public class RunFolderActionProvider extends CommonActionProvider {

	private Path folder;

	private final Action open = new Action("Show in Results View") {
		@Override
		public void run() {
			if (folder == null) return;
			try {
				var page = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
				((ResultsView) page.showView(ResultsView.ID)).show(folder);
			} catch (PartInitException e) {
				org.eclipse.core.runtime.ILog.of(RunFolderActionProvider.class).error("cannot open the Results view", e);
			}
		}
	};

	@Override
	public void fillActionBars(IActionBars bars) {
		folder = null;
		if (getContext() != null && getContext().getSelection() instanceof IStructuredSelection s && s.size() == 1
				&& Adapters.adapt(s.getFirstElement(), IFolder.class) instanceof IFolder f && f.getLocation() != null
				&& RunFolder.resolve(f.getLocation().toFile().toPath()) != null) {
			folder = RunFolder.resolve(f.getLocation().toFile().toPath());
			bars.setGlobalActionHandler(ICommonActionConstants.OPEN, open);
		}
	}
}
