package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.app.WorkspaceSetup;
import org.eclipse.core.resources.IFile;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With CELLWRIGHT_SCREENSHOTS set to a folder (a developer's run under Xvfb, not CI): a screenshot of every menu of the
 * menu bar, opened by its mnemonic as a user does (Alt+F, Alt+E, Alt+R, Alt+W, Alt+H): docs/ide-menu-*.png; the dialog
 * of Run > Run Configurations...: docs/ide-results-launch-configuration.png.
 */
class MenuScreenshotsUITest {

	IWorkbenchPage page;
	Path dir;
	IFile examples;

	@BeforeEach
	void setUp() throws Exception {
		String d = System.getenv("CELLWRIGHT_SCREENSHOTS");
		if (d == null || d.isBlank()) return;
		dir = Path.of(d);
		Files.createDirectories(dir);
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		examples = any;
		IdeUITest.waitForJobs();
		page.resetPerspective();
		Shell shell = page.getWorkbenchWindow().getShell();
		shell.setBounds(0, 0, 1400, 900);
		shell.forceActive();
		IDE.openEditor(page, any.getProject().getFile("baseline-halfcell.cell"), true);
		DocsScreenshotsUITest.settle(1500);
	}

	@AfterEach
	void tearDown() {
		if (dir == null) return;
		DocsScreenshotsUITest.key(SWT.ESC);
		DocsScreenshotsUITest.key(SWT.ESC);
		DocsScreenshotsUITest.settle(300);
		page.closeAllEditors(false);
	}

	@Test void fileMenu() throws Exception { menu('f', "ide-menu-file.png"); }

	@Test void editMenu() throws Exception { menu('e', "ide-menu-edit.png"); }

	@Test void runMenu() throws Exception { menu('r', "ide-menu-run.png"); }

	@Test void windowMenu() throws Exception { menu('w', "ide-menu-window.png"); }

	@Test void helpMenu() throws Exception { menu('h', "ide-menu-help.png"); }

	void menu(char mnemonic, String name) throws Exception {
		if (dir == null) return;
		DocsScreenshotsUITest.post(SWT.KeyDown, SWT.ALT, (char) 0, 0, 0, 0);
		DocsScreenshotsUITest.type(mnemonic);
		DocsScreenshotsUITest.post(SWT.KeyUp, SWT.ALT, (char) 0, 0, 0, 0);
		DocsScreenshotsUITest.settle(1000);
		Shell shell = page.getWorkbenchWindow().getShell();
		Path file = dir.resolve(name);
		Screenshots.window(shell, file);
		assertTrue(Files.size(file) > 10_000, file + " holds a picture");
	}

	/**
	 * Run > Run Configurations... opened through the menu bar by its mnemonics (Alt+R, C), as a user opens it: the
	 * dialog is modal, so what follows runs in its event loop (a timer): the saved configuration that runs
	 * InterlayerHalfCell is selected in the dialog's tree, the window photographed with the dialog over it, the dialog
	 * closed.
	 */
	@Test
	void runConfigurationsDialog() throws Exception {
		if (dir == null) return;
		var lm = org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager();
		var type = lm.getLaunchConfigurationType(org.cellwright.app.launch.ExperimentLaunch.TYPE);
		for (var c : lm.getLaunchConfigurations(type)) if (c.getName().equals("InterlayerHalfCell")) c.delete();
		var wc = type.newInstance(null, "InterlayerHalfCell");
		IFile experiments = examples.getProject().getFile("sung2023/experiments.cell");
		wc.setAttribute(org.cellwright.app.launch.ExperimentLaunch.FILE, experiments.getFullPath().toString());
		wc.setAttribute(org.cellwright.app.launch.ExperimentLaunch.EXPERIMENT, "InterlayerHalfCell");
		wc.setMappedResources(new org.eclipse.core.resources.IResource[] {experiments});
		var config = wc.doSave();
		IDE.openEditor(page, experiments, true);
		DocsScreenshotsUITest.settle(1000);
		Shell window = page.getWorkbenchWindow().getShell();
		org.eclipse.swt.widgets.Display display = window.getDisplay();
		boolean[] shown = {false};
		Throwable[] failed = {null};
		Runnable[] poll = new Runnable[1];
		long until = System.currentTimeMillis() + 30_000;
		poll[0] = () -> {
			Shell dialog = java.util.Arrays.stream(display.getShells())
					.filter(s -> s != window && s.isVisible() && s.getText().contains("Configurations")).findFirst().orElse(null);
			if (dialog == null) {
				if (System.currentTimeMillis() < until) display.timerExec(200, poll[0]);
				else System.err.println("no dialog among the shells: " + java.util.Arrays.stream(display.getShells()).map(s -> s.getText() + (s.isVisible() ? "" : " (hidden)")).toList());
				return;
			}
			try {
				org.eclipse.swt.widgets.Tree tree = org.cellwright.testing.ui.Widgets.tree(dialog);
				assertNotNull(tree, "the configurations' tree");
				for (var typeItem : tree.getItems()) {
					if (!typeItem.getText().equals("CellWright Experiment")) continue;
					typeItem.setExpanded(true);
					for (var item : typeItem.getItems())
						if (item.getText().equals(config.getName())) {
							tree.setSelection(item);
							org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
							e.item = item;
							tree.notifyListeners(SWT.Selection, e);
						}
				}
				DocsScreenshotsUITest.settle(1500);
				Screenshots.windowWith(window, dialog, dir.resolve("ide-results-launch-configuration.png"));
				shown[0] = true;
			} catch (Exception | AssertionError e) {
				failed[0] = e;
			} finally {
				dialog.close();
			}
		};
		display.timerExec(200, poll[0]);
		DocsScreenshotsUITest.post(SWT.KeyDown, SWT.ALT, (char) 0, 0, 0, 0);
		DocsScreenshotsUITest.type('r');
		DocsScreenshotsUITest.post(SWT.KeyUp, SWT.ALT, (char) 0, 0, 0, 0);
		DocsScreenshotsUITest.settle(600);
		DocsScreenshotsUITest.type('c'); // Run &Configurations...: the dialog's own event loop runs until the timer closes it
		IdeUITest.spin(() -> shown[0] || failed[0] != null || System.currentTimeMillis() > until, 40_000, "the dialog");
		if (failed[0] instanceof Exception e) throw e;
		if (failed[0] instanceof AssertionError e) throw e;
		assertTrue(shown[0], "Run > Run Configurations... opened the dialog");
		config.delete();
	}
}
