package org.cellwright.editor;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.IPersistableAnnotationModel;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceStatus;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.TextFileDocumentProvider;
import org.eclipse.ui.texteditor.AbstractMarkerAnnotationModel;

/**
 * A .cell file is saved whole or not at all. Eclipse writes a file in place (IFile.setContents: the file system's
 * {@code LocalFile.write}/{@code openOutputStream} cut it first), so on a full disk a failed save left the file cut to its
 * first pages (disk26), and a crash or another writer filling the disk during the write could still (pipe27). The new
 * text is written to a hidden sibling in the folder the file really is in (a symbolic link is followed, and stays a link:
 * {@code .NAME.saving}), forced to disk with the file's permissions, and moved over the file in one rename; what
 * setContents does beside the write is done as it does it: the old text kept in local history, the workspace told (in
 * sync, a content change: builders, markers kept and moved with the text), the buffer not dirty. If the sibling cannot be
 * written the save fails with that error before the file is touched, and the editor stays dirty with its text.
 * The sibling takes the file's extended attributes, its POSIX ACL among them ({@link #carryAttributes}), which a rename
 * dropped before session 28.
 * Where the rename cannot keep what the file is (another owner, a hard link, not a local file, a file not in the
 * workspace, one that is gone, an attribute or ACL the sibling cannot be given or that cannot be read) the space is
 * proved through the sibling and the platform writes in place, as before.
 * Every save of a .cell file's buffer goes through here: the text editor ({@link Provider}), the table editor, renames,
 * the diagram.
 */
public final class WholeSave {
	private WholeSave() {}

	/** The document provider of .cell files in the text editor (plugin.xml): the platform's, saving whole. */
	public static final class Provider extends TextFileDocumentProvider {
		@Override
		protected void commitFileBuffer(IProgressMonitor monitor, FileInfo info, boolean overwrite) throws CoreException {
			// as the platform's: a file deleted on disk is written again (bug 98327), the markers follow the text
			if (info.fElement instanceof IFileEditorInput input && !input.getFile().isSynchronized(IResource.DEPTH_ZERO) && isDeleted(input))
				info.fTextFileBuffer.setDirty(true);
			commit(info.fTextFileBuffer, monitor, overwrite);
			if (info.fModel instanceof AbstractMarkerAnnotationModel model) model.updateMarkers(info.fTextFileBuffer.getDocument());
		}
	}

	/** What a save's write meets halfway through the new text (a test's seam: a disk that fills, a crash). */
	public interface Midway {
		void reached(Path sibling) throws IOException;
	}

	/** Test seam: called with the sibling after half the new text is written to it; null in the product. */
	public static volatile Midway midway;

	/** Commits the buffer whole: its text written beside the file and renamed over it (or, where not, proved first). */
	public static void commit(ITextFileBuffer buffer, IProgressMonitor monitor, boolean overwrite) throws CoreException {
		if (!buffer.isDirty()) return; // as the platform's commit
		IFile file = buffer.getLocation() == null ? null : FileBuffers.getWorkspaceFileAtLocation(buffer.getLocation());
		Path real = file == null || !file.exists() ? null : replaceable(buffer);
		if (real == null) {
			prove(buffer);
			buffer.commit(monitor, overwrite);
			return;
		}
		if (!overwrite && !buffer.isSynchronized()) // as the platform's: the editor asks whether to overwrite
			throw new CoreException(new Status(IStatus.WARNING, ResourcesPlugin.PI_RESOURCES, IResourceStatus.OUT_OF_SYNC_LOCAL,
					file.getFullPath() + " was changed on disk since it was read", null));
		IDocument doc = buffer.getDocument();
		Path tmp = sibling(real);
		try {
			write(tmp, bytes(buffer, real), real);
			keepHistory(file);
			Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE);
		} catch (NotKept e) { // a file of another user (group-writable), an ACL not ours to set: in place, as before, to keep it
			delete(tmp);
			prove(buffer);
			buffer.commit(monitor, overwrite);
			return;
		} catch (IOException e) {
			delete(tmp);
			throw new CoreException(Status.error(display(file, real) + " is not saved (the file on disk is unchanged): cannot write its "
					+ "text beside it (" + tmp.getFileName() + "): " + e, e));
		} catch (CoreException | RuntimeException e) {
			delete(tmp);
			throw e;
		}
		forceFolder(real.getParent());
		// the workspace told, as setContents' own finish: in sync (its time), a content change, the document's stamp
		file.setLocalTimeStamp(lastModified(real));
		file.touch(monitor);
		if (doc instanceof IDocumentExtension4 d && d.getModificationStamp() != IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP)
			file.revertModificationStamp(d.getModificationStamp());
		IAnnotationModel model = buffer.getAnnotationModel();
		if (model instanceof IPersistableAnnotationModel p) p.commit(doc); // the markers where the text moved them
		buffer.revert(monitor); // reads the text it holds back: not dirty, in sync; the document is not replaced
	}

	/** The hidden sibling a save writes first. */
	public static Path sibling(Path file) {
		return file.resolveSibling("." + file.getFileName() + ".saving");
	}

	/**
	 * The file the buffer's text is renamed over (a link's target), or null where a rename would not keep what the file
	 * is: not a local regular file, read-only (the platform's error), a hard link (its other names would keep the old
	 * text), or its owner or group other than a new file's here.
	 */
	private static Path replaceable(ITextFileBuffer buffer) {
		try {
			File local = buffer.getFileStore() == null ? null : buffer.getFileStore().toLocalFile(EFS.NONE, null);
			if (local == null || buffer.getFileStore().fetchInfo().getAttribute(EFS.ATTRIBUTE_READ_ONLY)) return null;
			Path real = local.toPath().toRealPath();
			if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) || !Files.isWritable(real)) return null;
			Object links = Files.getFileStore(real).supportsFileAttributeView("unix") ? Files.getAttribute(real, "unix:nlink") : 1;
			return links instanceof Integer n && n > 1 ? null : real;
		} catch (IOException | CoreException | RuntimeException e) {
			return null;
		}
	}

	/** The buffer's text in its encoding, with the byte order mark the file has (as the platform writes it). */
	private static byte[] bytes(ITextFileBuffer buffer, Path real) throws CoreException {
		String encoding = buffer.getEncoding();
		Charset cs = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		ByteBuffer b;
		try {
			b = cs.newEncoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPORT)
					.encode(CharBuffer.wrap(buffer.getDocument().get()));
		} catch (CharacterCodingException e) {
			throw new CoreException(Status.error(real + " is not saved: its text has characters " + cs.name() + " cannot write", e));
		}
		byte[] bom = cs.equals(StandardCharsets.UTF_8) && startsWithUtf8Bom(real) ? new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF } : new byte[0];
		byte[] out = new byte[bom.length + b.remaining()];
		System.arraycopy(bom, 0, out, 0, bom.length);
		b.get(out, bom.length, b.remaining());
		return out;
	}

	private static boolean startsWithUtf8Bom(Path f) {
		try (var in = Files.newInputStream(f)) {
			byte[] h = in.readNBytes(3);
			return h.length == 3 && (h[0] & 0xFF) == 0xEF && (h[1] & 0xFF) == 0xBB && (h[2] & 0xFF) == 0xBF;
		} catch (IOException e) {
			return false;
		}
	}

	/**
	 * Writes the sibling whole and forces it to disk, with the file's permissions, owner and group and extended
	 * attributes ({@link NotKept} where one of those cannot be given it).
	 */
	private static void write(Path tmp, byte[] text, Path like) throws IOException {
		if (Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) throw new IOException(tmp + ": a folder stands there");
		Files.deleteIfExists(tmp); // a leftover of a save that crashed; never written through a link
		try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			ByteBuffer b = ByteBuffer.wrap(text);
			int half = text.length / 2;
			b.limit(half);
			while (b.hasRemaining()) ch.write(b);
			var hook = midway;
			if (hook != null) hook.reached(tmp);
			b.limit(text.length);
			while (b.hasRemaining()) ch.write(b);
			ch.force(true);
		}
		PosixFileAttributeView view = Files.getFileAttributeView(like, PosixFileAttributeView.class);
		if (view != null) { // else not a POSIX file system: the new file's defaults
			PosixFileAttributes a = view.readAttributes();
			PosixFileAttributeView mine = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
			PosixFileAttributes t = mine.readAttributes();
			try {
				if (!t.owner().equals(a.owner())) mine.setOwner(a.owner());
				if (!t.group().equals(a.group())) mine.setGroup(a.group());
			} catch (IOException e) {
				throw new NotKept("its owner or group " + a.owner() + ":" + a.group());
			}
			mine.setPermissions(a.permissions());
		}
		carryAttributes(like, tmp); // after the permissions: an ACL's mask is the group's bits
	}

	/** The sibling cannot have what the file has (its owner, an attribute): the file is written in place. */
	private static final class NotKept extends IOException {
		private static final long serialVersionUID = 1L;

		NotKept(String what) {
			super(what);
		}
	}

	/**
	 * Gives the sibling {@code to} the extended attributes of the file {@code from} and none it has not, so the rename
	 * keeps them. On Linux every attribute the user can list (listxattr through JNA, which the platform's file system
	 * already loads): {@code user.*}, a POSIX ACL ({@code system.posix_acl_access}: setfacl's, invisible to Java, whose
	 * AclFileAttributeView is null on Linux and whose UserDefinedFileAttributeView lists {@code user.*} alone), an SELinux
	 * label ({@code security.selinux}, set only where it differs: a new file usually has the same); a new file's ACL
	 * inherited from the folder's default, which the file lacks, is removed. Where an attribute cannot be set or removed,
	 * or the attributes cannot be listed (no native access: an ACL the rename would drop could not be seen), {@link NotKept}:
	 * written in place as Eclipse writes. Elsewhere the attributes Java reaches: the user-defined ones, and an ACL where the
	 * file store has an ACL view (Windows). A file system without extended attributes has none to keep.
	 */
	static void carryAttributes(Path from, Path to) throws IOException {
		if (System.getProperty("os.name", "").startsWith("Linux")) {
			try {
				LinuxAttributes.carry(from, to);
			} catch (LinkageError e) { // JNA absent or its native library not loaded: an ACL cannot be seen
				throw new NotKept("its extended attributes cannot be read here (" + e + ")");
			}
			return;
		}
		var user = Files.getFileAttributeView(from, java.nio.file.attribute.UserDefinedFileAttributeView.class);
		var mine = Files.getFileAttributeView(to, java.nio.file.attribute.UserDefinedFileAttributeView.class);
		try {
			if (user != null && mine != null && Files.getFileStore(from).supportsFileAttributeView(java.nio.file.attribute.UserDefinedFileAttributeView.class)) {
				for (String n : user.list()) {
					ByteBuffer b = ByteBuffer.allocate(user.size(n));
					user.read(n, b);
					mine.write(n, b.flip());
				}
			}
		} catch (IOException | RuntimeException e) { // in place rather than a save refused for an attribute
			throw new NotKept("its user-defined attributes (" + e.getMessage() + ")");
		}
		var acl = Files.getFileAttributeView(from, java.nio.file.attribute.AclFileAttributeView.class);
		var myAcl = Files.getFileAttributeView(to, java.nio.file.attribute.AclFileAttributeView.class);
		if (acl != null && myAcl != null) {
			try {
				myAcl.setAcl(acl.getAcl());
			} catch (IOException | RuntimeException e) {
				throw new NotKept("its ACL (" + e.getMessage() + ")");
			}
		}
	}

	/** {@link #carryAttributes} on Linux: its own class, so JNA is loaded only there. */
	private static final class LinuxAttributes {
		static void carry(Path from, Path to) throws NotKept {
			String f = from.toString(), t = to.toString();
			java.util.Collection<String> names, mine;
			try {
				names = com.sun.jna.platform.linux.XAttrUtil.listXAttr(f);
				mine = com.sun.jna.platform.linux.XAttrUtil.listXAttr(t);
			} catch (IOException | RuntimeException e) { // XAttrUtil's failures (errno) are IOExceptions
				if (e instanceof IOException io && unsupported(io)) return; // a file system without extended attributes: none to drop
				throw new NotKept("its extended attributes cannot be listed (" + e.getMessage() + ")");
			}
			for (String n : names) {
				try {
					byte[] v = com.sun.jna.platform.linux.XAttrUtil.getXAttrBytes(f, n);
					if (!mine.contains(n) || !java.util.Arrays.equals(v, com.sun.jna.platform.linux.XAttrUtil.getXAttrBytes(t, n)))
						com.sun.jna.platform.linux.XAttrUtil.setXAttr(t, n, v);
				} catch (IOException | RuntimeException e) {
					throw new NotKept("its extended attribute " + n + " (" + e.getMessage() + ")");
				}
			}
			for (String n : mine) {
				if (names.contains(n)) continue;
				try {
					com.sun.jna.platform.linux.XAttrUtil.removeXAttr(t, n);
				} catch (IOException | RuntimeException e) {
					throw new NotKept("the new file's extended attribute " + n + ", which the file has not (" + e.getMessage() + ")");
				}
			}
		}

		/** Whether listxattr failed for want of extended attributes in the file system (EOPNOTSUPP, 95), not of a right. */
		private static boolean unsupported(IOException e) {
			return "errno: 95".equals(e.getMessage()); // XAttrUtil's message: the errno alone
		}
	}

	/**
	 * The file's old text into local history, as setContents keeps it (before the write: its moveContents false). The
	 * platform has no API for this outside setContents, which writes in place; its history store is internal.
	 */
	@SuppressWarnings("restriction")
	private static void keepHistory(IFile file) throws CoreException {
		if (!(file.getWorkspace() instanceof org.eclipse.core.internal.resources.Workspace w)) return;
		var manager = w.getFileSystemManager();
		if (!manager.storeHistory(file)) return;
		var store = EFS.getStore(file.getLocationURI());
		manager.getHistoryStore().addState(file.getFullPath(), store, store.fetchInfo(), false);
	}

	/** Forces the rename in the folder to disk (where the file system allows: else the rename is as durable as it is). */
	private static void forceFolder(Path folder) {
		try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
			ch.force(true);
		} catch (IOException | RuntimeException e) {
			// not on every file system
		}
	}

	private static long lastModified(Path f) throws CoreException {
		try {
			return Files.getLastModifiedTime(f).toMillis();
		} catch (IOException e) {
			throw new CoreException(Status.error(f + " is saved, but its time cannot be read: " + e.getMessage(), e));
		}
	}

	private static String display(IFile file, Path real) {
		return file.getLocation() == null ? real.toString() : file.getLocation().toOSString();
	}

	private static void delete(Path tmp) {
		try {
			if (!Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) Files.deleteIfExists(tmp);
		} catch (IOException ignored) {
			// a hidden leftover; the next save writes over it
		}
	}

	/** Proves the disk holds the buffer's whole text (written beside the file and deleted) before the platform writes it in place. */
	static void prove(ITextFileBuffer buffer) throws CoreException {
		File local = buffer.getFileStore() == null ? null : buffer.getFileStore().toLocalFile(EFS.NONE, null);
		if (local == null) return; // not on a local disk: the file system's own write
		String encoding = buffer.getEncoding();
		Charset cs = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		Path file = local.toPath();
		Path tmp = sibling(file);
		try {
			Files.write(tmp, buffer.getDocument().get().getBytes(cs));
		} catch (IOException e) {
			throw new CoreException(Status.error(file + " is not saved (the file on disk is unchanged): cannot write its "
					+ "text beside it (" + tmp.getFileName() + "): " + e, e));
		} finally {
			delete(tmp);
		}
	}
}
