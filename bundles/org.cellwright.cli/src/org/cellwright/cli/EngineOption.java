package org.cellwright.cli;

import org.cellwright.run.RunExecutor;

import picocli.CommandLine.Option;

/** The {@code --engine} and {@code --master} options of the commands that simulate ({@code run}, {@code fit}): a picocli mixin. */
public class EngineOption {

	@Option(names = "--engine", paramLabel = "NAME", defaultValue = RunExecutor.LOCAL,
			description = "where the simulations run: local (this computer's processors, the default) or spark (Apache Spark; see --master)")
	String engine;

	@Option(names = "--master", paramLabel = "URL", description = "with --engine spark: the Spark master, e.g. local[2], spark://HOST:7077, yarn, k8s://https://HOST:443")
	String master;

	boolean local() {
		return RunExecutor.LOCAL.equals(engine);
	}

	/** The engine's executor ({@link RunExecutor#of}: an unknown engine or a master that cannot be reached throws). */
	RunExecutor executor() {
		return RunExecutor.of(engine, master);
	}
}
