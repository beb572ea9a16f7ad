package org.cellwright.app;

import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunStore;
import org.cellwright.run.store.RunStoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.participants.CheckConditionsContext;
import org.eclipse.ltk.core.refactoring.participants.RenameParticipant;

/**
 * Renaming a {@code .cell} file (Rename... in the Project Explorer, or any rename refactoring of the file) moves its
 * run history with it: {@code results/<old name>/} becomes {@code results/<new name>/} (a file in a folder of the
 * project: {@code results/<folder>/<old name>.cell/} becomes {@code results/<folder>/<new name>.cell/},
 * {@link RunStore#historyKey}), so the renamed file's runs go on in the same history (runs.csv, latest, what changed)
 * and the Runs view lists them under the new name. Renaming a folder moves the histories of the files below it
 * ({@code results/a/t.cell/} to {@code results/b/t.cell/}). The move is the run store's ({@link RunStore#moveHistory}):
 * nothing is deleted or overwritten. Where the new key has a history of its own, the rename's preview warns that those
 * runs stay where they are; undoing the rename moves them back.
 */
public final class ResultsRenameParticipant extends RenameParticipant {

	private String name;
	private List<MoveHistory> moves;

	@Override
	protected boolean initialize(Object element) {
		if (!(element instanceof IResource r) || r.getParent() == null || r.getParent().getLocation() == null) return false;
		name = r.getName();
		moves = moves(r, r.getProject(), r.getParent().getLocation().append(getArguments().getNewName()));
		return !moves.isEmpty();
	}

	@Override
	public String getName() {
		return "Move the runs of " + name;
	}

	@Override
	public RefactoringStatus checkConditions(IProgressMonitor pm, CheckConditionsContext context) throws OperationCanceledException {
		return check(moves);
	}

	@Override
	public Change createChange(IProgressMonitor pm) throws CoreException, OperationCanceledException {
		return change(getName(), moves);
	}

	/**
	 * The histories that go along when {@code r} (a {@code .cell} file, or a folder: the files below it) goes to
	 * {@code to} (on disk) in {@code toProject}: each a history that exists under its key now and whose key changes.
	 */
	static List<MoveHistory> moves(IResource r, IProject toProject, IPath to) {
		IProject project = r.getProject();
		List<MoveHistory> out = new ArrayList<>();
		if (project == null || project.getLocation() == null || r.getLocation() == null || toProject.getLocation() == null) return out;
		if (r instanceof IFile f) {
			if (!"cell".equals(f.getFileExtension())) return out;
			String from = key(project, f.getLocation()), key = key(toProject, to);
			if (history(project, from).exists() && !(toProject.equals(project) && key.equals(from))) out.add(new MoveHistory(project, from, toProject, key));
			return out;
		}
		Path below = r.getLocation().toFile().toPath(), results = project.getLocation().toFile().toPath().resolve(RunFiles.RESULTS);
		for (Path h : RunStore.histories(results)) {
			RunStore.History held = RunStore.historyOf(h);
			if (held == null || !held.inFolder() || !held.folder().equals(h) || !held.cellFile().startsWith(below)) continue;
			String key = key(toProject, to.append(IPath.fromOSString(below.relativize(held.cellFile()).toString())));
			if (!(toProject.equals(project) && key.equals(held.key()))) out.add(new MoveHistory(project, held.key(), toProject, key));
		}
		return out;
	}

	/** The preview's warning for each history whose new key has runs of its own (they stay where they are). */
	static RefactoringStatus check(List<MoveHistory> moves) {
		RefactoringStatus status = new RefactoringStatus();
		for (MoveHistory m : moves) {
			IFolder target = history(m.toProject, m.to);
			if (target.exists())
				status.addWarning(target.getFullPath() + " holds runs already (of another file named " + fileOf(m.toProject, m.to) + "): the runs of "
						+ fileOf(m.project, m.from) + " stay in " + history(m.project, m.from).getFullPath() + "; nothing is overwritten");
		}
		return status;
	}

	/** The change moving the histories whose new key is free: null for none, one change, or all of them. */
	static Change change(String name, List<MoveHistory> moves) {
		List<MoveHistory> free = moves.stream().filter(m -> !history(m.toProject, m.to).exists()).toList();
		if (free.size() < 2) return free.isEmpty() ? null : free.get(0);
		return new CompositeChange(name, free.toArray(Change[]::new));
	}

	/** The key of the history of the file at {@code location} (on disk) in {@code project} ({@link RunStore#historyKey}, as the run's job keys it). */
	static String key(IProject project, IPath location) {
		return RunStore.historyKey(project.getLocation().toFile().toPath(), location.toFile().toPath());
	}

	/** {@code results/<key>/} of a project. */
	static IFolder history(IProject project, String key) {
		return project.getFolder(RunFiles.RESULTS).getFolder(IPath.fromPortableString(key));
	}

	/** The file a key stands for, relative to its project ({@code t.cell}, {@code a/t.cell}). */
	static String fileOf(IProject project, String key) {
		return new RunStore.History(project.getLocation().toFile().toPath().resolve(RunFiles.RESULTS), key).file();
	}

	/**
	 * Moves {@code results/<from>/} of one project to {@code results/<to>/} of the same or another project (keys: a file
	 * renamed, or moved into another folder or project: {@link ResultsMoveParticipant}) through {@link RunStore#moveHistory}; its
	 * undo moves it back. When the store refuses (a run being written, the target made meanwhile), the file moves all
	 * the same and its runs stay where they are, said in the CellWright Runs console.
	 */
	static final class MoveHistory extends Change {
		private final IProject project, toProject;
		private final String from, to;

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
				String why = "The runs of " + fileOf(project, from) + " stay in " + history(project, from).getFullPath() + ": " + e.getMessage();
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
