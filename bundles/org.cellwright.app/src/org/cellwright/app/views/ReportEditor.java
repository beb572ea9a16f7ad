package org.cellwright.app.views;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

/**
 * A run's {@code report.html} shown inside the IDE (Open Report): SWT's browser (WebKitGTK, as the diagram editor's)
 * under a line naming the file, with Copy Path to open it elsewhere. Before, Open Report handed the URL to the
 * workbench's browser support, which in this product (no {@code org.eclipse.ui.browser}) starts firefox, mozilla or
 * netscape on Linux and, with none of them, showed "Unable to open web browser on {0}", naming no report.
 */
public class ReportEditor extends EditorPart {

	public static final String ID = "org.cellwright.app.reportEditor";

	private Path file;
	private Browser browser;
	private Label problem;

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof IURIEditorInput u) || !"file".equals(u.getURI().getScheme()))
			throw new PartInitException("Not a report file: " + input.getName());
		setSite(site);
		setInput(input);
		file = Path.of(u.getURI());
		Path experiment = file.getParent() == null || file.getParent().getParent() == null ? null : file.getParent().getParent().getFileName();
		setPartName(experiment == null ? file.getFileName().toString() : "Report " + experiment);
		setTitleToolTip(file.toString());
	}

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(2, false));
		Label path = new Label(parent, SWT.NONE);
		path.setText(file.toString());
		path.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button copy = new Button(parent, SWT.PUSH);
		copy.setText(OpenReport.COPY_PATH);
		copy.setToolTipText("Put the report's path on the clipboard (to open it in a web browser)");
		copy.addListener(SWT.Selection, e -> OpenReport.copyPath(parent.getDisplay(), file));
		try {
			browser = new Browser(parent, SWT.NONE);
			browser.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
			browser.setUrl(file.toUri().toString());
		} catch (SWTError e) { // no HTML engine (WebKitGTK) on this machine: say so, the path above to copy
			problem = new Label(parent, SWT.WRAP);
			problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, true, 2, 1));
			problem.setText("The IDE cannot show HTML here (" + e.getMessage() + "): open the report in a web browser, "
					+ "its path is above (Copy Path).");
		}
	}

	/** The report shown. */
	public Path file() { return file; }

	/** The browser showing it, or null when the IDE cannot show HTML (then {@link #problem()} says so). */
	public Browser browser() { return browser; }

	/** Why the report is not shown here, or null. */
	public String problem() { return problem == null ? null : problem.getText(); }

	@Override
	public void setFocus() {
		if (browser != null) browser.setFocus();
	}

	@Override public void doSave(IProgressMonitor monitor) {}
	@Override public void doSaveAs() {}
	@Override public boolean isDirty() { return false; }
	@Override public boolean isSaveAsAllowed() { return false; }
}
