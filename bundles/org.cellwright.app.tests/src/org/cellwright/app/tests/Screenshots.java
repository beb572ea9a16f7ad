package org.cellwright.app.tests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;

/**
 * With CELLWRIGHT_SCREENSHOTS set to a folder (a developer's run under Xvfb, not CI): the workbench window with one
 * view maximized, saved as a PNG of the docs. Without it nothing happens.
 */
final class Screenshots {

	private Screenshots() {}

	static boolean enabled() {
		String d = System.getenv("CELLWRIGHT_SCREENSHOTS");
		return d != null && !d.isBlank();
	}

	/** The window with the view maximized, down to the bottom of the view; the view restored afterwards. */
	static void ofView(IViewPart view, String fileName) throws Exception {
		if (!enabled()) return;
		ofView(view, Path.of(System.getenv("CELLWRIGHT_SCREENSHOTS"), fileName));
	}

	/**
	 * The window at 1400 x 900 with the view maximized, down to the bottom of the view, saved as a PNG; then the view
	 * restored and the window given back the size and place it had (it stayed at 1400 x 900 for the tests after it).
	 */
	static void ofView(IViewPart view, Path file) throws Exception {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Shell shell = view.getSite().getShell();
		Rectangle was = shell.getBounds();
		IWorkbenchPage page = view.getSite().getPage();
		try {
			shell.setBounds(0, 0, 1400, 900);
			page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
			settle(1500);
			Rectangle r = shell.getBounds();
			int bottom = r.y + r.height - 30; // below, Xvfb leaves the unpainted status line black
			capture(shell.getDisplay(), new Rectangle(r.x, r.y, r.width, Math.min(r.height, bottom - r.y)), file);
		} finally {
			page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
			shell.setBounds(was);
		}
	}

	/** A shell (a dialog) as it is, saved as a PNG of the docs. */
	static void ofShell(Shell shell, String fileName) throws Exception {
		if (!enabled()) return;
		Path dir = Files.createDirectories(Path.of(System.getenv("CELLWRIGHT_SCREENSHOTS")));
		shell.forceActive();
		settle(1000);
		// the client area where it is on the screen (under Xvfb without a window manager a shell has no trim)
		org.eclipse.swt.graphics.Point at = shell.toDisplay(0, 0);
		Rectangle r = shell.getClientArea();
		capture(shell.getDisplay(), new Rectangle(at.x, at.y, r.width, r.height), dir.resolve(fileName));
	}

	/** The whole window of a shell as it is on the screen, saved as a PNG (for tests that always write theirs). */
	static void window(Shell shell, Path file) throws java.io.IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		capture(shell.getDisplay(), shell.getBounds(), file);
	}

	/** The window with a dialog over it (which may reach beyond the window): the screen's area of both, as a PNG. */
	static void windowWith(Shell window, Shell dialog, Path file) throws java.io.IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Rectangle both = window.getBounds().union(dialog.getBounds()).intersection(window.getDisplay().getBounds());
		capture(window.getDisplay(), both, file);
	}

	/** The screen's pixels in an area, saved as a PNG. */
	private static void capture(Display display, Rectangle area, Path file) {
		Image image = new Image(display, area.width, area.height);
		GC gc = new GC(display);
		gc.copyArea(image, area.x, area.y);
		gc.dispose();
		ImageLoader l = new ImageLoader();
		l.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
		l.save(file.toString(), SWT.IMAGE_PNG);
		image.dispose();
	}

	static void settle(long ms) throws InterruptedException {
		Display d = Display.getCurrent();
		long until = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < until) if (!d.readAndDispatch()) Thread.sleep(10);
	}
}
