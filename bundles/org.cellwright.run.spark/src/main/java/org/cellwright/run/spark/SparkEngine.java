package org.cellwright.run.spark;

import org.cellwright.run.RunExecutor;

/** {@code --engine spark}: found by {@link RunExecutor#of} through META-INF/services when this jar is on the class path. */
public final class SparkEngine implements RunExecutor.Engine {
	@Override
	public String name() {
		return "spark";
	}

	@Override
	public RunExecutor open(String master) {
		return new SparkRunExecutor(master);
	}
}
