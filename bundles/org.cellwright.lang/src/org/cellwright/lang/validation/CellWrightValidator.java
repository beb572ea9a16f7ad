package org.cellwright.lang.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.cellwright.model.CellwrightPackage;
import org.eclipse.xtext.validation.ComposedChecks;

/**
 * The rules of the CellWright language, composed of focused validators (as Xtext's example languages do): units and
 * properties, imports, materials, the stack, protocols, experiments, properties as functions of the state. Issue codes are in {@link IssueCodes} (also
 * reachable here, e.g. {@code CellWrightValidator.UNKNOWN_UNIT}).
 */
@ComposedChecks(validators = { UnitsValidator.class, ImportsValidator.class, MaterialsValidator.class, StackValidator.class,
		ProtocolValidator.class, ExperimentValidator.class, FitValidator.class, StateFunctionsValidator.class,
		MechanismValidator.class, LithiumMeltingValidator.class })
public class CellWrightValidator extends AbstractCellWrightValidator implements IssueCodes {

	/** For tests and tools: the package literals. */
	static CellwrightPackage pkg() {
		return CellwrightPackage.eINSTANCE;
	}

	@SuppressWarnings("unused")
	private static <T> Set<T> set(List<T> l) {
		return new LinkedHashSet<>(l);
	}
}
