package org.cellwright.diagram;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.actions.ActionMessage;
import org.eclipse.glsp.server.actions.MessageAction;
import org.eclipse.glsp.server.features.core.model.RequestModelAction;
import org.eclipse.glsp.server.features.undoredo.RedoAction;
import org.eclipse.glsp.server.features.undoredo.UndoAction;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.operations.Operation;
import org.eclipse.glsp.server.protocol.DefaultGLSPServer;
import org.eclipse.glsp.server.session.ClientSession;
import org.eclipse.glsp.server.types.GLSPServerException;
import org.eclipse.glsp.server.types.Severity;
import org.eclipse.glsp.server.utils.MessageActionUtil;

/**
 * The errors of the diagram server: a request of the page its handler threw on. The page is told as GLSP tells it (a
 * {@link MessageAction} of severity ERROR, GLSP's text "[GLSP-Server] Could not process message:..." and the
 * exception's message and stack trace as its details), with the request named in a user's words ({@link Reported#request},
 * {@link #named}) where the server knows the kind; and the program hosting the server is told ({@link #setListener}: the
 * IDE writes it to its Error Log). Before (session 40) GLSP's own server said a request failed, not which, and its only
 * log was log4j's, which in the IDE has no provider: the detail was only in the page's Details and the browser's console.
 */
public final class ServerErrors {

	private ServerErrors() {}

	/**
	 * The page's requests that are no edit, in a user's words (after "The diagram server failed while "): the kinds of
	 * GLSP's handlers of requests (DiagramModule) and the page's own. An action whose kind is not here is said as "a
	 * request of the page" (the page's generic line).
	 */
	static final Map<String, String> REQUESTS = Map.ofEntries(
			Map.entry("requestModel", "opening the diagram of the file"),
			Map.entry("computedBounds", "laying out the diagram"),
			Map.entry("requestPopupModel", "showing an element's details"),
			Map.entry("requestEditValidation", "checking the name being typed"),
			Map.entry("requestMarkers", "checking the model for problems"),
			Map.entry("requestTypeHints", "reading what each kind of element may do"),
			Map.entry("requestContextActions", "filling the tool palette"),
			Map.entry("requestNavigationTargets", "finding where an element leads"),
			Map.entry("resolveNavigationTarget", "finding where an element leads"),
			Map.entry("saveModel", "saving the file"),
			Map.entry("setEditMode", "switching the diagram between editing and read-only"),
			Map.entry("requestCheckEdge", "checking a new link"),
			Map.entry("requestClipboardData", "copying the selection"));

	/** The request of this kind in a user's words (see {@link #REQUESTS}), or null. */
	public static String named(String kind) {
		return kind == null ? null : REQUESTS.get(kind);
	}

	/**
	 * An error of the server on a request of the page: the file of the page's diagram (null before one was read), the
	 * kind of the request (the kind the page sent, for one the server could not read), the request in words (null if
	 * not known), the message (in words: what failed, of which file, and the exception's message) and the exception.
	 */
	public record Failure(Path file, String kind, String request, String message, Throwable exception) {}

	private static volatile Consumer<Failure> listener;

	/** Who is told of the server's errors besides the page (the IDE: its Error Log); null for none. */
	public static void setListener(Consumer<Failure> told) {
		listener = told;
	}

	/** GLSP's MessageAction of an error, with the request of the page it was about named in words (absent if not known). */
	public static class Reported extends MessageAction {
		/** The request in a user's words ({@link #named}), e.g. "laying out the diagram"; null (not sent) if not known. */
		public String request;

		public Reported() {}

		public Reported(String message, String details, String request) {
			super(Severity.ERROR, message, details);
			this.request = request;
		}
	}

	/**
	 * GLSP's server, but an error of a request of the page is reported by {@link #failed}: to the page with the request
	 * named, and to the {@link #setListener listener}.
	 */
	public static class Server extends DefaultGLSPServer {
		@Override
		public void process(ActionMessage message) {
			ClientSession session = clientSessions.get(message.getClientId());
			if (session == null) {
				// no session for this client: GLSP's answer (an error of the JSON-RPC call)
				super.process(message);
				return;
			}
			validateServerInitialized();
			Action action = message.getAction();
			action.setReceivedFromClient(true);
			try {
				session.getActionDispatcher().dispatch(action).exceptionally(e -> failed(session, message, e));
			} catch (RuntimeException e) {
				failed(session, message, e);
			}
		}

		private Void failed(ClientSession session, ActionMessage message, Throwable thrown) {
			Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
			Action action = message.getAction();
			String kind = action instanceof EditAnswer.Unreadable unreadable ? unreadable.sent : action.getKind();
			String request = edit(action) ? null : named(kind);
			String glsp = "[GLSP-Server] Could not process message:" + message;
			LOGGER.error(glsp, cause); // GLSP's log (log4j), as before
			if (getClient() != null)
				getClient().process(new ActionMessage(message.getClientId(), new Reported(glsp, MessageActionUtil.getDetails(cause), request)));
			Consumer<Failure> told = listener;
			// an edit refused for the server's own reason (the answer of the edit says it on the page) is no error
			if (told == null || edit(action) && cause instanceof GLSPServerException) return null;
			Path file = file(session, action);
			String why = cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getName() : cause.getMessage();
			String what = request != null ? "failed while " + request : edit(action) ? "failed on an edit of the page (" + kind + ")"
					: "could not handle a request of the page (" + (kind == null ? "of no kind" : kind) + ")";
			try {
				told.accept(new Failure(file, kind, request, "The diagram server " + what + (file == null ? "" : " (" + file + ")") + ": " + why, cause));
			} catch (RuntimeException e) {
				LOGGER.error("telling of the diagram server's error", e);
			}
			return null;
		}

		/** An edit of the page (the page tags it and the server answers it: EditAnswer). */
		private static boolean edit(Action action) {
			return action instanceof Operation || action instanceof UndoAction || action instanceof RedoAction;
		}

		/** The file of the page's diagram: the one read (CellSourceModelStorage.FILE), or the one the failed request named. */
		private static Path file(ClientSession session, Action action) {
			try {
				Path read = session.getInjector().getInstance(GModelState.class).getProperty(CellSourceModelStorage.FILE, Path.class).orElse(null);
				if (read != null) return read;
			} catch (RuntimeException e) {
				// the session's state is not there (disposed meanwhile)
			}
			String uri = action instanceof RequestModelAction request ? request.getOptions().get("sourceUri") : null;
			try {
				return uri == null ? null : Path.of(uri.startsWith("file:") ? java.net.URI.create(uri).getPath() : uri);
			} catch (RuntimeException e) {
				return null;
			}
		}
	}
}
