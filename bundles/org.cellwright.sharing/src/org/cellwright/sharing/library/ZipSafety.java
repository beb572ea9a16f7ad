package org.cellwright.sharing.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a zip's central directory (java.util.zip does not show the Unix mode, so symbolic links would go unnoticed)
 * and refuses entries that could land outside the folder they are extracted into or that a library has no use for:
 * absolute paths, {@code ..} segments, backslashes, symbolic links, duplicate names, other file types, more than
 * {@link #MAX_ENTRIES} entries or {@link #MAX_BYTES} in all.
 */
public final class ZipSafety {

	public static final int MAX_ENTRIES = 5000;
	public static final long MAX_BYTES = 64L * 1024 * 1024;

	/** One entry of the central directory. */
	public record Entry(String name, long size, boolean directory, boolean symlink) {
	}

	private ZipSafety() {
	}

	/** The entries of a safe library archive; throws with a message naming the first unsafe entry. */
	public static List<Entry> check(Path zip) throws LibraryException {
		List<Entry> entries = read(zip);
		if (entries.size() > MAX_ENTRIES)
			throw new LibraryException(zip + ": refused: " + entries.size() + " entries (at most " + MAX_ENTRIES + ")");
		long total = 0;
		Set<String> names = new HashSet<>();
		for (Entry e : entries) {
			String n = e.name();
			if (n.isEmpty() || n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.startsWith("~"))
				throw new LibraryException(zip + ": refused: entry '" + n + "' has an absolute path");
			if (n.contains("\\") || n.indexOf('\0') >= 0)
				throw new LibraryException(zip + ": refused: entry '" + n + "' has a backslash or NUL in its name");
			for (String seg : n.split("/"))
				if (seg.equals(".."))
					throw new LibraryException(zip + ": refused: entry '" + n + "' would land outside the library folder (..)");
			if (e.symlink())
				throw new LibraryException(zip + ": refused: entry '" + n + "' is a symbolic link");
			if (!names.add(n.toLowerCase(Locale.ROOT)))
				throw new LibraryException(zip + ": refused: entry '" + n + "' appears twice");
			if (!e.directory() && !allowed(n))
				throw new LibraryException(zip + ": refused: entry '" + n + "' is not a library file (library.json, .cell, README, LICENSE, .md, .txt)");
			total += e.size();
			if (total > MAX_BYTES || e.size() < 0)
				throw new LibraryException(zip + ": refused: more than " + MAX_BYTES / (1024 * 1024) + " MB uncompressed");
		}
		return entries;
	}

	static boolean allowed(String n) {
		String f = n.substring(n.lastIndexOf('/') + 1);
		String l = f.toLowerCase(Locale.ROOT);
		return l.equals(LibraryDescriptor.FILE) || l.endsWith(".cell") || l.endsWith(".md") || l.endsWith(".txt") || l.startsWith("readme")
				|| l.startsWith("licence") || l.startsWith("license") || l.equals("citation.cff");
	}

	/** The central directory entries. */
	public static List<Entry> read(Path zip) throws LibraryException {
		try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
			long size = ch.size();
			if (size < 22)
				throw new LibraryException(zip + ": not a zip archive");
			int tail = (int) Math.min(size, 22 + 65535);
			ByteBuffer b = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
			ch.read(b, size - tail);
			int eocd = -1;
			for (int i = tail - 22; i >= 0; i--)
				if (b.getInt(i) == 0x06054b50) {
					eocd = i;
					break;
				}
			if (eocd < 0)
				throw new LibraryException(zip + ": not a zip archive (no end of central directory)");
			int count = Short.toUnsignedInt(b.getShort(eocd + 10));
			long cdSize = Integer.toUnsignedLong(b.getInt(eocd + 12)), cdOffset = Integer.toUnsignedLong(b.getInt(eocd + 16));
			if (count == 0xFFFF || cdOffset == 0xFFFFFFFFL || cdSize > size || cdOffset + cdSize > size)
				throw new LibraryException(zip + ": refused: zip64 or damaged archive");
			ByteBuffer cd = ByteBuffer.allocate((int) cdSize).order(ByteOrder.LITTLE_ENDIAN);
			ch.read(cd, cdOffset);
			List<Entry> out = new ArrayList<>();
			int p = 0;
			for (int k = 0; k < count; k++) {
				if (p + 46 > cdSize || cd.getInt(p) != 0x02014b50)
					throw new LibraryException(zip + ": damaged central directory");
				int madeBy = Short.toUnsignedInt(cd.getShort(p + 4)) >> 8;
				long usize = Integer.toUnsignedLong(cd.getInt(p + 24));
				int nlen = Short.toUnsignedInt(cd.getShort(p + 28)), xlen = Short.toUnsignedInt(cd.getShort(p + 30)),
						clen = Short.toUnsignedInt(cd.getShort(p + 32));
				long ext = Integer.toUnsignedLong(cd.getInt(p + 38));
				if (p + 46 + nlen > cdSize)
					throw new LibraryException(zip + ": damaged central directory");
				byte[] nb = new byte[nlen];
				cd.get(p + 46, nb);
				String name = new String(nb, StandardCharsets.UTF_8);
				int mode = (int) (ext >>> 16);
				boolean unix = madeBy == 3 || madeBy == 19;
				boolean symlink = unix && (mode & 0170000) == 0120000;
				out.add(new Entry(name, usize, name.endsWith("/"), symlink));
				p += 46 + nlen + xlen + clen;
			}
			return out;
		} catch (IOException e) {
			throw new LibraryException(zip + ": cannot read: " + e.getMessage(), e);
		}
	}
}
