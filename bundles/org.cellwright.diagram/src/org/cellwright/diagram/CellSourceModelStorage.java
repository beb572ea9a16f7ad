package org.cellwright.diagram;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.lang.CellWrightChecker;
import org.eclipse.glsp.server.actions.SaveModelAction;
import org.eclipse.glsp.server.features.core.model.RequestModelAction;
import org.eclipse.glsp.server.features.core.model.SourceModelStorage;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.types.GLSPServerException;

import com.google.inject.Inject;

/**
 * Loads the .cell file named by the client's {@code sourceUri} option with the language's checker (the same parser,
 * scoping and standard library as the CLI) through the file's {@link DiagramSession}, kept in the model state.
 */
public class CellSourceModelStorage implements SourceModelStorage {

	/** Key of the file (a {@link Path}) in the model state. */
	public static final String FILE = "cellwright.file";

	@Inject
	protected GModelState modelState;

	@Inject
	protected org.eclipse.glsp.server.actions.ActionDispatcher dispatcher;

	/** Typing changes the text many times a second: the diagram is redrawn once the text rests for this long. */
	static final long TEXT_REST_MS = 300;
	private java.util.concurrent.ScheduledFuture<?> pending;

	@Override
	public void loadSourceModel(RequestModelAction action) {
		String uri = action.getOptions().get("sourceUri");
		if (uri == null) throw new GLSPServerException("no sourceUri: the page must name a .cell file");
		Path file = Path.of(uri.startsWith("file:") ? java.net.URI.create(uri).getPath() : uri).toAbsolutePath().normalize();
		if (!file.toString().endsWith(".cell") || !Files.isRegularFile(file))
			throw new GLSPServerException("not a .cell file: " + org.cellwright.lang.text.Printable.escape(file.toString()));
		DiagramSession session = DiagramSessions.open(file);
		if (session.read(model -> model == null)) {
			// the client shows this as an error message instead of an empty diagram
			String why = session.issues().stream().filter(i -> i.severity() == CellWrightChecker.Severity.ERROR)
					.map(CellWrightChecker.CheckIssue::toString).findFirst().orElse("no model");
			throw new GLSPServerException("cannot read " + org.cellwright.lang.text.Printable.escape(file.toString()) + ": "
					+ org.cellwright.lang.text.Printable.escape(why));
		}
		modelState.setProperty(FILE, file);
		// the IDE's diagram editor says so ("asks": "ide"): its session asks in the IDE; a page elsewhere asks itself
		modelState.setProperty(RenameQuestion.PAGE_ASKS, !"ide".equals(action.getOptions().get("asks")));
		if (modelState instanceof CellModelState state) state.setSession(session);
		session.onExternalChange(this::textChanged);
		// the page closed (its client session disposed): the session stops following its text (a file session its file)
		sessions.addListener(new org.eclipse.glsp.server.session.ClientSessionListener() {
			@Override
			public void sessionDisposed(org.eclipse.glsp.server.session.ClientSession disposed) {
				session.close();
			}
		}, clientId);
	}

	@Inject
	protected org.eclipse.glsp.server.session.ClientSessionManager sessions;

	@Inject
	@org.eclipse.glsp.server.di.ClientId
	protected String clientId;

	private synchronized void textChanged() {
		if (pending != null) pending.cancel(false);
		pending = DiagramSessions.TIMER.schedule(() -> {
			try {
				dispatcher.dispatch(new TextChanged());
			} catch (RuntimeException e) {
				// the diagram's connection is closed: nothing to redraw
			}
		}, TEXT_REST_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
	}

	@Override
	public void saveSourceModel(SaveModelAction action) {
		// nothing to save: every edit is written into the text at once (the text is the model's only stored form)
	}
}
