package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.cellwright.editor.CellValidationReconciler;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Saving a file revalidates the files that import it: a removed material shows as an error where it is used. */
class RevalidationUITest {

	static final String MATERIALS = """
			package lab.materials
			material Foo is solid-electrolyte {
				density = 1.64 g/cm3
			}
			material Bar is solid-electrolyte {
				density = 1.64 g/cm3
			}
			""";
	static final String CELLS = """
			package lab.cells
			import lab.materials.*
			cell Probe {
				area = 1 cm2
				layer sep: Foo 100 um
			}
			""";

	IWorkbenchPage page;
	IProject project;
	IFile materials, cells;

	@BeforeEach
	void setUp() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("revalidation");
		if (!project.exists()) project.create(null);
		project.open(null);
		materials = project.getFile("materials.cell");
		cells = project.getFile("cells.cell");
		for (IFile f : List.of(materials, cells)) if (f.exists()) f.delete(true, null);
		materials.create(new ByteArrayInputStream(MATERIALS.getBytes(StandardCharsets.UTF_8)), true, null);
		cells.create(new ByteArrayInputStream(CELLS.getBytes(StandardCharsets.UTF_8)), true, null);
		IdeUITest.waitForJobs();
	}

	@AfterEach
	void tearDown() throws Exception {
		page.closeAllEditors(false);
		project.delete(true, null);
	}

	List<String> errorsAbout(IFile f, String word) throws Exception {
		return Arrays.stream(f.findMarkers(CellValidationReconciler.MARKER_TYPE, true, IResource.DEPTH_ZERO))
				.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
				.map(m -> m.getAttribute(IMarker.MESSAGE, "")).filter(m -> java.util.regex.Pattern.compile("\\b" + word + "\\b").matcher(m).find()).toList();
	}

	@Test
	void removingAMaterialMarksTheFileThatUsesItAndRestoringItClearsTheMark() throws Exception {
		assertEquals(List.of(), errorsAbout(cells, "Foo"), "Foo resolves at first");
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, materials, true);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		doc.set(MATERIALS.replace("material Foo is", "material Baz is"));
		editor.doSave(null);
		IdeUITest.spin(() -> { try { return !errorsAbout(cells, "Foo").isEmpty(); } catch (Exception e) { return false; } },
				20_000, "an error on cells.cell about Foo");
		IMarker m = Arrays.stream(cells.findMarkers(CellValidationReconciler.MARKER_TYPE, true, IResource.DEPTH_ZERO))
				.filter(x -> x.getAttribute(IMarker.MESSAGE, "").contains("Foo")).findFirst().orElseThrow();
		assertEquals(5, m.getAttribute(IMarker.LINE_NUMBER, -1), "on the line that uses it");

		doc.set(MATERIALS);
		editor.doSave(null);
		IdeUITest.spin(() -> { try { return errorsAbout(cells, "Foo").isEmpty(); } catch (Exception e) { return false; } },
				20_000, "the error on cells.cell to go");
	}

	@Test
	void aFileThatDoesNotImportThePackageIsNotTouched() throws Exception {
		IFile other = project.getFile("other.cell");
		other.create(new ByteArrayInputStream("package lab.other\ncell Lone {\n\tlayer sep: Foo 100 um\n}\n".getBytes(StandardCharsets.UTF_8)), true, null);
		IdeUITest.waitForJobs();
		other.deleteMarkers(CellValidationReconciler.MARKER_TYPE, true, IResource.DEPTH_ZERO);
		materials.setContents(new ByteArrayInputStream(MATERIALS.replace("Foo", "Baz").getBytes(StandardCharsets.UTF_8)), true, false, null);
		IdeUITest.spin(() -> { try { return !errorsAbout(cells, "Foo").isEmpty(); } catch (Exception e) { return false; } },
				20_000, "an error on the importer");
		IdeUITest.waitForJobs();
		assertEquals(0, other.findMarkers(CellValidationReconciler.MARKER_TYPE, true, IResource.DEPTH_ZERO).length,
				"a file that does not see lab.materials is not validated again");
	}
}
