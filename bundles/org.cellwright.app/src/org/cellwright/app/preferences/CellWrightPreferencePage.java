package org.cellwright.app.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Window > Preferences > CellWright: the values of {@link CellWrightPreferences}, written to the instance scope. */
public class CellWrightPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public static final String ID = "org.cellwright.app.preferences";
	public static final String OPEN_REPORT_LABEL = "&Open the run's report in a web browser when a launch ends",
			POINTS_LABEL = "&Points drawn per series in charts:", SAVE_LABEL = "Save a changed .cell file before running it:";

	public CellWrightPreferencePage() {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, CellWrightPreferences.QUALIFIER));
		setDescription("Running experiments and showing their results. Solver tolerances and grids are set per experiment "
				+ "in the .cell file, in its solver { } block (relative-tolerance, absolute-tolerance, max-step, ...).");
	}

	@Override
	public void init(IWorkbench workbench) {
		// nothing: the store is the instance scope's
	}

	@Override
	protected void createFieldEditors() {
		addField(new BooleanFieldEditor(CellWrightPreferences.OPEN_REPORT_AFTER_RUN, OPEN_REPORT_LABEL, getFieldEditorParent()));
		IntegerFieldEditor points = new IntegerFieldEditor(CellWrightPreferences.POINTS_PER_SERIES, POINTS_LABEL, getFieldEditorParent(), 7);
		points.setValidRange(CellWrightPreferences.MIN_POINTS_PER_SERIES, CellWrightPreferences.MAX_POINTS_PER_SERIES);
		points.getLabelControl(getFieldEditorParent()).setToolTipText("A longer series is drawn by the lowest and highest point of "
				+ "each interval (dips and cut-offs show), again for the range shown when zooming; the CSV export writes every point. "
				+ "More points: more detail, slower drawing. Applies to the charts shown at once.");
		addField(points);
		addField(new RadioGroupFieldEditor(CellWrightPreferences.SAVE_BEFORE_RUN, SAVE_LABEL, 2, new String[][] {
				{"&Ask first", CellWrightPreferences.SAVE_PROMPT}, {"Al&ways", CellWrightPreferences.SAVE_ALWAYS}},
				getFieldEditorParent(), true));
	}
}
