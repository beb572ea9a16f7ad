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

	public TextSession(Path file, Text text) {
		this.file = file.toAbsolutePath().normalize();
		this.text = text;
	}

	/** A session that reads and writes the file itself. */
	public static TextSession onFile(Path file) {
		return new TextSession(file, new Text() {
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
		CellWrightChecker.Result result = checker.check(List.of(file), Map.of(file, now));
		lastText = now;
		parsedText = now;
		parsedResult = result;
		model = result.model(file);
		issues = result.issues().stream().filter(i -> sameFile(i.file())).toList();
		syntaxErrors = model == null || !model.eResource().getErrors().isEmpty();
		domain = new AdapterFactoryEditingDomain(new ReflectiveItemProviderAdapterFactory(), new BasicCommandStack(),
				model == null ? null : model.eResource().getResourceSet());
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
					: checker.check(List.of(file), Map.of(file, lastText));
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
		if (!editable() || command == null || !command.canExecute()) return false;
		String before = print();
		domain.getCommandStack().execute(command);
		writeBack(before);
		return true;
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
		if (!canUndo() || !editable()) return;
		String before = print();
		domain.getCommandStack().undo();
		writeBack(before);
	}

	@Override
	public synchronized void redo() {
		if (!canRedo() || !editable()) return;
		String before = print();
		domain.getCommandStack().redo();
		writeBack(before);
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
