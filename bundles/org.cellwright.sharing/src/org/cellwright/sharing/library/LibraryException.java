package org.cellwright.sharing.library;

/** A library problem the user can fix; the message names the library, version and file where known. */
public class LibraryException extends Exception {
	private static final long serialVersionUID = 1L;

	public LibraryException(String message) {
		super(message);
	}

	public LibraryException(String message, Throwable cause) {
		super(message, cause);
	}
}
