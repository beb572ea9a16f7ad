package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's apt-get waits for a lock held by another package manager instead of stopping at once: its
 * {@code apt_get} function, run against a fake apt-get that reports the dpkg lock as held twice and then succeeds.
 */
class AptLockWaitTest {

	@TempDir Path tmp;

	/** The repository's launcher script, found above the test bundle. */
	static Path script() {
		for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent())
			if (Files.isRegularFile(p.resolve("cellwright")) && Files.isRegularFile(p.resolve("pom.xml"))) return p.resolve("cellwright");
		throw new AssertionError("the cellwright script was not found above " + System.getProperty("user.dir"));
	}

	private record Run(int rc, String out, List<String> calls) {}

	private Run run(int failures, String timeout) throws Exception {
		Path bin = Files.createDirectories(tmp.resolve("bin"));
		Path calls = tmp.resolve("calls.txt");
		Path fake = bin.resolve("apt-get");
		Files.writeString(fake, """
				#!/usr/bin/env bash
				echo "$*" >> %s
				n=$(wc -l < %s)
				if [ "$n" -le %d ]; then echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)" >&2; exit 100; fi
				echo installed
				""".formatted(calls, calls, failures));
		Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
		// the function as the launcher defines it, without running the launcher's commands
		String body = "info() { echo \"cellwright: $*\" >&2; }\n"
				+ "eval \"$(sed -n '/^APT_LOCK_TIMEOUT=/,/^}/p' '" + script() + "')\"\n"
				+ "apt_get install -y -qq xvfb\n";
		ProcessBuilder pb = new ProcessBuilder("bash", "-c", body).redirectErrorStream(true);
		pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
		pb.environment().put("CELLWRIGHT_APT_LOCK_TIMEOUT", timeout);
		Process p = pb.start();
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "apt_get ended");
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Run(p.exitValue(), out, Files.exists(calls) ? Files.readAllLines(calls) : List.of());
	}

	@Test
	void waitsWhileAnotherPackageManagerHoldsTheLock() throws Exception {
		Run r = run(2, "60");
		assertEquals(0, r.rc(), r.out());
		assertEquals(3, r.calls().size(), "tried until the lock was free: " + r.calls());
		assertTrue(r.calls().get(0).contains("-o DPkg::Lock::Timeout=60"), "dpkg's own wait is asked for too: " + r.calls());
		assertTrue(r.out().contains("waiting for another package manager"), r.out());
	}

	@Test
	void givesUpWithApt_getsMessageWhenTheWaitIsOver() throws Exception {
		Run r = run(100, "0");
		assertEquals(100, r.rc(), r.out());
		assertEquals(1, r.calls().size(), r.calls().toString());
		assertTrue(r.out().contains("Could not get lock"), r.out());
	}
}
