package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.app.WorkspaceSetup;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With CELLWRIGHT_SCREENSHOTS set to a folder (a developer's run under Xvfb, not CI): the Compare Runs context menu on
 * two run folders (ide-results-compare-runs-menu.png) and the CellWright Experiment launch configuration
 * (ide-results-launch-configuration.png), from the running product.
 */
class ResultsScreenshotsUITest {

	IWorkbenchPage page;
	IFile experiments;

	@BeforeEach
	void setUp() throws Exception {
		if (!Screenshots.enabled()) return;
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		experiments = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples"))).getProject()
				.getFile("sung2023/experiments.cell");
		IdeUITest.waitForJobs();
		page.resetPerspective();
		Shell shell = page.getWorkbenchWindow().getShell();
		shell.setBounds(0, 0, 1400, 900);
		shell.forceActive();
		org.eclipse.ui.ide.IDE.openEditor(page, experiments, true);
		DocsScreenshotsUITest.settle(1000);
	}

	@AfterEach
	void tearDown() {
		if (page == null) return;
		for (Shell s : Display.getCurrent().getShells()) if (s != page.getWorkbenchWindow().getShell() && !s.isDisposed()) s.close();
		DocsScreenshotsUITest.settle(300);
		page.closeAllEditors(false);
	}

	@Test
	void compareRunsMenuOnTwoRunFolders() throws Exception {
		if (!Screenshots.enabled()) return;
		RunsViewUITest.run(experiments, "BareHalfCell");
		RunsViewUITest.run(experiments, "InterlayerHalfCell");
		IFolder results = experiments.getProject().getFolder("results/experiments");
		CommonNavigator explorer = (CommonNavigator) page.showView("org.eclipse.ui.navigator.ProjectExplorer");
		var viewer = explorer.getCommonViewer();
		var runs = new StructuredSelection(new Object[] { results.getFolder("BareHalfCell"), results.getFolder("InterlayerHalfCell") });
		viewer.setSelection(runs, true);
		DocsScreenshotsUITest.settle(800);
		var tree = viewer.getTree();
		assertEquals(2, tree.getSelection().length, "two run folders selected");
		var item = tree.getSelection()[1];
		var at = tree.toDisplay(item.getBounds().x + 20, item.getBounds().y + item.getBounds().height / 2);
		tree.getMenu().setLocation(at);
		tree.getMenu().setVisible(true);
		DocsScreenshotsUITest.settle(1000);
		assertTrue(java.util.Arrays.stream(tree.getMenu().getItems()).anyMatch(i -> i.getText().replace("&", "").equals("Compare Runs")),
				"Compare Runs in the context menu");
		Path file = Path.of(System.getenv("CELLWRIGHT_SCREENSHOTS"), "ide-results-compare-runs-menu.png");
		Screenshots.window(page.getWorkbenchWindow().getShell(), file);
		tree.getMenu().setVisible(false);
		assertTrue(Files.size(file) > 10_000);
	}

	@Test
	void launchConfigurationOfAnExperiment() throws Exception {
		if (!Screenshots.enabled()) return;
		var manager = org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager();
		var type = manager.getLaunchConfigurationType(org.cellwright.app.launch.ExperimentLaunch.TYPE);
		var wc = type.newInstance(null, "InterlayerHalfCell");
		wc.setAttribute(org.cellwright.app.launch.ExperimentLaunch.FILE, experiments.getFullPath().toString());
		wc.setAttribute(org.cellwright.app.launch.ExperimentLaunch.EXPERIMENT, "InterlayerHalfCell");
		var config = wc.doSave();
		try {
			Shell window = page.getWorkbenchWindow().getShell();
			// the dialog is modal: it is opened later on the UI thread, and photographed from the event loop it runs
			Display.getCurrent().asyncExec(() -> org.eclipse.debug.ui.DebugUITools.openLaunchConfigurationDialog(window,
					new StructuredSelection(config), org.eclipse.debug.ui.IDebugUIConstants.ID_RUN_LAUNCH_GROUP));
			Path file = Path.of(System.getenv("CELLWRIGHT_SCREENSHOTS"), "ide-results-launch-configuration.png");
			boolean[] taken = { false };
			Runnable[] photograph = new Runnable[1];
			long until = System.currentTimeMillis() + 60_000;
			// once the dialog is up (it takes a while to build its tree and tabs), then closed again
			photograph[0] = () -> {
				var dialog = java.util.Arrays.stream(Display.getCurrent().getShells()).filter(s -> s != window && s.isVisible()).findFirst();
				if (dialog.isEmpty() && System.currentTimeMillis() < until) {
					Display.getCurrent().timerExec(500, photograph[0]);
					return;
				}
				Display.getCurrent().timerExec(1500, () -> {
					try {
						Screenshots.window(window, file);
					} catch (java.io.IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
					taken[0] = dialog.isPresent();
					for (Shell s : Display.getCurrent().getShells()) if (s != window) s.close();
				});
			};
			Display.getCurrent().timerExec(500, photograph[0]);
			IdeUITest.spin(() -> taken[0], 90_000, "the launch configuration dialog photographed");
			assertTrue(Files.size(file) > 10_000);
		} finally {
			config.delete();
		}
	}

	/** File > New > CellWright Project: the wizard's page, photographed from the event loop its dialog runs. */
	@Test
	void newProjectWizard() throws Exception {
		if (!Screenshots.enabled()) return;
		Shell window = page.getWorkbenchWindow().getShell();
		var descriptor = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard("org.cellwright.app.wizards.newProject");
		assertNotNull(descriptor, "the CellWright Project wizard");
		var wizard = (org.eclipse.ui.INewWizard) descriptor.createWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		Path file = Path.of(System.getenv("CELLWRIGHT_SCREENSHOTS"), "ide-new-project.png");
		boolean[] taken = { false };
		Display.getCurrent().asyncExec(() -> new org.eclipse.jface.wizard.WizardDialog(window, wizard).open());
		Display.getCurrent().timerExec(3000, () -> {
			try {
				Screenshots.window(window, file);
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			taken[0] = true;
			for (Shell s : Display.getCurrent().getShells()) if (s != window) s.close();
		});
		IdeUITest.spin(() -> taken[0], 60_000, "the wizard photographed");
		assertTrue(Files.size(file) > 10_000);
	}
}
