package org.cellwright.run.spark;

import org.cellwright.cli.CellWrightCli;

/**
 * The command line with the Spark engine on the class path: what ./cellwright starts (a plain JVM, no OSGi) when the
 * command says {@code --engine spark}; the commands are CellWright's own ({@link CellWrightCli}), plus
 * {@code spark-bench} ({@link Benchmark}).
 */
public final class SparkCli {
	private SparkCli() {}

	public static void main(String[] args) {
		PlainJava.setUp();
		int rc = args.length > 0 && "spark-bench".equals(args[0]) ? Benchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length))
				: CellWrightCli.execute(args);
		System.out.flush();
		System.err.flush();
		System.exit(rc);
	}
}
