package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.stack.StackView;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With CELLWRIGHT_SCREENSHOTS set to a folder (a developer's run under Xvfb, not CI): the screenshots of the README's
 * IDE section, taken from the running product with real input events (keyboard mnemonics, a right click):
 * ide-window-menu.png, ide-problems-warnings.png, ide-stack-context-menu.png.
 */
class DocsScreenshotsUITest {

	IWorkbenchPage page;
	Path dir;
	IFile halfCells;

	@BeforeEach
	void setUp() throws Exception {
		String d = System.getenv("CELLWRIGHT_SCREENSHOTS");
		if (d == null || d.isBlank()) return; // screenshots only when CELLWRIGHT_SCREENSHOTS names a folder
		dir = Path.of(d);
		Files.createDirectories(dir);
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		halfCells = any.getProject().getFile("sung2023/half-cells.cell");
		IdeUITest.waitForJobs();
		page.resetPerspective();
		Shell shell = page.getWorkbenchWindow().getShell();
		shell.setBounds(0, 0, 1400, 900);
		shell.forceActive();
		IDE.openEditor(page, halfCells, true);
		settle(1500);
	}

	@AfterEach
	void tearDown() {
		if (dir == null) return;
		key(SWT.ESC);
		key(SWT.ESC);
		settle(300);
		page.closeAllEditors(false);
	}

	static void settle(long ms) {
		Display d = Display.getCurrent();
		long until = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < until) if (!d.readAndDispatch()) try { Thread.sleep(10); } catch (InterruptedException e) { return; }
	}

	static void post(int type, int keyCode, char character, int button, int x, int y) {
		Event e = new Event();
		e.type = type;
		e.keyCode = keyCode;
		e.character = character;
		e.button = button;
		e.x = x;
		e.y = y;
		Display.getCurrent().post(e);
		settle(80);
	}

	static void key(int keyCode) {
		post(SWT.KeyDown, keyCode, (char) 0, 0, 0, 0);
		post(SWT.KeyUp, keyCode, (char) 0, 0, 0, 0);
	}

	static void type(char c) {
		post(SWT.KeyDown, 0, c, 0, 0, 0);
		post(SWT.KeyUp, 0, c, 0, 0, 0);
	}

	static org.eclipse.swt.widgets.Tree warnings(org.eclipse.swt.widgets.Control c) {
		if (c instanceof org.eclipse.swt.widgets.Tree t && t.getColumnCount() > 1 && t.getColumn(0).getText().equals("Description")
				&& t.getItemCount() > 0) return t;
		if (c instanceof org.eclipse.swt.widgets.Composite comp) for (var child : comp.getChildren()) {
			var t = warnings(child);
			if (t != null) return t;
		}
		return null;
	}

	void shot(String name) throws Exception {
		Shell shell = page.getWorkbenchWindow().getShell();
		Path file = dir.resolve(name);
		Screenshots.window(shell, file);
		assertTrue(Files.size(file) > 10_000, file + " holds a picture");
	}

	@Test
	void windowMenuWithShowView() throws Exception {
		if (dir == null) return;
		// Alt+W opens Window (its mnemonic), V opens Show View
		post(SWT.KeyDown, SWT.ALT, (char) 0, 0, 0, 0);
		type('w');
		post(SWT.KeyUp, SWT.ALT, (char) 0, 0, 0, 0);
		settle(600);
		type('v');
		settle(800);
		shot("ide-window-menu.png");
	}

	@Test
	void problemsViewWithWarnings() throws Exception {
		if (dir == null) return;
		IDE.openEditor(page, halfCells.getProject().getFile("sung2023/full-cells.cell"), true);
		IdeUITest.spin(() -> {
			try {
				return halfCells.getProject().findMarkers(IMarker.PROBLEM, true, 2).length >= 14;
			} catch (Exception e) {
				return false;
			}
		}, 30_000, "the examples' warnings");
		var problems = page.showView(IPageLayout.ID_PROBLEM_VIEW);
		page.activate(problems);
		settle(1500);
		// open the Warnings group as a click on its arrow does
		problems.setFocus();
		settle(300);
		key(SWT.HOME);
		key(SWT.ARROW_RIGHT); // the keyboard's way to open the selected group
		settle(1000);
		shot("ide-problems-warnings.png");
	}

	@Test
	void stackEditorContextMenu() throws Exception {
		if (dir == null) return;
		StackView view = (StackView) page.showView(StackView.ID);
		view.reparse();
		view.selectCell("Cell1");
		settle(800);
		var canvas = view.canvas();
		view.select(1);
		settle(300);
		var at = canvas.toDisplay(view.slabCenter(1), canvas.getSize().y / 2);
		// the view's own context menu, opened where a right click on the interlayer opens it
		canvas.getMenu().setLocation(at);
		canvas.getMenu().setVisible(true);
		settle(1000);
		shot("ide-stack-context-menu.png");
	}
}
