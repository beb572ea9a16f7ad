package org.cellwright.run;

/** A request to stop the runs of a pipeline, with the reason written into their summaries. */
public final class Cancel {
	private volatile String reason;

	/** Asks every unit to stop; the first reason stays. */
	public void request(String why) {
		if (reason == null) reason = why;
	}

	public boolean requested() {
		return reason != null;
	}

	/** Why the runs were stopped, or null. */
	public String reason() {
		return reason;
	}
}
