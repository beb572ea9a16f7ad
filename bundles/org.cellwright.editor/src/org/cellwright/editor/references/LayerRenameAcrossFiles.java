package org.cellwright.editor.references;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import org.cellwright.editor.EditingSession;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.text.BeyondTheText;
import org.cellwright.lang.text.LayerRenameInOtherFiles;
import org.cellwright.lang.text.TextPatch;
import org.cellwright.model.Cell;
import org.cellwright.model.Element;
import org.cellwright.model.Layer;
import org.cellwright.model.Model;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.operation.IRunnableContext;
import org.eclipse.jface.operation.IRunnableWithProgress;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.xtext.resource.XtextResource;

/**
 * A layer rename that follows into the other files of the workspace, as a refactoring rename: the cells extending the
 * layer's cell (found by the language's references, {@link FindReferences}: the cells whose 'extends' names it, and
 * those extending them) that name the layer in another file ('after wcc', 'remove wcc', a layer replacing it) are
 * renamed there too. Each file's change is an EMF edit of its model printed back into its text ({@link TextPatch}:
 * comments and layout kept), written into its open document or else its file, and saved. Before anything changes the
 * files are checked (read-only, unsaved changes in an editor, syntax errors, out of sync with the disk: the rename is
 * refused naming them) and the user is asked, shown each file and what changes in it. The edit of the layer's own file
 * carries the others ({@link BeyondTheText}): one undo (or redo) of it puts every file back, refused if one of them
 * was changed since. Planning reads every .cell file of the workspace: it runs off the UI thread with a progress
 * monitor ({@link #planWithProgress}: a busy cursor, then a dialog naming the file read, with Cancel); cancelled,
 * nothing is renamed. {@code refusal}: why the rename cannot follow into the other files (nothing is changed then), or
 * null; {@code question}: what the user is asked (null if no other file changes).
 */
public record LayerRenameAcrossFiles(List<FileEdit> edits, String refusal, String question) implements BeyondTheText {

	/** One other file's change: its text before and after, and where it names the layer ("cell Thin: after wcc"). */
	public record FileEdit(IFile file, String before, String after, List<String> uses) {}

	/**
	 * Asks the user whether to go on, shown the message (files and changes); true to rename. A test puts its own
	 * answer here. Called on the UI thread.
	 */
	public static volatile Predicate<String> confirmation = LayerRenameAcrossFiles::ask;

	/**
	 * Where {@link #planWithProgress} runs the plan (forked, cancelable); null: the workbench's progress service (a busy
	 * cursor, then a progress dialog with Cancel). A test puts its own here.
	 */
	public static volatile IRunnableContext progress;

	/** The refusal of a plan the user cancelled. */
	public static final String CANCELLED = "the rename was cancelled while the workspace's files were read: no file was changed";

	/**
	 * {@link #plan} run off the UI thread with a progress monitor the user can cancel ({@link #progress}); cancelled,
	 * a plan refusing the rename ({@link #CANCELLED}). Call on the UI thread (elsewhere the plan runs unmonitored).
	 */
	public static LayerRenameAcrossFiles planWithProgress(EditingSession session, IFile file, String text, Cells.LayerRename rename) {
		LayerRenameAcrossFiles plan = withProgress(m -> plan(session, file, text, rename, m));
		return plan != null ? plan : new LayerRenameAcrossFiles(List.of(), CANCELLED, null);
	}

	/**
	 * Where cells of other files of the workspace extending {@code losing} name the layer, as the rename finds them
	 * (read with progress and Cancel, {@link #withProgress}): each "file:line: cell Thin: after wcc"; null if the user
	 * cancelled. What refuses the Stack view's Delete: those files would name a layer that is gone. {@code losing}: the
	 * layer's own cell (the layer deleted) or a cell of the file inheriting it (it would write 'remove foil': the cells
	 * extending it, directly or through a chain, are searched; {@link Cells#layerNameUses(Layer, Cell, Iterable)}).
	 * {@code text}: the file's document's text; the layer and the cell are read under the session's lock.
	 */
	public static List<String> namesInOtherFilesWithProgress(EditingSession session, IFile file, String text, Layer layer, Cell losing) {
		List<List<String>> out = namesInOtherFilesWithProgress(session, file, text, List.of(layer), losing);
		return out == null ? null : out.get(0);
	}

	/**
	 * {@link #namesInOtherFilesWithProgress(EditingSession, IFile, String, Layer, Cell)} for several layers (a delete of
	 * several), the workspace's files read once for all: for each layer, in order, where cells of other files name it;
	 * null if the user cancelled.
	 */
	public static List<List<String>> namesInOtherFilesWithProgress(EditingSession session, IFile file, String text, List<Layer> layers, Cell losing) {
		return withProgress(m -> {
			List<String[]> named = layers.stream().map(l -> named(session, l, null, losing)).toList();
			List<List<String>> out = new ArrayList<>();
			SubMonitor sub = SubMonitor.convert(m, "Finding the cells that name " + String.join(", ", named.stream()
					.filter(java.util.Objects::nonNull).map(at -> "layer " + at[1] + " of cell " + at[0]).toList()), 10);
			FindReferences.Workspace ws = named.stream().anyMatch(java.util.Objects::nonNull) ? FindReferences.read(file, text, sub.split(8)) : null;
			for (String[] at : named) {
				Extending x = at == null ? null : extending(ws, at, losing != null, sub);
				List<String> names = new ArrayList<>();
				if (x != null)
					for (Map.Entry<Resource, List<Object>> e : x.cells().entrySet())
						names.addAll(namesIn(FindReferences.fileOf(e.getKey()).getFullPath().makeRelative().toString(), x.layer(), x.losing(), e.getValue()));
				out.add(names);
			}
			sub.split(2);
			return out;
		});
	}

	/**
	 * Where the cells (of the file named {@code file}) name the layer that leaves the stack of {@code losing} and of
	 * the cells extending it ({@link Cells#layerNameUses(Layer, Cell, Iterable)}): each "file:line: cell Cell1: after
	 * wcc" ({@link Cells#layerNameUsesAt}). What refuses the Stack view's Delete of a layer cells of its own file name.
	 */
	public static List<String> namesIn(String file, Layer layer, Cell losing, Iterable<? extends Object> cells) {
		return Cells.layerNameUsesAt(file, layer.getName(), Cells.layerNameUses(layer, losing, cells));
	}

	/**
	 * Runs the work off the UI thread with a progress monitor the user can cancel ({@link #progress}); null if
	 * cancelled. Call on the UI thread (elsewhere the work runs unmonitored).
	 */
	private static <T> T withProgress(Function<IProgressMonitor, T> task) {
		AtomicReference<T> out = new AtomicReference<>();
		IRunnableWithProgress work = m -> {
			try {
				out.set(task.apply(m));
			} catch (OperationCanceledException e) {
				throw new InterruptedException(CANCELLED);
			}
		};
		try {
			IRunnableContext context = progress;
			if (context != null) context.run(true, true, work);
			else if (Display.getCurrent() != null && PlatformUI.isWorkbenchRunning()) PlatformUI.getWorkbench().getProgressService().busyCursorWhile(work);
			else work.run(new NullProgressMonitor());
		} catch (InterruptedException e) {
			return null;
		} catch (InvocationTargetException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
		return out.get();
	}

	/**
	 * The other files' changes of the rename, made on the workspace's files read together ({@link FindReferences#read}:
	 * {@code file} with {@code text}, its document's text before the edit; the others as their open documents hold them,
	 * else as saved). The rename's layer is read under the session's lock. The monitor is told of each file read;
	 * cancelled, {@link OperationCanceledException}.
	 */
	public static LayerRenameAcrossFiles plan(EditingSession session, IFile file, String text, Cells.LayerRename rename, IProgressMonitor monitor) {
		Extending x = extending(session, file, text, rename.layer(), rename.from(), null, monitor);
		if (x == null) return new LayerRenameAcrossFiles(List.of(), null, null);
		AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(new ReflectiveItemProviderAdapterFactory(), new BasicCommandStack(), x.ws().set());
		LayerRenameInOtherFiles.Plan plan = LayerRenameInOtherFiles.plan(x.layer(), rename.to(), x.cells(), x.ws().texts()::get,
				r -> unwritable(FindReferences.fileOf(r)), r -> FindReferences.fileOf(r).getFullPath().makeRelative().toString(),
				(o, feature, v, i) -> SetCommand.create(domain, o, feature, v, i));
		List<FileEdit> edits = plan.edits().stream()
				.map(e -> new FileEdit(FindReferences.fileOf(e.resource()), e.before(), e.after(), e.uses())).toList();
		return new LayerRenameAcrossFiles(edits, plan.refusal(), plan.question());
	}

	/**
	 * The layer as read with the workspace's files, the cell whose stack loses it (its own, or one inheriting it), and
	 * by other file the cells extending that cell.
	 */
	private record Extending(FindReferences.Workspace ws, Layer layer, Cell losing, Map<Resource, List<Object>> cells) {}

	/**
	 * The workspace's files read together ({@link FindReferences#read}: {@code file} with {@code text}, its document's
	 * text; the others as their open documents hold them, else as saved), the layer in them, and the cells of other
	 * files extending {@code losing} (null: the layer's cell; else a cell of the file inheriting the layer, whose
	 * stack holds it, the layer's own cell being in this file or another); null if they are not in the text.
	 * {@code name}: the layer's name (before a rename), null: as it is now. The monitor is told of each file read;
	 * cancelled, {@link OperationCanceledException}.
	 */
	private static Extending extending(EditingSession session, IFile file, String text, Layer named, String name, Cell losing, IProgressMonitor monitor) {
		String[] at = named(session, named, name, losing);
		if (at == null) return null;
		SubMonitor sub = SubMonitor.convert(monitor, "Finding the cells that name layer " + at[1] + " of cell " + at[0], 10);
		Extending x = extending(FindReferences.read(file, text, sub.split(8)), at, losing != null, sub);
		sub.split(2);
		return x;
	}

	/**
	 * The names of the cell whose stack loses the layer (its own, or {@code losing}) and of the layer ({@code name}
	 * before a rename, null: as it is now), read under the session's lock; null if the layer is in no cell.
	 */
	private static String[] named(EditingSession session, Layer named, String name, Cell losing) {
		String[] at = session.readLocked(() -> (losing != null ? losing : named.eContainer()) instanceof Cell c
				? new String[] { c.getName(), name != null ? name : named.getName() } : null);
		return at == null || at[0] == null || at[1] == null ? null : at;
	}

	/**
	 * {@link #extending(EditingSession, IFile, String, Layer, String, Cell, IProgressMonitor)} in the workspace's files
	 * read already: {@code at}, the cell's and the layer's names ({@link #named}); {@code inherited}: the layer may be
	 * inherited by the cell (its effective stack is searched). Cancelled, {@link OperationCanceledException}.
	 */
	private static Extending extending(FindReferences.Workspace ws, String[] at, boolean inherited, IProgressMonitor monitor) {
		Cell cell = ws.edited() == null ? null : cellNamed(ws.edited(), at[0]);
		Layer layer = cell == null ? null : (!inherited ? cell.getLayers() : Cells.effectiveLayers(cell)).stream()
				.filter(l -> at[1].equals(l.getName())).findFirst().orElse(null);
		if (layer == null) return null;
		// the cells extending that cell, by the language's references: those whose 'extends' names it, and theirs
		Map<Resource, List<Object>> extending = new LinkedHashMap<>();
		Set<Cell> seen = new LinkedHashSet<>(List.of(cell));
		Deque<Cell> todo = new ArrayDeque<>(List.of(cell));
		while (!todo.isEmpty()) {
			if (monitor.isCanceled()) throw new OperationCanceledException();
			Cell base = todo.pop();
			FindReferences.references(ws, base, (r, o, node) -> {
				if (o instanceof Cell x && x.getBase() == base && seen.add(x)) {
					todo.add(x);
					if (r != ws.edited()) extending.computeIfAbsent(r, k -> new ArrayList<>()).add(x);
				}
			});
		}
		return new Extending(ws, layer, cell, extending);
	}

	private static Cell cellNamed(XtextResource r, String name) {
		if (r.getContents().isEmpty() || !(r.getContents().get(0) instanceof Model m)) return null;
		for (Element e : m.getElements()) if (e instanceof Cell c && name.equals(c.getName())) return c;
		return null;
	}

	/** Why the file cannot be written now, or null. */
	private static String unwritable(IFile f) {
		if (!f.exists()) return "is gone";
		if (f.isReadOnly()) return "is read-only";
		if (!f.isSynchronized(IResource.DEPTH_ZERO)) return "was changed on disk: refresh it first";
		ITextFileBuffer b = FileBuffers.getTextFileBufferManager().getTextFileBuffer(f.getFullPath(), LocationKind.IFILE);
		if (b != null && b.isDirty()) return "has unsaved changes in an editor: save or revert them first";
		return null;
	}

	/** True if there is nothing to change in other files. */
	public boolean isEmpty() {
		return edits.isEmpty();
	}

	/**
	 * True to go on: nothing to change in other files, the user answered this question already before the rename was
	 * made ({@link Cells.LayerRename#answered()}: the diagram page asks in the browser), or says yes now
	 * ({@link #confirmation}). An answer to another question (the files changed since it was asked) is no yes.
	 */
	public boolean confirmed(Cells.LayerRename rename) {
		if (isEmpty()) return true;
		String answered = rename == null ? null : rename.answered();
		return answered != null ? answered.equals(question) : confirmation.test(question);
	}

	private static boolean ask(String question) {
		Display d = Display.getCurrent();
		return MessageDialog.openQuestion(d == null ? null : d.getActiveShell(), "Rename layer in other files", question);
	}

	/** Writes the other files' changes (after the layer's own file's); on failure, the ones written are put back. */
	public void apply() {
		List<FileEdit> done = new ArrayList<>();
		try {
			for (FileEdit e : edits) {
				write(e.file(), e.before(), e.after());
				done.add(e);
			}
		} catch (RuntimeException x) {
			for (FileEdit e : done) write(e.file(), e.after(), e.before());
			throw x;
		}
	}

	@Override
	public String blocked(boolean undo) {
		List<String> changed = new ArrayList<>();
		for (FileEdit e : edits) {
			String now = current(e.file());
			if (!(undo ? e.after() : e.before()).equals(now) || unwritable(e.file()) != null) changed.add(e.file().getFullPath().makeRelative().toString());
		}
		return changed.isEmpty() ? null : "the rename also wrote " + String.join(", ", changed) + ", changed since (or not writable now):"
				+ " no file was changed; put it back as the rename left it, or change the names in the texts";
	}

	@Override
	public void undoBeyondTheText() {
		for (FileEdit e : edits.reversed()) write(e.file(), e.after(), e.before());
	}

	@Override
	public void redoBeyondTheText() {
		for (FileEdit e : edits) write(e.file(), e.before(), e.after());
	}

	/** The file's text: its open document's, else as saved; null if unreadable. */
	private static String current(IFile f) {
		String open = FindReferences.openText(f);
		if (open != null) return open;
		try {
			return FindReferences.savedText(f);
		} catch (CoreException | IOException e) {
			return null;
		}
	}

	/**
	 * Replaces the changed span of the file's text (its document, shared with an open editor) and saves it; the file's
	 * text must be {@code from}.
	 */
	private static void write(IFile f, String from, String to) {
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		try {
			manager.connect(f.getFullPath(), LocationKind.IFILE, null);
			try {
				ITextFileBuffer b = manager.getTextFileBuffer(f.getFullPath(), LocationKind.IFILE);
				IDocument doc = b.getDocument();
				if (!doc.get().equals(from)) throw new IllegalStateException(f.getFullPath().makeRelative() + " was changed meanwhile");
				TextPatch p = TextPatch.of(from, from, to);
				if (p != null) doc.replace(p.offset(), p.length(), p.text());
				org.cellwright.editor.WholeSave.commit(b, null, true);
			} finally {
				manager.disconnect(f.getFullPath(), LocationKind.IFILE, null);
			}
		} catch (CoreException | BadLocationException e) {
			throw new IllegalStateException("writing " + f.getFullPath().makeRelative() + ": " + e.getMessage(), e);
		}
	}
}
