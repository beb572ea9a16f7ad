package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.flush;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.cellwright.app.launch.LaunchableAdapterFactory;
import org.cellwright.model.CellwrightFactory;
import org.eclipse.core.expressions.EvaluationContext;
import org.eclipse.core.expressions.EvaluationResult;
import org.eclipse.core.expressions.Expression;
import org.eclipse.core.expressions.ExpressionConverter;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.ui.actions.ILaunchable;
import org.eclipse.jface.text.TextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.FileEditorInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Run As > CellWright Experiment and Run Experiments (Ctrl+R) are offered for .cell files only: the enablement
 * expressions of plugin.xml evaluated as the workbench does, for a .cell file, a .txt file, a folder and editors on them.
 */
class RunEnablementTest {

	IProject project;
	IFile cell, txt;
	IFolder folder;
	IWorkbenchPage page;

	@BeforeEach
	void setUp() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("enablement");
		if (!project.exists()) project.create(null);
		project.open(null);
		cell = create("half.cell", "package enablement\n");
		txt = create("notes.txt", "not a cell\n");
		folder = project.getFolder("results");
		if (!folder.exists()) folder.create(true, true, null);
	}

	@AfterEach
	void tearDown() throws Exception {
		page.closeAllEditors(false);
		project.delete(true, null);
	}

	IFile create(String name, String text) throws Exception {
		IFile f = project.getFile(name);
		if (!f.exists()) f.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		return f;
	}

	static IConfigurationElement element(String point, String attribute, String value) {
		return Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor(point))
				.filter(e -> value.equals(e.getAttribute(attribute))).findFirst()
				.orElseThrow(() -> new AssertionError("no " + point + " with " + attribute + "=" + value));
	}

	static Expression expression(IConfigurationElement parent, String child) throws Exception {
		IConfigurationElement[] c = parent.getChildren(child);
		assertEquals(1, c.length, "one <" + child + "> in " + parent.getName());
		// <enablement> is an expression element itself; <enabledWhen> holds exactly one
		IConfigurationElement root = child.equals("enablement") ? c[0] : c[0].getChildren()[0];
		Expression e = ExpressionConverter.getDefault().perform(root);
		assertNotNull(e, "an expression in <" + child + ">");
		return e;
	}

	/** The launch shortcut's contextual enablement, evaluated like the debug UI does: the selection as a list. */
	static boolean shortcutEnabledFor(Object... selected) throws Exception {
		IConfigurationElement shortcut = element("org.eclipse.debug.ui.launchShortcuts", "id", "org.cellwright.app.experimentShortcut");
		Expression e = expression(shortcut.getChildren("contextualLaunch")[0], "enablement");
		List<Object> list = List.of(selected);
		EvaluationContext ctx = new EvaluationContext(null, list);
		ctx.addVariable("selection", list);
		ctx.setAllowPluginActivation(true);
		return e.evaluate(ctx) == EvaluationResult.TRUE;
	}

	/** The Run Experiments handler's enabledWhen, with the workbench's variables (undefined ones as the workbench has them). */
	static boolean runExperimentsEnabled(Object selection, IEditorPart activePart) throws Exception {
		IConfigurationElement handler = element("org.eclipse.ui.handlers", "commandId", "org.cellwright.app.runExperiments");
		Expression e = expression(handler, "enabledWhen");
		EvaluationContext ctx = new EvaluationContext(null, selection == null ? IEvaluationContext.UNDEFINED_VARIABLE : selection);
		ctx.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, selection == null ? IEvaluationContext.UNDEFINED_VARIABLE : selection);
		ctx.addVariable(ISources.ACTIVE_PART_NAME, activePart == null ? IEvaluationContext.UNDEFINED_VARIABLE : activePart);
		ctx.addVariable(ISources.ACTIVE_EDITOR_INPUT_NAME,
				activePart == null ? IEvaluationContext.UNDEFINED_VARIABLE : activePart.getEditorInput());
		ctx.setAllowPluginActivation(true);
		return e.evaluate(ctx) == EvaluationResult.TRUE;
	}

	@Test
	void theLaunchShortcutIsOfferedForCellFilesOnly() throws Exception {
		assertTrue(shortcutEnabledFor(cell), "a .cell file");
		assertTrue(shortcutEnabledFor(new FileEditorInput(cell)), "an editor on a .cell file");
		assertFalse(shortcutEnabledFor(txt), "a .txt file gets no run shortcut");
		assertFalse(shortcutEnabledFor(new FileEditorInput(txt)), "nor an editor on it");
		assertFalse(shortcutEnabledFor(folder), "a folder gets none");
		assertFalse(shortcutEnabledFor(project), "a project gets none");
		assertFalse(shortcutEnabledFor(cell, txt), "one file at a time");
		// what makes a file "launchable" for the platform's Run As menu: only .cell files get the adapter
		LaunchableAdapterFactory f = new LaunchableAdapterFactory();
		assertNotNull(f.getAdapter(cell, ILaunchable.class));
		assertNull(f.getAdapter(txt, ILaunchable.class), "no launchable for a .txt file");
		assertNull(f.getAdapter(folder, ILaunchable.class));
	}

	@Test
	void runExperimentsIsEnabledForCellFilesAndTheirEditorsOnly() throws Exception {
		assertTrue(runExperimentsEnabled(new StructuredSelection(cell), null), "a .cell file selected");
		assertFalse(runExperimentsEnabled(new StructuredSelection(txt), null), "a .txt file selected");
		assertFalse(runExperimentsEnabled(new StructuredSelection(folder), null), "a folder selected");
		assertFalse(runExperimentsEnabled(new StructuredSelection(List.of(cell, txt)), null), "two files");
		assertFalse(runExperimentsEnabled(StructuredSelection.EMPTY, null), "nothing selected");
		assertFalse(runExperimentsEnabled(null, null), "no selection at all");
		assertTrue(runExperimentsEnabled(new StructuredSelection(CellwrightFactory.eINSTANCE.createExperiment()), null),
				"an experiment of the Outline");
		IEditorPart cellEditor = IDE.openEditor(page, cell, true);
		flush();
		assertTrue(runExperimentsEnabled(new TextSelection(0, 0), cellEditor), "an editor on a .cell file, caret in the text");
		IEditorPart txtEditor = IDE.openEditor(page, txt, "org.eclipse.ui.DefaultTextEditor", true);
		flush();
		assertFalse(runExperimentsEnabled(new TextSelection(0, 0), txtEditor), "an editor on a .txt file");
	}
}
