package org.cellwright.app.views;

import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.cellwright.run.folder.RunFiles;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.ide.IDE;

/**
 * "Open Report": a run's {@code report.html} in the IDE ({@link ReportEditor}: SWT's browser, the file's path with Copy
 * Path); when it cannot be opened, a dialog names the report's path, with Copy Path. Disabled, its tool tip saying why,
 * when no run is chosen or the run has no report (a run written before reports were, or one whose report was deleted).
 * Before, the workbench's browser support took the URL: in this product it starts firefox, mozilla or netscape on
 * Linux and, with none, showed its own "Unable to open web browser on {0}", naming no report.
 */
public final class OpenReport {

	public static final String LABEL = "Open Report", COPY_PATH = "Copy Path";

	/** How the report is opened: in the IDE ({@link ReportEditor}), throwing when it cannot; a test puts a recorder here. */
	public static volatile Consumer<URL> browser = OpenReport::inEditor;

	private OpenReport() {}

	/** The report of a run folder, whether or not it is there. */
	public static Path report(Path runFolder) {
		return runFolder.resolve(RunFiles.REPORT);
	}

	/** Why the run's report cannot be opened, or null when it can. */
	public static String unavailable(Path runFolder) {
		if (runFolder == null) return "Show a run first";
		if (!Files.isDirectory(runFolder)) return "The run's folder is gone: " + runFolder;
		if (!Files.isRegularFile(report(runFolder))) return "This run has no " + RunFiles.REPORT + " (write one with: cellwright report "
				+ runFolder + ")";
		return null;
	}

	/** The few words a menu shows after the label of a disabled Open Report. */
	static String shortReason(Path runFolder) {
		if (runFolder == null) return "no run";
		return Files.isDirectory(runFolder) ? "no " + RunFiles.REPORT : "folder deleted";
	}

	/** The action for a run folder (null: none chosen): enabled with the report's path as tool tip, or disabled with the reason. */
	public static Action action(Path runFolder, Shell shell) {
		Action a = new Action(LABEL) {
			@Override
			public void run() {
				open(runFolder, shell);
			}
		};
		a.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_OBJ_FILE));
		update(a, runFolder);
		return a;
	}

	/** Enables the action for this run folder, or disables it with the reason as tool tip. */
	public static void update(Action a, Path runFolder) {
		String why = unavailable(runFolder);
		a.setEnabled(why == null);
		a.setText(why == null ? LABEL : LABEL + " (" + shortReason(runFolder) + ")");
		a.setToolTipText(why == null ? "Open the run's report (" + report(runFolder) + ")" : "Open Report: " + why);
	}

	/** Opens the run's report, or says why it cannot. */
	public static void open(Path runFolder, Shell shell) {
		String why = unavailable(runFolder);
		if (why != null) {
			MessageDialog.openInformation(shell, LABEL, why + ".");
			return;
		}
		try {
			browser.accept(report(runFolder).toUri().toURL());
		} catch (MalformedURLException | RuntimeException e) {
			cannotOpen(shell, report(runFolder), e.getMessage());
		}
	}

	/** Says which report could not be opened and why; Copy Path puts its path on the clipboard to open it elsewhere. */
	static void cannotOpen(Shell shell, Path report, String why) {
		MessageDialog d = new MessageDialog(shell, LABEL, null, "The report " + report + " could not be opened"
				+ (why == null || why.isBlank() ? "" : ": " + why) + ".\nOpen it in a web browser: " + COPY_PATH + " puts its path on the clipboard.",
				MessageDialog.ERROR, 0, COPY_PATH, IDialogConstants.CLOSE_LABEL);
		if (d.open() == 0) copyPath(shell.getDisplay(), report);
	}

	/** Puts a file's path on the clipboard (as text). */
	static void copyPath(Display display, Path file) {
		Clipboard clipboard = new Clipboard(display);
		try {
			clipboard.setContents(new Object[] { file.toString() }, new Transfer[] { TextTransfer.getInstance() });
		} finally {
			clipboard.dispose();
		}
	}

	private static void inEditor(URL url) {
		IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (w == null) w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
		try {
			IDE.openEditor(w.getActivePage(), new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(url.toURI())), ReportEditor.ID);
		} catch (PartInitException | URISyntaxException e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
	}
}
