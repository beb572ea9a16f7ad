package org.cellwright.diagram;

import java.util.Optional;

import org.cellwright.lang.model.Cells;
import org.eclipse.emf.common.command.Command;
import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.operations.BasicOperationHandler;
import org.eclipse.glsp.server.operations.Operation;

import com.google.inject.Inject;

/**
 * A layer rename that changes other files too, asked in the page: the server sends the page the question
 * ({@link Ask}: the files and where they name the layer, as the IDE asks it), the page shows it (the browser's confirm
 * dialog) and, on yes, sends the rename again with the question answered ({@link Answered}), which the session then
 * makes in every file with one undo. Before, the page in an ordinary browser refused such a rename, naming the files.
 */
public final class RenameQuestion {

	private RenameQuestion() {}

	/**
	 * Key of a Boolean in the model state: true when the page asks the user itself (an ordinary browser); false for the
	 * IDE's diagram editor, whose session asks in the IDE ({@link DiagramSession#asksTheUser}).
	 */
	public static final String PAGE_ASKS = "cellwright.pageAsks";

	/** To the page: ask the user; on yes, send {@link Answered} with the label edit. */
	public static class Ask extends Action {
		public static final String KIND = "cellwrightAskRename";

		public String question, labelId, text;

		public Ask() { super(KIND); }

		public Ask(String question, String labelId, String text) {
			this();
			this.question = question;
			this.labelId = labelId;
			this.text = text;
		}
	}

	/** From the page: the user said yes to the question; the label edit is made. */
	public static class Answered extends Operation {
		public static final String KIND = "cellwrightRenameAnswered";

		public String question, labelId, text;

		public Answered() { super(KIND); }
	}

	/** The rename the user said yes to, made by the session with the answer ({@link Cells.LayerRename#answered}). */
	public static class Handler extends BasicOperationHandler<Answered> {
		@Inject
		protected GModelState state;

		/** The label edit's rename, its question answered. */
		@Override
		public Optional<Command> createCommand(Answered op) {
			Command c = CellOperations.Rename.command(state, op.labelId, op.text);
			Cells.LayerRename rename = Cells.LayerRename.in(c);
			if (rename != null) rename.answered(op.question);
			return Optional.ofNullable(c);
		}
	}
}
