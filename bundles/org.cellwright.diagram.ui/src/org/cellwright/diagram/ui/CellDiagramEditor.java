package org.cellwright.diagram.ui;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

/**
 * The diagram of a .cell file (Open With > Diagram): an SWT Browser (WebKitGTK on Linux) on the page that the
 * workbench's GLSP server ({@link DiagramServers}) serves for the file. The text stays the model's only stored form:
 * the diagram saves nothing itself.
 */
public class CellDiagramEditor extends EditorPart {

	public static final String ID = "org.cellwright.diagram.ui.editor";

	private Path file;
	private Browser browser;
	private URI page;

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		setSite(site);
		setInput(input);
		file = fileOf(input);
		if (file == null) throw new PartInitException("The diagram opens .cell files on the local disk only: " + input.getName());
		setPartName(input.getName());
		setTitleToolTip(file.toString());
	}

	static Path fileOf(IEditorInput input) {
		if (input instanceof IFileEditorInput fi) {
			IFile f = fi.getFile();
			return f.getLocation() == null ? null : f.getLocation().toPath();
		}
		if (input instanceof IURIEditorInput ui && "file".equals(ui.getURI().getScheme())) return Path.of(ui.getURI());
		IFile f = input.getAdapter(IFile.class);
		return f == null || f.getLocation() == null ? null : f.getLocation().toPath();
	}

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new FillLayout());
		try {
			page = DiagramServers.get().pageUri(file);
		} catch (Exception e) {
			message(parent, "The diagram server did not start: " + e);
			return;
		}
		try {
			browser = new Browser(parent, SWT.NONE);
		} catch (SWTError e) {
			// no browser engine: on Debian/Ubuntu the SWT Browser needs WebKitGTK
			message(parent, "The diagram needs a web browser engine (WebKitGTK: apt-get install libwebkit2gtk-4.1-0).\n"
					+ "The same diagram opens in any web browser at\n" + page + "\n\n(" + e.getMessage() + ")");
			return;
		}
		browser.setUrl(page.toString());
	}

	private static void message(Composite parent, String text) {
		Text t = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP);
		t.setText(text);
	}

	/** The .cell file shown. */
	public Path file() { return file; }

	/** The page of the diagram (served on 127.0.0.1), or null when the server did not start. */
	public URI page() { return page; }

	/** The browser showing the page, or null without a browser engine. */
	public Browser browser() { return browser; }

	@Override
	public void setFocus() {
		if (browser != null) browser.setFocus();
	}

	@Override
	public void doSave(IProgressMonitor monitor) {}

	@Override
	public void doSaveAs() {}

	@Override
	public boolean isDirty() { return false; }

	@Override
	public boolean isSaveAsAllowed() { return false; }
}
