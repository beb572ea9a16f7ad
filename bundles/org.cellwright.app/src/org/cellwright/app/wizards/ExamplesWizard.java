package org.cellwright.app.wizards;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.app.WorkspaceSetup;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/**
 * The study's example cells into the project "examples" (files already there are kept): from the examples folder
 * of the installation, the same one the first start imports (system property cellwright.examples).
 */
public class ExamplesWizard extends Wizard implements INewWizard, IImportWizard {

	public static final String ID = "org.cellwright.app.wizards.examples";
	private Button open;
	private IFile first;

	public ExamplesWizard() {
		setWindowTitle("CellWright Examples");
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {}

	/** The examples folder of the installation, or null. */
	public static Path examplesFolder() {
		String dir = System.getProperty("cellwright.examples");
		return dir == null || !Files.isDirectory(Path.of(dir)) ? null : Path.of(dir);
	}

	@Override
	public void addPages() {
		addPage(new WizardPage("examples") {
			@Override
			public void createControl(Composite parent) {
				Composite c = new Composite(parent, SWT.NONE);
				c.setLayout(new GridLayout(1, false));
				Label l = new Label(c, SWT.WRAP);
				l.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
				Path dir = examplesFolder();
				l.setText(dir == null ? "" : "The cells, protocols and experiments of the interlayer study (Sung et al., Adv. Mater. 2023, "
						+ "DOI 10.1002/adma.202210835) and a first half cell, from\n" + dir + "\ninto the project '" + WorkspaceSetup.EXAMPLES_PROJECT
						+ "'. Files that are there already are kept as they are.");
				open = new Button(c, SWT.CHECK);
				open.setText("Open the first example");
				open.setSelection(true);
				setControl(c);
				setTitle("Import the examples");
				if (dir == null) {
					setErrorMessage("This installation has no examples folder (the system property cellwright.examples names it).");
					setPageComplete(false);
				} else {
					setDescription("The study's cells as a project to open, change and run.");
				}
			}
		});
	}

	@Override
	public boolean performFinish() {
		Path dir = examplesFolder();
		if (dir == null) return false;
		try {
			first = WorkspaceSetup.importExamples(dir);
		} catch (Exception e) {
			MessageDialog.openError(getShell(), "CellWright Examples", "The examples were not imported: " + e.getMessage());
			return false;
		}
		if (first != null && open != null && open.getSelection()) {
			try {
				IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), first, true);
			} catch (PartInitException e) {
				// imported; the user opens a file
			}
		}
		return true;
	}

	public IFile first() {
		return first;
	}
}
