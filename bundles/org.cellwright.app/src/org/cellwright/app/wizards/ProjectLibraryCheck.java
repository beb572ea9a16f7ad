package org.cellwright.app.wizards;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.editor.CellValidationReconciler;
import org.cellwright.sharing.library.LibraryException;
import org.cellwright.lang.library.ContributedLibraries;
import org.cellwright.sharing.library.LibraryPath;
import org.cellwright.sharing.library.ProjectDescriptor;
import org.cellwright.sharing.library.Resolution;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IStartup;

/**
 * Checks the libraries a project declares in cellwright-project.json against the installed ones (those contributed by
 * bundles through org.cellwright.lang.libraries, then the library path:
 * $CELLWRIGHT_LIBRARY_PATH, then ~/.cellwright/libraries): a library that is missing or not there in a fitting
 * version is an error marker on its line, naming the library, the wanted and the found versions. Runs at start-up,
 * when a project file changes and after a library archive is installed.
 */
public final class ProjectLibraryCheck implements IResourceChangeListener, IStartup {

	public static final Object FAMILY = ProjectLibraryCheck.class;
	private static ProjectLibraryCheck installed;

	public static synchronized void install() {
		if (installed != null) return;
		installed = new ProjectLibraryCheck();
		ResourcesPlugin.getWorkspace().addResourceChangeListener(installed, IResourceChangeEvent.POST_CHANGE);
	}

	@Override
	public void earlyStartup() {
		install();
		schedule(null);
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		if (event.getDelta() == null) return;
		List<IFile> changed = new ArrayList<>();
		try {
			event.getDelta().accept(d -> {
				if (d.getResource() instanceof IFile f && ProjectDescriptor.FILE.equals(f.getName()) && d.getKind() != IResourceDelta.REMOVED
						&& (d.getKind() == IResourceDelta.ADDED || (d.getFlags() & IResourceDelta.CONTENT) != 0))
					changed.add(f);
				return true;
			});
		} catch (CoreException e) {
			return;
		}
		if (!changed.isEmpty()) schedule(changed);
	}

	/** Checks these project files (all of the workspace when null) in a background job. */
	public static void schedule(List<IFile> files) {
		Job job = new Job("Checking the libraries of the projects") {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				for (IFile f : files == null ? projectFiles() : files) check(f);
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	/** Every cellwright-project.json of the workspace. */
	public static List<IFile> projectFiles() {
		List<IFile> out = new ArrayList<>();
		try {
			ResourcesPlugin.getWorkspace().getRoot().accept(r -> {
				if (r instanceof IFile f && ProjectDescriptor.FILE.equals(f.getName())) out.add(f);
				return !r.isDerived();
			});
		} catch (CoreException e) {
			// a workspace that cannot be walked has nothing to check
		}
		return out;
	}

	/** Replaces the file's markers by its library problems; returns their messages. */
	public static List<String> check(IFile file) {
		List<String> messages = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		if (file.exists() && file.getLocation() != null) {
			Path path = file.getLocation().toFile().toPath();
			try {
				ProjectDescriptor p = ProjectDescriptor.read(path);
				Resolution r = Resolution.resolve(p.libraries(), ProjectDescriptor.FILE, LibraryPath.standard(ContributedLibraries.folders()));
				for (Resolution.Problem problem : r.problems()) {
					messages.add(problem.message());
					lines.add(p.line(problem.library()));
				}
			} catch (LibraryException e) {
				messages.add(e.getMessage().replace(path + ":", "").replaceFirst("^\\d+:\\d+: error: ", ""));
				lines.add(lineOf(e.getMessage(), path.toString()));
			}
		}
		try {
			ResourcesPlugin.getWorkspace().run(m -> {
				if (!file.exists()) return;
				file.deleteMarkers(CellValidationReconciler.MARKER_TYPE, false, IResource.DEPTH_ZERO);
				for (int i = 0; i < messages.size(); i++) {
					// all attributes at once: a reader never sees a marker without its message or line
					file.createMarker(CellValidationReconciler.MARKER_TYPE, java.util.Map.of(IMarker.MESSAGE, messages.get(i),
							IMarker.SEVERITY, IMarker.SEVERITY_ERROR, IMarker.LINE_NUMBER, lines.get(i)));
				}
			}, file, IResource.NONE, null);
		} catch (CoreException e) {
			// markers are a convenience
		}
		return messages;
	}

	private static int lineOf(String message, String path) {
		var m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(path) + ":(\\d+):").matcher(message);
		return m.find() ? Integer.parseInt(m.group(1)) : 1;
	}
}
