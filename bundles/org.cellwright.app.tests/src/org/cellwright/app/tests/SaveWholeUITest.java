package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.editor.WholeSave;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFileState;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A .cell file is saved whole or not at all: a save whose text cannot be written (a full disk, simulated by making the
 * hidden sibling the save writes first unwritable: a folder stands there; or a write that fails midway) leaves the file on
 * disk as it was, with the error, and the editor dirty with its text. Before, Eclipse wrote in place and the file was cut
 * (disk26); then the space was proved beside it but the write was still in place (pipe27). A save renames the whole new
 * text over the file and keeps what Eclipse's own save keeps: local history, markers, permissions, the workspace in sync,
 * a link a link, the file's extended attributes and POSIX ACL (session 28: the rename dropped them).
 */
class SaveWholeUITest {

	IWorkbenchPage page;
	IProject project;
	IFile file;
	static final String OLD = "material Foo is electrolyte {\n\tdensity = 1200 kg/m^3\n}\n";

	@BeforeEach
	void open() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("save-whole");
		if (!project.exists()) project.create(null);
		project.open(null);
		file = project.getFile("s.cell");
		file.create(new ByteArrayInputStream(OLD.getBytes(StandardCharsets.UTF_8)), true, null);
		IdeUITest.waitForJobs();
	}

	@AfterEach
	void close() throws Exception {
		WholeSave.midway = null;
		page.closeAllEditors(false);
		Files.deleteIfExists(WholeSave.sibling(file.getLocation().toFile().toPath().toRealPath()));
		project.delete(true, true, null);
	}

	static Object inode(Path p) throws Exception {
		return Files.getAttribute(p, "unix:ino");
	}

	@Test
	void aSaveThatCannotBeWrittenLeavesTheFileAsItWasAndTheEditorDirty() throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String edited = OLD + "// a comment of the new text\n".repeat(300); // 8.7 kB: more than a page, as the cut file was
		doc.set(edited);
		Path onDisk = file.getLocation().toFile().toPath().toRealPath();
		Path sibling = WholeSave.sibling(onDisk);
		Files.createDirectory(sibling); // the save's first write fails, as on a full disk

		CoreException e = assertThrows(CoreException.class,
				() -> editor.getDocumentProvider().saveDocument(null, editor.getEditorInput(), doc, true),
				"the save fails (the editor shows 'Save could not be completed' with this status)");
		assertTrue(e.getMessage().contains("is not saved (the file on disk is unchanged)"), e.getMessage());
		assertEquals(OLD, Files.readString(onDisk), "the file keeps its old bytes, not cut");
		assertTrue(editor.isDirty(), "the editor stays dirty");
		assertEquals(edited, doc.get(), "with its text");

		Files.delete(sibling); // space again
		editor.doSave(null);
		assertFalse(editor.isDirty());
		assertEquals(edited, Files.readString(onDisk), "the whole new text");
		assertFalse(Files.exists(sibling), "no leftover beside the file");
	}

	/**
	 * The save's write fails halfway through the new text (a disk filled by another writer, a crash): the file on disk is
	 * the old one, untouched (the same file: nothing was written into it), the editor dirty with its text, nothing left
	 * beside it. In place, as Eclipse writes, the file was cut at that point.
	 */
	@Test
	void aWriteThatFailsMidwayLeavesTheFileIntact() throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String edited = OLD + "// a comment of the new text\n".repeat(300);
		doc.set(edited);
		Path onDisk = file.getLocation().toFile().toPath().toRealPath();
		Object before = inode(onDisk);
		String[] seen = new String[1];
		WholeSave.midway = sibling -> {
			seen[0] = Files.readString(onDisk);
			throw new java.io.IOException("No space left on device");
		};
		CoreException e = assertThrows(CoreException.class,
				() -> editor.getDocumentProvider().saveDocument(null, editor.getEditorInput(), doc, true));
		assertEquals(OLD, seen[0], "the file as it was while the new text was written");
		assertTrue(e.getMessage().contains("is not saved (the file on disk is unchanged)") && e.getMessage().contains("No space left on device"),
				e.getMessage());
		assertEquals(OLD, Files.readString(onDisk), "the old text, whole");
		assertEquals(before, inode(onDisk), "the same file, not written into");
		assertFalse(Files.exists(WholeSave.sibling(onDisk)), "the half-written text is not left beside it");
		assertTrue(editor.isDirty(), "the editor stays dirty");
		assertEquals(edited, doc.get());

		WholeSave.midway = null;
		editor.doSave(null);
		assertFalse(editor.isDirty());
		assertEquals(edited, Files.readString(onDisk));
	}

	/**
	 * A save keeps what Eclipse's in-place save keeps: the old text in local history, a bookmark moved with the text
	 * above it, the file's permissions, the workspace in sync (no "out of sync", no "changed on the file system"), the
	 * editor clean; the file on disk is a new one (renamed over the old, so never cut).
	 */
	@Test
	void aSaveRenamesTheWholeTextOverTheFileAndKeepsHistoryMarkersPermissionsAndSync() throws Exception {
		Path onDisk = file.getLocation().toFile().toPath().toRealPath();
		var rw_r_____ = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
		Files.setPosixFilePermissions(onDisk, rw_r_____);
		file.refreshLocal(IResource.DEPTH_ZERO, null);
		int line2 = OLD.indexOf('\n') + 1;
		IMarker bookmark = file.createMarker(IMarker.BOOKMARK);
		bookmark.setAttributes(new String[] { IMarker.CHAR_START, IMarker.CHAR_END, IMarker.LINE_NUMBER },
				new Object[] { line2, line2 + 8, 2 });
		int history = file.getHistory(null).length;
		Object before = inode(onDisk);

		ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String head = "// two lines\n// above\n";
		doc.replace(0, 0, head);
		editor.doSave(null);

		assertEquals(head + OLD, Files.readString(onDisk), "the whole new text");
		assertNotEquals(before, inode(onDisk), "a new file renamed over the old one, not the old one written in place");
		assertFalse(Files.exists(WholeSave.sibling(onDisk)), "nothing left beside it");
		assertEquals(rw_r_____, Files.getPosixFilePermissions(onDisk), "its permissions");
		assertFalse(editor.isDirty(), "the editor clean");
		assertTrue(file.isSynchronized(IResource.DEPTH_ZERO), "the workspace in sync with the disk");
		assertTrue(((org.eclipse.ui.texteditor.IDocumentProviderExtension3) editor.getDocumentProvider()).isSynchronized(editor.getEditorInput()),
				"the editor in sync with the file (no 'changed on the file system' question)");
		assertEquals(head + OLD, doc.get(), "the text as typed");
		IFileState[] states = file.getHistory(null);
		assertEquals(history + 1, states.length, "one more state in local history");
		try (var in = states[0].getContents()) {
			assertEquals(OLD, new String(in.readAllBytes(), StandardCharsets.UTF_8), "the newest state is the text before the save");
		}
		assertTrue(bookmark.exists(), "the bookmark is kept");
		assertEquals(line2 + head.length(), bookmark.getAttribute(IMarker.CHAR_START, -1), "and moved with the text above it");

		doc.replace(0, head.length(), ""); // a second save, from the file the first one renamed into place
		editor.doSave(null);
		assertEquals(OLD, Files.readString(onDisk));
		assertFalse(editor.isDirty());
		assertTrue(file.isSynchronized(IResource.DEPTH_ZERO));
	}

	/**
	 * A .cell file that is a symbolic link to a file outside the project: the save writes its target (through the
	 * target's folder) and the link stays a link.
	 */
	@Test
	void aLinkedCellFileStaysALinkAndItsTargetHoldsTheNewText() throws Exception {
		Path elsewhere = Files.createTempDirectory("save-whole-target");
		Path target = Files.writeString(elsewhere.resolve("real.cell"), OLD);
		Path link = file.getLocation().toFile().toPath().resolveSibling("linked.cell");
		Files.createSymbolicLink(link, target);
		try {
			project.refreshLocal(IResource.DEPTH_INFINITE, null);
			IFile linked = project.getFile("linked.cell");
			assertTrue(linked.exists());
			ITextEditor editor = (ITextEditor) IDE.openEditor(page, linked, true);
			IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
			String edited = OLD + "// saved through the link\n";
			doc.set(edited);
			editor.doSave(null);

			assertTrue(Files.isSymbolicLink(link), "still a link");
			assertEquals(target, Files.readSymbolicLink(link));
			assertEquals(edited, Files.readString(target), "its target holds the new text");
			assertFalse(Files.exists(WholeSave.sibling(target)) || Files.exists(WholeSave.sibling(link)), "nothing left beside either");
			assertFalse(editor.isDirty());
			assertTrue(linked.isSynchronized(IResource.DEPTH_ZERO));
		} finally {
			page.closeAllEditors(false);
			Files.deleteIfExists(link);
			Files.deleteIfExists(target);
			Files.deleteIfExists(elsewhere);
		}
	}

	/** Saves the editor of the file with a line added above its text, and returns the new text. */
	String saveWithALineAbove() throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		doc.replace(0, 0, "// kept\n");
		editor.doSave(null);
		assertFalse(editor.isDirty(), "saved");
		return doc.get();
	}

	/**
	 * A user extended attribute of the file (a tag a file manager or a backup tool set: {@code user.*}) is on the file
	 * after a save, which renamed a new file over it. Skipped where the workspace's file system has none (it was
	 * supported on this machine's ext4 work disk and /tmp, and on tmpfs).
	 */
	@Test
	void aSaveKeepsTheFilesUserExtendedAttributes() throws Exception {
		Path onDisk = file.getLocation().toFile().toPath().toRealPath();
		var user = Files.getFileAttributeView(onDisk, java.nio.file.attribute.UserDefinedFileAttributeView.class);
		try {
			user.write("cellwright.origin", StandardCharsets.UTF_8.encode("kept"));
		} catch (java.io.IOException | UnsupportedOperationException | NullPointerException e) {
			Assumptions.abort(onDisk.getParent() + ": its file system has no user extended attributes (" + e + "): none for a save to keep");
		}
		file.refreshLocal(IResource.DEPTH_ZERO, null);
		Object before = inode(onDisk);

		String text = saveWithALineAbove();

		assertEquals(text, Files.readString(onDisk), "the whole new text");
		assertNotEquals(before, inode(onDisk), "renamed over the file, not written in place");
		assertEquals(java.util.List.of("cellwright.origin"), user.list(), "the attribute on the new file");
		java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(user.size("cellwright.origin"));
		user.read("cellwright.origin", b);
		assertEquals("kept", StandardCharsets.UTF_8.decode(b.flip()).toString());
		assertFalse(Files.exists(WholeSave.sibling(onDisk)), "nothing left beside it");
	}

	/**
	 * A POSIX ACL, which Java cannot see on Linux (AclFileAttributeView is null there; UserDefinedFileAttributeView lists
	 * {@code user.*} alone): set as setfacl sets it ({@code system.posix_acl_access}, here with another user allowed to
	 * read), it is on the file after a save, with the permissions it shows; and a folder's default ACL, which a new file
	 * there inherits, does not give the saved file an ACL it had not. Skipped where the file system has no ACLs.
	 */
	@Test
	void aSaveKeepsTheFilesAclAndGivesItNoneOfItsFolders() throws Exception {
		Path onDisk = file.getLocation().toFile().toPath().toRealPath();
		byte[] acl = acl(4);
		try {
			com.sun.jna.platform.linux.XAttrUtil.setXAttr(onDisk.toString(), ACL, acl);
		} catch (java.io.IOException | LinkageError e) {
			Assumptions.abort(onDisk + ": no POSIX ACL can be set here (" + e + ")");
		}
		var permissions = Files.getPosixFilePermissions(onDisk);
		file.refreshLocal(IResource.DEPTH_ZERO, null);
		Object before = inode(onDisk);

		String text = saveWithALineAbove();

		assertEquals(text, Files.readString(onDisk), "the whole new text");
		assertNotEquals(before, inode(onDisk), "renamed over the file, not written in place");
		assertArrayEquals(acl, com.sun.jna.platform.linux.XAttrUtil.getXAttrBytes(onDisk.toString(), ACL), "its ACL");
		assertEquals(permissions, Files.getPosixFilePermissions(onDisk), "its permissions (the ACL's mask the group's)");

		// the folder's default ACL (another user may write what is made there) is not the file's
		com.sun.jna.platform.linux.XAttrUtil.removeXAttr(onDisk.toString(), ACL);
		com.sun.jna.platform.linux.XAttrUtil.setXAttr(onDisk.getParent().toString(), "system.posix_acl_default", acl(6));
		file.refreshLocal(IResource.DEPTH_ZERO, null);
		saveWithALineAbove();
		assertFalse(com.sun.jna.platform.linux.XAttrUtil.listXAttr(onDisk.toString()).contains(ACL), "no ACL on the saved file, as before the save");
		assertFalse(Files.exists(WholeSave.sibling(onDisk)), "nothing left beside it");
	}

	static final String ACL = "system.posix_acl_access";

	/**
	 * A POSIX ACL as the kernel keeps it (acl_ea_header and entries, little-endian: setfacl's
	 * {@code u::rw-,u:12345:<perm>,g::r--,m::<perm>,o::---}), so that the test needs no acl package.
	 */
	static byte[] acl(int perm) {
		java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 5 * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		b.putInt(2); // POSIX_ACL_XATTR_VERSION
		int undefined = -1;
		int[][] entries = { { 0x01, 6, undefined }, { 0x02, perm, 12345 }, { 0x04, 4, undefined }, { 0x10, perm, undefined }, { 0x20, 0, undefined } };
		for (int[] e : entries) b.putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]);
		return b.array();
	}
}
