package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.library.ContributedLibraries;
import org.cellwright.lang.library.StandardLibraryIndex;
import org.cellwright.sharing.library.LibraryPath;
import org.cellwright.sharing.library.Resolution;
import org.cellwright.sharing.library.VersionRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library contributed by a bundle (this one, plugin.xml) through the extension point org.cellwright.lang.libraries. */
public class ContributedLibraryTest {

	@TempDir
	Path tmp;

	@Test
	void contributedLibraryResolvesLikeTheStandardLibrary() throws Exception {
		assertTrue(ContributedLibraries.uris().stream().anyMatch(u -> u.toString().endsWith("contributed.cell")),
				ContributedLibraries.uris().toString());
		assertTrue(StandardLibraryIndex.uris().containsAll(ContributedLibraries.uris()));
		Path f = tmp.resolve("uses.cell");
		Files.writeString(f, """
				package uses
				import acme.contributed.*
				import cellwright.materials.*
				cell Symmetric {
					area = 1 cm2
					layer acc: SUS 10 um
					layer a: Li 30 um
					layer se: AcmeContributedSE 500 um
					layer b: Li 30 um
					layer ccc: SUS 10 um
				}
				""");
		CellWrightChecker.Result r = new CellWrightChecker().check(List.of(f));
		assertFalse(r.hasErrors(), r.issues().toString());
	}

	@Test
	void aContributedLibraryCountsWhenAProjectsVersionsAreChecked() {
		LibraryPath path = LibraryPath.standard(ContributedLibraries.folders());
		Resolution fits = Resolution.resolve(Map.of("acme-contributed", VersionRange.parse("[1.0,2.0)")), "cellwright-project.json", path);
		assertTrue(fits.problems().isEmpty(), fits.problems().toString());
		Resolution newer = Resolution.resolve(Map.of("acme-contributed", VersionRange.parse("[2.0,3.0)")), "cellwright-project.json", path);
		assertEquals(1, newer.problems().size(), newer.problems().toString());
		String m = newer.problems().get(0).message();
		assertTrue(m.contains("acme-contributed") && m.contains("1.0.0"), "names the library and the version found: " + m);
	}
}
