package org.cellwright.editor.properties;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.views.properties.PropertySheetPage;

/**
 * The Properties view's page for the stack editor's layers and cells: the standard property sheet with a line above
 * it that says why a typed value is refused (the platform shows that only in the workbench status line, easily
 * missed), and what the grey markers mean.
 */
public class ReasonPropertySheetPage extends PropertySheetPage {

	public static final String HINT = "Unset values show what applies: (inherited from ...), (from material ...), (default) or (not set).";

	private Composite top;
	private Label reason;

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

	/** The line above the properties (for tests). */
	public String reason() {
		return reason.getText();
	}
}
