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
 * menu bar, opened by its mnemonic as a user does (Alt+F, Alt+E, Alt+R, Alt+W, Alt+H): docs/ide-menu-*.png.
 */
class MenuScreenshotsUITest {

	IWorkbenchPage page;
	Path dir;

	@BeforeEach
	void setUp() throws Exception {
		String d = System.getenv("CELLWRIGHT_SCREENSHOTS");
		if (d == null || d.isBlank()) return;
		dir = Path.of(d);
		Files.createDirectories(dir);
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
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
}
