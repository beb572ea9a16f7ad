package org.cellwright.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextHoverExtension2;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension2;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.editors.text.EditorsUI;

/**
 * The .cell editor's one text hover: on a problem its messages (the document's latest validation: {@link #problems}),
 * elsewhere what {@link CellHover} tells (a material's
 * properties, a unit's SI value). Both are shown in the platform's {@link DefaultInformationControl}, which wraps the
 * text at the hover's width: at most {@value #MAX_WIDTH_CHARS} average characters (and never wider than half the
 * window), at most the viewer's 12 lines high (more with F2, scrollable). The generic editor's own marker hover puts
 * each message on one unwrapped line, so a long message ran past the window's edge; it is replaced on the viewer by
 * this hover ({@link #installOn}).
 */
public class CellTextHover implements ITextHover, ITextHoverExtension, ITextHoverExtension2 {

	/** The widest hover, in average characters of the dialog font. */
	public static final int MAX_WIDTH_CHARS = 80;

	private final CellHover model = new CellHover();

	/**
	 * Makes this the viewer's hover for every content type of its document. Called when the generic editor installs
	 * the language's reconciler on the viewer; the editor sets its own (composite) hovers after its reconcilers, so this
	 * runs once the viewer is configured.
	 */
	static void installOn(ITextViewer viewer) {
		StyledText widget = viewer.getTextWidget();
		if (widget == null || widget.isDisposed()) return;
		widget.getDisplay().asyncExec(() -> {
			if (widget.isDisposed() || !(viewer instanceof ITextViewerExtension2 v2)) return;
			IDocument doc = viewer.getDocument();
			String[] types = doc == null ? new String[] { IDocument.DEFAULT_CONTENT_TYPE } : doc.getLegalContentTypes();
			CellTextHover hover = new CellTextHover();
			for (String type : types) v2.setTextHover(hover, type, ITextViewerExtension2.DEFAULT_HOVER_STATE_MASK);
		});
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		Position p = null;
		for (Problem problem : problems(viewer, offset)) // the span all problems there share
			p = p == null ? problem.position
					: new Position(Math.max(p.offset, problem.position.offset),
							Math.max(0, Math.min(p.offset + p.length, problem.position.offset + problem.position.length) - Math.max(p.offset, problem.position.offset)));
		return p != null ? new Region(p.offset, p.length) : model.getHoverRegion(viewer, offset);
	}

	@Override
	public Object getHoverInfo2(ITextViewer viewer, IRegion region) {
		return getHoverInfo(viewer, region);
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		List<Problem> problems = problems(viewer, region.getOffset());
		if (!problems.isEmpty()) {
			StringBuilder b = new StringBuilder();
			for (Problem p : problems) {
				if (b.length() > 0) b.append("<br>");
				b.append("<b>").append(p.severity).append("</b>: ").append(html(p.message));
			}
			return b.toString();
		}
		String info = model.getHoverInfo(viewer, region);
		return info == null ? null : html(info);
	}

	/** The hover's text as the platform's HTML presenter reads it: escaped, line breaks and indentation kept. */
	static String html(String text) {
		StringBuilder b = new StringBuilder();
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) b.append("<br>");
			String line = lines[i];
			int indent = 0;
			while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) indent++;
			b.append("&#160;".repeat(indent));
			b.append(line.substring(indent).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
		}
		return b.toString();
	}

	record Problem(Position position, String severity, String message) {}

	/**
	 * The problems whose spans cover the offset: the document's latest validation ({@link EditingSession#validation()}:
	 * the validation reconciler's issues of the one parse of the text, which its markers are made from), in the
	 * validator's order. Read from the markers' annotations before, the hover met a moment without the problem while a
	 * re-validation replaced its marker (deleted, then made again) and showed the unit's own text instead (CI, twice).
	 */
	static List<Problem> problems(ITextViewer viewer, int offset) {
		List<Problem> out = new ArrayList<>();
		IDocument document = viewer == null ? null : viewer.getDocument();
		EditingSession session = EditingSession.existing(document);
		EditingSession.Validation validation = session == null ? null : session.validation();
		if (validation == null) return out;
		for (EditingSession.Problem p : validation.problems(document.get())) {
			if (offset < p.offset() || offset > p.offset() + p.length()) continue;
			String word = switch (p.severity()) {
				case ERROR -> "Error";
				case WARNING -> "Warning";
				default -> "Info";
			};
			out.add(new Problem(new Position(p.offset(), p.length()), word, p.message() == null ? "" : p.message()));
		}
		return out;
	}

	@Override
	public IInformationControlCreator getHoverControlCreator() {
		return parent -> new WrappingControl(parent);
	}

	/** The platform's information control (HTML presenter: wraps at the width it is given), given at most our width. */
	static final class WrappingControl extends DefaultInformationControl {

		WrappingControl(Shell parent) {
			super(parent, EditorsUI.getTooltipAffordanceString());
		}

		@Override
		public void setSizeConstraints(int maxWidth, int maxHeight) {
			GC gc = new GC(getShell());
			gc.setFont(JFaceResources.getDialogFont());
			int chars = (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth() * MAX_WIDTH_CHARS);
			gc.dispose();
			int width = Math.min(maxWidth, chars);
			Shell window = getShell().getParent() instanceof Shell s ? s : null;
			if (window != null && !window.isDisposed() && window.getBounds().width > 0) width = Math.min(width, window.getBounds().width / 2);
			super.setSizeConstraints(width, maxHeight);
		}
	}
}
