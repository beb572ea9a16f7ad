package org.cellwright.sharing.library;

import java.util.Arrays;

/** A library version: dot-separated non-negative numbers ({@code 1}, {@code 1.2}, {@code 1.2.3}); 1.2 equals 1.2.0. */
public record Version(int[] parts) implements Comparable<Version> {

	/** Parses a version; throws {@link IllegalArgumentException} with a message naming the text. */
	public static Version parse(String s) {
		if (s == null || !s.trim().matches("\\d{1,9}(\\.\\d{1,9}){0,3}"))
			throw new IllegalArgumentException("'" + s + "' is not a version (expected numbers with dots, e.g. 1.2.0)");
		return new Version(Arrays.stream(s.trim().split("\\.")).mapToInt(Integer::parseInt).toArray());
	}

	@Override
	public int compareTo(Version o) {
		for (int i = 0; i < Math.max(parts.length, o.parts.length); i++) {
			int a = i < parts.length ? parts[i] : 0, b = i < o.parts.length ? o.parts[i] : 0;
			if (a != b)
				return Integer.compare(a, b);
		}
		return 0;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Version v && compareTo(v) == 0;
	}

	@Override
	public int hashCode() {
		int n = parts.length;
		while (n > 1 && parts[n - 1] == 0)
			n--;
		return Arrays.hashCode(Arrays.copyOf(parts, n));
	}

	/** One spelling per version: trailing zero parts dropped beyond the third ({@code 1} and {@code 1.0} give {@code 1.0.0}). */
	public String canonical() {
		int n = parts.length;
		while (n > 3 && parts[n - 1] == 0)
			n--;
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < Math.max(n, 3); i++)
			b.append(i == 0 ? "" : ".").append(i < n ? parts[i] : 0);
		return b.toString();
	}

	@Override
	public String toString() {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < parts.length; i++)
			b.append(i == 0 ? "" : ".").append(parts[i]);
		return b.toString();
	}
}
