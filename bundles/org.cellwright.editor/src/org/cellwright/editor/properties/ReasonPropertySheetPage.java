package org.cellwright.editor.properties;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.views.properties.PropertySheetPage;

/**
 * The Properties view's page for the stack editor's layers and cells: the standard property sheet with a line above
 * it that says why a typed value is refused (the platform shows that only in the workbench status line, easily
 * missed), and what the grey markers mean; for a layer the cell inherits, a line saying so with a link to its
 * definition ("Layer wcc is inherited from Cell3 (half-cells.cell:21): edit it there"), as the Stack view says for a move.
 */
public class ReasonPropertySheetPage extends PropertySheetPage {

	public static final String HINT = "Unset values show what applies: (inherited from ...), (from material ...), (default) or (not set).";

	private Composite top;
	private Label reason;
	/** The line for an inherited layer (hidden otherwise): where it is defined, "edit it there" opening it. */
	private Link inherited;
	private ModelPropertySource shown;

	@Override
	public void createControl(Composite parent) {
		top = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = layout.marginHeight = 0;
		layout.verticalSpacing = 2;
		top.setLayout(layout);
		reason = new Label(top, SWT.WRAP);
		reason.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		reason.setText(HINT);
		inherited = new Link(top, SWT.WRAP);
		GridData hidden = new GridData(SWT.FILL, SWT.TOP, true, false);
		hidden.exclude = true;
		inherited.setLayoutData(hidden);
		inherited.setVisible(false);
		inherited.addListener(SWT.Selection, e -> openDefinition());
		super.createControl(top);
		super.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
	}

	@Override
	public Control getControl() {
		return top;
	}

	/** Shows why the value being typed is refused, or (null) the hint again. */
	public void showReason(String why) {
		if (reason == null || reason.isDisposed()) return;
		reason.setText(why == null ? HINT : "Refused: " + why);
		reason.setForeground(why == null ? null : reason.getDisplay().getSystemColor(SWT.COLOR_RED));
		top.layout(true);
	}

	@Override
	public void selectionChanged(IWorkbenchPart part, ISelection selection) {
		super.selectionChanged(part, selection);
		shown = selection instanceof IStructuredSelection s && s.size() == 1 && s.getFirstElement() instanceof ModelPropertySource p ? p : null;
		String line = shown == null ? null : shown.inheritedFrom();
		if (inherited == null || inherited.isDisposed()) return;
		String link = ModelPropertySource.EDIT_THERE;
		int there = line == null ? -1 : line.lastIndexOf(link);
		inherited.setText(line == null ? "" : there < 0 ? line : line.substring(0, there) + "<a>" + link + "</a>" + line.substring(there + link.length()));
		inherited.setToolTipText(line == null ? null : "Open the layer's definition");
		inherited.setVisible(line != null);
		((GridData) inherited.getLayoutData()).exclude = line == null;
		top.layout(true);
	}

	/** Opens the definition of the inherited layer shown (the link's action). */
	public void openDefinition() {
		var target = shown == null ? null : shown.definition();
		if (target != null) target.open();
	}

	/** The line about an inherited layer as shown, or null when it is hidden (for tests). */
	public String inheritedLine() {
		return inherited == null || inherited.isDisposed() || !inherited.getVisible() ? null : inherited.getText();
	}

	/** The line above the properties (for tests). */
	public String reason() {
		return reason.getText();
	}
}
