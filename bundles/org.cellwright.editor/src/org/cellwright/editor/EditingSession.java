package org.cellwright.editor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.cellwright.lang.text.TextPatch;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.Position;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.serializer.ISerializer;

/**
 * The one owner of an open document's model: it parses the text once per change and tells every listener (Outline,
 * Stack, Timeline, Properties, the table and diagram editors), hands the same parse to the services that read it
 * (validation, hover, hyperlinks, quick fixes), and runs every model edit: an EMF command is executed on the
 * current model, the model is printed and only the changed span is written into the text ({@link TextPatch}:
 * comments and layout elsewhere stay). Undo and redo work on those text spans (tracked through later typing), so
 * they survive a reparse: the history belongs to the document, not to one parse of it. What an edit changed beside
 * the text ({@link org.cellwright.lang.text.BeyondTheText}: a renamed node's place in the diagram) is undone and
 * redone with its text.
 * <p>
 * One session per document, made on first use ({@link #of(IDocument)}); it lives as long as the document.
 * Listeners are called on the UI thread.
 * <p>
 * EMF and Xtext resources are not thread-safe, not even for reading: a read fills lazy caches (Xtext's
 * {@code OnChangeEvictingCache} adds adapters to the resources of the parse's resource set, proxies are resolved,
 * EMF.Edit adds item providers). The session's lock (its monitor) therefore guards every model it hands out and the
 * resource set around it: the session holds it while it parses, executes, undoes and redoes an edit, makes an edit's
 * command ({@link #domain()}) and tells its listeners; every other reader, on any thread (the validation reconciler,
 * the hover, hyperlinks, quick fixes, the diagram server), reads through {@link #read(Function)} or
 * {@link #read(String, Function)} (Xtext's {@code IReadAccess}/{@code IUnitOfWork} pattern).
 */
public final class EditingSession {

	/** Why the model changed. */
	public enum Change {
		/** The text was parsed again: a new model (new objects); re-read everything, keep selections by name. */
		PARSED,
		/** An edit, undo or redo changed the text; the model given is the one to show now. */
		EDITED
	}

	/** Told on the UI thread whenever the session's model changes. */
	@FunctionalInterface
	public interface Listener {
		void modelChanged(XtextResource model, Change change);
	}

	private static final Map<IDocument, EditingSession> SESSIONS = Collections.synchronizedMap(new WeakHashMap<>());
	private static final AtomicInteger PARSES = new AtomicInteger();
	private static final String HISTORY = "org.cellwright.editor.editingHistory";
	/** How long typing must pause before the text is read again. */
	static final int PARSE_DELAY_MS = 300;
	/** Edits kept for undo. */
	private static final int HISTORY_LIMIT = 200;

	private final java.lang.ref.WeakReference<IDocument> documentRef;
	private final IFile file;
	private final ListenerList<Listener> listeners = new ListenerList<>();
	private final AdapterFactoryEditingDomain domain;
	private final Deque<Edit> undo = new ArrayDeque<>(), redo = new ArrayDeque<>();
	private final AtomicInteger parses = new AtomicInteger();

	/** Guarded by this (as are the models themselves): the last parse and the text it read; the model views show and edit. */
	private String parsedText;
	private XtextResource parsed;
	private XtextResource current;
	/** The text current is in step with (its parse, or the text written back after an edit). */
	private String currentText;
	/**
	 * Every model of this document still held by someone, with the text it is in step with: a view may still hold the
	 * model an edit changed while a newer parse of the same text is on its way; an edit of it is as good.
	 */
	private final Map<Resource, String> models = new WeakHashMap<>();
	/** The model listeners were last told of (UI thread). */
	private XtextResource announced;
	private volatile boolean writing;
	/** The latest validation of a text of the document ({@link #validate}), replaced whole by the next. */
	private volatile Validation validation;
	private volatile String refusal;
	private Job parseJob;

	/**
	 * One model edit as it reached the text: where (tracked through later changes), the text before and after, and the
	 * document's modification stamps before and after it: an undo back to the saved text gives the document its saved
	 * stamp again, so the editor is clean again (the file buffer compares stamps, as the text editor's own undo does).
	 */
	private record Edit(Position where, String before, String after, String label, long stampBefore, long stampAfter,
			org.cellwright.lang.text.BeyondTheText beyond) {}

	private EditingSession(IDocument document) {
		this.documentRef = new java.lang.ref.WeakReference<>(document);
		this.file = DocumentModel.fileOf(document);
		this.domain = new AdapterFactoryEditingDomain(new ReflectiveItemProviderAdapterFactory(), new SessionCommandStack()) {
			/** A command is made under the session's lock: making it adapts its owner (an item provider joins the owner's adapters). */
			@Override
			public Command createCommand(Class<? extends Command> commandClass, org.eclipse.emf.edit.command.CommandParameter parameter) {
				synchronized (EditingSession.this) {
					return super.createCommand(commandClass, parameter);
				}
			}
		};
		document.addPositionCategory(HISTORY);
		document.addPositionUpdater(new HistoryUpdater());
		document.addDocumentListener(new Changes(this));
	}

	/** The session of a document (made on first use). */
	public static EditingSession of(IDocument document) {
		if (document == null) return null;
		synchronized (SESSIONS) {
			return SESSIONS.computeIfAbsent(document, EditingSession::new);
		}
	}

	/** The session whose current model holds the object, or null (e.g. an object of a library file). */
	public static EditingSession of(EObject object) {
		Resource r = object == null ? null : object.eResource();
		if (r == null) return null;
		List<EditingSession> sessions;
		synchronized (SESSIONS) {
			sessions = new ArrayList<>(SESSIONS.values());
		}
		for (EditingSession s : sessions) // one lock at a time: a listener (under its session's lock) may ask this too
			synchronized (s) {
				if (s.models.containsKey(r)) return s;
			}
		return null;
	}

	/** Parses since start-up, over all documents (for tests and the benchmark of one parse per change). */
	public static int parsesTotal() {
		return PARSES.get();
	}

	/** Parses of this document's texts. */
	public int parses() {
		return parses.get();
	}

	public IDocument document() {
		return documentRef.get();
	}

	/** The workspace file of the document, or null (a library file opened read-only). */
	public IFile file() {
		return file;
	}

	// ------------------------------------------------------------------ the model

	/**
	 * The model the views show and edit: the last parse, or that parse after edits made through this session. Parses
	 * only when there is none yet. Its node model (offsets) may lag behind edits; use {@link #parsed()} for offsets.
	 */
	public XtextResource current() {
		synchronized (this) {
			if (current != null) return current;
		}
		return parsed();
	}

	/** The model of the document's current text with its node model in step (offsets); parsed once per text. */
	public XtextResource parsed() {
		IDocument d = document();
		if (d == null) return null;
		for (int i = 0; i < 3; i++) { // typing on the UI thread may change the text while another thread asks
			XtextResource r = parsed(d.get());
			if (r != null) return r;
		}
		return DocumentModel.parse(file, d.get());
	}

	/**
	 * The model of the given text if it is still the document's text (else null: a newer text will be read): the
	 * reconciler validates this, hovers and quick fixes read it. A text is parsed once, whoever asks first.
	 */
	public XtextResource parsed(String text) {
		XtextResource r;
		synchronized (this) {
			if (text.equals(parsedText)) return parsed;
			r = parseNow(text);
		}
		if (r != null) announceLater();
		return r;
	}

	/** Parses the text if it is the document's (else null) and makes it the current model; listeners not told yet. */
	private synchronized XtextResource parseNow(String text) {
		if (text.equals(parsedText)) return parsed;
		IDocument d = document();
		if (d == null || !text.equals(d.get())) return null;
		XtextResource r = DocumentModel.parse(file, text);
		parses.incrementAndGet();
		PARSES.incrementAndGet();
		parsedText = text;
		parsed = r;
		current = r;
		currentText = text;
		models.put(r, text);
		return r;
	}

	/**
	 * Runs a reader of the parse of text under the session's lock (no edit, view or other reader touches the model
	 * meanwhile); null if the text is outdated. The reader must not keep the model for use after it returns.
	 */
	public <T> T read(String text, Function<XtextResource, T> reader) {
		synchronized (this) {
			XtextResource r = parsed(text);
			return r == null ? null : reader.apply(r);
		}
	}

	/**
	 * Runs a reader of the model of the document's current text (node model in step: offsets; see {@link #parsed()})
	 * under the session's lock; null if the document is gone. For the hover, hyperlinks, quick fixes.
	 */
	public <T> T read(Function<XtextResource, T> reader) {
		synchronized (this) {
			XtextResource r = parsed();
			return r == null ? null : reader.apply(r);
		}
	}

	/**
	 * Runs work on a model of this session that the caller holds already (the current model, or an older one a view
	 * still shows) under the session's lock.
	 */
	public <T> T readLocked(java.util.function.Supplier<T> work) {
		synchronized (this) {
			return work.get();
		}
	}

	/** {@link #readLocked} for work without a result (a view showing a model it holds). */
	public void runLocked(Runnable work) {
		synchronized (this) {
			work.run();
		}
	}

	// ------------------------------------------------------------------ validation

	/**
	 * Validates the parse of a text (the one parse of it: {@link #parsed(String)}) under the session's lock and keeps the
	 * result as the document's problems ({@link #validation()}); null if the text is outdated. The validation reconciler
	 * calls this once per text (and the importers' re-validation when a file this one refers to changed); the markers
	 * are made from the issues it returns. A validation of an older text does not replace one of the document's text as
	 * it is now (two validations may end in either order).
	 */
	public List<org.eclipse.xtext.validation.Issue> validate(String text, org.eclipse.xtext.util.CancelIndicator cancel) {
		synchronized (this) {
			XtextResource r = parsed(text);
			if (r == null) return null;
			List<org.eclipse.xtext.validation.Issue> issues = DocumentValidator.validate(r, cancel);
			if (cancel != null && cancel.isCanceled()) return null;
			Validation v = validation;
			IDocument d = document();
			String now = d == null ? null : d.get();
			if (v == null || text.equals(now) || !v.text().equals(now)) validation = new Validation(text, List.copyOf(issues));
			return issues;
		}
	}

	/**
	 * The document's latest validation (its text and the validator's issues), or null before the first: what the hover
	 * tells on a problem. Read without the lock: a validation replaces the one before it at once, so a reader never
	 * meets a moment without the problems (the markers made from them are deleted and made again: the hover read them,
	 * and between the two it showed the unit's own text where its problem was, CI twice in session 40).
	 */
	public Validation validation() {
		return validation;
	}

	/** A problem of a validation, its span in the document's text now. */
	public record Problem(int offset, int length, org.eclipse.xtext.diagnostics.Severity severity, String message) {}

	/** One validation: the text validated and the validator's issues (offsets in that text). */
	public record Validation(String text, List<org.eclipse.xtext.validation.Issue> issues) {

		/**
		 * The problems with their spans in the document's text now ({@code now}), which typing may have changed since the
		 * validation: a span before or after what changed keeps its problem (moved by the change's length), one that
		 * overlaps it is left out until its text is validated (the next reconcile, 300 ms after typing pauses). Issues the
		 * validator ignores, or without a span, are left out (they make no marker either).
		 */
		public List<Problem> problems(String now) {
			int prefix = 0, n = Math.min(text.length(), now.length());
			while (prefix < n && text.charAt(prefix) == now.charAt(prefix)) prefix++;
			int suffix = 0;
			while (suffix < n - prefix && text.charAt(text.length() - 1 - suffix) == now.charAt(now.length() - 1 - suffix)) suffix++;
			int changedEnd = text.length() - suffix, delta = now.length() - text.length();
			List<Problem> out = new ArrayList<>();
			for (org.eclipse.xtext.validation.Issue i : issues) {
				if (i.getSeverity() == null || i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.IGNORE || i.getOffset() == null
						|| i.getLength() == null) continue;
				int start = i.getOffset(), end = start + i.getLength();
				if (end <= prefix) out.add(new Problem(start, i.getLength(), i.getSeverity(), i.getMessage()));
				else if (start >= changedEnd) out.add(new Problem(start + delta, i.getLength(), i.getSeverity(), i.getMessage()));
			}
			return out;
		}
	}

	/** The current model if one was read already (never parses), else null: views that must not block call {@link #readSoon()}. */
	public synchronized XtextResource currentIfRead() {
		return current;
	}

	/** Reads the text off the UI thread soon (if not read yet); listeners are told. */
	public void readSoon() {
		scheduleParse();
	}

	/**
	 * Forgets the parse (the text is the same, but a file it refers to changed, e.g. a neighbour was saved) and reads
	 * the text again soon; listeners are told.
	 */
	public void invalidate() {
		synchronized (this) {
			parsedText = null;
		}
		scheduleParse();
	}

	/** The session of a document if one was made, else null (never makes one). */
	public static EditingSession existing(IDocument document) {
		return document == null ? null : SESSIONS.get(document);
	}

	public void addListener(Listener l) {
		listeners.add(l);
	}

	public void removeListener(Listener l) {
		listeners.remove(l);
	}

	/** Tells the listeners of a new parse on the UI thread (now if called there, else soon). */
	private void announceLater() {
		Display display = Display.getDefault();
		if (display.getThread() == Thread.currentThread()) announce();
		else if (!display.isDisposed()) display.asyncExec(this::announce);
	}

	/** Listeners read the new model under the session's lock: a reader on another thread (validation) waits meanwhile. */
	private synchronized void announce() {
		XtextResource r = current;
		if (r == null || r == announced) return;
		announced = r;
		for (Listener l : listeners) l.modelChanged(r, Change.PARSED);
	}

	private synchronized void edited() {
		XtextResource r = current;
		announced = r;
		for (Listener l : listeners) l.modelChanged(r, Change.EDITED);
	}

	/** Reads the text again after typing has paused, off the UI thread; one parse, every listener told. */
	private void scheduleParse() {
		if (parseJob == null) {
			parseJob = Job.create("Reading " + (file != null ? file.getName() : "document"), m -> {
				IDocument d = document();
				if (d != null) parsed(d.get());
			});
			parseJob.setSystem(true);
		}
		parseJob.cancel();
		parseJob.schedule(PARSE_DELAY_MS);
	}

	// ------------------------------------------------------------------ edits

	/** The editing domain to make commands with; its command stack is this session (execute, undo, redo). */
	public EditingDomain domain() {
		return domain;
	}

	/**
	 * False while the text has syntax errors (the model is then only a partial reading) or nothing is read yet. Names
	 * that do not resolve are no hindrance ({@link TextPatch#printable}): the edit may be the one that fixes them.
	 */
	public synchronized boolean editable() {
		XtextResource r = current();
		return r != null && TextPatch.printable(r);
	}

	/** Why the last execute, undo or redo was refused, or null. */
	public String refusal() {
		return refusal;
	}

	/**
	 * Executes the command on the current model and writes the change into the text (only the changed span); false,
	 * with {@link #refusal()} saying why, if it cannot be executed or the text changed since the model was read.
	 * Call on the UI thread.
	 */
	public boolean execute(Command command) {
		refusal = null;
		IDocument d = document();
		if (d == null || command == null) return refuse("nothing to edit");
		if (!editable()) return refuse("the text has syntax errors: fix the text to edit here");
		String text = d.get();
		// a layer rename follows into the other files of the workspace whose cells name the layer, asked first; reading
		// them runs with progress and Cancel (cancelled: refused, nothing changed)
		org.cellwright.lang.model.Cells.LayerRename rename = org.cellwright.lang.model.Cells.LayerRename.in(command);
		org.cellwright.editor.references.LayerRenameAcrossFiles others = rename == null || file == null ? null
				: org.cellwright.editor.references.LayerRenameAcrossFiles.planWithProgress(this, file, text, rename); // cancelable
		if (others != null && others.refusal() != null) return refuse(others.refusal());
		if (others != null && !others.confirmed(rename))
			return refuse(rename.answered() != null ? "the files the rename changes are not those asked about (changed since): no file was changed, try again"
					: "the rename was cancelled: no file was changed");
		if (others != null && others.isEmpty()) others = null;
		synchronized (this) {
			// the model the command works on: a model of this document in step with its text (the current one, or
			// the one a view still shows while a newer parse of the same text is on its way)
			XtextResource target = targetOf(command);
			if (target == null || !text.equals(models.get(target))) {
				parsed(text); // the views get the model of the text as it is now
				return refuse("the text changed since it was read: the model was read again, try once more");
			}
			if (!command.canExecute()) return refuse("the edit cannot be applied here");
			String before = print(target);
			String after;
			try {
				command.execute();
				after = print(target);
			} catch (RuntimeException e) {
				if (command.canUndo()) try { command.undo(); } catch (RuntimeException ignored) { /* the text is read again */ }
				parsedText = null;
				parsed(text);
				return refuse("the edit cannot be written as text: " + e.getMessage());
			}
			TextPatch patch = TextPatch.of(text, before, after);
			if (patch == null) {
				if (command.canUndo()) command.undo();
				return refuse("the edit changes nothing in this file");
			}
			String old = text.substring(patch.offset(), patch.offset() + patch.length());
			long stampBefore = stamp(d);
			replace(d, patch.offset(), patch.length(), patch.text(), IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP);
			Position p = new Position(patch.offset(), patch.text().length());
			addPosition(d, p);
			undo.push(new Edit(p, old, patch.text(), command.getLabel(), stampBefore, stamp(d), org.cellwright.lang.text.BeyondTheText
					.both(command instanceof org.cellwright.lang.text.BeyondTheText b ? b : null, others)));
			while (undo.size() > HISTORY_LIMIT) removePosition(d, undo.removeLast().where());
			for (Edit e : redo) removePosition(d, e.where());
			redo.clear();
			// the model is the printout's: in step with the new text, though its node model lags until the next parse
			current = target;
			currentText = d.get();
			models.put(target, currentText);
			parsedText = null;
		}
		if (others != null) {
			try {
				others.apply();
			} catch (RuntimeException e) {
				step(undo, redo, true, false); // this file's part back too: the rename is all or nothing
				redo.pop();
				if (command instanceof org.cellwright.lang.text.BeyondTheText b) b.undoBeyondTheText();
				return refuse("the rename cannot be written into the other files: " + e.getMessage());
			}
		}
		edited();
		((SessionCommandStack) domain.getCommandStack()).changed();
		return true;
	}

	/** The model a command changes (the resource of its owner), else the current model. */
	private XtextResource targetOf(Command c) {
		EObject owner = ownerOf(c);
		if (owner != null && owner.eResource() instanceof XtextResource r && models.containsKey(r)) return r;
		return owner == null ? current : null;
	}

	private static EObject ownerOf(Command c) {
		if (c instanceof org.eclipse.emf.edit.command.SetCommand x) return x.getOwner();
		if (c instanceof org.eclipse.emf.edit.command.AddCommand x) return x.getOwner();
		if (c instanceof org.eclipse.emf.edit.command.RemoveCommand x) return x.getOwner();
		if (c instanceof org.eclipse.emf.edit.command.MoveCommand x) return x.getOwner();
		if (c instanceof org.eclipse.emf.edit.command.ReplaceCommand x) return x.getOwner();
		if (c instanceof org.eclipse.emf.common.command.CommandWrapper w) return ownerOf(w.getCommand());
		if (c instanceof org.eclipse.emf.common.command.CompoundCommand cc)
			for (Command part : cc.getCommandList()) {
				EObject o = ownerOf(part);
				if (o != null) return o;
			}
		for (Object o : c.getAffectedObjects()) if (o instanceof EObject e) return e;
		return null;
	}

	public boolean canUndo() {
		settle();
		return !undo.isEmpty();
	}

	public boolean canRedo() {
		settle();
		return !redo.isEmpty();
	}

	/**
	 * An edit the text editor's own undo took back (Ctrl+Z in the text: its span holds the text from before it again)
	 * goes onto the redo stack, and one its redo wrote again back onto the undo stack, so the session's history
	 * agrees with the text. Before, the Stack and Properties views' Undo stayed enabled after Ctrl+Z in the text and
	 * refused, "the text of 'Set' was changed since; undo it in the text editor" (session 28).
	 */
	private void settle() {
		IDocument d = document();
		if (d == null) return;
		while (!undo.isEmpty() && holds(d, undo.peek(), undo.peek().before())) redo.push(undo.pop());
		while (!redo.isEmpty() && holds(d, redo.peek(), redo.peek().after())) undo.push(redo.pop());
	}

	/** Whether the edit's span holds that text now. */
	private static boolean holds(IDocument d, Edit e, String text) {
		Position p = e.where();
		try {
			return !p.isDeleted() && p.getLength() == text.length() && d.get(p.getOffset(), p.getLength()).equals(text);
		} catch (BadLocationException x) {
			return false;
		}
	}

	/**
	 * An edit as a refusal names it: its command's label, or, for EMF's generic ones ("Set", "Add", ...: a Properties
	 * edit read "the text of 'Set'"), where it is, "the edit at line 25".
	 */
	private static String named(IDocument d, Edit e) {
		String l = e.label();
		if (l != null && !l.isBlank() && !GENERIC_LABELS.contains(l)) return "'" + l + "'";
		try {
			return "the edit at line " + (d.getLineOfOffset(e.where().getOffset()) + 1);
		} catch (BadLocationException x) {
			return "the edit";
		}
	}

	/** The labels EMF.Edit's commands take (SetCommand's "Set", ...: their LABEL fields, not visible here). */
	private static final Set<String> GENERIC_LABELS = java.util.stream.Stream.of("Set", "Add", "Remove", "Move", "Replace", "Delete")
			.map(c -> org.eclipse.emf.edit.EMFEditPlugin.INSTANCE.getString("_UI_" + c + "Command_label")).collect(java.util.stream.Collectors.toSet());

	/** Undoes the last edit made through the session, also after the text was read again; false (and a reason) if its text was changed since. */
	public boolean undo() {
		return step(undo, redo, true);
	}

	public boolean redo() {
		return step(redo, undo, false);
	}

	private boolean step(Deque<Edit> from, Deque<Edit> to, boolean back) {
		return step(from, to, back, true);
	}

	/** {@code beyond}: also undo or redo what the edit changed beside its text (other files, the diagram's layout). */
	private boolean step(Deque<Edit> from, Deque<Edit> to, boolean back, boolean beyond) {
		refusal = null;
		IDocument d = document();
		settle();
		if (d == null || from.isEmpty()) return refuse(back ? "nothing to undo" : "nothing to redo");
		Edit e = from.peek();
		String blocked = beyond && e.beyond() != null ? e.beyond().blocked(back) : null;
		if (blocked != null) return refuse(named(d, e) + " cannot be " + (back ? "undone" : "redone") + ": " + blocked);
		String expect = back ? e.after() : e.before(), put = back ? e.before() : e.after();
		Position p = e.where();
		try {
			if (p.isDeleted() || !d.get(p.getOffset(), p.getLength()).equals(expect))
				return refuse("the text of " + named(d, e) + " was changed since; undo it in the text editor");
		} catch (BadLocationException x) {
			return refuse("the text of " + named(d, e) + " is gone");
		}
		from.pop();
		int at = p.getOffset();
		// the stamp the text had with this span so, if nothing else changed the text since (typing between makes a new one)
		long now = stamp(d), stamp = now == (back ? e.stampAfter() : e.stampBefore()) ? (back ? e.stampBefore() : e.stampAfter())
				: IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;
		replace(d, at, p.getLength(), put, stamp);
		p.setOffset(at);
		p.setLength(put.length());
		to.push(e);
		// what the edit changed beside the text (a renamed node's place in the diagram's layout) follows its text
		if (beyond && e.beyond() != null) {
			if (back) e.beyond().undoBeyondTheText();
			else e.beyond().redoBeyondTheText();
		}
		parseNow(d.get()); // undo and redo re-read the text now: the views show the restored model at once
		edited();
		((SessionCommandStack) domain.getCommandStack()).changed();
		return true;
	}

	private boolean refuse(String reason) {
		refusal = reason;
		return false;
	}

	/** Writes the text; with a known stamp, the document takes it (an undo's or redo's restored stamp). */
	private void replace(IDocument d, int offset, int length, String text, long stamp) {
		writing = true;
		try {
			if (stamp != IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP && d instanceof IDocumentExtension4 x) x.replace(offset, length, text, stamp);
			else d.replace(offset, length, text);
		} catch (BadLocationException e) {
			throw new IllegalStateException(e);
		} finally {
			writing = false;
		}
	}

	private static long stamp(IDocument d) {
		return d instanceof IDocumentExtension4 x ? x.getModificationStamp() : IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;
	}

	private static void addPosition(IDocument d, Position p) {
		try {
			d.addPosition(HISTORY, p);
		} catch (BadLocationException | BadPositionCategoryException e) {
			p.delete();
		}
	}

	private static void removePosition(IDocument d, Position p) {
		try {
			d.removePosition(HISTORY, p);
		} catch (BadPositionCategoryException e) {
			// already gone
		}
	}

	/** The model printed by the language's serializer and formatter. */
	public static String print(XtextResource r) {
		return CellLanguage.injector().getInstance(ISerializer.class).serialize(r.getContents().get(0),
				SaveOptions.newBuilder().format().getOptions());
	}

	/** True while the session writes an edit into the document (listeners of the document may ignore the event). */
	public boolean writing() {
		return writing;
	}

	/** The domain's command stack: executing, undoing and redoing go through the session (write-back, text history). */
	private final class SessionCommandStack extends BasicCommandStack {
		@Override public void execute(Command command) { EditingSession.this.execute(command); }
		@Override public boolean canUndo() { return EditingSession.this.canUndo(); }
		@Override public boolean canRedo() { return EditingSession.this.canRedo(); }
		@Override public void undo() { EditingSession.this.undo(); }
		@Override public void redo() { EditingSession.this.redo(); }
		@Override public void flush() { undo.clear(); redo.clear(); changed(); }
		void changed() { notifyListeners(); }
	}

	/** The document's changes start a (debounced) parse; held by the document, so the session lives as long as it. */
	private static final class Changes implements IDocumentListener {
		private final EditingSession session;

		Changes(EditingSession session) {
			this.session = session;
		}

		@Override public void documentAboutToBeChanged(DocumentEvent e) {}

		@Override public void documentChanged(DocumentEvent e) {
			session.scheduleParse();
		}
	}

	/**
	 * Keeps each edit's span on the text it wrote: shifted by changes before it, grown by changes inside it, and
	 * replaced by a change that covers it (an undo of a later edit of the same span), so that undo finds it again.
	 */
	private static final class HistoryUpdater implements IPositionUpdater {
		@Override
		public void update(DocumentEvent event) {
			Position[] positions;
			try {
				positions = event.getDocument().getPositions(HISTORY);
			} catch (BadPositionCategoryException e) {
				return;
			}
			int eo = event.getOffset(), ee = eo + event.getLength();
			int rl = event.getText() == null ? 0 : event.getText().length(), delta = rl - event.getLength();
			for (Position p : positions) {
				int po = p.getOffset(), pe = po + p.getLength();
				if (pe <= eo && !(p.getLength() == 0 && po == eo && ee > eo)) continue; // before the change
				if (po >= ee && !(po == eo && p.getLength() > 0 && ee > eo)) { p.setOffset(po + delta); continue; } // after it
				if (eo >= po && ee <= pe) p.setLength(p.getLength() + delta); // the change is inside the span
				else if (po >= eo && pe <= ee) { p.setOffset(eo); p.setLength(rl); } // the change covers the span
				else {
					int start = Math.min(po, eo), end = Math.max(pe + delta, eo + rl);
					p.setOffset(start);
					p.setLength(end - start);
				}
			}
		}
	}
}
