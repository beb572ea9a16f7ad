package org.cellwright.run;

/** Bad input found while turning a model into solver inputs; carries the located problem. */
public class InputException extends RuntimeException {
	private static final long serialVersionUID = 1L;
	private final Problem problem;

	public InputException(Problem problem) {
		super(problem.message());
		this.problem = problem;
	}

	public Problem problem() { return problem; }
}
