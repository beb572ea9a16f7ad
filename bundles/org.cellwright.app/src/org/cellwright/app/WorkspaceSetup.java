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

	static void onStartup() {
		String dir = System.getProperty("cellwright.examples");
		if (dir == null || ResourcesPlugin.getWorkspace().getRoot().getProjects().length > 0) return;
		try {
			IFile first = importExamples(Path.of(dir));
			if (first != null) {
				open(first);
				new ExperimentJob(first).schedule();
			}
		} catch (CoreException | IOException e) {
			ILog.of(WorkspaceSetup.class).error("could not import the examples from " + dir, e);
		}
	}

	/** Copies the .cell files below {@code examples} into the project; returns the file to open first. */
	public static IFile importExamples(Path examples) throws CoreException, IOException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(EXAMPLES_PROJECT);
		if (!project.exists()) project.create(null);
		project.open(null);
		List<Path> files;
		try (Stream<Path> s = Files.walk(examples)) {
			files = s.filter(p -> p.toString().endsWith(".cell")).sorted().toList();
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
			if (first == null || rel.toString().equals(System.getProperty("cellwright.open", ""))) first = target;
		}
		return first;
	}

	private static void createFolders(IFolder folder) throws CoreException {
		if (folder.getParent() instanceof IFolder parent && !parent.exists()) createFolders(parent);
		if (!folder.exists()) folder.create(true, true, null);
	}

	static void open(IFile file) {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		try {
			IDE.openEditor(page, file, true);
		} catch (PartInitException e) {
			ILog.of(WorkspaceSetup.class).error("could not open " + file, e);
		}
	}
}
