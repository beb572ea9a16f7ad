package org.cellwright.editor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.editors.text.TextFileDocumentProvider;

/**
 * A .cell file is saved whole or not at all. Eclipse writes a file in place (it is cut first), so on a full disk a failed
 * save left the file cut to its first pages. The new text is first written to a hidden sibling on the same disk
 * ({@code .NAME.saving}); only when that succeeds is it deleted (freeing the space it proved) and the file written
 * through the file buffer (local history, markers and refresh as before). If the sibling cannot be written the save fails
 * with that error before the file is touched, and the editor stays dirty with its text.
 * Every save of a .cell file's buffer goes through here: the text editor ({@link Provider}), the table editor, renames.
 */
public final class WholeSave {
	private WholeSave() {}

	/** The document provider of .cell files in the text editor (plugin.xml): the platform's, with the space proved first. */
	public static final class Provider extends TextFileDocumentProvider {
		@Override
		protected void commitFileBuffer(IProgressMonitor monitor, FileInfo info, boolean overwrite) throws CoreException {
			prove(info.fTextFileBuffer);
			super.commitFileBuffer(monitor, info, overwrite);
		}
	}

	/** Commits the buffer after proving the disk holds its whole text. */
	public static void commit(ITextFileBuffer buffer, IProgressMonitor monitor, boolean overwrite) throws CoreException {
		prove(buffer);
		buffer.commit(monitor, overwrite);
	}

	/** The hidden sibling a save writes first. */
	public static Path sibling(Path file) {
		return file.resolveSibling("." + file.getFileName() + ".saving");
	}

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
			try {
				if (!Files.isDirectory(tmp)) Files.deleteIfExists(tmp);
			} catch (IOException ignored) {
				// a hidden leftover; the next save writes over it
			}
		}
	}
}
