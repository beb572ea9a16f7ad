package org.cellwright.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

/** Syntax colouring of .cell files in the generic editor. */
public class CellPresentationReconciler extends PresentationReconciler {

	public CellPresentationReconciler() {
		DefaultDamagerRepairer dr = new DefaultDamagerRepairer(new CellTokenScanner()) {
			@Override
			public org.eclipse.jface.text.IRegion getDamageRegion(org.eclipse.jface.text.ITypedRegion partition,
					org.eclipse.jface.text.DocumentEvent e, boolean documentPartitioningChanged) {
				// a quote or comment delimiter can change the colour of everything after it
				return partition;
			}
		};
		setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
	}
}
