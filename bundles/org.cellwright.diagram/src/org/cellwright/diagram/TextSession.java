package org.cellwright.diagram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.text.TextPatch;
import org.cellwright.model.Model;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.serializer.ISerializer;

/**
 * A diagram session on a text: the model is parsed from the text with the language's checker (same parser, scoping,
 * standard library and validation as the CLI), edits are EMF commands on one command stack, and after each command,
 * undo or redo the model is printed by the language's serializer and formatter and only the changed span is written
 * into the text ({@link TextPatch}: comments and layout elsewhere stay). When the text changed outside the session
 * (typing, another program), it is parsed again and the command history, which belongs to the old model, is dropped.
 */
public class TextSession implements DiagramSession {

	/** The text the session edits: a file, or an open document in the IDE. */
	public interface Text {
		String read();

		/** Replaces the span of the patch; {@code result} is the whole new text. */
		void write(TextPatch patch, String result);
	}

	private final Path file;
	private final Text text;
	private final CellWrightChecker checker = new CellWrightChecker();
	private String lastText;
	private String parsedText;
	private CellWrightChecker.Result parsedResult;
	private Model model;
	private List<CellWrightChecker.CheckIssue> issues = List.of();
	private boolean syntaxErrors;
	private AdapterFactoryEditingDomain domain;
	/** The element findings and the text they were found in (checked again when the text changed). */
	private List<ElementIssue> elementIssues = List.of();
	private String elementIssuesText;
	private String refusal;
	/** The texts before and after each edit of the command stack (undo and redo put them back byte for byte). */
	private final java.util.Deque<String[]> history = new java.util.ArrayDeque<>(), redone = new java.util.ArrayDeque<>();

	/**
	 * How often a session on a file looks whether the file changed on disk (its modification time and size; read only
	 * when they changed): a page in an ordinary browser has no IDE document to tell it of another program's writes.
	 */
	static final long WATCH_MS = 500;
	/** True for a session on the file itself ({@link #onFile}), whose changes on disk it watches. */
	private boolean onDisk;
	private java.util.concurrent.ScheduledFuture<?> watching;
	/** The file's modification time and size when last looked at. */
	private String seen;

	public TextSession(Path file, Text text) {
		this.file = file.toAbsolutePath().normalize();
		this.text = text;
	}

	/** A session that reads and writes the file itself, and tells its listener when another program changed it. */
	public static TextSession onFile(Path file) {
		TextSession s = new TextSession(file, new Text() {
			@Override
			public String read() {
				try {
					return Files.readString(file, StandardCharsets.UTF_8);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}

			@Override
			public void write(TextPatch patch, String result) {
				try {
					Files.writeString(file, result, StandardCharsets.UTF_8);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		});
		s.onDisk = true;
		return s;
	}

	/**
	 * For a session on a file: the listener (the diagram) is told when the file's text on disk is no longer the one
	 * the session read or wrote (another program wrote it); the diagram then reads it again and redraws, keeping the
	 * user's viewport. Looked at every {@link #WATCH_MS} ms until {@link #close}.
	 */
	@Override
	public synchronized void onExternalChange(Runnable listener) {
		if (watching != null) watching.cancel(false);
		watching = null;
		if (!onDisk || listener == null) return;
		watching = DiagramSessions.TIMER.scheduleWithFixedDelay(() -> {
			if (changedOnDisk()) listener.run();
		}, WATCH_MS, WATCH_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
	}

	private synchronized boolean changedOnDisk() {
		try {
			var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
			String now = a.lastModifiedTime() + " " + a.size();
			if (now.equals(seen)) return false;
			seen = now;
			return lastText != null && !text.read().equals(lastText);
		} catch (IOException | UncheckedIOException e) {
			return false; // gone or being replaced: looked at again next time
		}
	}

	@Override
	public synchronized void close() {
		if (watching != null) watching.cancel(false);
		watching = null;
	}

	public Path file() { return file; }

	@Override
	public synchronized Model model() {
		String now = text.read();
		if (!now.equals(lastText)) parse(now);
		return model;
	}

	/** The reader runs under this session's lock, like every other access to its model. */
	@Override
	public synchronized <T> T read(java.util.function.Function<Model, T> reader) {
		return reader.apply(model());
	}

	private void parse(String now) {
		CellWrightChecker.Result result = check(now);
		lastText = now;
		parsedText = now;
		parsedResult = result;
		model = result.model(file);
		issues = result.issues().stream().filter(i -> sameFile(i.file())).toList();
		syntaxErrors = model == null || !TextPatch.printable(model.eResource()); // names that do not resolve are no syntax errors
		history.clear();
		redone.clear();
		domain = new AdapterFactoryEditingDomain(new ReflectiveItemProviderAdapterFactory(), new BasicCommandStack(),
				model == null ? null : model.eResource().getResourceSet());
	}

	/**
	 * The text read with the other .cell files of its folder, as the CLI reads a file ({@link CellWrightChecker#withSiblings}):
	 * a file that imports its cells or protocols from a neighbour (the study's experiments.cell) has them resolved.
	 * Before, the file was read alone: every imported name was an error marker and its references had no edge.
	 */
	private CellWrightChecker.Result check(String now) {
		return checker.check(CellWrightChecker.withSiblings(file), Map.of(file, now));
	}

	private boolean sameFile(String name) {
		try {
			return Path.of(name).toAbsolutePath().normalize().equals(file);
		} catch (RuntimeException e) {
			return false;
		}
	}

	@Override
	public synchronized EditingDomain domain() {
		model();
		return domain;
	}

	@Override
	public synchronized List<CellWrightChecker.CheckIssue> issues() {
		model();
		return issues;
	}

	@Override
	public synchronized List<ElementIssue> elementIssues() {
		model();
		if (lastText != null && !lastText.equals(elementIssuesText)) {
			// a separate reading of the text: the edited model's node model (lines) lags behind the written text
			CellWrightChecker.Result r = lastText.equals(parsedText) && parsedResult != null ? parsedResult
					: check(lastText);
			elementIssues = ElementIssues.of(r.model(file), r.issues().stream().filter(i -> sameFile(i.file())).toList());
			elementIssuesText = lastText;
		}
		return elementIssues;
	}

	/** False while the text has syntax errors (the model is then only a partial reading: printing it would lose text). */
	public synchronized boolean editable() {
		model();
		return model != null && !syntaxErrors;
	}

	@Override
	public synchronized boolean execute(Command command) {
		refusal = null;
		if (!editable()) return refuse("the text has syntax errors: fix the text to edit here");
		if (command == null || !command.canExecute()) return refuse("the edit cannot be applied here");
		String before = print(), textBefore = lastText;
		domain.getCommandStack().execute(command);
		writeBack(before);
		history.push(new String[] { textBefore, lastText });
		redone.clear();
		return true;
	}

	private boolean refuse(String why) {
		refusal = why;
		return false;
	}

	@Override
	public synchronized String refusal() {
		return refusal;
	}

	@Override
	public synchronized boolean canUndo() {
		return domain != null && domain.getCommandStack().canUndo();
	}

	@Override
	public synchronized boolean canRedo() {
		return domain != null && domain.getCommandStack().canRedo();
	}

	@Override
	public synchronized void undo() {
		if (!canUndo() || !editable() || history.isEmpty()) return;
		domain.getCommandStack().undo();
		String[] edit = history.pop();
		redone.push(edit);
		restore(edit[0]);
	}

	@Override
	public synchronized void redo() {
		if (!canRedo() || !editable() || redone.isEmpty()) return;
		domain.getCommandStack().redo();
		String[] edit = redone.pop();
		history.push(edit);
		restore(edit[1]);
	}

	/**
	 * Puts back the text an edit started from (undo) or made (redo), as it was, as the IDE's editing session does:
	 * printing the model after the undo gave the formatter's layout where the edit had been (a one-line cell a layer was
	 * added to and taken out of again kept a line break before its closing brace).
	 */
	private void restore(String text) {
		TextPatch patch = TextPatch.of(lastText, lastText, text);
		if (patch == null) return;
		this.text.write(patch, text);
		lastText = text; // the model is in step with it (the command undone or redone): no parse
	}

	private String print() {
		return checker.injector().getInstance(ISerializer.class).serialize(model, SaveOptions.newBuilder().format().getOptions());
	}

	private void writeBack(String before) {
		String doc = lastText;
		TextPatch patch = TextPatch.of(doc, before, print());
		if (patch == null) return;
		String result = patch.applyTo(doc);
		text.write(patch, result);
		// the model is in step with the new text: no parse needed (the command history stays)
		lastText = result;
	}
}
