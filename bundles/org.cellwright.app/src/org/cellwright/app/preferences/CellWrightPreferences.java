package org.cellwright.app.preferences;

import org.cellwright.app.Activator;
import org.cellwright.report.Decimation;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.MessageDialogWithToggle;

/**
 * The IDE's preferences (Window > Preferences > CellWright), kept in the instance scope (the workspace's
 * {@code .metadata}) under the app bundle's name. Each value has one reader here, called by the one place that uses it;
 * each default is the constant the behaviour had before there was a preference ({@link Decimation#BUDGET}), set in the
 * default scope by {@link Initializer} so that the page's Restore Defaults shows it.
 */
public final class CellWrightPreferences {

	public static final String QUALIFIER = Activator.ID;

	/** Points drawn per series in the Results and Fit Report charts (every point is kept for the CSV export). */
	public static final String POINTS_PER_SERIES = "pointsPerSeries";
	/** The fewest points per series the page accepts: a series is drawn by each interval's lowest and highest point. */
	public static final int MIN_POINTS_PER_SERIES = 100, MAX_POINTS_PER_SERIES = 1_000_000;

	/** Whether the report of the run the Results view shows after a launch opens in a web browser. */
	public static final String OPEN_REPORT_AFTER_RUN = "openReportAfterRun";
	/** Off: a launch of the study's 20 experiments would otherwise open a browser tab after every file run. */
	public static final boolean OPEN_REPORT_AFTER_RUN_DEFAULT = false;

	/**
	 * Whether Run Experiments, Fit Parameters, Run As and Run Again save a changed editor of the file (and of its
	 * project's other .cell files) without asking ({@link #SAVE_ALWAYS}) or ask first ({@link #SAVE_PROMPT}), as Eclipse's
	 * "Save required dirty editors before launching" (Run/Debug > Launching) does ({@link org.cellwright.app.SaveBeforeRun}).
	 */
	public static final String SAVE_BEFORE_RUN = "saveBeforeRun";
	public static final String SAVE_ALWAYS = MessageDialogWithToggle.ALWAYS, SAVE_PROMPT = MessageDialogWithToggle.PROMPT;
	/** Ask first, Eclipse's default: a run's Save makes changes the file's saved text without the user saying so. */
	public static final String SAVE_BEFORE_RUN_DEFAULT = SAVE_PROMPT;

	private CellWrightPreferences() {}

	/** The instance scope's node, where the page writes (and tests set) the values. */
	public static IEclipsePreferences instance() {
		return InstanceScope.INSTANCE.getNode(QUALIFIER);
	}

	/** Points per series drawn ({@link #POINTS_PER_SERIES}), at least {@link #MIN_POINTS_PER_SERIES}. */
	public static int pointsPerSeries() {
		int n = Platform.getPreferencesService().getInt(QUALIFIER, POINTS_PER_SERIES, Decimation.BUDGET, null);
		return Math.min(MAX_POINTS_PER_SERIES, Math.max(MIN_POINTS_PER_SERIES, n));
	}

	/** {@link #OPEN_REPORT_AFTER_RUN}. */
	public static boolean openReportAfterRun() {
		return Platform.getPreferencesService().getBoolean(QUALIFIER, OPEN_REPORT_AFTER_RUN, OPEN_REPORT_AFTER_RUN_DEFAULT, null);
	}

	/** {@link #SAVE_BEFORE_RUN} is {@link #SAVE_ALWAYS}. */
	public static boolean saveBeforeRunWithoutAsking() {
		return SAVE_ALWAYS.equals(Platform.getPreferencesService().getString(QUALIFIER, SAVE_BEFORE_RUN, SAVE_BEFORE_RUN_DEFAULT, null));
	}

	/** The dialog's "Remember my decision" with Save and Run: {@link #SAVE_ALWAYS} from now on (the page sets it back). */
	public static void rememberSaveBeforeRun() {
		IEclipsePreferences p = instance();
		p.put(SAVE_BEFORE_RUN, SAVE_ALWAYS);
		try {
			p.flush();
		} catch (Exception e) { // BackingStoreException: kept for this session, stored at exit
			Platform.getLog(CellWrightPreferences.class).error("the preference " + SAVE_BEFORE_RUN + " was not stored", e);
		}
	}

	/** Puts the defaults into the default scope (extension point org.eclipse.core.runtime.preferences). */
	public static final class Initializer extends AbstractPreferenceInitializer {
		@Override
		public void initializeDefaultPreferences() {
			IEclipsePreferences d = DefaultScope.INSTANCE.getNode(QUALIFIER);
			d.putInt(POINTS_PER_SERIES, Decimation.BUDGET);
			d.putBoolean(OPEN_REPORT_AFTER_RUN, OPEN_REPORT_AFTER_RUN_DEFAULT);
			d.put(SAVE_BEFORE_RUN, SAVE_BEFORE_RUN_DEFAULT);
		}
	}
}
