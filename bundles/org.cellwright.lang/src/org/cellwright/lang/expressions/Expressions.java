package org.cellwright.lang.expressions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

import org.cellwright.model.BinaryExpression;
import org.cellwright.model.Expression;
import org.cellwright.model.Formula;
import org.cellwright.model.FunctionCall;
import org.cellwright.model.NegatedExpression;
import org.cellwright.model.NumberLiteral;
import org.cellwright.model.VariableRef;
import org.eclipse.emf.ecore.EObject;

/**
 * Evaluates the arithmetic expressions of the language (OCV formulas) directly on the model: + - * / ^, unary
 * minus, the {@link #CONSTANTS} pi, R and F, the variable of the formula (x, the stoichiometry) and the functions in
 * {@link #FUNCTIONS}. No script engine is involved. Properties as functions of the state are compiled once by
 * {@link StateExpressions} and read through {@link PropertyFunctions}.
 */
public final class Expressions {

	/** Known functions and their number of arguments. */
	public static final Map<String, Integer> FUNCTIONS = new LinkedHashMap<>();
	static {
		for (String f : List.of("exp", "ln", "log", "log10", "sqrt", "abs", "tanh", "sinh", "cosh", "sin", "cos"))
			FUNCTIONS.put(f, 1);
		for (String f : List.of("min", "max", "pow"))
			FUNCTIONS.put(f, 2);
	}

	/**
	 * Named constants any expression may use: pi, the gas constant R [J/(mol K)] and the Faraday constant F [C/mol]
	 * (CODATA 2018, exact).
	 */
	public static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "R", 8.314462618, "F", 96485.33212);

	/** The variable of an OCV formula. */
	public static final String STOICHIOMETRY = "x";

	private Expressions() {
	}

	/** One problem found in an expression: the object it is about and the message. */
	public record Problem(EObject at, String message) {
	}

	/** The variable name of a formula (x unless set). */
	public static String variable(Formula f) {
		return f.getVariable() == null || f.getVariable().isEmpty() ? STOICHIOMETRY : f.getVariable();
	}

	/** The formula as a function of its variable. Throws IllegalArgumentException if it has problems. */
	public static DoubleUnaryOperator compile(Formula f) {
		List<Problem> p = check(f.getBody(), variable(f));
		if (!p.isEmpty())
			throw new IllegalArgumentException(p.get(0).message());
		String var = variable(f);
		Expression body = f.getBody();
		return x -> evaluate(body, var, x);
	}

	/** Value of e with the variable {@code var} set to {@code x}. */
	public static double evaluate(Expression e, String var, double x) {
		if (e instanceof NumberLiteral n)
			return n.getValue();
		if (e instanceof VariableRef v) {
			if (v.getName().equals(var))
				return x;
			Double k = CONSTANTS.get(v.getName());
			if (k != null)
				return k;
			throw new IllegalArgumentException("unknown variable '" + v.getName() + "'");
		}
		if (e instanceof NegatedExpression n)
			return -evaluate(n.getOperand(), var, x);
		if (e instanceof BinaryExpression b) {
			double l = evaluate(b.getLeft(), var, x), r = evaluate(b.getRight(), var, x);
			return switch (b.getOp()) {
			case "+" -> l + r;
			case "-" -> l - r;
			case "*" -> l * r;
			case "/" -> l / r;
			case "^" -> Math.pow(l, r);
			default -> throw new IllegalArgumentException("unknown operator " + b.getOp());
			};
		}
		if (e instanceof FunctionCall c) {
			double[] a = new double[c.getArguments().size()];
			for (int i = 0; i < a.length; i++)
				a[i] = evaluate(c.getArguments().get(i), var, x);
			Integer arity = FUNCTIONS.get(c.getFunction());
			if (arity == null || arity != a.length)
				throw new IllegalArgumentException("unknown function " + c.getFunction() + "/" + a.length);
			return switch (c.getFunction()) {
			case "exp" -> Math.exp(a[0]);
			case "ln", "log" -> Math.log(a[0]);
			case "log10" -> Math.log10(a[0]);
			case "sqrt" -> Math.sqrt(a[0]);
			case "abs" -> Math.abs(a[0]);
			case "tanh" -> Math.tanh(a[0]);
			case "sinh" -> Math.sinh(a[0]);
			case "cosh" -> Math.cosh(a[0]);
			case "sin" -> Math.sin(a[0]);
			case "cos" -> Math.cos(a[0]);
			case "min" -> Math.min(a[0], a[1]);
			case "max" -> Math.max(a[0], a[1]);
			case "pow" -> Math.pow(a[0], a[1]);
			default -> throw new IllegalArgumentException("unknown function " + c.getFunction());
			};
		}
		throw new IllegalArgumentException("incomplete expression");
	}

	/** Unknown variables and functions and wrong argument counts of an OCV formula, in document order. */
	public static List<Problem> check(Expression e, String var) {
		return check(e, Set.of(var), "an OCV formula may use only " + var + " (the stoichiometry) and the constants pi, R, F");
	}

	/**
	 * Unknown variables and functions and wrong argument counts, in document order; {@code variables} are the names
	 * allowed besides {@link #CONSTANTS}, {@code hint} is said after "unknown variable 'v': ".
	 */
	public static List<Problem> check(Expression e, Set<String> variables, String hint) {
		List<Problem> out = new ArrayList<>();
		collect(e, variables, hint, out);
		return out;
	}

	/** The variables (names that are not constants) an expression uses. */
	public static Set<String> variablesOf(Expression root) {
		Set<String> out = new java.util.LinkedHashSet<>();
		Deque<Expression> todo = new ArrayDeque<>();
		if (root != null)
			todo.push(root);
		while (!todo.isEmpty()) {
			Expression e = todo.pop();
			if (e instanceof VariableRef v && v.getName() != null && !CONSTANTS.containsKey(v.getName()))
				out.add(v.getName());
			else
				for (EObject c : e.eContents())
					if (c instanceof Expression x)
						todo.push(x);
		}
		return out;
	}

	/** Depth first in document order with an explicit stack: an expression of any size is walked without recursion. */
	private static void collect(Expression root, Set<String> vars, String hint, List<Problem> out) {
		Deque<Expression> todo = new ArrayDeque<>();
		if (root != null)
			todo.push(root);
		while (!todo.isEmpty()) {
			Expression e = todo.pop();
			if (e instanceof VariableRef v) {
				if (v.getName() != null && !vars.contains(v.getName()) && !CONSTANTS.containsKey(v.getName()))
					out.add(new Problem(v, "unknown variable '" + v.getName() + "': " + hint));
			} else if (e instanceof NegatedExpression n) {
				if (n.getOperand() != null)
					todo.push(n.getOperand());
			} else if (e instanceof BinaryExpression b) {
				if (b.getRight() != null)
					todo.push(b.getRight());
				if (b.getLeft() != null)
					todo.push(b.getLeft());
			} else if (e instanceof FunctionCall c) {
				Integer arity = FUNCTIONS.get(c.getFunction());
				if (arity == null)
					out.add(new Problem(c, "unknown function '" + c.getFunction() + "'; known: "
							+ String.join(", ", FUNCTIONS.keySet())));
				else if (arity != c.getArguments().size())
					out.add(new Problem(c, c.getFunction() + " takes " + arity + " argument" + (arity == 1 ? "" : "s")
							+ ", not " + c.getArguments().size()));
				for (int i = c.getArguments().size() - 1; i >= 0; i--)
					if (c.getArguments().get(i) != null)
						todo.push(c.getArguments().get(i));
			}
		}
	}
}
