package org.cellwright.app;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.participants.CheckConditionsContext;
import org.eclipse.ltk.core.refactoring.participants.MoveParticipant;

/**
 * Moving a {@code .cell} file into another project (Move... in the Project Explorer, or any move
 * refactoring of the file) moves its run history with it: {@code results/<name>/} of its project becomes {@code
 * results/<name>/} of the other, so the moved file's runs go on in the same history. A file's history is named after
 * the file alone, in its project's {@code results/}: a file moved to another folder of the same project keeps it
 * where it is, and nothing moves. As for a rename ({@link ResultsRenameParticipant}, the same store operation
 * {@link org.cellwright.run.store.RunStore#moveHistory}): nothing is deleted or overwritten; where the other project
 * has a history of that name the move's preview warns and the runs stay; a run being written keeps them too; undoing
 * the move moves them back.
 */
public final class ResultsMoveParticipant extends MoveParticipant {

	private IFile file;
	private IProject target;

	@Override
	protected boolean initialize(Object element) {
		if (!(element instanceof IFile f) || !"cell".equals(f.getFileExtension()) || f.getProject() == null) return false;
		if (!(getArguments().getDestination() instanceof IContainer d) || d.getProject() == null) return false;
		file = f;
		target = d.getProject();
		return !target.equals(f.getProject()) && ResultsRenameParticipant.history(f.getProject(), base()).exists();
	}

	private String base() {
		return ResultsRenameParticipant.base(file.getName());
	}

	@Override
	public String getName() {
		return "Move the runs of " + file.getName();
	}

	@Override
	public RefactoringStatus checkConditions(IProgressMonitor pm, CheckConditionsContext context) throws OperationCanceledException {
		IFolder there = ResultsRenameParticipant.history(target, base());
		if (!there.exists()) return new RefactoringStatus();
		return RefactoringStatus.createWarningStatus(there.getFullPath() + " holds runs already (of another file named " + file.getName()
				+ "): the runs of " + file.getName() + " stay in " + ResultsRenameParticipant.history(file.getProject(), base()).getFullPath()
				+ "; nothing is overwritten");
	}

	@Override
	public Change createChange(IProgressMonitor pm) throws CoreException, OperationCanceledException {
		if (ResultsRenameParticipant.history(target, base()).exists()) return null;
		return new ResultsRenameParticipant.MoveHistory(file.getProject(), base(), target, base());
	}
}
