package org.cellwright.app.views;

import java.util.function.IntUnaryOperator;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** A tab of the Results view that holds one table and is there only while the runs shown have something for it. */
abstract class TableTab {

	private final CTabFolder tabs;
	private final String title, toolTip;
	private final String[] columns;
	private final IntUnaryOperator alignment; // column index -> SWT.LEFT or SWT.RIGHT
	private CTabItem tab;
	private Table table;

	TableTab(CTabFolder tabs, String title, String toolTip, String[] columns, IntUnaryOperator alignment) {
		this.tabs = tabs;
		this.title = title;
		this.toolTip = toolTip;
		this.columns = columns;
		this.alignment = alignment;
	}

	/** The table, made with its tab on first use, emptied for new rows. */
	final Table emptyTable() {
		if (tab == null) {
			table = new Table(tabs, SWT.FULL_SELECTION | SWT.BORDER);
			table.setHeaderVisible(true);
			table.setLinesVisible(true);
			for (int i = 0; i < columns.length; i++) new TableColumn(table, alignment.applyAsInt(i)).setText(columns[i]);
			tab = new CTabItem(tabs, SWT.NONE);
			tab.setText(title);
			tab.setToolTipText(toolTip);
			tab.setControl(table);
		}
		table.removeAll();
		return table;
	}

	final void packColumns() {
		for (TableColumn c : table.getColumns()) c.pack();
	}

	final void remove() {
		if (tab != null) tab.dispose();
		if (table != null && !table.isDisposed()) table.dispose();
		tab = null;
		table = null;
	}

	/** The table, or null while the tab is not there. */
	final Table table() {
		return tab == null ? null : table;
	}
}
