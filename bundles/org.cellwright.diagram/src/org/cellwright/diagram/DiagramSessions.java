package org.cellwright.diagram;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the diagram gets the session of a file: by default a {@link TextSession} on the file itself (a diagram page
 * in an ordinary browser writes the file); the IDE installs a provider that edits the open document instead.
 */
public final class DiagramSessions {

	private static volatile Function<Path, DiagramSession> provider;

	/** The diagram's one timer thread: redraws once the text rests, a file session's look at its file on disk. */
	static final java.util.concurrent.ScheduledExecutorService TIMER = java.util.concurrent.Executors
			.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "cellwright diagram: text changes");
				t.setDaemon(true);
				return t;
			});

	private DiagramSessions() {}

	/** Installs the provider (null: back to file sessions); it may return null for a file it does not handle. */
	public static void setProvider(Function<Path, DiagramSession> p) {
		provider = p;
	}

	public static DiagramSession open(Path file) {
		Function<Path, DiagramSession> p = provider;
		DiagramSession s = p == null ? null : p.apply(file);
		return s != null ? s : TextSession.onFile(file);
	}
}
