package org.cellwright.app;

import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunStore;
import org.cellwright.run.store.RunStoreException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.participants.CheckConditionsContext;
import org.eclipse.ltk.core.refactoring.participants.RenameParticipant;

/**
 * Renaming a {@code .cell} file (Rename... in the Project Explorer, or any rename refactoring of the file) moves its
 * run history with it: {@code results/<old name>/} becomes {@code results/<new name>/}, so the renamed file's runs go
 * on in the same history (runs.csv, latest, what changed) and the Runs view lists them under the new name. The move is
 * the run store's ({@link RunStore#moveHistory}): nothing is deleted or overwritten. Where the new name has a history
 * of its own, the rename's preview warns that the runs stay under the old name; undoing the rename moves them back.
 */
public final class ResultsRenameParticipant extends RenameParticipant {

	private IFile file;

	@Override
	protected boolean initialize(Object element) {
		if (!(element instanceof IFile f) || !"cell".equals(f.getFileExtension()) || f.getProject() == null) return false;
		file = f;
		return history(f.getProject(), base(f.getName())).exists();
	}

	@Override
	public String getName() {
		return "Move the runs of " + file.getName();
	}

	@Override
	public RefactoringStatus checkConditions(IProgressMonitor pm, CheckConditionsContext context) throws OperationCanceledException {
		String to = base(getArguments().getNewName());
		IFolder target = history(file.getProject(), to);
		if (to.equals(base(file.getName())) || !target.exists()) return new RefactoringStatus();
		return RefactoringStatus.createWarningStatus(target.getFullPath() + " holds runs already (of another file named "
				+ getArguments().getNewName() + "): the runs of " + file.getName() + " stay in "
				+ history(file.getProject(), base(file.getName())).getFullPath() + "; nothing is overwritten");
	}

	@Override
	public Change createChange(IProgressMonitor pm) throws CoreException, OperationCanceledException {
		String from = base(file.getName()), to = base(getArguments().getNewName());
		if (from.equals(to) || history(file.getProject(), to).exists()) return null;
		return new MoveHistory(file.getProject(), from, to);
	}

	/** The file's name without {@code .cell}: the name of its history's folder (as the run's job names it). */
	static String base(String fileName) {
		return fileName.replaceFirst("\\.cell$", "");
	}

	static IFolder history(IProject project, String base) {
		return project.getFolder(RunFiles.RESULTS).getFolder(base);
	}

	/**
	 * Moves {@code results/<from>/} of one project to {@code results/<to>/} of the same or another project (a file
	 * renamed, or moved into another project: {@link ResultsMoveParticipant}) through {@link RunStore#moveHistory}; its
	 * undo moves it back. When the store refuses (a run being written, the target made meanwhile), the file moves all
	 * the same and its runs stay where they are, said in the CellWright Runs console.
	 */
	static final class MoveHistory extends Change {
		private final IProject project, toProject;
		private final String from, to;

		MoveHistory(IProject project, String from, String to) {
			this(project, from, project, to);
		}

		MoveHistory(IProject project, String from, IProject toProject, String to) {
			this.project = project;
			this.from = from;
			this.toProject = toProject;
			this.to = to;
		}

		@Override
		public String getName() {
			return "Move the runs in " + history(project, from).getFullPath() + "/ to " + history(toProject, to).getFullPath() + "/";
		}

		@Override
		public void initializeValidationData(IProgressMonitor pm) {
		}

		@Override
		public RefactoringStatus isValid(IProgressMonitor pm) throws CoreException, OperationCanceledException {
			return new RefactoringStatus();
		}

		@Override
		public Change perform(IProgressMonitor pm) throws CoreException {
			IFolder results = project.getFolder(RunFiles.RESULTS), toResults = toProject.getFolder(RunFiles.RESULTS);
			try {
				java.nio.file.Path source = results.getLocation().toFile().toPath().resolve(from);
				java.nio.file.Path moved = RunStore.moveHistory(results.getLocation().toFile().toPath(), from, toResults.getLocation().toFile().toPath(), to);
				if (moved == null) return null;
				// an open Fit Report view showing one of its fits follows it (it kept the folder that is gone)
				org.eclipse.swt.widgets.Display display = org.eclipse.ui.PlatformUI.isWorkbenchRunning() ? org.eclipse.ui.PlatformUI.getWorkbench().getDisplay() : null;
				if (display != null && !display.isDisposed()) display.asyncExec(() -> org.cellwright.app.views.FitReportView.historyMoved(source, moved));
			} catch (RunStoreException | IllegalArgumentException e) {
				// the file is renamed or moved all the same; its runs stay where they are, said where the runs are reported
				String why = "The runs of " + from + ".cell stay in " + results.getFolder(from).getFullPath() + ": " + e.getMessage();
				ILog.of(ResultsRenameParticipant.class).warn(why);
				RunConsole.println(why);
				return null;
			} finally {
				results.refreshLocal(IResource.DEPTH_INFINITE, pm);
				if (!toProject.equals(project)) toResults.refreshLocal(IResource.DEPTH_INFINITE, pm);
			}
			return new MoveHistory(toProject, to, project, from);
		}

		@Override
		public Object getModifiedElement() {
			return history(project, from);
		}
	}
}
