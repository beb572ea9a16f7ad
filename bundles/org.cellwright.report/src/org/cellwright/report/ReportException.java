package org.cellwright.report;

/** A report that cannot be made from what was given; the message names the folder or file, e.g. "results/x: not a run folder (no summary.json)". */
public class ReportException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public ReportException(String message) {
		super(message);
	}

	public ReportException(String message, Throwable cause) {
		super(message, cause);
	}
}
