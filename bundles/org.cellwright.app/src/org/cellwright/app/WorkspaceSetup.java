package org.cellwright.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/**
 * First start on an empty workspace: imports the example cells (from the folder named by the system property
 * {@code cellwright.examples}, set by the launcher) into a project "examples", opens the first one and runs it.
 */
public final class WorkspaceSetup {

	public static final String EXAMPLES_PROJECT = "examples";

	private WorkspaceSetup() {}

	/**
	 * Called by the workbench advisor once the window is open. Everything slow runs in jobs, never on the UI thread
	 * (the first window stayed black for about 20 s while the examples were copied, the language's injector created
	 * and the first file parsed): a job makes the language services ready, another imports the examples; the editor
	 * opens on the UI thread only when its file exists and the services are ready, then the first run is scheduled.
	 */
	public static Job onStartup() {
		Job warmUp = Job.create("Starting the CellWright language", m -> {
			org.cellwright.editor.CellLanguage.injector();
		});
		warmUp.setSystem(true);
		warmUp.schedule();
		String dir = System.getProperty("cellwright.examples");
		if (dir == null || ResourcesPlugin.getWorkspace().getRoot().getProjects().length > 0) return warmUp;
		Job setup = new WorkspaceJob("Importing the CellWright examples") {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				IFile first;
				try {
					first = importExamples(Path.of(dir));
					warmUp.join();
				} catch (IOException e) {
					ILog.of(WorkspaceSetup.class).error("could not import the examples from " + dir, e);
					return Status.OK_STATUS;
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return Status.CANCEL_STATUS;
				}
				if (first != null && PlatformUI.isWorkbenchRunning()) {
					// a UI job (not a bare asyncExec): whoever waits for the start-up jobs also waits for the editor
					new org.eclipse.ui.progress.UIJob("Opening " + first.getName()) {
						@Override
						public IStatus runInUIThread(IProgressMonitor m) {
							open(first);
							new ExperimentJob(first).atStartup().schedule();
							return Status.OK_STATUS;
						}
					}.schedule();
				}
				return Status.OK_STATUS;
			}
		};
		setup.setRule(ResourcesPlugin.getWorkspace().getRoot());
		setup.schedule();
		return setup;
	}

	/**
	 * Copies the files below {@code examples} into the project: the .cell files and the data they read beside them
	 * (with its licence and source files); returns the .cell file to open first.
	 */
	public static IFile importExamples(Path examples) throws CoreException, IOException {
		// one workspace operation under the root's rule: the start-up job and a caller never interleave
		IFile[] first = new IFile[1];
		IOException[] failed = new IOException[1];
		ResourcesPlugin.getWorkspace().run(m -> {
			try {
				first[0] = doImport(examples);
			} catch (IOException e) {
				failed[0] = e;
			}
		}, ResourcesPlugin.getWorkspace().getRoot(), IResource.NONE, null);
		if (failed[0] != null) throw failed[0];
		return first[0];
	}

	private static IFile doImport(Path examples) throws CoreException, IOException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(EXAMPLES_PROJECT);
		if (!project.exists()) project.create(null);
		project.open(null);
		List<Path> files;
		try (Stream<Path> s = Files.walk(examples)) {
			// the .cell files and what they read beside them (an example's measured data with its licence); not hidden
			// files (a diagram's layout) nor the run folders a run from the command line leaves (results/)
			files = s.filter(Files::isRegularFile).filter(p -> !examples.relativize(p).toString().matches("(.*/)?(\\.[^/]*|results/.*)"))
					.sorted().toList();
		}
		IFile first = null;
		for (Path f : files) {
			Path rel = examples.relativize(f);
			IFile target = project.getFile(rel.toString());
			for (IResource parent = target.getParent(); parent instanceof IFolder folder && !folder.exists(); parent = parent.getParent())
				createFolders(folder);
			if (!target.exists()) {
				try (InputStream in = Files.newInputStream(f)) {
					target.create(in, true, null);
				}
			}
			if (!rel.toString().endsWith(".cell")) continue;
			if (first == null || rel.toString().equals(System.getProperty("cellwright.open", ""))) first = target;
		}
		return first;
	}

	private static void createFolders(IFolder folder) throws CoreException {
		if (folder.getParent() instanceof IFolder parent && !parent.exists()) createFolders(parent);
		if (!folder.exists()) folder.create(true, true, null);
	}

	static void open(IFile file) {
		var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0)
			window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
		if (window == null || window.getActivePage() == null) return;
		IWorkbenchPage page = window.getActivePage();
		try {
			IDE.openEditor(page, file, true);
		} catch (PartInitException e) {
			ILog.of(WorkspaceSetup.class).error("could not open " + file, e);
		}
	}
}
