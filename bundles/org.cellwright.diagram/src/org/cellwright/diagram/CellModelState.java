package org.cellwright.diagram;

import org.eclipse.emf.common.command.Command;
import org.eclipse.glsp.server.model.DefaultGModelState;
import org.eclipse.glsp.server.types.GLSPServerException;

/**
 * GLSP's model state with the command stack of the file's {@link DiagramSession}: the operation handlers' EMF commands,
 * undo and redo run there, so they write the text back and share the history with the other editors of the file.
 */
public class CellModelState extends DefaultGModelState {

	private DiagramSession session;

	void setSession(DiagramSession session) {
		if (this.session != null && this.session != session) this.session.close();
		this.session = session;
	}

	public DiagramSession session() {
		if (session == null) throw new GLSPServerException("no diagram loaded yet");
		return session;
	}

	@Override
	public void execute(Command command) {
		// the session's reason: in the IDE also "the text changed since it was read" (typing raced the edit), not only
		// syntax errors, which this message said for every refusal
		if (!session().execute(command)) {
			String why = session().refusal();
			throw new GLSPServerException("The edit was refused: " + (why == null ? "the text has syntax errors, fix the text first" : why) + ".");
		}
	}

	@Override
	public boolean canUndo() { return session != null && session.canUndo(); }

	@Override
	public boolean canRedo() { return session != null && session.canRedo(); }

	@Override
	public void undo() { if (session != null) session.undo(); }

	@Override
	public void redo() { if (session != null) session.redo(); }

	/** The text is the only stored form and is written at once: never dirty. */
	@Override
	public boolean isDirty() { return false; }
}
