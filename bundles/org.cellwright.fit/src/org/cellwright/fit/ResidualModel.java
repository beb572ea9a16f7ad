package org.cellwright.fit;

/**
 * What a fit minimises: for parameter values (SI, in the order of the fit's parameters) the weighted residuals
 * (target - model) / scale of every target, always the same number of them. Called from several threads at once
 * (the evaluations of one iteration run in parallel), so an implementation must not share mutable state.
 */
@FunctionalInterface
public interface ResidualModel {

	double[] residuals(double[] parameters) throws Exception;
}
