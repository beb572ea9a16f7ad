package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;


import org.cellwright.app.ExperimentJob;
import org.cellwright.app.WorkspaceSetup;
import org.cellwright.app.wizards.ExamplesWizard;
import org.cellwright.app.wizards.GettingStartedView;
import org.cellwright.app.wizards.NewProjectWizard;
import org.cellwright.editor.DocumentValidator;
import org.cellwright.solver.RunStatus;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.xtext.diagnostics.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The getting-started path: a new project whose starter runs, the examples wizard, the Getting Started steps and their actions. */
class GettingStartedUITest {

	IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

	@AfterEach
	void tearDown() throws Exception {
		page.closeAllEditors(false);
		IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject("My Study");
		if (p.exists()) p.delete(true, null);
	}

	static Text firstText(Control c) {
		if (c instanceof Text t) return t;
		if (c instanceof Composite comp) for (Control child : comp.getChildren()) {
			Text t = firstText(child);
			if (t != null) return t;
		}
		return null;
	}

	@Test
	void theNewProjectWizardMakesAProjectWhoseStarterCellValidatesAndRuns() throws Exception {
		NewProjectWizard wizard = new NewProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		WizardDialog dialog = new WizardDialog(page.getWorkbenchWindow().getShell(), wizard);
		dialog.create();
		try {
			assertFalse(wizard.canFinish(), "no name yet");
			firstText(dialog.getShell()).setText("My Study");
			assertTrue(wizard.canFinish());
			assertTrue(wizard.performFinish());
		} finally {
			dialog.close();
		}
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("My Study");
		assertTrue(project.isOpen());
		String json = new String(project.getFile("cellwright-project.json").getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(json.contains("\"name\": \"My Study\"") && json.contains("\"libraries\": {}"), json);
		IFile starter = wizard.created();
		assertEquals("cells/starter.cell", starter.getProjectRelativePath().toString());
		String text = new String(starter.getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(text.contains("package my_study.cells"), text);
		var errors = DocumentValidator.validate(starter, text, () -> false).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
		assertEquals(List.of(), errors, "the starter cell checks clean with the standard library");
		assertNotNull(page.getActiveEditor(), "the starter is opened");

		ExperimentJob run = new ExperimentJob(starter);
		run.schedule();
		IdeUITest.spin(() -> run.getResult() != null, 120_000, "the starter experiment to run");
		assertEquals(1, run.outcomes().size());
		assertEquals(RunStatus.COMPLETED, run.outcomes().get(0).status(), "the starter's experiment runs to its end");
		IdeUITest.waitForJobs();
	}

	@Test
	void theExamplesWizardBringsBackTheStudysFiles() throws Exception {
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		IFile protocols = any.getProject().getFile("sung2023/protocols.cell");
		protocols.delete(true, null);
		ExamplesWizard wizard = new ExamplesWizard();
		WizardDialog dialog = new WizardDialog(page.getWorkbenchWindow().getShell(), wizard);
		dialog.create();
		try {
			assertTrue(wizard.canFinish(), "the installation's examples are found");
			assertTrue(wizard.performFinish());
		} finally {
			dialog.close();
		}
		assertTrue(protocols.exists(), "the removed example is imported again");
		assertNotNull(wizard.first());
	}

	@Test
	void theGettingStartedStepsRunExistingCommandsAndHelpShowsThem() throws Exception {
		List<GettingStartedView.Step> steps = GettingStartedView.readSteps(null);
		assertTrue(steps.size() >= 8, steps.toString());
		assertTrue(steps.get(1).title().equals("Open a cell"), steps.get(1).title());
		assertTrue(steps.get(steps.size() - 2).title().equals("Compare two runs"), "the walk ends with comparing runs");
		ICommandService cs = PlatformUI.getWorkbench().getService(ICommandService.class);
		List<String> commands = steps.stream().map(GettingStartedView.Step::command).filter(c -> c != null).toList();
		assertTrue(commands.size() >= 6, commands.toString());
		for (String s : commands) {
			ParameterizedCommand c = cs.deserialize(s);
			assertTrue(c.getCommand().isDefined() && c.getCommand().isHandled(), "a command that can run: " + s);
		}
		// the step buttons really act: "See the stack" shows the Stack view
		page.hideView(page.findView(org.cellwright.editor.stack.StackView.ID));
		String stack = steps.stream().map(GettingStartedView.Step::command).filter(c -> c != null && c.contains("stackView")).findFirst().orElseThrow();
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(cs.deserialize(stack), null);
		assertNotNull(page.findView(org.cellwright.editor.stack.StackView.ID));

		page.hideView(page.findView(GettingStartedView.ID));
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.cellwright.app.gettingStarted", null);
		IdeUITest.flush();
		GettingStartedView view = (GettingStartedView) page.findView(GettingStartedView.ID);
		assertNotNull(view, "Help > Getting Started shows the view");
		assertEquals(steps.size(), view.steps().size());
	}
}
