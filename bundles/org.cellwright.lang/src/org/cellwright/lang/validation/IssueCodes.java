package org.cellwright.lang.validation;

/**
 * The issue codes of the CellWright language's validation, in one place (stable: quick fixes and tests use them).
 * {@link CellWrightValidator} implements this interface, so {@code CellWrightValidator.UNKNOWN_UNIT} still names them.
 */
public interface IssueCodes {

	String UNKNOWN_UNIT = "cellwright.unknownUnit";
	String WRONG_DIMENSION = "cellwright.wrongDimension";
	String OUT_OF_RANGE = "cellwright.outOfRange";
	String UNKNOWN_PROPERTY = "cellwright.unknownProperty";
	/** 'at 60 degC' on a property: not a temperature, or on a property without an Arrhenius law. */
	String STATED_AT = "cellwright.statedAt";
	String READ_BY_NO_MECHANISM = "cellwright.readByNoMechanism";
	String DUPLICATE_NAME = "cellwright.duplicateName";
	String FRACTIONS_SUM = "cellwright.fractionsSum";
	String FRACTION_BASIS = "cellwright.fractionBasis";
	String CYCLIC_COMPOSITE = "cellwright.cyclicComposite";
	String NOT_SIMULATED = "cellwright.notSimulated";
	String MISSING_THICKNESS = "cellwright.missingThickness";
	String INCONSISTENT_POROSITY = "cellwright.inconsistentPorosity";
	String STACK = "cellwright.stack";
	String SE_REDUCTION = "cellwright.seReduction";
	String CYCLIC_EXTENDS = "cellwright.cyclicExtends";
	String UNKNOWN_LAYER = "cellwright.unknownLayer";
	String STEP_NEVER_ENDS = "cellwright.stepNeverEnds";
	String UNREACHABLE_CUTOFF = "cellwright.unreachableCutoff";
	String SIGNED_RATE = "cellwright.signedRate";
	String CYCLIC_PROTOCOL = "cellwright.cyclicProtocol";
	String UNRESOLVED_IMPORT = "cellwright.unresolvedImport";
	String CYCLIC_IMPORT = "cellwright.cyclicImport";
	String EXPRESSION = "cellwright.expression";
	String TABLE = "cellwright.table";
	String UNKNOWN_OUTPUT = "cellwright.unknownOutput";
	String SWEEP = "cellwright.sweep";
	String FIT = "cellwright.fit";
	String MEASURED = "cellwright.measured";
	/**
	 * A data file (a measurement, a drive-cycle profile) read from outside the .cell file's project (an absolute path,
	 * or one climbing out with ../).
	 */
	String MEASURED_OUTSIDE = "cellwright.measuredOutside";
	String EXPECTATION = "cellwright.expectation";
	String MISSING_PROPERTY = "cellwright.missingProperty";
	/** An alloy-host the solver does not lithiate: it gives no lithium-per-host, so it is taken as inert carbon. */
	String HOST_NOT_LITHIATED = "cellwright.hostNotLithiated";
	/**
	 * An alloy host (it gives lithium-per-host) with electronic-conductivity but no unlithiated-electronic-conductivity:
	 * it conducts as its lithiated phase at every lithiation, a metal-like host.
	 */
	String HOST_CONDUCTION = "cellwright.hostConduction";
	String CHAIN_TOO_LONG = "cellwright.chainTooLong";
	String DRIVE_CYCLE = "cellwright.driveCycle";
	/** A setting that does nothing for this cell (particle-modes where the particles keep their shells). */
	String NO_EFFECT = "cellwright.noEffect";
}
