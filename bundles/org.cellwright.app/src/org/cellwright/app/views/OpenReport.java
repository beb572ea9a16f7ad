package org.cellwright.app.views;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.cellwright.run.folder.RunFiles;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.browser.IWorkbenchBrowserSupport;

/**
 * "Open Report": a run's {@code report.html} in a web browser, as Eclipse opens a link (the workbench's browser support:
 * the internal browser as an editor where there is one, else the system browser). Disabled, its tool tip saying why,
 * when no run is chosen or the run has no report (a run written before reports were, or one whose report was deleted).
 */
public final class OpenReport {

	public static final String LABEL = "Open Report";

	/** How the report is opened: the workbench's browser support; a test puts a recorder here. */
	public static volatile Consumer<URL> browser = OpenReport::inWorkbenchBrowser;

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
		a.setToolTipText(why == null ? "Open the run's report (" + report(runFolder) + ") in a web browser" : "Open Report: " + why);
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
			MessageDialog.openError(shell, LABEL, "Cannot open " + report(runFolder) + ": " + e.getMessage());
		}
	}

	private static void inWorkbenchBrowser(URL url) {
		IWorkbenchBrowserSupport support = PlatformUI.getWorkbench().getBrowserSupport();
		try {
			support.createBrowser(IWorkbenchBrowserSupport.AS_EDITOR | IWorkbenchBrowserSupport.LOCATION_BAR
					| IWorkbenchBrowserSupport.NAVIGATION_BAR, "org.cellwright.report", "Report", url.getPath()).openURL(url);
		} catch (PartInitException e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
	}
}
