package org.cellwright.lang.text;

/**
 * A model edit (an EMF command) that also changes something kept beside the text, e.g. the diagram's layout sidecar
 * re-keyed with a rename. A session that undoes and redoes edits by putting their text back (the IDE's editing
 * session: the command itself is not undone, the text is read again) calls these with the text's undo and redo, so
 * that what is beside the text follows it; a session that undoes the command itself has the command do it.
 */
public interface BeyondTheText {

	/** Takes back what the edit changed beside the text (its text was put back as it was before). */
	void undoBeyondTheText();

	/** Makes the change beside the text again (the edit's text was written again). */
	void redoBeyondTheText();

	/**
	 * Why the undo ({@code undo}) or redo of what is beside the text cannot be done now (e.g. another file the edit
	 * wrote was changed since), or null: the session then refuses the whole undo or redo, its text too.
	 */
	default String blocked(boolean undo) {
		return null;
	}

	/** Both, {@code first} undone last; either may be null. */
	static BeyondTheText both(BeyondTheText first, BeyondTheText second) {
		if (first == null || second == null) return first == null ? second : first;
		return new BeyondTheText() {
			@Override
			public void undoBeyondTheText() {
				second.undoBeyondTheText();
				first.undoBeyondTheText();
			}

			@Override
			public void redoBeyondTheText() {
				first.redoBeyondTheText();
				second.redoBeyondTheText();
			}

			@Override
			public String blocked(boolean undo) {
				String a = first.blocked(undo);
				return a != null ? a : second.blocked(undo);
			}
		};
	}
}
