package org.cellwright.run.folder;

/** A run folder (or one of its files) that cannot be read; the message names the file and, where known, the line. */
public class RunFolderException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public RunFolderException(String message) {
		super(message);
	}

	public RunFolderException(String message, Throwable cause) {
		super(message, cause);
	}
}
