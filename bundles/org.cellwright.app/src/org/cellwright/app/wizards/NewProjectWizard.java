package org.cellwright.app.wizards;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;

/**
 * File > New > CellWright Project: a project with cellwright-project.json (the libraries it uses; the standard
 * library needs no entry) and cells/starter.cell, a half cell with an experiment that runs. The starter opens.
 */
public class NewProjectWizard extends Wizard implements INewWizard {

	public static final String ID = "org.cellwright.app.wizards.newProject";
	private WizardNewProjectCreationPage page;
	private IFile created;

	public NewProjectWizard() {
		setWindowTitle("New CellWright Project");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {}

	@Override
	public void addPages() {
		page = new WizardNewProjectCreationPage("project");
		page.setTitle("CellWright Project");
		page.setDescription("A project with cellwright-project.json and a starter cell whose experiment runs (Ctrl+R).");
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		String name = page.getProjectName();
		IPath location = page.useDefaults() ? null : page.getLocationPath();
		try {
			getContainer().run(false, false, monitor -> {
				try {
					created = create(name, location, monitor);
				} catch (CoreException | IOException e) {
					throw new java.lang.reflect.InvocationTargetException(e);
				}
			});
		} catch (java.lang.reflect.InvocationTargetException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			MessageDialog.openError(getShell(), "New CellWright Project", "The project " + name + " was not created: " + cause.getMessage());
			return false;
		} catch (InterruptedException e) {
			return false;
		}
		try {
			IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), created, true);
		} catch (PartInitException e) {
			// the project exists; the user opens the file
		}
		return true;
	}

	public IFile created() {
		return created;
	}

	/** Creates the project (at a location, or in the workspace when null) with its project file and starter cell. */
	public static IFile create(String name, IPath location, IProgressMonitor monitor) throws CoreException, IOException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (project.exists()) throw new CoreException(Status.error("a project named " + name + " exists already"));
		IProjectDescription d = ResourcesPlugin.getWorkspace().newProjectDescription(name);
		d.setLocation(location);
		project.create(d, monitor);
		project.open(monitor);
		String json = "{\n  \"name\": \"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\n  \"libraries\": {}\n}\n";
		write(project.getFile("cellwright-project.json"), json, monitor);
		IFolder cells = project.getFolder("cells");
		cells.create(true, true, monitor);
		String template;
		try (InputStream in = NewProjectWizard.class.getResourceAsStream("/templates/starter.cell")) {
			if (in == null) throw new IOException("the starter template is missing from the installation");
			template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		IFile starter = cells.getFile("starter.cell");
		write(starter, template.replace("${package}", packageName(name) + ".cells"), monitor);
		return starter;
	}

	/** A package name from a project name: lower case letters, digits and _, starting with a letter. */
	static String packageName(String project) {
		String p = project.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
		if (p.isEmpty() || !Character.isLetter(p.charAt(0))) p = "project" + (p.isEmpty() ? "" : "_" + p);
		return p;
	}

	private static void write(IFile f, String text, IProgressMonitor monitor) throws CoreException {
		f.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, monitor);
		f.setCharset("UTF-8", monitor);
	}
}
