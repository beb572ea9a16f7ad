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
		/** For a refusal whose reason is said in words for the user: the server's own detail (absent otherwise). */
		public String details;

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

	/**
	 * An action of the page the server could not read (a kind it does not know: a page of another version than the
	 * server), in place of the exception GLSP's reader threw: before (session 39) the server then closed the page's
	 * connection, the page said the server was away and connected again, and the edit was never answered nor said to be
	 * unreadable. {@link Actions} makes it; {@link UnreadableHandler} answers it. A known kind with a field of the wrong
	 * type is one too ({@link #mistyped}: deleteElement with elementIds 5; before session 41 it reached the Delete as the
	 * id "5", which refused it).
	 */
	public static class Unreadable extends Action {
		public static final String KIND = "cellwrightUnreadable";

		/** The kind the page gave the action (null if it gave none). */
		public String sent;
		/** Why it could not be read (the reader's message). */
		public String why;

		public Unreadable() { super(KIND); }

		public Unreadable(String sent, String why) {
			this();
			this.sent = sent;
			this.why = why;
		}
	}

	/** Why an action could not be read, as the server says it: the kind the page sent and the reader's own message. */
	static String unreadable(Unreadable action) {
		return (action.sent == null ? "an action without a kind" : action.sent) + ": " + action.why;
	}

	/**
	 * An action the server could not read: when it came right after a tag (the page tags each edit and sends it at
	 * once), it is that edit, answered as refused with the reason in words and the reader's message as the details
	 * ({@link Answered#details}): the edit reached the server and changed nothing. Otherwise (an action that is no edit
	 * of the page) it is an error of the server as any other (GLSP's MessageAction), with the same reason.
	 */
	public static class UnreadableHandler extends AbstractActionHandler<Unreadable> {
		/** What the page says of an edit the server could not read (after "The delete was refused by the server (time): "). */
		public static final String REFUSED = "the server could not read this edit, so nothing was changed (the page and the server may be of different versions): reload the diagram and make the edit again.";

		@Inject
		protected GModelState state;

		@Override
		protected List<Action> executeAction(Unreadable action) {
			Integer edit = take(state);
			if (edit == null)
				throw new org.eclipse.glsp.server.types.GLSPServerException("The server could not read an action of the page (" + unreadable(action) + ")");
			Answered answer = new Answered(edit, REFUSED);
			answer.details = unreadable(action);
			return List.of(answer);
		}
	}

	/**
	 * Reads the page's actions as GLSP does, but an action GLSP's reader cannot read is read as {@link Unreadable}
	 * (registered after GLSP's factory, so it comes first and delegates to it; only for the type Action, which the
	 * messages from the page are read as: the server's own actions are written by GLSP's adapters as before).
	 */
	public static class Actions implements com.google.gson.TypeAdapterFactory {
		@Override
		@SuppressWarnings("unchecked")
		public <T> com.google.gson.TypeAdapter<T> create(com.google.gson.Gson gson, com.google.gson.reflect.TypeToken<T> type) {
			if (type.getRawType() != Action.class) return null;
			com.google.gson.TypeAdapter<Action> glsp = gson.getDelegateAdapter(this, (com.google.gson.reflect.TypeToken<Action>) type);
			return (com.google.gson.TypeAdapter<T>) new com.google.gson.TypeAdapter<Action>() {
				@Override
				public void write(com.google.gson.stream.JsonWriter out, Action value) throws java.io.IOException {
					glsp.write(out, value);
				}

				@Override
				public Action read(com.google.gson.stream.JsonReader in) throws java.io.IOException {
					com.google.gson.JsonElement json = com.google.gson.JsonParser.parseReader(in);
					com.google.gson.JsonElement kind = json.isJsonObject() ? json.getAsJsonObject().get("kind") : null;
					String sent = kind != null && kind.isJsonPrimitive() ? kind.getAsString() : null;
					Action action;
					try {
						action = glsp.fromJsonTree(json);
					} catch (RuntimeException e) {
						return new Unreadable(sent, reason(e));
					}
					String mistyped = action == null ? null : mistyped(action.getClass(), json.getAsJsonObject());
					return mistyped == null ? action : new Unreadable(sent, mistyped);
				}
			}.nullSafe();
		}
	}

	/**
	 * The first field of the page's action whose value GLSP's reader took only by converting it, said as "elementIds:
	 * expected a list, found 5"; null if there is none. GLSP's reader (with lsp4j's) reads a single value for a list as a
	 * list of it and a number or true/false for a text as its text, so deleteElement with elementIds 5 reached the
	 * Delete as the id "5" (refused there, "Nothing to delete here", before session 41). Checked: fields of text,
	 * numbers, true/false and lists (their items too); maps and objects are left to GLSP's reader, which refuses what it
	 * cannot read.
	 */
	static String mistyped(Class<?> type, com.google.gson.JsonObject json) {
		for (java.util.Map.Entry<String, com.google.gson.JsonElement> e : json.entrySet()) {
			java.lang.reflect.Field field = field(type, e.getKey());
			String expected = field == null ? null : expected(field.getGenericType(), e.getValue());
			if (expected != null) return e.getKey() + ": expected " + expected + ", found " + e.getValue();
		}
		return null;
	}

	/** What a value of the type is, in words, if the JSON value is not one (null if it is, or is not checked). */
	private static String expected(java.lang.reflect.Type type, com.google.gson.JsonElement value) {
		if (value.isJsonNull()) return null;
		Class<?> raw = type instanceof Class<?> c ? c : type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : Object.class;
		com.google.gson.JsonPrimitive primitive = value.isJsonPrimitive() ? value.getAsJsonPrimitive() : null;
		if (raw == String.class) return primitive != null && primitive.isString() ? null : "a text";
		if (raw == boolean.class || raw == Boolean.class) return primitive != null && primitive.isBoolean() ? null : "true or false";
		if (raw.isPrimitive() && raw != char.class || Number.class.isAssignableFrom(raw)) return primitive != null && primitive.isNumber() ? null : "a number";
		if (raw.isArray() || java.util.Collection.class.isAssignableFrom(raw)) {
			if (!value.isJsonArray()) return "a list";
			java.lang.reflect.Type item = raw.isArray() ? raw.getComponentType()
					: type instanceof java.lang.reflect.ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
			for (com.google.gson.JsonElement each : value.getAsJsonArray()) {
				String expected = expected(item, each);
				if (expected != null) return "a list of which each item is " + expected;
			}
		}
		return null;
	}

	/** The field of the name in the class or a class it extends (null if none: GLSP's reader ignores the value). */
	private static java.lang.reflect.Field field(Class<?> type, String name) {
		for (Class<?> c = type; c != null; c = c.getSuperclass()) {
			try {
				return c.getDeclaredField(name);
			} catch (NoSuchFieldException e) {
				// in the class it extends, if anywhere
			}
		}
		return null;
	}

	/** GLSP's Gson configuration with {@link Actions}: the page's actions that cannot be read become {@link Unreadable}. */
	public static class Gson extends org.eclipse.glsp.server.internal.gson.DefaultServerGsonConfigurator {
		@Inject
		public Gson(com.google.inject.Injector serverInjector, @com.google.inject.name.Named("Diagram_Modules") java.util.Map<String, com.google.inject.Module> diagramModules,
				org.eclipse.glsp.server.actions.ActionRegistry actionRegistry, org.eclipse.glsp.server.session.ClientSessionManager sessions) {
			super(serverInjector, diagramModules, actionRegistry, sessions);
		}

		@Override
		public com.google.gson.GsonBuilder configureGsonBuilder(com.google.gson.GsonBuilder builder) {
			return super.configureGsonBuilder(builder).registerTypeAdapterFactory(new Actions());
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
