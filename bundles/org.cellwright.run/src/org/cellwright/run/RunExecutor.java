package org.cellwright.run;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where units run: a local thread pool now; a cluster later (each unit is plain resolved inputs in, a folder out).
 */
public interface RunExecutor extends AutoCloseable {

	<T> Future<T> submit(Callable<T> unit);

	@Override
	void close();

	/** A pool of {@code threads} daemon threads (so a JVM asked to stop is not kept alive by them). */
	static RunExecutor local(int threads) {
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
			Thread t = new Thread(r, "cellwright-run");
			t.setDaemon(true);
			return t;
		});
		return new RunExecutor() {
			@Override
			public <T> Future<T> submit(Callable<T> unit) {
				return pool.submit(unit);
			}

			@Override
			public void close() {
				pool.shutdownNow();
			}
		};
	}

	/** One thread per available processor. */
	static RunExecutor local() {
		return local(Runtime.getRuntime().availableProcessors());
	}
}
