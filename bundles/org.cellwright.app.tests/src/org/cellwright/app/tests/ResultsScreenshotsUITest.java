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
 * two run folders (ide-results-compare-runs-menu.png) and File > New > CellWright Project (ide-new-project.png), from
 * the running product. (The launch configuration dialog opened from a test did not show under Xvfb: its screenshot
 * is still the older one.)
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
		IFolder results = experiments.getProject().getFolder("results/sung2023/experiments.cell");
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
