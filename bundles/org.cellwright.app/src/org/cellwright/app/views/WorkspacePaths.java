package org.cellwright.app.views;

import java.nio.file.Path;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;

/** Folders on disk named as the workspace names them, for the views' header lines. */
public final class WorkspacePaths {

	private WorkspacePaths() {}

	/**
	 * A folder as the workspace names it (/project/results/f/K/20261205-...), as an Eclipse user reads a path; one
	 * outside the workspace as it is on disk. The Fit Report's and the Sweep view's header lines showed the absolute path
	 * on disk (the docs' picture of the Fit Report the test workspace's /tmp/... folder).
	 */
	public static String of(Path folder) {
		for (IContainer c : ResourcesPlugin.getWorkspace().getRoot().findContainersForLocationURI(folder.toUri()))
			if (c.getType() != IResource.ROOT) return c.getFullPath().toString();
		return folder.toString();
	}

	/**
	 * A file on disk as the workspace names it (/examples/sung2023/kim2025.cell); one outside the workspace as it is
	 * on disk. The Checks tab named an expect clause's file by its absolute path on disk.
	 */
	public static String ofFile(Path file) {
		for (org.eclipse.core.resources.IFile f : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toUri()))
			return f.getFullPath().toString();
		return file.toString();
	}
}
