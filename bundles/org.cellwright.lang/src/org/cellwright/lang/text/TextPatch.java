package org.cellwright.lang.text;

/**
 * The smallest edit that brings a model change into text the user laid out by hand. The model is printed through the
 * formatter before and after the change; the two printouts differ only where the model changed. The document and
 * the printout "before" have the same tokens and comments (they differ in layout only), so the changed span is found
 * in the document by counting non-blank characters, and only that span is replaced: the layout of everything else
 * (one-line cells, aligned comments) stays as written.
 */
public record TextPatch(int offset, int length, String text) {

	/** The edit to apply to doc, or null if nothing changed. */
	public static TextPatch of(String doc, String before, String after) {
		if (before.equals(after)) return null;
		if (!nonBlank(doc).equals(nonBlank(before))) return diff(doc, after); // the document is not the model's printout
		int p = 0, lenOld = before.length(), lenNew = after.length();
		while (p < lenOld && p < lenNew && before.charAt(p) == after.charAt(p)) p++;
		int s = 0;
		while (s < lenOld - p && s < lenNew - p && before.charAt(lenOld - 1 - s) == after.charAt(lenNew - 1 - s)) s++;
		// widen to the blanks around the change: the layout there comes from the formatter
		int p0 = p, e0 = lenOld - s;
		while (p0 > 0 && blank(before.charAt(p0 - 1))) p0--;
		while (e0 < lenOld && blank(before.charAt(e0))) e0++;
		int e0New = e0 + (lenNew - lenOld);
		if (e0New < p0) return diff(doc, after);
		int k1 = count(before, p0), k2 = count(before, e0);
		int d1 = k1 == 0 ? 0 : indexOfNonBlank(doc, k1 - 1) + 1;
		int d2 = indexOfNonBlank(doc, k2);
		if (d2 < 0) d2 = doc.length();
		if (d2 < d1) return diff(doc, after);
		return new TextPatch(d1, d2 - d1, after.substring(p0, e0New));
	}

	/** The plain common-prefix/suffix replacement of doc by text. */
	static TextPatch diff(String old, String text) {
		int start = 0, endOld = old.length(), endNew = text.length();
		while (start < endOld && start < endNew && old.charAt(start) == text.charAt(start)) start++;
		while (endOld > start && endNew > start && old.charAt(endOld - 1) == text.charAt(endNew - 1)) { endOld--; endNew--; }
		return new TextPatch(start, endOld - start, text.substring(start, endNew));
	}

	public String applyTo(String doc) {
		return doc.substring(0, offset) + text + doc.substring(offset + length);
	}

	private static boolean blank(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r';
	}

	private static String nonBlank(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) if (!blank(s.charAt(i))) b.append(s.charAt(i));
		return b.toString();
	}

	/** Non-blank characters in s[0, end). */
	private static int count(String s, int end) {
		int n = 0;
		for (int i = 0; i < end; i++) if (!blank(s.charAt(i))) n++;
		return n;
	}

	/** Index of the k-th (0-based) non-blank character, or -1. */
	private static int indexOfNonBlank(String s, int k) {
		for (int i = 0; i < s.length(); i++) if (!blank(s.charAt(i)) && k-- == 0) return i;
		return -1;
	}
}
