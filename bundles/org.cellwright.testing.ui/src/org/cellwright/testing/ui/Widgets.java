package org.cellwright.testing.ui;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Searches of an SWT widget tree shared by the UI tests (the Properties view's sheet, a dialog's tree): one owner
 * instead of a copy in each UI test bundle. SWT only, so it lives apart from org.cellwright.testing, which the non-UI
 * test bundles require.
 */
public final class Widgets {
	private Widgets() {
	}

	/** The first control of the type in the control and its descendants, depth first (the control itself first), or null. */
	public static <T extends Control> T find(Control control, Class<T> type) {
		if (type.isInstance(control)) return type.cast(control);
		if (control instanceof Composite c) for (Control child : c.getChildren()) {
			T found = find(child, type);
			if (found != null) return found;
		}
		return null;
	}

	/** The first tree in the control and its descendants (e.g. the property sheet's, below its line of messages), or null. */
	public static Tree tree(Control control) {
		return find(control, Tree.class);
	}

	/** The first item among the items and their descendants, depth first, whose first column reads the text, or null. */
	public static TreeItem item(TreeItem[] items, String text) {
		for (TreeItem i : items) {
			if (text.equals(i.getText(0))) return i;
			TreeItem deeper = item(i.getItems(), text);
			if (deeper != null) return deeper;
		}
		return null;
	}
}
