package org.cellwright.diagram;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.glsp.server.actions.AbstractActionHandler;
import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.actions.ActionDispatcher;
import org.eclipse.glsp.server.features.undoredo.UndoRedoActionHandler;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.operations.Operation;
import org.eclipse.glsp.server.operations.OperationActionHandler;

import com.google.inject.Inject;

/**
 * Each edit the page sends (an operation, an undo, a redo) is answered by the server one to one: the page tags the edit
 * with its number on the connection ({@link Tag}, sent right before it: GLSP's server reads an operation into its own
 * class and drops fields it does not know, so a number on the operation itself would not reach the handler), and the
 * server, once it has handled the edit, sends {@link Answered} with that number after the update the edit causes (the
 * new model sent for its bounds and the dirty state of the edit). An edit the server refused (the answer carries the
 * reason, which the page shows: since session 39 the page no longer reads it from GLSP's generic error message) or found nothing to do for (an undo with nothing to undo) is answered too: it reached the server. An update that
 * results from no edit of the page (the text changed in the text editor or by another program, another page's edit read
 * from the file) carries no number and answers none. The page's heartbeat names as possibly lost only the edits with no
 * answer (web/src/app.ts); before (session 38) it matched edits to the server's dirty states by count, so an edit the
 * server refused, or an undo with nothing to undo, made every later edit that was answered count as unanswered.
 */
public final class EditAnswer {

	private EditAnswer() {}

	/** Key of the number of the edit the page tagged last and the server has not answered yet (an Integer) in the model state. */
	static final String PENDING = "cellwright.editTag";

	/** From the page, right before an edit: the edit's number on this connection. */
	public static class Tag extends Action {
		public static final String KIND = "cellwrightEdit";

		public int edit;

		public Tag() { super(KIND); }
	}

	/**
	 * To the page, after the update an edit caused (or its refusal): the edit's number and, for an edit the server
	 * refused, the reason (the message of the exception its handler threw, e.g. CellOperations' GLSPServerException;
	 * absent, not sent, for an edit the server handled).
	 */
	public static class Answered extends Action {
		public static final String KIND = "cellwrightEditAnswered";

		public int edit;
		public String refused;

		public Answered() { super(KIND); }

		public Answered(int edit) {
			this();
			this.edit = edit;
		}

		public Answered(int edit, String refused) {
			this(edit);
			this.refused = refused;
		}
	}

	/** The reason of a refusal in words: the exception's own message (its class's name if it has none), no stack trace. */
	static String reason(RuntimeException e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}

	/** Keeps the tag for the edit that follows it (a later tag replaces one whose edit never came: the page's numbers go up). */
	public static class TagHandler extends AbstractActionHandler<Tag> {
		@Inject
		protected GModelState state;

		@Override
		protected List<Action> executeAction(Tag tag) {
			state.setProperty(PENDING, tag.edit);
			return none();
		}
	}

	/** The tag of the edit being handled, taken (null: the edit came untagged, e.g. from a client other than the page). */
	static Integer take(GModelState state) {
		Integer edit = state.getProperty(PENDING, Integer.class).orElse(null);
		state.clearProperty(PENDING);
		return edit;
	}

	/**
	 * The answer appended to what the edit's handler returned, or, when the handler throws (the edit refused), sent with
	 * the reason ({@link Answered#refused}) before GLSP's dispatcher reports the error (its generic MessageAction, which
	 * the page then does not say again).
	 */
	static List<Action> answered(Integer edit, ActionDispatcher dispatcher, java.util.function.Supplier<List<Action>> handler) {
		List<Action> result;
		try {
			result = handler.get();
		} catch (RuntimeException e) {
			if (edit != null) dispatcher.dispatch(new Answered(edit, reason(e)));
			throw e;
		}
		if (edit == null) return result;
		List<Action> all = new ArrayList<>(result);
		all.add(new Answered(edit));
		return all;
	}

	/** GLSP's operation handling, each operation answered ({@link Answered}). */
	public static class Operations extends OperationActionHandler {
		@Inject
		protected ActionDispatcher dispatcher;

		@Override
		public List<Action> executeAction(Operation operation) {
			return answered(take(modelState), dispatcher, () -> super.executeAction(operation));
		}
	}

	/** GLSP's undo and redo, each answered ({@link Answered}), also when there was nothing to undo or redo. */
	public static class UndoRedo extends UndoRedoActionHandler {
		@Inject
		protected ActionDispatcher dispatcher;

		@Override
		public List<Action> execute(Action action) {
			return answered(take(modelState), dispatcher, () -> super.execute(action));
		}
	}
}
