package org.cellwright.app.launch;

import org.cellwright.app.ExperimentJob;
import org.cellwright.app.SaveBeforeRun;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate2;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * The launch configuration type "CellWright Experiment": a .cell file of the workspace and one of its experiments
 * (or all of them), run as an {@link ExperimentJob}. Every launch of it (Run in Run Configurations..., Run As, the
 * toolbar's Run and its history, Run Last Launched) first saves the changed editors the run needs, asking unless the
 * preference says always ({@link SaveBeforeRun}, as Run Experiments does): the run reads the saved file. Before session
 * 30 only Run As asked; the other launches ran the file as last saved without a word.
 */
public class ExperimentLaunch implements ILaunchConfigurationDelegate2 {

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

	/**
	 * Before every launch: the changed editors of the configuration's file and of its project's other .cell files saved
	 * ({@link SaveBeforeRun#save}, on the UI thread: launches run in a job); false (nothing runs, the editors stay
	 * changed) when the user cancels. A configuration naming no .cell file is refused by {@link #launch}, as before.
	 */
	@Override
	public boolean preLaunchCheck(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) throws CoreException {
		IFile file;
		try {
			file = file(configuration);
		} catch (CoreException e) {
			return true; // launch() says what is wrong with the configuration
		}
		if (!PlatformUI.isWorkbenchRunning()) return true;
		Display display = PlatformUI.getWorkbench().getDisplay();
		boolean[] save = { false };
		display.syncExec(() -> {
			var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			var shell = window != null ? window.getShell() : display.getActiveShell();
			save[0] = SaveBeforeRun.save(shell, file);
		});
		return save[0];
	}

	@Override
	public ILaunch getLaunch(ILaunchConfiguration configuration, String mode) {
		return null; // the platform's launch
	}

	@Override
	public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
		return false; // nothing to build: the run reads the .cell files
	}

	@Override
	public boolean finalLaunchCheck(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
		return true;
	}

	public static ExperimentJob lastJob() {
		return lastJob;
	}
}
