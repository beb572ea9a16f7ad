package org.cellwright.diagram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.text.LayerRenameInOtherFiles;
import org.cellwright.lang.text.TextPatch;
import org.cellwright.model.Model;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.command.SetCommand;
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
	private final java.util.Deque<Edit> history = new java.util.ArrayDeque<>(), redone = new java.util.ArrayDeque<>();

	/** An edit: the text before and after, and the other files it wrote (a layer rename they name the layer in). */
	private record Edit(String before, String after, List<OtherFile> others) {}

	/** Another file an edit wrote: its text before and after. */
	private record OtherFile(Path file, String before, String after) {}

	/** The texts of the other files as this session last wrote them (their models are in step); else as read. */
	private final Map<Path, String> othersWritten = new java.util.HashMap<>();

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
	/**
	 * The text the diagram is in step with: the one the session opened with or wrote, or the one the watcher last told
	 * its listener of. The watcher compares the file with it, not with the last text read: a read between another
	 * program's write and the watcher's look (a request of the page) parsed the new text, the watcher then found
	 * nothing new, and the page kept the old drawing while the server had the new model.
	 */
	private String told;

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
	 * the session opened with or wrote, or last told the listener of (another program wrote it; also when a read took
	 * the new text in before the watcher looked); the diagram then reads it again and redraws, keeping the user's
	 * viewport. Looked at every {@link #WATCH_MS} ms until {@link #close}.
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
			String onDisk = text.read();
			if (told == null || onDisk.equals(told)) return false;
			told = onDisk;
			return true;
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
		if (told == null) told = now; // the text opened with
		parsedText = now;
		parsedResult = result;
		model = result.model(file);
		issues = result.issues().stream().filter(i -> sameFile(i.file())).toList();
		syntaxErrors = model == null || !TextPatch.printable(model.eResource()); // names that do not resolve are no syntax errors
		history.clear();
		redone.clear();
		othersWritten.clear();
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

	/** A session on a file renames a layer in the other files of its folder too (asked first: {@link #ask}). */
	@Override
	public boolean renamesOtherFiles() {
		return onDisk;
	}

	/** A layer rename that cells of the other files of the folder name: what the user is asked, or why it cannot be. */
	@Override
	public synchronized Asked ask(Command command) {
		Cells.LayerRename rename = onDisk ? Cells.LayerRename.in(command) : null;
		LayerRenameInOtherFiles.Plan plan = rename == null ? null : planOthers(rename);
		return plan == null || (plan.refusal() == null && plan.question() == null) ? null : new Asked(plan.refusal(), plan.question());
	}

	/**
	 * The other files' part of a layer rename ({@link LayerRenameInOtherFiles}, as the IDE plans it for the workspace):
	 * the .cell files of the folder read with this one, each as it was read; one changed on disk since is refused (and
	 * the files are read again for the next try).
	 */
	private LayerRenameInOtherFiles.Plan planOthers(Cells.LayerRename rename) {
		if (model() == null || rename.layer().eResource() == null || rename.layer().eResource().getResourceSet() != model.eResource().getResourceSet())
			return new LayerRenameInOtherFiles.Plan(List.of(), "the text changed since the rename was asked for: try once more", null);
		java.util.Map<org.eclipse.emf.ecore.resource.Resource, List<Object>> cells = new java.util.LinkedHashMap<>();
		for (var r : List.copyOf(model.eResource().getResourceSet().getResources()))
			if (r != model.eResource() && pathOf(r) != null) cells.put(r, Cells.cellsOf(r));
		boolean[] changed = { false };
		LayerRenameInOtherFiles.Plan plan = LayerRenameInOtherFiles.plan(rename.layer(), rename.to(), cells, this::textOf, r -> {
			Path p = pathOf(r);
			if (!Files.isWritable(p)) return "is read-only";
			if (!textOf(r).equals(readFile(p))) {
				changed[0] = true;
				return "was changed on disk since the diagram read it (read again now: try once more)";
			}
			return null;
		}, r -> file.getParent().relativize(pathOf(r)).toString(), (o, f, v, i) -> SetCommand.create(domain, o, f, v, i));
		if (changed[0]) lastText = null; // the next reading takes the files as they are now
		return plan;
	}

	/** The file of a resource read with this one (a .cell file of the folder), or null. */
	private static Path pathOf(org.eclipse.emf.ecore.resource.Resource r) {
		if (r.getURI() == null || !r.getURI().isFile() || !"cell".equals(r.getURI().fileExtension())) return null;
		return Path.of(r.getURI().toFileString()).toAbsolutePath().normalize();
	}

	/** The text of another file as its model stands: as the session last wrote it, else as it was read. */
	private String textOf(org.eclipse.emf.ecore.resource.Resource r) {
		String written = othersWritten.get(pathOf(r));
		if (written != null) return written;
		var parse = r instanceof org.eclipse.xtext.resource.XtextResource x ? x.getParseResult() : null;
		return parse == null || parse.getRootNode() == null ? "" : parse.getRootNode().getText();
	}

	private static String readFile(Path p) {
		try {
			return Files.readString(p, StandardCharsets.UTF_8);
		} catch (IOException e) {
			return null;
		}
	}

	@Override
	public synchronized boolean execute(Command command) {
		refusal = null;
		if (!editable()) return refuse("the text has syntax errors: fix the text to edit here");
		if (command == null || !command.canExecute()) return refuse("the edit cannot be applied here");
		// a layer rename follows into the other files of the folder whose cells name the layer, once the user said yes
		Cells.LayerRename rename = onDisk ? Cells.LayerRename.in(command) : null;
		LayerRenameInOtherFiles.Plan plan = rename == null ? null : planOthers(rename);
		if (plan != null && plan.refusal() != null) return refuse(plan.refusal());
		List<OtherFile> others = new java.util.ArrayList<>();
		Command all = command;
		if (plan != null && !plan.isEmpty()) {
			if (!plan.question().equals(rename.answered()))
				return refuse(rename.answered() == null ? "the rename changes other files too and is made once the user said yes to: " + plan.question()
						: "the files the rename changes are not those asked about (changed since): no file was changed, try again");
			// their models change with this one's (in step with the texts written), on the one command stack: one undo
			org.eclipse.emf.common.command.CompoundCommand both = new org.eclipse.emf.common.command.CompoundCommand(command.getLabel());
			both.append(command);
			for (LayerRenameInOtherFiles.FileEdit e : plan.edits()) {
				for (Command c : Cells.renameLayerUses(rename.layer(), rename.to(), Cells.cellsOf(e.resource()),
						(o, f, v, i) -> SetCommand.create(domain, o, f, v, i)))
					both.append(c);
				others.add(new OtherFile(pathOf(e.resource()), e.before(), e.after()));
			}
			all = both;
		}
		String before = print(), textBefore = lastText;
		domain.getCommandStack().execute(all);
		writeBack(before);
		Edit edit = new Edit(textBefore, lastText, List.copyOf(others));
		try {
			writeOthers(edit, false);
		} catch (UncheckedIOException e) {
			domain.getCommandStack().undo();
			restore(textBefore);
			return refuse("writing the other files failed (" + e.getCause().getMessage() + "): no file was changed");
		}
		history.push(edit);
		redone.clear();
		return true;
	}

	/**
	 * Writes the other files of an edit as it left them (or, {@code undo}, as it found them); on a failure the ones
	 * written are put back.
	 */
	private void writeOthers(Edit edit, boolean undo) {
		List<OtherFile> done = new java.util.ArrayList<>();
		try {
			for (OtherFile o : undo ? edit.others().reversed() : edit.others()) {
				Files.writeString(o.file(), undo ? o.before() : o.after(), StandardCharsets.UTF_8);
				othersWritten.put(o.file(), undo ? o.before() : o.after());
				done.add(o);
			}
		} catch (IOException e) {
			for (OtherFile o : done) {
				try {
					Files.writeString(o.file(), undo ? o.after() : o.before(), StandardCharsets.UTF_8);
					othersWritten.put(o.file(), undo ? o.after() : o.before());
				} catch (IOException ignored) {
					// as it was written: named in the refusal
				}
			}
			throw new UncheckedIOException(e);
		}
	}

	/** Why the edit cannot be undone (or redone): another file it wrote was changed since; null if it can. */
	private static String blocked(Edit edit, boolean undo) {
		List<String> changed = new java.util.ArrayList<>();
		for (OtherFile o : edit.others())
			if (!(undo ? o.after() : o.before()).equals(readFile(o.file())) || !Files.isWritable(o.file())) changed.add(o.file().getFileName().toString());
		return changed.isEmpty() ? null : "the rename also wrote " + String.join(", ", changed) + ", changed since (or not writable now):"
				+ " no file was changed; put it back as the rename left it, or change the names in the texts";
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
		refusal = blocked(history.peek(), true);
		if (refusal != null) return;
		domain.getCommandStack().undo();
		Edit edit = history.pop();
		redone.push(edit);
		restore(edit.before());
		writeOthers(edit, true);
	}

	@Override
	public synchronized void redo() {
		if (!canRedo() || !editable() || redone.isEmpty()) return;
		refusal = blocked(redone.peek(), false);
		if (refusal != null) return;
		domain.getCommandStack().redo();
		Edit edit = redone.pop();
		history.push(edit);
		restore(edit.after());
		writeOthers(edit, false);
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
		told = text;
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
		told = result;
	}
}
