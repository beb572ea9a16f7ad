package org.cellwright.app;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.ide.IDE;

/** Workbench set-up: IDE adapters (so resources show and markers work), the CellWright perspective, menus. */
public class CellWrightWorkbenchAdvisor extends WorkbenchAdvisor {

	@Override
	public void initialize(IWorkbenchConfigurer configurer) {
		super.initialize(configurer);
		configurer.setSaveAndRestore(false);
		IDE.registerAdapters();
		declareProjectImages(configurer);
	}

	/**
	 * The project icons are declared by the IDE's own workbench advisor (IDEWorkbenchAdvisor), which an RCP product
	 * does not run: without them a project had no image, and a project holding a file with a problem marker made the
	 * Project Explorer fail ("Unable to create resource DecorationOverlayIcon": the overlay needs a base image).
	 */
	static void declareProjectImages(IWorkbenchConfigurer configurer) {
		org.osgi.framework.Bundle ide = org.eclipse.core.runtime.Platform.getBundle("org.eclipse.ui.ide");
		if (ide == null) return;
		declare(configurer, ide, IDE.SharedImages.IMG_OBJ_PROJECT, "icons/full/obj16/prj_obj.png");
		declare(configurer, ide, IDE.SharedImages.IMG_OBJ_PROJECT_CLOSED, "icons/full/obj16/cprj_obj.png");
		// the Problems view's severity and quick-fix images (without them a warning showed a red "missing image" square)
		for (String[] d : IDE_IMAGES) declare(configurer, ide, d[0], d[1]);
	}

	/**
	 * The images IDEWorkbenchAdvisor declares for the Problems view and the marker dialogs, by their keys in
	 * org.eclipse.ui.internal.ide.IDEInternalWorkbenchImages (the names are API-stable strings).
	 */
	static final String[][] IDE_IMAGES = {
			{ "IMG_OBJS_ERROR_PATH", "icons/full/obj16/error_tsk.png" },
			{ "IMG_OBJS_WARNING_PATH", "icons/full/obj16/warn_tsk.png" },
			{ "IMG_OBJS_INFO_PATH", "icons/full/obj16/info_tsk.png" },
			{ "IMG_OBJS_FIXABLE_ERROR", "icons/full/obj16/quickfix_error_obj.png" },
			{ "IMG_OBJS_FIXABLE_WARNING", "icons/full/obj16/quickfix_warning_obj.png" },
			{ "IMG_OBJS_FIXABLE_INFO", "icons/full/obj16/quickfix_info_obj.png" },
			{ "IMG_OBJS_COMPLETE_TSK", "icons/full/obj16/complete_tsk.png" },
			{ "IMG_OBJS_INCOMPLETE_TSK", "icons/full/obj16/incomplete_tsk.png" },
			{ "IMG_ETOOL_PROBLEM_CATEGORY", "icons/full/etool16/problem_category.png" },
			{ "IMG_ETOOL_PROBLEMS_VIEW", "icons/full/eview16/problems_view.png" },
			{ "IMG_ETOOL_PROBLEMS_VIEW_ERROR", "icons/full/eview16/problems_view_error.png" },
			{ "IMG_ETOOL_PROBLEMS_VIEW_WARNING", "icons/full/eview16/problems_view_warning.png" },
			{ "IMG_ETOOL_PROBLEMS_VIEW_INFO", "icons/full/eview16/problems_view_info.png" },
			{ "IMG_DLGBAN_QUICKFIX_DLG", "icons/full/wizban/quick_fix.png" } };

	private static void declare(IWorkbenchConfigurer configurer, org.osgi.framework.Bundle bundle, String key, String path) {
		java.net.URL url = org.eclipse.core.runtime.FileLocator.find(bundle, new org.eclipse.core.runtime.Path(path), null);
		if (url != null) configurer.declareImage(key, org.eclipse.jface.resource.ImageDescriptor.createFromURL(url), true);
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return Perspective.ID;
	}

	@Override
	public IAdaptable getDefaultPageInput() {
		return ResourcesPlugin.getWorkspace().getRoot();
	}

	@Override
	public void postStartup() {
		WorkspaceSetup.onStartup();
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer c) {
		return new WorkbenchWindowAdvisor(c) {
			@Override
			public void preWindowOpen() {
				IWorkbenchWindowConfigurer wc = getWindowConfigurer();
				wc.setInitialSize(new Point(1400, 900));
				wc.setShowCoolBar(true);
				wc.setShowStatusLine(true);
				wc.setShowProgressIndicator(true);
				wc.setTitle("CellWright");
			}

			@Override
			public void postWindowOpen() {
				var shell = getWindowConfigurer().getWindow().getShell();
				// fill the screen (also where no window manager maximizes, as under Xvfb)
				shell.setBounds(shell.getDisplay().getPrimaryMonitor().getClientArea());
			}

			@Override
			public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer abc) {
				return new MenuAdvisor(abc);
			}
		};
	}

	/**
	 * File, Edit, (contributed menus: Run), Window and Help, in that order, with the workbench's standard actions
	 * (close, save, save as, revert, undo/redo, delete, Show View, Reset Perspective, Preferences). Help is last: contributions go into the
	 * additions group before Window.
	 */
	static class MenuAdvisor extends ActionBarAdvisor {
		MenuAdvisor(IActionBarConfigurer c) {
			super(c);
		}

		@Override
		protected void makeActions(IWorkbenchWindow w) {
			for (ActionFactory f : new ActionFactory[] { ActionFactory.CLOSE, ActionFactory.CLOSE_ALL, ActionFactory.SAVE,
					ActionFactory.SAVE_AS, ActionFactory.SAVE_ALL, ActionFactory.REVERT, ActionFactory.QUIT,
					ActionFactory.UNDO, ActionFactory.REDO, ActionFactory.CUT, ActionFactory.COPY, ActionFactory.PASTE,
					ActionFactory.SELECT_ALL, ActionFactory.FIND, ActionFactory.PREFERENCES, ActionFactory.DELETE,
					ActionFactory.RESET_PERSPECTIVE, ActionFactory.OPEN_NEW_WINDOW })
				register(f.create(w));
			showViews = ContributionItemFactory.VIEWS_SHORTLIST.create(w);
		}

		private IContributionItem showViews;

		@Override
		protected void fillMenuBar(IMenuManager bar) {
			MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
			// as in the Eclipse IDE: Close (Ctrl+W) and Close All (Ctrl+Shift+W), Save As... and Revert (the menu had Save
			// and Save All only: a file could be closed by its tab alone, a copy of a .cell file not saved under another name)
			file.add(getAction(ActionFactory.CLOSE.getId()));
			file.add(getAction(ActionFactory.CLOSE_ALL.getId()));
			file.add(new Separator());
			file.add(getAction(ActionFactory.SAVE.getId()));
			file.add(getAction(ActionFactory.SAVE_AS.getId()));
			file.add(getAction(ActionFactory.SAVE_ALL.getId()));
			file.add(getAction(ActionFactory.REVERT.getId()));
			file.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
			file.add(getAction(ActionFactory.QUIT.getId()));
			// the groups text editors contribute to (find.ext, undo.ext, ...) must exist
			MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
			edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
			edit.add(getAction(ActionFactory.UNDO.getId()));
			edit.add(getAction(ActionFactory.REDO.getId()));
			edit.add(new GroupMarker(IWorkbenchActionConstants.UNDO_EXT));
			edit.add(new Separator());
			edit.add(getAction(ActionFactory.CUT.getId()));
			edit.add(getAction(ActionFactory.COPY.getId()));
			edit.add(getAction(ActionFactory.PASTE.getId()));
			edit.add(getAction(ActionFactory.DELETE.getId()));
			edit.add(new GroupMarker(IWorkbenchActionConstants.CUT_EXT));
			edit.add(new Separator());
			edit.add(getAction(ActionFactory.SELECT_ALL.getId()));
			edit.add(new Separator());
			edit.add(getAction(ActionFactory.FIND.getId()));
			edit.add(new GroupMarker(IWorkbenchActionConstants.FIND_EXT));
			edit.add(new GroupMarker(IWorkbenchActionConstants.ADD_EXT));
			edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));
			edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
			bar.add(file);
			bar.add(edit);
			bar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
			bar.add(windowMenu());
			// Help: filled by contributions to menu:help (Getting Started)
			MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
			help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
			help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
			help.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));
			bar.add(help);
		}

		private MenuManager windowMenu() {
			MenuManager window = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
			window.add(getAction(ActionFactory.OPEN_NEW_WINDOW.getId()));
			window.add(new Separator());
			MenuManager views = new MenuManager("Show &View", "showView");
			views.add(showViews);
			window.add(views);
			window.add(getAction(ActionFactory.RESET_PERSPECTIVE.getId()));
			window.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
			window.add(new Separator());
			window.add(getAction(ActionFactory.PREFERENCES.getId()));
			return window;
		}
	}
}
