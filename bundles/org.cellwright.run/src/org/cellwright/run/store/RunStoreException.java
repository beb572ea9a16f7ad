package org.cellwright.run.store;

/** The run store refuses: another writer holds the folder, or a name or path is not allowed. The message says which. */
public class RunStoreException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public RunStoreException(String message) {
		super(message);
	}

	public RunStoreException(String message, Throwable cause) {
		super(message, cause);
	}
}
