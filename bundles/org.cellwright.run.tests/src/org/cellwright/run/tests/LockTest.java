package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunStore;
import org.cellwright.run.store.RunStoreException;
import org.cellwright.run.store.Slot;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer at a time for the runs of an experiment, across processes: the run store holds a file lock on
 * {@code <experiment>/.lock} while it writes; a second writer is refused with a message, and writes nothing.
 */
class LockTest {

	@TempDir Path tmp;

	/** A second JVM that takes the store's lock the way RunStore does (FileChannel.tryLock on .lock) and reports. */
	static final String OTHER_WRITER = """
			import java.nio.channels.FileChannel;
			import java.nio.file.*;
			public class OtherWriter {
				public static void main(String[] a) throws Exception {
					try (FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
						var lock = ch.tryLock();
						System.out.println(lock == null ? "refused" : "locked");
						System.out.flush();
						if (lock != null && a.length > 1) Thread.sleep(Long.parseLong(a[1]));
					}
				}
			}
			""";

	Process other(Path lock, String... more) throws Exception {
		Path src = Cli.write(tmp.resolve("OtherWriter.java"), OTHER_WRITER);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String[] cmd = new String[3 + more.length];
		cmd[0] = java;
		cmd[1] = src.toString();
		cmd[2] = lock.toString();
		System.arraycopy(more, 0, cmd, 3, more.length);
		return new ProcessBuilder(cmd).redirectErrorStream(true).start();
	}

	static String firstLine(Process p) throws Exception {
		BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
		return r.readLine();
	}

	@Test
	void whileThisProcessWritesAnotherIsRefused() throws Exception {
		RunStore store = new RunStore(tmp.resolve("out"));
		try (Slot slot = store.begin("X", Instant.now(), "3fa9c2aa")) {
			Process p = other(tmp.resolve("out/X").resolve(RunFiles.LOCK));
			assertEquals("refused", firstLine(p), "the other process cannot take the lock");
			assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		}
		// released with the run in place: the other process gets it now
		Process p = other(tmp.resolve("out/X").resolve(RunFiles.LOCK));
		assertEquals("locked", firstLine(p));
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
	}

	@Test
	void whileAnotherProcessWritesThisOneIsRefusedAndWritesNothing() throws Exception {
		Path x = Files.createDirectories(tmp.resolve("out/X"));
		Process p = other(x.resolve(RunFiles.LOCK), "30000");
		try {
			assertEquals("locked", firstLine(p));
			RunStoreException e = assertThrows(RunStoreException.class, () -> new RunStore(tmp.resolve("out")).begin("X", Instant.now(), "3fa9c2aa"));
			assertTrue(e.getMessage().contains("another run of X is being written there"), e.getMessage());
			try (var s = Files.list(x)) {
				assertEquals(1, s.count(), "only the lock file: nothing written");
			}
			// the command line says so and exits 1
			Path f = Cli.write(tmp.resolve("t.cell"), PlatingCell.file("5 MPa"));
			Cli.Result r = Cli.cli("run", f.toString(), "--out", tmp.resolve("out").toString());
			assertEquals(1, r.rc(), r.out() + r.err());
			assertTrue(r.err().contains("X not run: ") && r.err().contains("another run of X is being written there"), r.err());
		} finally {
			p.destroy();
			p.waitFor(30, TimeUnit.SECONDS);
		}
	}
}
