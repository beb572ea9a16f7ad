package org.cellwright.app;

import org.cellwright.app.views.ResultsView;
import org.cellwright.editor.protocol.ProtocolTimelineView;
import org.cellwright.editor.references.ReferencesView;
import org.cellwright.editor.stack.StackView;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Project Explorer left, editor centre, Results (and Sweep, Fit Report) right, Problems and Console below. */
public class Perspective implements IPerspectiveFactory {
	public static final String ID = "org.cellwright.app.perspective";

	/** The views of Window > Show View, in its order. */
	public static final java.util.List<String> SHOW_VIEW_SHORTCUTS = java.util.List.of(IPageLayout.ID_PROJECT_EXPLORER,
			IPageLayout.ID_OUTLINE, StackView.ID, ProtocolTimelineView.ID, IPageLayout.ID_PROP_SHEET, ResultsView.ID,
			org.cellwright.app.views.RunsView.ID, org.cellwright.app.views.SweepView.ID, org.cellwright.app.views.FitReportView.ID,
			IPageLayout.ID_PROBLEM_VIEW, ReferencesView.ID, "org.eclipse.ui.console.ConsoleView", "org.cellwright.app.gettingStartedView");

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editors = layout.getEditorArea();
		layout.setEditorAreaVisible(true);
		IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.18f, editors);
		left.addView(IPageLayout.ID_PROJECT_EXPLORER);
		layout.addView(IPageLayout.ID_OUTLINE, IPageLayout.BOTTOM, 0.6f, "left");
		IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.45f, editors);
		right.addView(ResultsView.ID);
		// the views of a sweep's and a fit's runs open beside the Results view, with its room for their table and chart:
		// opened by a sweep run where no place was kept for them, the Sweep view went below, beside Problems, where its
		// chart had no height (a title over an axis) and its table two rows
		right.addPlaceholder(org.cellwright.app.views.SweepView.ID);
		right.addPlaceholder(org.cellwright.app.views.FitReportView.ID);
		IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.55f, editors);
		bottom.addView(StackView.ID);
		IFolderLayout problems = layout.createFolder("problems", IPageLayout.BOTTOM, 0.7f, "right");
		problems.addView(IPageLayout.ID_PROBLEM_VIEW);
		problems.addPlaceholder("org.eclipse.ui.console.ConsoleView");
		problems.addPlaceholder(ReferencesView.ID);
		// the Runs view, brought up by a launch of several runs, below the Results view: a table wants width, not height
		problems.addPlaceholder(org.cellwright.app.views.RunsView.ID);
		// Window > Show View lists these (and Other... for every view)
		for (String view : SHOW_VIEW_SHORTCUTS) layout.addShowViewShortcut(view);
	}
}
