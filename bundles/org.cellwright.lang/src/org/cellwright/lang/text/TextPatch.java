package org.cellwright.lang.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The smallest edit that brings a model change into text the user laid out by hand. The model is printed through the
 * formatter before and after the change; the two printouts differ only where the model changed. The document and
 * the printout "before" have the same tokens and comments (they differ in layout only), so the changed span is found
 * in the document by counting non-blank characters, and only that span is replaced: the layout of everything else
 * (one-line cells, aligned comments) stays as written.
 */
public record TextPatch(int offset, int length, String text) {

	/**
	 * Whether a model read from text can be edited and printed back into it: the text parsed whole, without syntax
	 * errors. A name that does not resolve (a linking error: a layer's unknown material) is no hindrance: the
	 * serializer prints an unresolved reference as it is written, and the edit that fixes it (setting the layer's
	 * material) must be possible. Before session 22 the diagram's and the IDE's sessions refused every edit of a text
	 * with any error of its resource, linking errors included.
	 */
	public static boolean printable(org.eclipse.emf.ecore.resource.Resource r) {
		if (!(r instanceof org.eclipse.xtext.resource.XtextResource x)) return r != null && r.getErrors().isEmpty();
		var parse = x.getParseResult();
		return parse != null && parse.getRootASTElement() != null && !parse.hasSyntaxErrors()
				&& x.getErrors().stream().allMatch(org.eclipse.xtext.linking.impl.XtextLinkingDiagnostic.class::isInstance);
	}

	/**
	 * The edit to apply to doc, or null if nothing changed. Each changed region of the printouts (a rename changes the
	 * declaration and every name of it) is written alone; the text between the regions stays byte for byte, so the
	 * edit spans from the first region to the last but carries the document's own text between them.
	 */
	public static TextPatch of(String doc, String before, String after) {
		if (before.equals(after)) return null;
		if (!nonBlank(doc).equals(nonBlank(before))) return diff(doc, after); // the document is not the model's printout
		List<int[]> spans = new ArrayList<>(); // {d1, d2, a1, a2, b1, b2}: doc span, after span, before span
		for (int[] h : regions(before, after)) {
			int[] span = span(doc, before, after, h[0], h[1], h[2], h[3]);
			if (span == null) return diff(doc, after);
			if (span[0] < 0) continue; // a change of blanks only: the document's layout stays
			int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
			if (last != null && (span[4] < last[5] || span[0] < last[1])) { // overlapping regions: one region
				int[] merged = span(doc, before, after, last[4], span[5], last[2], span[3]);
				if (merged == null || merged[0] < 0) return diff(doc, after);
				spans.set(spans.size() - 1, merged);
			} else spans.add(span);
		}
		if (spans.isEmpty()) return null;
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < spans.size(); i++) {
			if (i > 0) text.append(doc, spans.get(i - 1)[1], spans.get(i)[0]);
			text.append(after, spans.get(i)[2], spans.get(i)[3]);
		}
		int d1 = spans.get(0)[0], d2 = spans.get(spans.size() - 1)[1];
		return new TextPatch(d1, d2 - d1, text.toString());
	}

	/**
	 * Where before[b1, b2) became after[a1, a2) in doc: {d1, d2, a1', a2', b1', b2'}, with d1 = -1 if only blanks
	 * changed, or null if the span cannot be found in doc. A change of tokens alone (a name, a number) replaces just
	 * those characters; a change with blanks in it takes the formatter's layout around it.
	 */
	private static int[] span(String doc, String before, String after, int b1, int b2, int a1, int a2) {
		while (b1 < b2 && a1 < a2 && before.charAt(b1) == after.charAt(a1)) { b1++; a1++; }
		while (b2 > b1 && a2 > a1 && before.charAt(b2 - 1) == after.charAt(a2 - 1)) { b2--; a2--; }
		String was = before.substring(b1, b2), is = after.substring(a1, a2);
		if (nonBlank(was).isEmpty() && nonBlank(is).isEmpty()) return new int[] { -1, -1, a1, a2, b1, b2 };
		int k1 = count(before, b1), k2 = count(before, b2);
		if (nonBlank(was).equals(was) && nonBlank(is).equals(is)) { // tokens only: anchor on the characters around
			int d1 = b1 > 0 && !blank(before.charAt(b1 - 1)) ? indexOfNonBlank(doc, k1 - 1) + 1
					: b2 > b1 ? indexOfNonBlank(doc, k1) : -1;
			int d2 = b2 < before.length() && !blank(before.charAt(b2)) ? indexOfNonBlank(doc, k2)
					: b2 > b1 ? indexOfNonBlank(doc, k2 - 1) + 1 : d1;
			if (b2 == b1 && d1 < 0) d1 = d2;
			if (d1 >= 0 && d2 >= d1) return new int[] { d1, d2, a1, a2, b1, b2 };
		}
		// widen to the blanks around the change: the layout there comes from the formatter
		while (b1 > 0 && blank(before.charAt(b1 - 1))) { b1--; a1--; }
		while (b2 < before.length() && blank(before.charAt(b2))) { b2++; a2++; }
		if (a1 < 0 || a2 > after.length() || a2 < a1) return null;
		k1 = count(before, b1);
		k2 = count(before, b2);
		int d1 = k1 == 0 ? 0 : indexOfNonBlank(doc, k1 - 1) + 1;
		int d2 = indexOfNonBlank(doc, k2);
		if (d2 < 0) d2 = doc.length();
		return d2 < d1 ? null : new int[] { d1, d2, a1, a2, b1, b2 };
	}

	/**
	 * The most line pairs the comparison of {@link #regions} holds in memory (4 bytes each: 16 MB); past it, the lines
	 * between the first and the last changed line are one region (the formatter's layout there, as before session 21).
	 */
	static final long MAX_LINE_PAIRS = 4_000_000;

	/**
	 * The changed regions {b1, b2, a1, a2} of before and after, found by comparing their lines (in order): the lines
	 * equal at the start and at the end are passed over, the lines between compared by their longest common
	 * subsequence (at most {@link #MAX_LINE_PAIRS} pairs of them).
	 */
	static List<int[]> regions(String before, String after) {
		List<String> x = lines(before), y = lines(after);
		int n = x.size(), m = y.size(), i = 0, j = 0, bo = 0, ao = 0; // bo, ao: character offsets of line i in before, line j in after
		while (i < n && j < m && x.get(i).equals(y.get(j))) {
			bo += x.get(i++).length();
			ao += y.get(j++).length();
		}
		while (n > i && m > j && x.get(n - 1).equals(y.get(m - 1))) { n--; m--; }
		List<int[]> regions = new ArrayList<>();
		if ((long) (n - i + 1) * (m - j + 1) > MAX_LINE_PAIRS) {
			regions.add(new int[] { bo, bo + length(x, i, n), ao, ao + length(y, j, m) });
			return regions;
		}
		int[][] lcs = new int[n - i + 1][m - j + 1]; // lcs[k][l]: common lines of x[i + k..n) and y[j + l..m)
		for (int k = n - i - 1; k >= 0; k--)
			for (int l = m - j - 1; l >= 0; l--)
				lcs[k][l] = x.get(i + k).equals(y.get(j + l)) ? lcs[k + 1][l + 1] + 1 : Math.max(lcs[k + 1][l], lcs[k][l + 1]);
		int i0 = i, j0 = j;
		while (i < n || j < m) {
			if (i < n && j < m && x.get(i).equals(y.get(j))) {
				bo += x.get(i++).length();
				ao += y.get(j++).length();
				continue;
			}
			int b1 = bo, a1 = ao;
			while (i < n || j < m) {
				if (i < n && j < m && x.get(i).equals(y.get(j))) break;
				if (j < m && (i == n || lcs[i - i0][j + 1 - j0] >= lcs[i + 1 - i0][j - j0])) ao += y.get(j++).length();
				else bo += x.get(i++).length();
			}
			regions.add(new int[] { b1, bo, a1, ao });
		}
		return regions;
	}

	/** The characters of lines[from, to). */
	private static int length(List<String> lines, int from, int to) {
		int length = 0;
		for (int k = from; k < to; k++) length += lines.get(k).length();
		return length;
	}

	/** The lines of s, each with its line end. */
	private static List<String> lines(String s) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < s.length(); i++)
			if (s.charAt(i) == '\n') {
				lines.add(s.substring(start, i + 1));
				start = i + 1;
			}
		if (start < s.length()) lines.add(s.substring(start));
		return lines;
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
