package org.cellwright.solver;

/** How a run ended. */
public enum RunStatus { COMPLETED, SHORT_CIRCUIT, NOT_CONVERGED, CANCELLED, INVALID_INPUT }
