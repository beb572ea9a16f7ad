package org.cellwright.diagram;

import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.model.Model;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.EditingDomain;

/**
 * What the diagram edits: the model of one .cell file and its write-back. Every edit is an EMF command executed on
 * the session's command stack; the session prints the model back into the text (only the changed span, comments kept)
 * and keeps undo/redo. Outside the IDE the session writes the file ({@link TextSession} on the file); in the IDE the
 * diagram editor's bundle hands one over the open document ({@link DiagramSessions#setProvider}).
 * Called on the GLSP server's thread.
 */
public interface DiagramSession {

	/** The model as the text reads now (read again when the text changed outside the session), or null if unreadable. */
	Model model();

	/**
	 * Runs a reader of {@link #model()} (null if unreadable) under the session's guard: in the IDE the model is the
	 * editing session's, which the views and the validation read on other threads (EMF and Xtext resources are not
	 * thread-safe, not even for reading: lazy caches). The reader must not keep the model for later.
	 */
	default <T> T read(java.util.function.Function<Model, T> reader) {
		return reader.apply(model());
	}

	/** The editing domain the commands are made for. */
	EditingDomain domain();

	/** Executes the command and writes the model back into the text; false if refused (e.g. syntax errors). */
	boolean execute(Command command);

	/**
	 * True if the session renames a layer where cells of other files name it too ({@link org.cellwright.lang.model.Cells.LayerRename}:
	 * the IDE's, which edits every file of the workspace, and a {@link TextSession} on a file, which edits the files of
	 * its folder); a session that writes its text only refuses that rename.
	 */
	default boolean renamesOtherFiles() { return false; }

	/**
	 * What the user is to be asked before the command is executed, or why it cannot be (a layer rename that cells of
	 * other files name: the files and their names of the layer; {@link org.cellwright.lang.text.LayerRenameInOtherFiles}),
	 * or null when there is nothing to ask. The diagram page asks in the browser and sends the rename again with the
	 * answer ({@link org.cellwright.lang.model.Cells.LayerRename#answered}).
	 */
	default Asked ask(Command command) { return null; }

	/**
	 * True if the session asks the user itself before such a rename (the IDE's: a dialog in the IDE, fit for the IDE's
	 * diagram editor); a page in an ordinary browser asks in the page ({@link RenameQuestion}).
	 */
	default boolean asksTheUser() { return false; }

	/** {@link #ask}'s answer: {@code refusal} (nothing may change) or {@code question} (null: nothing to ask). */
	record Asked(String refusal, String question) {}

	/** Why the last {@link #execute} was refused (shown to the user), or null. */
	default String refusal() { return null; }

	boolean canUndo();

	boolean canRedo();

	void undo();

	void redo();

	/** The language's findings on the text (errors, warnings), with lines; for markers on the elements. */
	List<CellWrightChecker.CheckIssue> issues();

	/** A finding of the language on an element of the diagram (by node id), for a marker on its node. */
	record ElementIssue(String elementId, CellWrightChecker.Severity severity, String message, int line) {}

	/** The findings of the current text on elements of the file, each on the innermost element whose text holds it. */
	default List<ElementIssue> elementIssues() { return List.of(); }

	/** Tells the session's listener (the diagram) that the model changed outside it (typing in the text). */
	default void onExternalChange(Runnable listener) {}

	default void close() {}
}
