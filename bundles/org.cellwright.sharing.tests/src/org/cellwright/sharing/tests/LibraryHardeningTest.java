package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.sharing.library.Libraries;
import org.cellwright.sharing.library.LibraryDescriptor;
import org.cellwright.sharing.library.LibraryException;
import org.cellwright.sharing.library.LibraryPath;
import org.cellwright.sharing.library.Version;
import org.cellwright.sharing.library.ZipSafety;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing crafted library archives through the library API (no command line): names that differ only in spelling,
 * versions written differently, wrongly typed descriptors, impossible central directories, leftovers of killed
 * installs, control characters in entry names, and where installs go ($HOME).
 */
public class LibraryHardeningTest {

	@TempDir
	Path tmp;

	Path home;
	static CellWrightChecker checker;

	static final String CELL = "package acme.hard\nmaterial HardSE is solid-electrolyte { density = 1.6 g/cm3 }\n";

	static String descriptor(String version) {
		return "{\"name\": \"acme-hard\", \"version\": \"" + version + "\", \"licence\": \"MIT\", \"authors\": [\"A. Lab\"]}";
	}

	@BeforeAll
	static void checker() {
		checker = new CellWrightChecker();
	}

	@BeforeEach
	void folders() throws IOException {
		home = tmp.resolve("home/.cellwright/libraries");
		Files.createDirectories(home);
	}

	/** A zip with the entries in this order (names exactly as given, duplicates allowed as far as java.util.zip lets). */
	Path zip(String name, String... nameThenContent) throws IOException {
		Path z = tmp.resolve(name);
		try (ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(z))) {
			for (int i = 0; i < nameThenContent.length; i += 2) {
				o.putNextEntry(new ZipEntry(nameThenContent[i]));
				o.write(nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
				o.closeEntry();
			}
		}
		return z;
	}

	Libraries.Outcome install(Path archive, boolean replace) throws LibraryException {
		return Libraries.install(archive, home, new LibraryPath(List.of(home)), checker, replace);
	}

	Map<String, String> snapshot() throws IOException {
		Map<String, String> m = new TreeMap<>();
		try (Stream<Path> s = Files.walk(home)) {
			for (Path p : s.toList())
				m.put(home.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "/");
		}
		return m;
	}

	/** Refused with a message holding {@code reason}, nothing in the user folder changed. */
	String refused(Path archive, String reason) throws IOException {
		Map<String, String> before = snapshot();
		LibraryException e = assertThrows(LibraryException.class, () -> install(archive, false));
		assertTrue(e.getMessage().contains("refused") && e.getMessage().contains(reason), e.getMessage());
		assertEquals(before, snapshot(), "nothing installed changed, nothing left behind");
		return e.getMessage();
	}

	// ------------------------------------------------------------------------------------------------ entry names

	@Test
	void entriesThatDifferOnlyInSpellingAreDuplicates() throws Exception {
		String other = "package acme.hard\nmaterial Other is solid-electrolyte { density = 2 g/cm3 }\n";
		String m = refused(zip("dot.zip", "library.json", descriptor("1.0.0"), "./library.json", descriptor("9.0.0"), "a.cell", CELL),
				"appears twice");
		assertTrue(m.contains("'./library.json'") && m.contains("'library.json'"), m);
		refused(zip("slashes.zip", "library.json", descriptor("1.0.0"), "a/b.cell", CELL, "a//b.cell", other), "appears twice");
		refused(zip("dotseg.zip", "library.json", descriptor("1.0.0"), "a/b.cell", CELL, "a/./b.cell", other), "appears twice");
		refused(zip("case.zip", "library.json", descriptor("1.0.0"), "A.cell", CELL, "a.cell", other), "appears twice");
		// a file that is also a folder of another entry
		refused(zip("fileanddir.zip", "library.json", descriptor("1.0.0"), "a.cell", CELL, "a.cell/b.cell", other), "also has as a file");
		// spelled unusually but once each: installed where the normalised name says
		Libraries.Outcome o = install(zip("odd.zip", "./library.json", descriptor("1.0.0"), "sub//./a.cell", CELL), false);
		assertTrue(Files.isRegularFile(o.path().resolve("library.json")) && Files.isRegularFile(o.path().resolve("sub/a.cell")),
				snapshot().toString());
	}

	@Test
	void entryNamesWithControlCharactersAreRefusedAndEscapedInTheMessage() throws Exception {
		String m = refused(zip("esc.zip", "library.json", descriptor("1.0.0"), "\u001b[2J\u001b[31mFAKE: 0 error(s).cell", CELL), "control");
		assertFalse(m.chars().anyMatch(c -> c < 0x20 && c != '\n'), "no control character in the message: " + m);
		assertTrue(m.contains("\\e[2J"), m);
		String bidi = refused(zip("bidi.zip", "library.json", descriptor("1.0.0"), "evil\u202Ellec.cell", CELL), "bidirectional");
		assertFalse(bidi.contains("\u202E"), bidi);
		assertTrue(bidi.contains("\\u202E"), bidi);
		// a refusal for another reason escapes the name too
		String other = refused(zip("exe.zip", "library.json", descriptor("1.0.0"), "a.cell", CELL, "../\u001b]0;x\u0007.cell", CELL), "");
		assertFalse(other.contains("\u001b") || other.contains("\u0007"), other);
	}

	@Test
	void nameAndVersionCannotLeaveTheUserFolder() throws Exception {
		for (String bad : List.of("{\"name\": \"../evil\", \"version\": \"1.0\", \"licence\": \"MIT\"}",
				"{\"name\": \"evil\", \"version\": \"1.0/../../../x\", \"licence\": \"MIT\"}",
				"{\"name\": \"/tmp/evil\", \"version\": \"1.0\", \"licence\": \"MIT\"}"))
			refused(zip("bad.zip", "library.json", bad, "a.cell", CELL), "library.json");
		assertFalse(Files.exists(tmp.resolve("evil")) || Files.exists(tmp.resolve("home/evil")) || Files.exists(tmp.resolve("x")));
	}

	// ------------------------------------------------------------------------------------------------ versions

	@Test
	void aVersionWrittenDifferentlyIsTheSameVersion() throws Exception {
		assertEquals("1.0.0", Version.parse("1").canonical());
		assertEquals("1.0.0", Version.parse("1.0").canonical());
		assertEquals("1.2.3", Version.parse("1.2.3.0").canonical());
		assertEquals("1.2.3.4", Version.parse("1.2.3.4").canonical());
		Libraries.Outcome first = install(zip("v100.zip", "library.json", descriptor("1.0.0"), "a.cell", CELL), false);
		assertEquals(home.resolve("acme-hard/1.0.0"), first.path());
		String m = refused(zip("v10.zip", "library.json", descriptor("1.0"), "a.cell", CELL.replace("1.6", "1.7")), "already installed");
		assertTrue(m.contains("written differently") && m.contains("acme-hard/1.0.0"), m);
		// --replace replaces whichever spelling was installed
		Libraries.Outcome second = install(tmp.resolve("v10.zip"), true);
		assertEquals(home.resolve("acme-hard/1.0"), second.path());
		try (Stream<Path> s = Files.list(home.resolve("acme-hard"))) {
			assertEquals(List.of("1.0"), s.map(p -> p.getFileName().toString()).toList());
		}
		assertTrue(Files.readString(second.path().resolve("a.cell")).contains("1.7"));
		try (Stream<Path> s = Files.list(home)) {
			assertEquals(List.of("acme-hard"), s.map(p -> p.getFileName().toString()).toList(), "no work folders or lock files left");
		}
		// the library path counts both spellings as one version (the first found wins)
		Files.createDirectories(home.resolve("acme-hard/1.0.0"));
		Files.writeString(home.resolve("acme-hard/1.0.0/library.json"), descriptor("1.0.0"));
		assertEquals(1, new LibraryPath(List.of(home)).versions("acme-hard").size());
		// both spellings installed (by an older CellWright): --replace leaves one
		Libraries.Outcome third = install(zip("v100b.zip", "library.json", descriptor("1.0.0"), "a.cell", CELL.replace("1.6", "1.8")), true);
		assertEquals(home.resolve("acme-hard/1.0.0"), third.path());
		try (Stream<Path> s = Files.list(home.resolve("acme-hard"))) {
			assertEquals(List.of("1.0.0"), s.map(p -> p.getFileName().toString()).toList());
		}
		assertTrue(Files.readString(third.path().resolve("a.cell")).contains("1.8"));
	}

	// ------------------------------------------------------------------------------------------------ descriptors

	@Test
	void wronglyTypedDescriptorFieldsAreRefusedByName() throws Exception {
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("\"authors\": [{\"name\": \"A. Lab\"}]", "\"authors\"[0] must be a text");
		cases.put("\"authors\": {\"name\": \"A. Lab\"}", "\"authors\" must be a list of texts");
		cases.put("\"citation\": {\"text\": \"x\"}", "\"citation\" must be a text");
		cases.put("\"doi\": [\"10.1/x\"]", "\"doi\" must be a text");
		cases.put("\"description\": {}", "\"description\" must be a text");
		cases.put("\"dependencies\": [\"acme-base\"]", "\"dependencies\" must be an object");
		cases.put("\"dependencies\": {\"acme-base\": {\"min\": \"1.0\"}}", "\"dependencies\" / \"acme-base\" must be a text");
		cases.put("\"packages\": [[\"acme.hard\"]]", "\"packages\"[0] must be a text");
		cases.put("\"resolved\": [\"1.0\"]", "\"resolved\" must be an object");
		for (Map.Entry<String, String> c : cases.entrySet()) {
			String json = descriptor("1.0.0").replace("\"authors\": [\"A. Lab\"]", c.getKey());
			LibraryException e = assertThrows(LibraryException.class, () -> LibraryDescriptor.parse(json, "library.json"), json);
			assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
		}
		for (String json : List.of("{\"name\": {\"x\": 1}, \"version\": \"1.0\", \"licence\": \"MIT\"}",
				"{\"name\": \"a\", \"version\": [1, 0], \"licence\": \"MIT\"}", "{\"name\": \"a\", \"version\": \"1.0\", \"licence\": {\"spdx\": \"MIT\"}}",
				"[1, 2]", "\"text\"", "{", "[".repeat(100_000)))
			assertThrows(LibraryException.class, () -> LibraryDescriptor.parse(json, "library.json"), json);
		// through install: a clear refusal, nothing installed
		refused(zip("authors.zip", "library.json", descriptor("1.0.0").replace("[\"A. Lab\"]", "[{\"name\": \"A. Lab\"}]"), "a.cell", CELL),
				"\"authors\"[0] must be a text");
	}

	// ------------------------------------------------------------------------------------------------ impossible archives

	/** An end-of-central-directory record claiming {@code entries} entries in {@code cdSize} bytes at {@code cdOffset}. */
	static byte[] eocd(int entries, long cdSize, long cdOffset) {
		ByteBuffer b = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries).putShort((short) entries)
				.putInt((int) cdSize).putInt((int) cdOffset).putShort((short) 0);
		return b.array();
	}

	@Test
	void aCentralDirectoryBeyondTheLimitsIsRefused() throws Exception {
		// a small file claiming a 2.5 GiB central directory
		Path claim = tmp.resolve("claim.zip");
		Files.write(claim, eocd(3, 0xA0000000L, 0));
		refused(claim, "central directory of " + 0xA0000000L + " bytes");
		// a 3 GiB (sparse) file whose directory claims 2.5 GiB: refused by its size before anything is read
		Path big = tmp.resolve("big.zip");
		try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
			f.setLength(3L << 30);
			f.seek((3L << 30) - 22);
			f.write(eocd(3, 0xA0000000L, 0x10000000L));
		}
		String m = refused(big, "3072 MB");
		assertTrue(m.contains("at most " + ZipSafety.MAX_ARCHIVE_BYTES / (1024 * 1024) + " MB"), m);
		Files.delete(big);
		// a directory that lies beyond the end of the file; zip64 markers
		Path beyond = tmp.resolve("beyond.zip");
		Files.write(beyond, eocd(1, 1000, 5000));
		refused(beyond, "beyond the end");
		Path zip64 = tmp.resolve("zip64.zip");
		Files.write(zip64, eocd(0xFFFF, 46, 0));
		refused(zip64, "zip64");
	}

	// ------------------------------------------------------------------------------------------------ killed installs

	/** A leftover as {@code kill -9} leaves it: the work folder with a half-extracted library and an unlocked lock file. */
	Path leftover(String id) throws IOException {
		Path work = home.resolve(Libraries.WORK_PREFIX + id);
		Files.createDirectories(work.resolve("new"));
		Files.writeString(work.resolve("new/library.json"), descriptor("1.0.0"));
		Files.writeString(home.resolve(Libraries.WORK_PREFIX + id + ".lock"), "");
		return work;
	}

	@Test
	void leftoversOfKilledInstallsAreRemovedAndRunningInstallsKept() throws Exception {
		Path dead = leftover("111-dead");
		// an install that still runs holds its lock (here: this process)
		Path running = leftover("222-running");
		try (FileChannel ch = FileChannel.open(home.resolve(Libraries.WORK_PREFIX + "222-running.lock"), StandardOpenOption.WRITE);
				FileLock lock = ch.lock()) {
			// a folder of an older CellWright without a lock file: removed only once it is an hour old
			Path legacyNew = Files.createDirectories(home.resolve(".install-1234567890"));
			Path legacyOld = Files.createDirectories(home.resolve(".install-9876543210"));
			Files.setLastModifiedTime(legacyOld, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000L));
			// something that is not ours
			Path mine = Files.createDirectories(home.resolve("acme-notes"));
			Libraries.Outcome o = install(zip("ok.zip", "library.json", descriptor("2.0.0"), "a.cell", CELL), false);
			assertTrue(Files.isDirectory(o.path()));
			assertFalse(Files.exists(dead), "the killed install's folder is removed");
			assertFalse(Files.exists(home.resolve(Libraries.WORK_PREFIX + "111-dead.lock")), "and its lock file");
			assertTrue(Files.isDirectory(running.resolve("new")), "a running install's folder is kept");
			assertTrue(Files.isDirectory(legacyNew) && !Files.exists(legacyOld), "an unlocked folder only when an hour old");
			assertTrue(Files.isDirectory(mine));
		}
	}

	@Test
	void aKilledReplaceGetsTheOldVersionBack() throws Exception {
		install(zip("v1.zip", "library.json", descriptor("1.0.0"), "a.cell", CELL), false);
		// killed between moving 1.0.0 aside and moving the new one in
		Path work = leftover("333-replace");
		Files.move(home.resolve("acme-hard/1.0.0"), work.resolve("old"));
		Files.writeString(work.resolve("target"), "acme-hard/1.0.0");
		assertFalse(Files.exists(home.resolve("acme-hard/1.0.0")));
		List<Path> removed = Libraries.cleanLeftovers(home);
		assertEquals(List.of(work), removed);
		assertTrue(Files.readString(home.resolve("acme-hard/1.0.0/a.cell")).contains("HardSE"), "the old version is back");
		try (Stream<Path> s = Files.list(home)) {
			assertEquals(List.of("acme-hard"), s.map(p -> p.getFileName().toString()).toList());
		}
	}

	/** A real kill -9: another process holds the lock of a work folder; while it lives the folder stays. */
	@Test
	void aLockHeldByAnotherProcessKeepsTheFolderUntilThatProcessIsKilled() throws Exception {
		Path work = leftover("444-other");
		Path lockFile = home.resolve(Libraries.WORK_PREFIX + "444-other.lock");
		Path src = tmp.resolve("Locker.java");
		Files.writeString(src, """
				import java.nio.channels.FileChannel;
				import java.nio.file.*;
				public class Locker {
					public static void main(String[] a) throws Exception {
						FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE);
						ch.lock();
						System.out.println("locked");
						System.out.flush();
						Thread.sleep(600_000);
					}
				}
				""");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process p = new ProcessBuilder(java, src.toString(), lockFile.toString()).redirectErrorStream(true).start();
		try {
			String first = new String(p.getInputStream().readNBytes(7), StandardCharsets.UTF_8);
			assertEquals("locked", first.trim(), "the locking process started");
			Libraries.cleanLeftovers(home);
			assertTrue(Files.isDirectory(work), "locked by a live process: kept");
		} finally {
			p.destroyForcibly(); // SIGKILL
			p.waitFor(60, TimeUnit.SECONDS);
		}
		assertEquals(List.of(work), Libraries.cleanLeftovers(home));
		assertFalse(Files.exists(work) || Files.exists(lockFile));
	}

	// ------------------------------------------------------------------------------------------------ $HOME

	@Test
	void theUserFolderFollowsHome() {
		assertEquals(Path.of("/somewhere"), LibraryPath.home("/somewhere", "/account/home"));
		assertEquals(Path.of("/somewhere"), LibraryPath.home("/somewhere/./", "/account/home"));
		assertEquals(Path.of("/account/home"), LibraryPath.home(null, "/account/home"));
		assertEquals(Path.of("/account/home"), LibraryPath.home("", "/account/home"));
		assertEquals(Path.of("/account/home"), LibraryPath.home("relative/home", "/account/home"), "a relative $HOME is not used");
		String env = System.getenv("HOME");
		if (System.getProperty(LibraryPath.HOME_PROPERTY) == null && env != null && env.startsWith("/"))
			assertEquals(Path.of(env, ".cellwright", "libraries"), LibraryPath.userFolder());
	}
}
