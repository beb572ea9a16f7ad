package org.cellwright.sharing.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cellwright.lang.text.Printable;

/**
 * Reads a zip's central directory (java.util.zip does not show the Unix mode, so symbolic links would go unnoticed)
 * and refuses entries that could land outside the folder they are extracted into or that a library has no use for:
 * absolute paths, {@code ..} segments, backslashes, control characters, symbolic links, names that are the same once
 * spelled alike ({@code ./library.json} and {@code library.json}, {@code a//b.cell} and {@code a/b.cell}, or names that
 * differ only in case), a name that is both a file and a folder, other file types, more than {@link #MAX_ENTRIES}
 * entries, more than {@link #MAX_BYTES} in all, an archive file larger than {@link #MAX_ARCHIVE_BYTES} or a central
 * directory larger than {@link #MAX_DIRECTORY_BYTES}.
 */
public final class ZipSafety {

	public static final int MAX_ENTRIES = 5000;
	/** Uncompressed size of all entries together. */
	public static final long MAX_BYTES = 64L * 1024 * 1024;
	/** The central directory (the list of entries) a library archive may have. */
	public static final long MAX_DIRECTORY_BYTES = 4L * 1024 * 1024;
	/** The archive file itself: the entries (stored or compressed) and the directory. */
	public static final long MAX_ARCHIVE_BYTES = MAX_BYTES + MAX_DIRECTORY_BYTES;
	/** The length of an entry's name, and of each of its folder or file names (bytes, as most file systems count). */
	public static final int MAX_NAME_CHARS = 1024, MAX_SEGMENT_BYTES = 255;

	/**
	 * One entry of the central directory: {@code name} as stored (to find it in the zip), {@code path} its normalised
	 * spelling (no {@code ./} or empty segments, no trailing {@code /}), where it is extracted to.
	 */
	public record Entry(String name, String path, long size, boolean directory, boolean symlink) {
	}

	private ZipSafety() {
	}

	/** An entry name as it may be printed (control characters and bidirectional overrides escaped). */
	static String shown(String name) {
		return Printable.quoted(name);
	}

	/** The entries of a safe library archive; throws with a message naming the first unsafe entry. */
	public static List<Entry> check(Path zip) throws LibraryException {
		List<Entry> entries = read(zip);
		String where = Printable.escape(zip.toString());
		if (entries.size() > MAX_ENTRIES)
			throw new LibraryException(where + ": refused: " + entries.size() + " entries (at most " + MAX_ENTRIES + ")");
		long total = 0;
		Map<String, Entry> byPath = new HashMap<>();
		Set<String> files = new HashSet<>();
		for (Entry e : entries) {
			String n = e.name();
			if (n.isEmpty() || n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.startsWith("~"))
				throw new LibraryException(where + ": refused: entry " + shown(n) + " has an absolute path");
			if (n.contains("\\") || n.indexOf('\0') >= 0)
				throw new LibraryException(where + ": refused: entry " + shown(n) + " has a backslash or NUL in its name");
			if (!Printable.escape(n).equals(n))
				throw new LibraryException(where + ": refused: entry " + shown(n) + " has control or bidirectional characters in its name");
			if (n.length() > MAX_NAME_CHARS)
				throw new LibraryException(where + ": refused: entry " + shown(n.substring(0, 60) + "...") + " has a name longer than "
						+ MAX_NAME_CHARS + " characters");
			for (String seg : n.split("/")) {
				if (seg.equals(".."))
					throw new LibraryException(where + ": refused: entry " + shown(n) + " would land outside the library folder (..)");
				if (seg.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES)
					throw new LibraryException(where + ": refused: entry " + shown(n) + " has a file or folder name longer than "
							+ MAX_SEGMENT_BYTES + " bytes");
			}
			if (e.symlink())
				throw new LibraryException(where + ": refused: entry " + shown(n) + " is a symbolic link");
			String key = e.path().toLowerCase(Locale.ROOT);
			if (e.path().isEmpty()) {
				if (e.directory())
					continue; // "./": the library folder itself
				throw new LibraryException(where + ": refused: entry " + shown(n) + " has no file name");
			}
			Entry before = byPath.putIfAbsent(key, e);
			if (before != null)
				throw new LibraryException(where + ": refused: entry " + shown(n) + " appears twice"
						+ (before.name().equals(n) ? "" : " (also as " + shown(before.name()) + "; names are compared as paths, ignoring case)"));
			if (!e.directory() && !allowed(n))
				throw new LibraryException(where + ": refused: entry " + shown(n) + " is not a library file (library.json, .cell, README, LICENSE, .md, .txt)");
			if (!e.directory())
				files.add(key);
			total += e.size();
			if (total > MAX_BYTES || e.size() < 0)
				throw new LibraryException(where + ": refused: more than " + MAX_BYTES / (1024 * 1024) + " MB uncompressed");
		}
		// a file may not also be a folder of another entry ("a.cell" and "a.cell/b.cell")
		for (Entry e : entries) {
			String key = e.path().toLowerCase(Locale.ROOT);
			for (int i = key.indexOf('/'); i > 0; i = key.indexOf('/', i + 1))
				if (files.contains(key.substring(0, i)))
					throw new LibraryException(where + ": refused: entry " + shown(e.name()) + " lies in " + shown(e.path().substring(0, i))
							+ ", which the archive also has as a file");
		}
		return entries;
	}

	/** The name as a relative path: no "." or empty segments, no leading or trailing "/". */
	static String normalise(String name) {
		StringBuilder b = new StringBuilder();
		for (String seg : name.split("/")) {
			if (seg.isEmpty() || seg.equals("."))
				continue;
			if (b.length() > 0)
				b.append('/');
			b.append(seg);
		}
		return b.toString();
	}

	static boolean allowed(String n) {
		String f = n.substring(n.lastIndexOf('/') + 1);
		String l = f.toLowerCase(Locale.ROOT);
		return l.equals(LibraryDescriptor.FILE) || l.endsWith(".cell") || l.endsWith(".md") || l.endsWith(".txt") || l.startsWith("readme")
				|| l.startsWith("licence") || l.startsWith("license") || l.equals("citation.cff");
	}

	/** The central directory entries. */
	public static List<Entry> read(Path zip) throws LibraryException {
		String where = Printable.escape(zip.toString());
		try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
			long size = ch.size();
			if (size < 22)
				throw new LibraryException(where + ": not a zip archive");
			if (size > MAX_ARCHIVE_BYTES)
				throw new LibraryException(where + ": refused: the archive has " + size / (1024 * 1024) + " MB (a library archive has at most "
						+ MAX_ARCHIVE_BYTES / (1024 * 1024) + " MB)");
			int tail = (int) Math.min(size, 22 + 65535);
			ByteBuffer b = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
			readFully(ch, b, size - tail);
			int eocd = -1;
			for (int i = tail - 22; i >= 0; i--)
				if (b.getInt(i) == 0x06054b50) {
					eocd = i;
					break;
				}
			if (eocd < 0)
				throw new LibraryException(where + ": not a zip archive (no end of central directory)");
			int count = Short.toUnsignedInt(b.getShort(eocd + 10));
			long cdSize = Integer.toUnsignedLong(b.getInt(eocd + 12)), cdOffset = Integer.toUnsignedLong(b.getInt(eocd + 16));
			if (count == 0xFFFF || cdOffset == 0xFFFFFFFFL || cdSize == 0xFFFFFFFFL)
				throw new LibraryException(where + ": refused: zip64 archive (a library archive is small enough for plain zip)");
			if (cdSize > MAX_DIRECTORY_BYTES)
				throw new LibraryException(where + ": refused: the archive claims a central directory of " + cdSize + " bytes (at most "
						+ MAX_DIRECTORY_BYTES + ")");
			if (cdSize > size || cdOffset + cdSize > size)
				throw new LibraryException(where + ": refused: damaged archive: its central directory lies beyond the end of the file");
			ByteBuffer cd = ByteBuffer.allocate((int) cdSize).order(ByteOrder.LITTLE_ENDIAN);
			readFully(ch, cd, cdOffset);
			List<Entry> out = new ArrayList<>();
			int p = 0;
			for (int k = 0; k < count; k++) {
				if (p + 46 > cdSize || cd.getInt(p) != 0x02014b50)
					throw new LibraryException(where + ": refused: damaged central directory");
				int madeBy = Short.toUnsignedInt(cd.getShort(p + 4)) >> 8;
				long usize = Integer.toUnsignedLong(cd.getInt(p + 24));
				int nlen = Short.toUnsignedInt(cd.getShort(p + 28)), xlen = Short.toUnsignedInt(cd.getShort(p + 30)),
						clen = Short.toUnsignedInt(cd.getShort(p + 32));
				long ext = Integer.toUnsignedLong(cd.getInt(p + 38));
				if (p + 46 + nlen > cdSize)
					throw new LibraryException(where + ": refused: damaged central directory");
				byte[] nb = new byte[nlen];
				cd.get(p + 46, nb);
				String name = new String(nb, StandardCharsets.UTF_8);
				int mode = (int) (ext >>> 16);
				boolean unix = madeBy == 3 || madeBy == 19;
				boolean symlink = unix && (mode & 0170000) == 0120000;
				out.add(new Entry(name, normalise(name), usize, name.endsWith("/"), symlink));
				p += 46 + nlen + xlen + clen;
			}
			return out;
		} catch (IOException e) {
			throw new LibraryException(where + ": cannot read: " + e.getMessage(), e);
		}
	}

	private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
		while (b.hasRemaining()) {
			int n = ch.read(b, at + b.position());
			if (n < 0)
				throw new IOException("unexpected end of file");
		}
	}
}
