package org.cellwright.editor.draw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * A drawing view's export to a file: the Export... action (SVG or PNG, by the name the user gives) and the PNG picture
 * painted off screen. One owner for the stack diagram and the protocol time line.
 */
public final class DrawingExport {

	/** What a drawing view exports: the same drawing as on the screen, at any size. */
	public interface Exportable {
		/** The drawing as an SVG document of {@code width} x {@code height}. */
		String svg(int width, int height);

		/** Paints the drawing into a PNG file of {@code width} x {@code height}. */
		void exportPng(Path file, int width, int height);
	}

	/** The exported drawing's size (pixels). */
	static final int WIDTH = 1400, HEIGHT = 500;

	private DrawingExport() {
	}

	/**
	 * Asks for a file (SVG, or PNG when its name ends in .png; .svg is added to a name without it) and writes the drawing
	 * there; a failure goes to {@code failed} as "Not exported to FILE: why".
	 *
	 * @param name the file name offered, without its ending
	 */
	public static void ask(Shell shell, String name, Exportable drawing, Consumer<String> failed) {
		FileDialog d = new FileDialog(shell, SWT.SAVE);
		d.setFilterExtensions(new String[] { "*.svg", "*.png" });
		d.setFilterNames(new String[] { "SVG drawing (*.svg)", "PNG picture (*.png)" });
		d.setOverwrite(true);
		d.setFileName(name + ".svg");
		String f = d.open();
		if (f == null) return;
		try {
			if (f.toLowerCase().endsWith(".png")) drawing.exportPng(Path.of(f), WIDTH, HEIGHT);
			else Files.writeString(Path.of(f.toLowerCase().endsWith(".svg") ? f : f + ".svg"), drawing.svg(WIDTH, HEIGHT));
		} catch (IOException | RuntimeException e) {
			failed.accept("Not exported to " + f + ": " + e.getMessage());
		}
	}

	/** Paints onto an off-screen image of {@code width} x {@code height} and writes it as a PNG file. */
	public static void writePng(Display display, int width, int height, Consumer<GC> paint, Path file) {
		Image img = new Image(display, width, height);
		GC gc = new GC(img);
		try {
			paint.accept(gc);
		} finally {
			gc.dispose();
		}
		ImageData data = img.getImageData();
		img.dispose();
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { data };
		loader.save(file.toString(), SWT.IMAGE_PNG);
	}
}
