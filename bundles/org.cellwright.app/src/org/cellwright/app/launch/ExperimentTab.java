package org.cellwright.app.launch;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.run.CellFiles;
import org.cellwright.model.Experiment;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;

/** Chooses the .cell file (workspace path) and one of its experiments, or all. */
public class ExperimentTab extends AbstractLaunchConfigurationTab {

	static final String ALL = "(all experiments)";
	private Text file;
	private Combo experiment;
	private String loadedFor;

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(3, false));
		new Label(c, SWT.NONE).setText(".cell file:");
		file = new Text(c, SWT.BORDER);
		file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		file.addModifyListener(e -> {
			fillExperiments(experiment.getText());
			updateLaunchConfigurationDialog();
		});
		Button browse = new Button(c, SWT.PUSH);
		browse.setText("Browse...");
		browse.addListener(SWT.Selection, e -> {
			FilteredResourcesSelectionDialog d = new FilteredResourcesSelectionDialog(getShell(), false,
					ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
			d.setTitle("Choose a .cell file");
			d.setInitialPattern("*.cell");
			if (d.open() == 0 && d.getFirstResult() instanceof IFile f)
				file.setText(f.getFullPath().toString());
		});
		new Label(c, SWT.NONE).setText("Experiment:");
		experiment = new Combo(c, SWT.DROP_DOWN | SWT.READ_ONLY);
		experiment.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		experiment.addListener(SWT.Selection, e -> updateLaunchConfigurationDialog());
		setControl(c);
	}

	/**
	 * The experiments of the chosen file, from the language's model of it (nothing when it does not load; read again
	 * only when the file changed), with {@code select} selected (all experiments when the file has no such experiment).
	 */
	private void fillExperiments(String select) {
		String path = file.getText().strip();
		if (!path.equals(loadedFor)) {
			loadedFor = path;
			List<String> names = new ArrayList<>();
			names.add(ALL);
			if (ResourcesPlugin.getWorkspace().getRoot().findMember(path) instanceof IFile f && "cell".equals(f.getFileExtension())
					&& f.getLocation() != null) {
				CellFiles loaded = CellFiles.load(CellFiles.withSiblings(f.getLocation().toFile().toPath()));
				for (Experiment x : loaded.experiments(null)) names.add(x.getName());
			}
			experiment.setItems(names.toArray(String[]::new));
		}
		int i = experiment.indexOf(select == null || select.isEmpty() ? ALL : select);
		experiment.select(Math.max(i, 0));
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		// a new configuration starts from the .cell file selected in the workbench, if any
		IResource selected = org.eclipse.debug.ui.DebugUITools.getSelectedResource();
		configuration.setAttribute(ExperimentLaunch.FILE,
				selected instanceof IFile f && "cell".equals(f.getFileExtension()) ? f.getFullPath().toString() : "");
		configuration.setAttribute(ExperimentLaunch.EXPERIMENT, "");
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			String x = configuration.getAttribute(ExperimentLaunch.EXPERIMENT, "");
			loadedFor = null;
			file.setText(configuration.getAttribute(ExperimentLaunch.FILE, ""));
			fillExperiments(x);
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(ExperimentLaunch.FILE, file.getText().strip());
		String x = experiment.getText();
		configuration.setAttribute(ExperimentLaunch.EXPERIMENT, x.equals(ALL) ? "" : x);
	}

	@Override
	public boolean isValid(ILaunchConfiguration configuration) {
		setErrorMessage(null);
		String path = file.getText().strip();
		if (path.isEmpty()) {
			setErrorMessage("Choose a .cell file");
			return false;
		}
		if (!(ResourcesPlugin.getWorkspace().getRoot().findMember(path) instanceof IFile f) || !"cell".equals(f.getFileExtension())) {
			setErrorMessage(path + " is not a .cell file in the workspace");
			return false;
		}
		return true;
	}

	@Override
	public String getName() {
		return "Experiment";
	}
}
