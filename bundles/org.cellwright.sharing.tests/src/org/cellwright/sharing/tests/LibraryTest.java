package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.cellwright.sharing.library.LibraryDescriptor;
import org.cellwright.sharing.library.Version;
import org.cellwright.sharing.library.VersionRange;
import org.junit.jupiter.api.Test;

/** pack, install and use of libraries on the command line; missing and mismatched versions; unsafe archives. */
public class LibraryTest extends LibraryCli {

	static final String BASE_V1 = """
			package acme.base
			// a lab's electrolyte and collector
			material AcmeLPSCl is solid-electrolyte {
				density = 1.64 g/cm3
				ionic-conductivity = 2 mS/cm
			}
			material AcmeOld is current-collector {
				density = 8.9 g/cm3
			}
			""";
	static final String BASE_V2 = BASE_V1.replace("AcmeOld", "AcmeCu");

	/** Cell NAME: Li | AcmeLPSCl | Li between collectors of AcmeOld, the materials of acme-base 1.0.0. */
	static String symmetricCell(String name) {
		return """
				cell %s {
					area = 1 cm2
					layer acc: AcmeOld 10 um
					layer foil: Li 30 um
					layer separator: AcmeLPSCl 500 um
					layer counter: Li 30 um
					layer ccc: AcmeOld 10 um
				}
				""".formatted(name);
	}

	static final String STUDY = """
			package study
			import acme.base.*
			import acme.base.AcmeOld
			import cellwright.materials.Li
			""" + symmetricCell("Symmetric");

	Path library(String name, String version, String deps, String cellName, String cell) throws IOException {
		Path d = tmp.resolve("src/" + name + "-" + version);
		Files.createDirectories(d);
		Files.writeString(d.resolve("library.json"), "{ \"name\": \"" + name + "\", \"version\": \"" + version
				+ "\", \"licence\": \"CC-BY-4.0\", \"authors\": [\"A. Lab\"], \"citation\": \"A. Lab, 2026\", \"doi\": \"10.1234/acme\""
				+ (deps == null ? "" : ", \"dependencies\": " + deps) + " }");
		Files.writeString(d.resolve(cellName), cell);
		Files.writeString(d.resolve("README.md"), "# " + name + "\n");
		return d;
	}

	Path project(String name, String libraries) throws IOException {
		Path p = tmp.resolve(name);
		Files.createDirectories(p);
		Files.writeString(p.resolve("cellwright-project.json"), "{\n  \"name\": \"" + name + "\",\n  \"libraries\": {\n    " + libraries + "\n  }\n}\n");
		Files.writeString(p.resolve("study.cell"), STUDY);
		return p;
	}

	Path pack(Path dir, String... more) {
		String[] args = Stream.concat(Stream.of("pack", dir.toString(), "--out", tmp.resolve("dist").toString()), Stream.of(more))
				.toArray(String[]::new);
		assertEquals(0, cli(args), out + err);
		Path archive = Path.of(out.lines().filter(l -> l.startsWith("packed ")).findFirst().orElseThrow().replaceFirst(".* -> ", ""));
		assertTrue(Files.isRegularFile(archive), out);
		return archive;
	}

	@Test
	void packInstallAndUseFromAnotherProject() throws Exception {
		Path archive = pack(library("acme-base", "1.0.0", null, "base.cell", BASE_V1));
		assertEquals("acme-base-1.0.0.zip", archive.getFileName().toString());
		try (ZipFile z = new ZipFile(archive.toFile())) {
			LibraryDescriptor d = LibraryDescriptor.parse(new String(z.getInputStream(z.getEntry("library.json")).readAllBytes(),
					StandardCharsets.UTF_8), "archive");
			assertEquals(java.util.List.of("acme.base"), d.packages());
			assertEquals("CC-BY-4.0", d.licence());
			assertEquals("10.1234/acme", d.doi());
			assertTrue(z.getEntry("base.cell") != null && z.getEntry("README.md") != null);
		}
		assertEquals(0, cli("install", archive.toString()), out + err);
		assertTrue(Files.isRegularFile(home.resolve("acme-base/1.0.0/base.cell")), out);
		// a second project uses it
		Path p = project("second", "\"acme-base\": \"[1.0,2.0)\"");
		assertEquals(0, cli("check", p.resolve("study.cell").toString()), out + err);
		assertTrue(out.contains("0 error(s)"), out);
	}

	/**
	 * An archive of the same name in --out (the one published, say) is kept unless --replace, as report --out and
	 * export-bdf --out keep a file: it was replaced without a word (input24). Nothing is written when kept.
	 */
	@Test
	void packKeepsAnExistingArchiveUnlessReplace() throws Exception {
		Path archive = pack(library("acme-base", "1.0.0", null, "base.cell", BASE_V1));
		byte[] published = Files.readAllBytes(archive);
		Path edited = library("acme-base", "1.0.0", null, "base.cell", BASE_V1.replace("2 mS/cm", "3 mS/cm"));
		assertEquals(1, cli("pack", edited.toString(), "--out", tmp.resolve("dist").toString()), out + err);
		assertTrue(err.contains("acme-base-1.0.0.zip: exists; kept (--replace overwrites it, or choose another --out)"), err);
		assertFalse(out.contains("packed"), out);
		assertArrayEquals(published, Files.readAllBytes(archive), "the existing archive is unchanged");
		try (Stream<Path> s = Files.list(tmp.resolve("dist"))) {
			assertEquals(java.util.List.of("acme-base-1.0.0.zip"), s.map(p -> p.getFileName().toString()).toList(), "nothing else written");
		}
		assertEquals(archive, pack(edited, "--replace"));
		try (ZipFile z = new ZipFile(archive.toFile())) {
			assertTrue(new String(z.getInputStream(z.getEntry("base.cell")).readAllBytes(), StandardCharsets.UTF_8).contains("3 mS/cm"));
		}
	}

	@Test
	void libFolderOnTheCommandLine() throws Exception {
		Path lib = library("acme-base", "1.0.0", null, "base.cell", BASE_V1);
		Path p = project("third", "\"acme-base\": \"1.0.0\"");
		assertEquals(0, cli("check", p.resolve("study.cell").toString(), "--lib", lib.toString()), out + err);
		// without it: the missing library is named with its version, and the importing file and line
		assertEquals(1, cli("check", p.resolve("study.cell").toString()), out + err);
		String line = out.lines().filter(l -> l.contains("study.cell:2:")).findFirst().orElse(out);
		assertTrue(line.contains("library acme-base 1.0.0") && line.contains("is not installed"), line);
		assertTrue(line.contains("error"), line);
	}

	@Test
	void versionMismatchNamesLibraryVersionsFileAndLine() throws Exception {
		Path archive = pack(library("acme-base", "1.0.0", null, "base.cell", BASE_V1));
		assertEquals(0, cli("install", archive.toString()), err);
		Path p = project("fourth", "\"acme-base\": \"[2.0,3.0)\"");
		assertEquals(1, cli("check", p.resolve("study.cell").toString()), out);
		String line = out.lines().filter(l -> l.contains("study.cell:2:")).findFirst().orElse(out);
		assertTrue(line.contains("acme-base [2.0,3.0)") && line.contains("found 1.0.0") && line.contains("cellwright-project.json"), line);
	}

	@Test
	void aNameThatDisappearedBetweenVersions() throws Exception {
		assertEquals(0, cli("install", pack(library("acme-base", "2.0.0", null, "base.cell", BASE_V2)).toString()), err);
		Path p = project("fifth", "\"acme-base\": \"[2.0,3.0)\"");
		assertEquals(1, cli("check", p.resolve("study.cell").toString()), out);
		String line = out.lines().filter(l -> l.contains("study.cell:3:")).findFirst().orElse(out);
		assertTrue(line.contains("acme.base.AcmeOld") && line.contains("library acme-base 2.0.0") && line.contains("removed or renamed"), line);
		String use = out.lines().filter(l -> l.contains("study.cell:7:")).findFirst().orElse(out);
		assertTrue(use.contains("AcmeOld") && use.contains("acme-base 2.0.0"), use);
	}

	@Test
	void packChecksTheLibraryOnItsOwnAndRecordsDependencies() throws Exception {
		Path base = library("acme-base", "1.0.0", null, "base.cell", BASE_V1);
		String cells = """
				package acme.cells
				import acme.base.*
				import cellwright.materials.Li
				""" + symmetricCell("AcmeSymmetric");
		// uses acme-base without declaring it: does not validate on its own
		Path undeclared = library("acme-cells", "0.1.0", null, "cells.cell", cells);
		assertEquals(1, cli("pack", undeclared.toString(), "--out", tmp.resolve("dist").toString(), "--lib", base.toString()), out + err);
		assertTrue(err.contains("does not validate on its own") && err.contains("cells.cell:2:"), err);
		// declared but not on the path
		Path declared = library("acme-cells", "0.2.0", "{ \"acme-base\": \"[1.0,2.0)\" }", "cells.cell", cells);
		assertEquals(1, cli("pack", declared.toString(), "--out", tmp.resolve("dist").toString()), out + err);
		assertTrue(err.contains("acme-base [1.0,2.0)") && err.contains("not installed"), err);
		// declared and found: packed with the version recorded
		Path a = pack(declared, "--lib", base.toString());
		try (ZipFile z = new ZipFile(a.toFile())) {
			String json = new String(z.getInputStream(z.getEntry("library.json")).readAllBytes(), StandardCharsets.UTF_8);
			assertEquals("1.0.0", LibraryDescriptor.parse(json, "x").resolved().get("acme-base"), json);
		}
		// installing it needs the dependency too, and then a project gets both
		assertEquals(1, cli("install", a.toString()), err);
		assertTrue(err.contains("acme-base"), err);
		assertEquals(0, cli("install", pack(base).toString()), err);
		assertEquals(0, cli("install", a.toString()), err);
	}

	// ------------------------------------------------------------------------------------------------ unsafe archives

	Map<String, String> snapshot() throws IOException {
		Map<String, String> m = new TreeMap<>();
		if (Files.exists(home))
			try (Stream<Path> s = Files.walk(home)) {
				for (Path p : s.toList())
					m.put(home.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "/");
			}
		return m;
	}

	Path zip(String name, Map<String, String> entries) throws IOException {
		Path z = tmp.resolve(name);
		try (ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(z))) {
			for (Map.Entry<String, String> e : entries.entrySet()) {
				o.putNextEntry(new ZipEntry(e.getKey()));
				o.write(e.getValue().getBytes(StandardCharsets.UTF_8));
				o.closeEntry();
			}
		}
		return z;
	}

	/** Marks an entry of the central directory as a Unix symbolic link. */
	static void makeSymlink(Path zip, String entry) throws IOException {
		byte[] b = Files.readAllBytes(zip);
		ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		byte[] name = entry.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i + 46 < b.length; i++)
			if (bb.getInt(i) == 0x02014b50 && bb.getShort(i + 28) == name.length
					&& new String(b, i + 46, name.length, StandardCharsets.UTF_8).equals(entry)) {
				b[i + 5] = 3; // made by Unix
				bb.putInt(i + 38, (0120777 << 16));
			}
		try (OutputStream o = Files.newOutputStream(zip)) {
			o.write(b);
		}
	}

	static final String DESCRIPTOR = "{\"name\": \"evil\", \"version\": \"1.0.0\", \"licence\": \"MIT\"}";

	void refused(Path archive, String reason) throws IOException {
		Map<String, String> before = snapshot();
		assertEquals(1, cli("install", archive.toString()), out + err);
		assertTrue(err.contains("refused") && err.contains(reason), err);
		assertEquals(before, snapshot(), "nothing installed changed");
		assertFalse(Files.exists(tmp.resolve("evil.cell")) || Files.exists(tmp.resolve("home/evil.cell")), "nothing written outside");
	}

	@Test
	void unsafeOrInvalidArchivesAreRefusedAndNothingChanges() throws Exception {
		assertEquals(0, cli("install", pack(library("acme-base", "1.0.0", null, "base.cell", BASE_V1)).toString()), err);
		Map<String, String> installed = snapshot();
		assertTrue(installed.containsKey("acme-base/1.0.0/base.cell"), installed.toString());
		String ok = "package evil\nmaterial E is solid-electrolyte { density = 1 g/cm3 }\n";
		refused(zip("dotdot.zip", Map.of("library.json", DESCRIPTOR, "../../evil.cell", ok)), "outside");
		refused(zip("abs.zip", Map.of("library.json", DESCRIPTOR, "/tmp/evil.cell", ok)), "absolute");
		Path link = zip("link.zip", Map.of("library.json", DESCRIPTOR, "e.cell", ok, "link.cell", "/etc/passwd"));
		makeSymlink(link, "link.cell");
		refused(link, "symbolic link");
		refused(zip("exe.zip", Map.of("library.json", DESCRIPTOR, "e.cell", ok, "run.sh", "rm -rf /")), "not a library file");
		refused(zip("broken.zip", Map.of("library.json", DESCRIPTOR, "e.cell", "package evil\nmaterial oops {")), "does not validate");
		refused(zip("nodesc.zip", Map.of("e.cell", ok)), "no library.json");
		refused(zip("baddesc.zip", Map.of("library.json", "{\"name\": \"Evil Lib\"}", "e.cell", ok)), "name");
		Path notzip = tmp.resolve("notzip.zip");
		Files.writeString(notzip, "hello");
		Map<String, String> before = snapshot();
		assertEquals(1, cli("install", notzip.toString()));
		assertTrue(err.contains("not a zip"), err);
		assertEquals(before, snapshot());
		// the same version again: refused, unchanged; --replace replaces
		Path again = pack(library("acme-base", "1.0.0", null, "base.cell", BASE_V1.replace("2 mS/cm", "3 mS/cm")), "--replace");
		refusedSameVersion(again);
		assertEquals(0, cli("install", again.toString(), "--replace"), err);
		assertTrue(Files.readString(home.resolve("acme-base/1.0.0/base.cell")).contains("3 mS/cm"));
		try (Stream<Path> s = Files.list(home)) {
			assertEquals(java.util.List.of("acme-base"), s.map(p -> p.getFileName().toString()).toList(), "no temporary folders left");
		}
	}

	void refusedSameVersion(Path archive) throws IOException {
		Map<String, String> before = snapshot();
		assertEquals(1, cli("install", archive.toString()), err);
		assertTrue(err.contains("already installed"), err);
		assertEquals(before, snapshot());
	}

	@Test
	void versionsAndRanges() {
		assertTrue(Version.parse("1.2").equals(Version.parse("1.2.0")));
		assertTrue(Version.parse("1.10.0").compareTo(Version.parse("1.9.9")) > 0);
		assertTrue(VersionRange.parse("[1.0,2.0)").includes(Version.parse("1.9.9")));
		assertFalse(VersionRange.parse("[1.0,2.0)").includes(Version.parse("2.0")));
		assertTrue(VersionRange.parse("(1.0,2.0]").includes(Version.parse("2.0")));
		assertFalse(VersionRange.parse("(1.0,2.0]").includes(Version.parse("1.0")));
		assertTrue(VersionRange.parse("1.2.0").includes(Version.parse("1.2")));
		assertFalse(VersionRange.parse("1.2.0").includes(Version.parse("1.2.1")));
		assertTrue(VersionRange.parse(">=1.2").includes(Version.parse("7")));
		assertTrue(VersionRange.parse("*").includes(Version.parse("0.0.1")));
	}
}
