package org.cellwright.app.wizards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.sharing.library.Libraries;
import org.cellwright.sharing.library.LibraryException;
import org.cellwright.sharing.library.LibraryPath;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;

/**
 * File > Import > CellWright Library Archive: installs a library archive (NAME-VERSION.zip made by 'cellwright pack')
 * into the per-user library folder with the sharing bundle's safe install: an unsafe or invalid archive is refused
 * with the reason and nothing installed changes. The projects' library declarations are checked again afterwards.
 */
public class LibraryArchiveImportWizard extends Wizard implements IImportWizard {

	public static final String ID = "org.cellwright.app.wizards.importLibrary";
	private Page page;
	private Libraries.Outcome outcome;
	private boolean quiet;

	public LibraryArchiveImportWizard() {
		setWindowTitle("Import a CellWright Library Archive");
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {}

	@Override
	public void addPages() {
		page = new Page();
		addPage(page);
	}

	final class Page extends WizardPage {
		Text archive;
		Button replace;

		Page() {
			super("archive");
			setTitle("Library archive");
			setDescription("Install a library (NAME-VERSION.zip) into " + LibraryPath.userFolder());
		}

		@Override
		public void createControl(Composite parent) {
			Composite c = new Composite(parent, SWT.NONE);
			c.setLayout(new GridLayout(3, false));
			new Label(c, SWT.NONE).setText("Archive:");
			archive = new Text(c, SWT.BORDER);
			archive.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			archive.addListener(SWT.Modify, e -> validate());
			Button browse = new Button(c, SWT.PUSH);
			browse.setText("Browse...");
			browse.addListener(SWT.Selection, e -> {
				FileDialog d = new FileDialog(getShell(), SWT.OPEN);
				d.setFilterExtensions(new String[] { "*.zip" });
				String f = d.open();
				if (f != null) archive.setText(f);
			});
			replace = new Button(c, SWT.CHECK);
			replace.setText("Replace the version if it is installed already");
			replace.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
			Label note = new Label(c, SWT.WRAP);
			note.setText("The archive is checked before anything is written: entries outside the library, links, files that are not "
					+ "library files, a missing or invalid library.json and .cell files with errors are refused.");
			GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
			gd.widthHint = 450;
			note.setLayoutData(gd);
			setControl(c);
			validate();
		}

		void validate() {
			String t = archive.getText().trim();
			String error = t.isEmpty() ? null : !Files.isRegularFile(Path.of(t)) ? t + ": no such file" : null;
			setErrorMessage(error);
			setPageComplete(!t.isEmpty() && error == null);
		}
	}

	/** For tests and scripted use: the archive and whether to replace, as if typed. */
	public void set(Path archive, boolean replace) {
		page.archive.setText(archive.toString());
		page.replace.setSelection(replace);
		quiet = true;
	}

	public String errorMessage() {
		return page.getErrorMessage();
	}

	public Libraries.Outcome outcome() {
		return outcome;
	}

	@Override
	public boolean performFinish() {
		Path archive = Path.of(page.archive.getText().trim());
		try {
			outcome = install(archive, page.replace.getSelection());
		} catch (LibraryException e) {
			page.setErrorMessage(e.getMessage());
			return false;
		}
		ProjectLibraryCheck.schedule(null);
		if (!quiet) {
			StringBuilder b = new StringBuilder("Installed " + outcome.descriptor().id() + " into " + outcome.path() + ".");
			for (var w : outcome.warnings()) b.append("\n").append(w);
			MessageDialog.openInformation(getShell(), "Library installed", b.toString());
		}
		return true;
	}

	/** The sharing bundle's safe install into the per-user folder (nothing changes when it throws). */
	public static Libraries.Outcome install(Path archive, boolean replace) throws LibraryException {
		return Libraries.install(archive, LibraryPath.userFolder(), LibraryPath.standard(List.of()), CliSupport.checker(), replace);
	}
}
