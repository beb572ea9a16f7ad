package org.cellwright.run;

import java.util.List;

/**
 * What one experiment or sweep of a file becomes: its units (one for an experiment, one per variant for a sweep), or
 * the problems that stop it (then nothing of it runs). A group is written as one run in the run store.
 */
public record RunGroup(String name, boolean sweep, List<RunUnit> units, List<Problem> problems) {
	public boolean runnable() {
		return problems.isEmpty() && !units.isEmpty();
	}
}
