package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.flush;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs' screenshots of a view leave the test workbench as they found it, for the tests after them. */
class ScreenshotsUITest {

	/**
	 * A view's screenshot (the window at 1400 x 900, the view maximized) gives the window back the size and place it had
	 * and the view its state. Before, the window stayed at 1400 x 900, so the tests after a screenshot saw a smaller
	 * window than the test workbench's (1600 px wide) whenever CELLWRIGHT_SCREENSHOTS was set.
	 */
	@Test
	void aViewsScreenshotGivesTheWindowBackTheSizeItHad(@TempDir Path dir) throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IViewPart view = page.showView(IPageLayout.ID_PROBLEM_VIEW);
		Shell shell = view.getSite().getShell();
		Rectangle was = shell.getBounds();
		try {
			shell.setBounds(20, 10, 1234, 876);
			flush();
			Rectangle before = shell.getBounds(); // as the window system gave it
			Path png = dir.resolve("problems.png");
			Screenshots.ofView(view, png);
			flush();
			ImageData shot = new ImageLoader().load(png.toString())[0];
			assertEquals(1400, shot.width, "the screenshot is of the window at the docs' width");
			assertEquals(before, shell.getBounds(), "the window's size and place as before the screenshot");
			assertEquals(IWorkbenchPage.STATE_RESTORED, page.getPartState(page.getReference(view)), "the view restored");
		} finally {
			shell.setBounds(was);
			flush();
		}
	}
}
