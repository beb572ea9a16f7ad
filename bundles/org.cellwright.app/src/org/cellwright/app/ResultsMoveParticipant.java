package org.cellwright.app;

import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.participants.CheckConditionsContext;
import org.eclipse.ltk.core.refactoring.participants.MoveParticipant;

/**
 * Moving a {@code .cell} file (or a folder: the files below it) into another folder or project (Move... in the Project Explorer, a drag and drop there,
 * or any move refactoring of the file) moves its run history with it: its history's key
 * ({@link org.cellwright.run.store.RunStore#historyKey}) is its path in its project, so {@code results/t/} of a file at
 * the project's top becomes {@code results/a/t.cell/} when it moves into folder {@code a}, and {@code results/<key>/}
 * of the other project when it moves there, and the moved file's runs go on in the same history. As for a rename
 * ({@link ResultsRenameParticipant}, the same store operation {@link org.cellwright.run.store.RunStore#moveHistory}):
 * nothing is deleted or overwritten; where the destination has a history of that key the move's preview warns and the
 * runs stay; a run being written keeps them too; undoing the move moves them back.
 */
public final class ResultsMoveParticipant extends MoveParticipant {

	private String name;
	private List<ResultsRenameParticipant.MoveHistory> moves;

	@Override
	protected boolean initialize(Object element) {
		if (!(element instanceof IResource r) || !(getArguments().getDestination() instanceof IContainer d) || d.getProject() == null
				|| d.getLocation() == null)
			return false;
		name = r.getName();
		moves = ResultsRenameParticipant.moves(r, d.getProject(), d.getLocation().append(r.getName()));
		return !moves.isEmpty();
	}

	@Override
	public String getName() {
		return "Move the runs of " + name;
	}

	@Override
	public RefactoringStatus checkConditions(IProgressMonitor pm, CheckConditionsContext context) throws OperationCanceledException {
		return ResultsRenameParticipant.check(moves);
	}

	@Override
	public Change createChange(IProgressMonitor pm) throws CoreException, OperationCanceledException {
		return ResultsRenameParticipant.change(getName(), moves);
	}
}
