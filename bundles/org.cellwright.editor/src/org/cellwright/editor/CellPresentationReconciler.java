package org.cellwright.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

/**
 * Syntax colouring of .cell files in the generic editor. A change recolours the lines it touches; only a change that
 * adds or removes a string or comment delimiter (which can change the colour of everything after it) recolours to the
 * end of the file. (Recolouring the whole file on every key press stalled typing in files of thousands of lines.)
 */
public class CellPresentationReconciler extends PresentationReconciler {

	public CellPresentationReconciler() {
		DefaultDamagerRepairer dr = new LineDamagerRepairer();
		setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
	}

	static final class LineDamagerRepairer extends DefaultDamagerRepairer {
		/** Whether the text about to be replaced holds a delimiter (the event only tells the new text). */
		private boolean removedDelimiter;
		private IDocument listened;
		private final IDocumentListener listener = new IDocumentListener() {
			@Override
			public void documentAboutToBeChanged(DocumentEvent e) {
				try {
					removedDelimiter = e.getLength() > 0 && hasDelimiter(e.getDocument().get(e.getOffset(), e.getLength()));
				} catch (BadLocationException x) {
					removedDelimiter = true;
				}
			}

			@Override
			public void documentChanged(DocumentEvent e) {}
		};

		LineDamagerRepairer() {
			super(new CellTokenScanner());
		}

		static boolean hasDelimiter(String s) {
			return s != null && (s.indexOf('"') >= 0 || s.indexOf('\'') >= 0 || s.indexOf('/') >= 0 || s.indexOf('*') >= 0);
		}

		@Override
		public void setDocument(IDocument document) {
			if (listened != null) listened.removeDocumentListener(listener);
			super.setDocument(document);
			listened = document;
			if (document != null) document.addDocumentListener(listener);
		}

		@Override
		public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent e, boolean documentPartitioningChanged) {
			int end = partition.getOffset() + partition.getLength();
			try {
				IDocument d = e.getDocument();
				int start = d.getLineOffset(d.getLineOfOffset(e.getOffset()));
				// inside a block comment the scan starts at the comment's line, so the line keeps its comment colour
				String before = d.get(0, start);
				int open = before.lastIndexOf("/*");
				if (open >= 0 && before.indexOf("*/", open + 2) < 0) start = d.getLineOffset(d.getLineOfOffset(open));
				if (removedDelimiter || hasDelimiter(e.getText())) return new Region(start, end - start);
				int changeEnd = e.getOffset() + (e.getText() == null ? 0 : e.getText().length());
				IRegion last = d.getLineInformationOfOffset(Math.min(changeEnd, d.getLength()));
				int stop = Math.min(end, last.getOffset() + last.getLength());
				return new Region(start, Math.max(0, stop - start));
			} catch (BadLocationException x) {
				return partition;
			}
		}
	}
}
