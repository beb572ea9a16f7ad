package org.cellwright.run.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What comes back from a worker for one run: the files of its run folder (relative path -> bytes, as RunWriter wrote
 * them), its status, the solver's seconds, the solver's error (null unless FAILED) and where it ran.
 */
public record UnitResult(LinkedHashMap<String, byte[]> files, String status, double seconds, String error, String executor, int attempt)
		implements Serializable {

	/** Bytes of all files. */
	public long bytes() {
		long n = 0;
		for (byte[] b : files.values()) n += b.length;
		return n;
	}
}
