package org.cellwright.sharing.library;

/**
 * Which versions of a library are acceptable: {@code 1.2.0} (exactly), {@code [1.0,2.0)} (OSGi/Maven interval,
 * brackets inclusive, parentheses exclusive, either bound may be empty), {@code >=1.2} or {@code *} (any).
 */
public record VersionRange(String text, Version low, boolean lowInclusive, Version high, boolean highInclusive) {

	public static VersionRange parse(String s) {
		if (s == null)
			throw new IllegalArgumentException("missing version range");
		String t = s.trim();
		if (t.equals("*") || t.isEmpty())
			return new VersionRange(t, null, true, null, true);
		if (t.startsWith(">="))
			return new VersionRange(t, Version.parse(t.substring(2)), true, null, true);
		if ((t.startsWith("[") || t.startsWith("(")) && (t.endsWith("]") || t.endsWith(")")) && t.contains(",")) {
			String[] b = t.substring(1, t.length() - 1).split(",", -1);
			if (b.length != 2)
				throw new IllegalArgumentException("'" + s + "' is not a version range (e.g. [1.0,2.0))");
			Version lo = b[0].isBlank() ? null : Version.parse(b[0]), hi = b[1].isBlank() ? null : Version.parse(b[1]);
			return new VersionRange(t, lo, t.startsWith("["), hi, t.endsWith("]"));
		}
		Version v = Version.parse(t);
		return new VersionRange(t, v, true, v, true);
	}

	public boolean includes(Version v) {
		if (low != null) {
			int c = v.compareTo(low);
			if (c < 0 || (c == 0 && !lowInclusive))
				return false;
		}
		if (high != null) {
			int c = v.compareTo(high);
			if (c > 0 || (c == 0 && !highInclusive))
				return false;
		}
		return true;
	}

	@Override
	public String toString() {
		return text;
	}
}
