package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The workspace's errors before a test, once its jobs are done, and the same errors after it (after the test's own
 * {@code @AfterEach}, which deletes its project and so its markers): a test leaves no new error for later tests.
 * Registered as {@code @RegisterExtension final NoNewErrors noNewErrors = new NoNewErrors();}.
 */
final class NoNewErrors implements BeforeEachCallback, AfterEachCallback {

	private List<String> before;

	@Override
	public void beforeEach(ExtensionContext context) {
		IdeUITest.waitForJobs();
		before = IdeUITest.errors();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		IdeUITest.waitForJobs();
		assertEquals(before, IdeUITest.errors(), "the test leaves no error in the workspace");
	}
}
