package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cellwright.app.wizards.LibraryArchiveImportWizard;
import org.cellwright.app.wizards.ProjectLibraryCheck;
import org.cellwright.editor.CellValidationReconciler;
import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.sharing.library.Libraries;
import org.cellwright.sharing.library.LibraryPath;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** File > Import > CellWright Library Archive installs safely; cellwright-project.json is checked against what is installed. */
class LibraryImportUITest {

	Path home, work;
	String oldHome;
	IProject project;

	@BeforeEach
	void setUp() throws Exception {
		work = Files.createTempDirectory("libimport");
		home = work.resolve("home");
		oldHome = System.getProperty(LibraryPath.HOME_PROPERTY);
		System.setProperty(LibraryPath.HOME_PROPERTY, home.toString());
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("uses-acme");
		if (!project.exists()) project.create(null);
		project.open(null);
	}

	@AfterEach
	void tearDown() throws Exception {
		if (oldHome == null) System.clearProperty(LibraryPath.HOME_PROPERTY); else System.setProperty(LibraryPath.HOME_PROPERTY, oldHome);
		project.delete(true, null);
	}

	/** A library folder acme-test 1.0.0 packed with the sharing bundle. */
	Path packedLibrary() throws Exception {
		Path dir = work.resolve("acme-test");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("library.json"), "{ \"name\": \"acme-test\", \"version\": \"1.0.0\", \"licence\": \"CC-BY-4.0\" }");
		Files.writeString(dir.resolve("electrolytes.cell"), "package acme.test\nmaterial AcmeLPS is solid-electrolyte {\n\tdensity = 1.6 g/cm3\n}\n");
		return Libraries.pack(dir, LibraryPath.standard(List.of()), work.resolve("out"), CliSupport.checker()).path();
	}

	IFile projectFile(String range) throws Exception {
		IFile f = project.getFile("cellwright-project.json");
		byte[] json = ("{\n  \"name\": \"uses-acme\",\n  \"libraries\": {\n    \"acme-test\": \"" + range + "\"\n  }\n}\n").getBytes(StandardCharsets.UTF_8);
		if (f.exists()) f.setContents(new ByteArrayInputStream(json), true, false, null); else f.create(new ByteArrayInputStream(json), true, null);
		return f;
	}

	List<String> markers(IFile f) throws Exception {
		// the background check started by the file's change rewrites the same markers: read them after it, not mid-way
		org.eclipse.core.runtime.jobs.Job.getJobManager().join(ProjectLibraryCheck.FAMILY, null);
		return Arrays.stream(f.findMarkers(CellValidationReconciler.MARKER_TYPE, false, IResource.DEPTH_ZERO))
				.map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + m.getAttribute(IMarker.MESSAGE, "")).toList();
	}

	boolean install(Path archive, LibraryArchiveImportWizard[] out) {
		LibraryArchiveImportWizard wizard = new LibraryArchiveImportWizard();
		WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.create();
		try {
			wizard.set(archive, false);
			out[0] = wizard;
			return wizard.performFinish();
		} finally {
			dialog.close();
		}
	}

	List<Path> installedFiles() throws Exception {
		if (!Files.exists(home)) return List.of();
		try (Stream<Path> s = Files.walk(home)) {
			return s.sorted().toList();
		}
	}

	@Test
	void aMissingLibraryIsMarkedOnItsLineAndInstallingTheArchiveClearsIt() throws Exception {
		Path zip = packedLibrary();
		IFile json = projectFile("[1.0,2.0)");
		List<String> before = ProjectLibraryCheck.check(json);
		assertEquals(1, before.size(), before.toString());
		assertTrue(before.get(0).contains("acme-test") && before.get(0).contains("[1.0,2.0)") && before.get(0).contains("not installed"), before.get(0));
		assertEquals(List.of("4: " + before.get(0)), markers(json), "the marker is on the library's line");

		LibraryArchiveImportWizard[] w = new LibraryArchiveImportWizard[1];
		assertTrue(install(zip, w), "installed: " + w[0].errorMessage());
		assertTrue(Files.isRegularFile(home.resolve("acme-test/1.0.0/library.json")));
		assertEquals(List.of(), ProjectLibraryCheck.check(json));
		assertEquals(List.of(), markers(json));

		projectFile("[2.0,3.0)");
		List<String> wrong = ProjectLibraryCheck.check(json);
		assertEquals(1, wrong.size());
		assertTrue(wrong.get(0).contains("acme-test [2.0,3.0)") && wrong.get(0).contains("found 1.0.0"), "names the wanted and the found version: " + wrong.get(0));

		assertFalse(install(zip, w), "the same version again is refused without 'replace'");
		assertNotNull(w[0].errorMessage());
	}

	@Test
	void anUnsafeArchiveIsRefusedWithTheReasonAndNothingChanges() throws Exception {
		packedLibrary();
		Path evil = work.resolve("evil-1.0.0.zip");
		try (OutputStream o = Files.newOutputStream(evil); ZipOutputStream z = new ZipOutputStream(o)) {
			z.putNextEntry(new ZipEntry("library.json"));
			z.write("{ \"name\": \"evil\", \"version\": \"1.0.0\", \"licence\": \"MIT\" }".getBytes(StandardCharsets.UTF_8));
			z.putNextEntry(new ZipEntry("../../escape.cell"));
			z.write("package evil\n".getBytes(StandardCharsets.UTF_8));
		}
		List<Path> before = installedFiles();
		LibraryArchiveImportWizard[] w = new LibraryArchiveImportWizard[1];
		assertFalse(install(evil, w));
		assertTrue(w[0].errorMessage().contains("refused"), w[0].errorMessage());
		assertTrue(w[0].errorMessage().contains(".."), "says which entry: " + w[0].errorMessage());
		assertEquals(before, installedFiles(), "nothing installed changed");
		assertFalse(Files.exists(work.resolve("escape.cell")) || Files.exists(home.getParent().resolve("escape.cell")));
	}
}
