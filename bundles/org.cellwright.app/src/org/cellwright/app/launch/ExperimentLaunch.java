package org.cellwright.app.launch;

import org.cellwright.app.ExperimentJob;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate;

/**
 * The launch configuration type "CellWright Experiment": a .cell file of the workspace and one of its experiments
 * (or all of them), run as an {@link ExperimentJob}.
 */
public class ExperimentLaunch implements ILaunchConfigurationDelegate {

	public static final String TYPE = "org.cellwright.app.experimentLaunch";
	/** Workspace path of the .cell file, e.g. {@code /examples/sung2023/experiments.cell}. */
	public static final String FILE = "org.cellwright.app.launch.file";
	/** Name of the experiment; empty for all experiments of the file. */
	public static final String EXPERIMENT = "org.cellwright.app.launch.experiment";

	/** The job last scheduled by a launch (for tests and the Results view). */
	private static volatile ExperimentJob lastJob;

	@Override
	public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor) throws CoreException {
		IFile file = file(configuration);
		ExperimentJob job = new ExperimentJob(file, configuration.getAttribute(EXPERIMENT, ""));
		lastJob = job;
		job.schedule();
	}

	/** The configuration's .cell file; a CoreException naming the configuration when it is missing. */
	public static IFile file(ILaunchConfiguration configuration) throws CoreException {
		String path = configuration.getAttribute(FILE, "");
		IResource r = path.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().findMember(path);
		if (!(r instanceof IFile f) || !"cell".equals(f.getFileExtension()))
			throw new CoreException(Status.error("Launch configuration '" + configuration.getName() + "': "
					+ (path.isEmpty() ? "no .cell file chosen" : path + " is not a .cell file in the workspace")));
		return f;
	}

	public static ExperimentJob lastJob() {
		return lastJob;
	}
}
