package org.cellwright.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cellwright.app.preferences.CellWrightPreferences;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.MessageDialogWithToggle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * The changed editors a run needs saved, saved before it as Eclipse's launches do (Window > Preferences > Run/Debug >
 * Launching, "Save required dirty editors before launching"): the run pipeline reads the files from disk, so a run of a
 * file with unsaved changes would run the text last saved. The editors are those of the run's {@code .cell} file and of
 * the other {@code .cell} files of its project (an import may read them), as Eclipse saves the launched project's.
 * {@link CellWrightPreferences#SAVE_BEFORE_RUN} says whether to ask first (the default) or save without asking; the dialog
 * names the files and offers Save and Run or Cancel (running the unsaved text is not possible), and its "Remember my
 * decision" makes Save and Run the preference.
 */
public final class SaveBeforeRun {

	public static final String TITLE = "Save and Run", SAVE_AND_RUN = "Save and Run", REMEMBER = "&Remember my decision";

	private SaveBeforeRun() {}

	/**
	 * Saves the changed editors the run of the file needs, first asking unless the preference says always; false when
	 * the user cancelled or an editor stayed unsaved (nothing is to run then), true otherwise (also when none was changed).
	 */
	public static boolean save(Shell shell, IFile file) {
		Map<IFile, List<IEditorPart>> dirty = dirtyEditors(file);
		if (dirty.isEmpty()) return true;
		if (!CellWrightPreferences.saveBeforeRunWithoutAsking()) {
			String names = dirty.keySet().stream().map(f -> "    " + f.getFullPath().makeRelative()).collect(Collectors.joining("\n"));
			String message = (dirty.size() == 1 ? "This file has" : "These files have") + " unsaved changes:\n\n" + names
					+ "\n\nThe run reads the saved " + (dirty.size() == 1 ? "file" : "files") + ". Save and run?";
			MessageDialogWithToggle dialog = new MessageDialogWithToggle(shell, TITLE, null, message, MessageDialog.QUESTION,
					new String[] {SAVE_AND_RUN, IDialogConstants.CANCEL_LABEL}, 0, REMEMBER, false);
			// MessageDialogWithToggle gives a label it does not know (Save and Run) the first internal id, Cancel its own
			if (dialog.open() != IDialogConstants.INTERNAL_ID) return false;
			if (dialog.getToggleState()) CellWrightPreferences.rememberSaveBeforeRun();
		}
		for (List<IEditorPart> editors : dirty.values())
			for (IEditorPart e : editors)
				if (e.isDirty()) e.getSite().getPage().saveEditor(e, false);
		return dirty.values().stream().flatMap(List::stream).noneMatch(IEditorPart::isDirty);
	}

	/** The changed editors on the file and on the other .cell files of its project, by file, the run's file first. */
	static Map<IFile, List<IEditorPart>> dirtyEditors(IFile file) {
		Map<IFile, List<IEditorPart>> out = new LinkedHashMap<>();
		List<IEditorPart> others = new ArrayList<>();
		for (IWorkbenchWindow w : PlatformUI.getWorkbench().getWorkbenchWindows())
			for (IWorkbenchPage p : w.getPages())
				for (IEditorReference r : p.getEditorReferences()) {
					IEditorPart e = r.getEditor(false);
					if (e == null || !e.isDirty()) continue;
					IFile f = e.getEditorInput().getAdapter(IFile.class);
					if (f == null || !"cell".equals(f.getFileExtension()) || !f.getProject().equals(file.getProject())) continue;
					if (f.equals(file)) out.computeIfAbsent(f, k -> new ArrayList<>()).add(e);
					else others.add(e);
				}
		for (IEditorPart e : others) out.computeIfAbsent(e.getEditorInput().getAdapter(IFile.class), k -> new ArrayList<>()).add(e);
		return out;
	}
}
