package org.cellwright.run.dfn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;

import org.cellwright.run.SimulationInputs;
import org.cellwright.model.Material;
import org.cellwright.solver.dfn.OpenCircuitPotential;
import org.cellwright.solver.numerics.CubicHermiteTable;

/**
 * The checked tables of .cell files' ocv functions ({@link OpenCircuitPotential#tableWithinBound}: about 49,000
 * evaluations, 11 ms CPU for Chen 2020's NMC811 fit), built once per JVM for each function and shared by every mapping
 * of it (a sweep's variants, a fit's evaluations, runs in parallel). Keyed by what determines the function exactly
 * ({@link SimulationInputs#ocvFunctionKey}); the compiled function is not a key, {@code Expressions.compile} makes a
 * new one at every mapping. Only the table (or that none holds) is kept, not the function, so no entry holds a
 * mapped model. The least recently used of more than {@value #CAPACITY} functions is dropped. docs/dfn.md, session 28.
 */
public final class OcpTables {
	/** Functions kept; a table is 128 KB. */
	static final int CAPACITY = 64;

	private static final Map<String, Optional<CubicHermiteTable>> TABLES = new LinkedHashMap<>(16, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override protected boolean removeEldestEntry(Map.Entry<String, Optional<CubicHermiteTable>> eldest) {
			return size() > CAPACITY;
		}
	};

	private static final AtomicInteger BUILDS = new AtomicInteger();

	private OcpTables() {
	}

	/**
	 * Material m's OCP for its compiled ocv function: through the table built for the same function before, else
	 * through a new one ({@link OpenCircuitPotential#ofFunction}); a function without a key is built every time.
	 */
	static OpenCircuitPotential of(Material m, DoubleUnaryOperator ocv) {
		String key = SimulationInputs.ocvFunctionKey(m);
		if (key == null) return OpenCircuitPotential.ofFunction(ocv, build(ocv));
		Optional<CubicHermiteTable> table;
		synchronized (TABLES) {
			table = TABLES.get(key);
		}
		if (table == null) { // built outside the lock: two mappings of a new function at once may both build it
			table = Optional.ofNullable(build(ocv));
			synchronized (TABLES) {
				TABLES.putIfAbsent(key, table);
			}
		}
		return OpenCircuitPotential.ofFunction(ocv, table.orElse(null));
	}

	private static CubicHermiteTable build(DoubleUnaryOperator ocv) {
		BUILDS.incrementAndGet();
		return OpenCircuitPotential.tableWithinBound(ocv, OpenCircuitPotential.TABULATED_INTERVALS);
	}

	/** Tables built (checked) so far in this JVM: the tests' seam. */
	public static int builds() {
		return BUILDS.get();
	}
}
