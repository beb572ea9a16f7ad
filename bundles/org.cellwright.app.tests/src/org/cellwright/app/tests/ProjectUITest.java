package org.cellwright.app.tests;

import org.eclipse.core.resources.IProject;
import org.junit.jupiter.api.AfterEach;

/**
 * A UI test that works in a workspace project of its own ({@link #project}, made by the test, e.g. with
 * {@link IdeUITest#newProject}): deleted with its contents after each test (after the test class's own tear-down, if it
 * has one), so later tests see none of its files, runs or markers.
 */
abstract class ProjectUITest {

	IProject project;

	@AfterEach
	void deleteProject() throws Exception {
		if (project != null && project.exists()) project.delete(true, true, null);
	}
}
