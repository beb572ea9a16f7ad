package org.cellwright.lang.expressions;

import java.util.Map;

import org.cellwright.model.BinaryExpression;
import org.cellwright.model.Expression;
import org.cellwright.model.FunctionCall;
import org.cellwright.model.NegatedExpression;
import org.cellwright.model.NumberLiteral;
import org.cellwright.model.Point;
import org.cellwright.model.Table;
import org.cellwright.model.VariableRef;

/**
 * Compiles an expression of the state (a property written as {@code function S/m = ...}) once into a tree of lambdas
 * over five SI numbers: c (= ce, electrolyte salt concentration, mol/m3), x (stoichiometry cs/cmax), cs (surface
 * concentration in the solid, mol/m3), cmax (mol/m3) and T (K). A call walks no model and allocates nothing;
 * sub-expressions without variables are folded to constants, and the common powers (^0.5, ^1, ^2, ^3) are plain
 * arithmetic. The arithmetic is that of {@link Expressions#evaluate} (same functions and constants).
 */
public final class StateExpressions {

	/** An expression of the state, SI in and out. */
	@FunctionalInterface
	public interface Node {
		double at(double c, double x, double cs, double cmax, double t);
	}

	/** The slot of each variable name: c and ce are the same, the electrolyte salt concentration. */
	public static final Map<String, Integer> SLOTS = Map.of("c", 0, "ce", 0, "x", 1, "cs", 2, "cmax", 3, "T", 4);

	private StateExpressions() {
	}

	/** A compiled sub-expression: a node, or a constant (folded). */
	private record Compiled(Node node, boolean constant, double value) {
		static Compiled ofValue(double v) {
			return new Compiled((c, x, cs, m, t) -> v, true, v);
		}

		static Compiled ofNode(Node n) {
			return new Compiled(n, false, Double.NaN);
		}
	}

	/**
	 * The expression as a node; throws IllegalArgumentException for an unknown variable or function or an incomplete
	 * expression (validation reports those at their place first).
	 */
	public static Node compile(Expression e) {
		return build(e).node();
	}

	/** y(variable) by linear interpolation in the table, constant beyond its ends; xs and ys in SI, xs increasing. */
	public static Node table(int slot, double[] xs, double[] ys) {
		if (xs.length != ys.length || xs.length == 0)
			throw new IllegalArgumentException("a table needs points");
		double[] a = xs.clone(), b = ys.clone();
		return switch (slot) {
		case 0 -> (c, x, cs, m, t) -> interpolate(a, b, c);
		case 1 -> (c, x, cs, m, t) -> interpolate(a, b, x);
		case 2 -> (c, x, cs, m, t) -> interpolate(a, b, cs);
		case 3 -> (c, x, cs, m, t) -> interpolate(a, b, m);
		default -> (c, x, cs, m, t) -> interpolate(a, b, t);
		};
	}

	/** Linear interpolation in (xs, ys), constant beyond the ends. */
	public static double interpolate(double[] xs, double[] ys, double v) {
		int n = xs.length;
		if (!(v > xs[0]))
			return v == v ? ys[0] : Double.NaN;
		if (v >= xs[n - 1])
			return ys[n - 1];
		int lo = 0, hi = n - 1; // xs[lo] < v < xs[hi]
		while (hi - lo > 1) {
			int mid = (lo + hi) >>> 1;
			if (xs[mid] <= v)
				lo = mid;
			else
				hi = mid;
		}
		double f = (v - xs[lo]) / (xs[hi] - xs[lo]);
		return ys[lo] + f * (ys[hi] - ys[lo]);
	}

	/** The x values of a table's points in the unit written. */
	static double[] xs(Table t) {
		double[] out = new double[t.getPoints().size()];
		for (int i = 0; i < out.length; i++)
			out[i] = t.getPoints().get(i).getX();
		return out;
	}

	static double[] ys(Table t) {
		double[] out = new double[t.getPoints().size()];
		int i = 0;
		for (Point p : t.getPoints())
			out[i++] = p.getY();
		return out;
	}

	private static Compiled build(Expression e) {
		if (e instanceof NumberLiteral n)
			return Compiled.ofValue(n.getValue());
		if (e instanceof VariableRef v) {
			Double k = Expressions.CONSTANTS.get(v.getName());
			if (k != null)
				return Compiled.ofValue(k);
			Integer slot = v.getName() == null ? null : SLOTS.get(v.getName());
			if (slot == null)
				throw new IllegalArgumentException("unknown variable '" + v.getName() + "'");
			return Compiled.ofNode(switch (slot) {
			case 0 -> (Node) (c, x, cs, m, t) -> c;
			case 1 -> (c, x, cs, m, t) -> x;
			case 2 -> (c, x, cs, m, t) -> cs;
			case 3 -> (c, x, cs, m, t) -> m;
			default -> (c, x, cs, m, t) -> t;
			});
		}
		if (e instanceof NegatedExpression n) {
			Compiled a = build(n.getOperand());
			if (a.constant())
				return Compiled.ofValue(-a.value());
			Node an = a.node();
			return Compiled.ofNode((c, x, cs, m, t) -> -an.at(c, x, cs, m, t));
		}
		if (e instanceof BinaryExpression b)
			return binary(b.getOp(), build(b.getLeft()), build(b.getRight()));
		if (e instanceof FunctionCall f)
			return call(f);
		throw new IllegalArgumentException("incomplete expression");
	}

	private static Compiled binary(String op, Compiled l, Compiled r) {
		if (op == null)
			throw new IllegalArgumentException("incomplete expression");
		if (l.constant() && r.constant())
			return Compiled.ofValue(apply(op, l.value(), r.value()));
		Node a = l.node(), b = r.node();
		if (op.equals("^") && r.constant()) {
			double p = r.value();
			if (p == 1)
				return l;
			if (p == 0.5)
				return Compiled.ofNode((c, x, cs, m, t) -> Math.sqrt(a.at(c, x, cs, m, t)));
			if (p == 2)
				return Compiled.ofNode((c, x, cs, m, t) -> {
					double v = a.at(c, x, cs, m, t);
					return v * v;
				});
			if (p == 3)
				return Compiled.ofNode((c, x, cs, m, t) -> {
					double v = a.at(c, x, cs, m, t);
					return v * v * v;
				});
			return Compiled.ofNode((c, x, cs, m, t) -> Math.pow(a.at(c, x, cs, m, t), p));
		}
		if (l.constant()) {
			double k = l.value();
			return Compiled.ofNode(switch (op) {
			case "+" -> (Node) (c, x, cs, m, t) -> k + b.at(c, x, cs, m, t);
			case "-" -> (c, x, cs, m, t) -> k - b.at(c, x, cs, m, t);
			case "*" -> (c, x, cs, m, t) -> k * b.at(c, x, cs, m, t);
			case "/" -> (c, x, cs, m, t) -> k / b.at(c, x, cs, m, t);
			case "^" -> (c, x, cs, m, t) -> Math.pow(k, b.at(c, x, cs, m, t));
			default -> throw new IllegalArgumentException("unknown operator " + op);
			});
		}
		if (r.constant()) {
			double k = r.value();
			return Compiled.ofNode(switch (op) {
			case "+" -> (Node) (c, x, cs, m, t) -> a.at(c, x, cs, m, t) + k;
			case "-" -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) - k;
			case "*" -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) * k;
			case "/" -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) / k;
			default -> throw new IllegalArgumentException("unknown operator " + op);
			});
		}
		return Compiled.ofNode(switch (op) {
		case "+" -> (Node) (c, x, cs, m, t) -> a.at(c, x, cs, m, t) + b.at(c, x, cs, m, t);
		case "-" -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) - b.at(c, x, cs, m, t);
		case "*" -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) * b.at(c, x, cs, m, t);
		case "/" -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) / b.at(c, x, cs, m, t);
		case "^" -> (c, x, cs, m, t) -> Math.pow(a.at(c, x, cs, m, t), b.at(c, x, cs, m, t));
		default -> throw new IllegalArgumentException("unknown operator " + op);
		});
	}

	private static double apply(String op, double l, double r) {
		return switch (op) {
		case "+" -> l + r;
		case "-" -> l - r;
		case "*" -> l * r;
		case "/" -> l / r;
		case "^" -> Math.pow(l, r);
		default -> throw new IllegalArgumentException("unknown operator " + op);
		};
	}

	private static Compiled call(FunctionCall f) {
		String name = f.getFunction();
		Integer arity = name == null ? null : Expressions.FUNCTIONS.get(name);
		if (arity == null || arity != f.getArguments().size())
			throw new IllegalArgumentException("unknown function " + name + "/" + f.getArguments().size());
		Compiled a = build(f.getArguments().get(0));
		if (arity == 1) {
			java.util.function.DoubleUnaryOperator op = switch (name) {
			case "exp" -> Math::exp;
			case "ln", "log" -> Math::log;
			case "log10" -> Math::log10;
			case "sqrt" -> Math::sqrt;
			case "abs" -> Math::abs;
			case "tanh" -> Math::tanh;
			case "sinh" -> Math::sinh;
			case "cosh" -> Math::cosh;
			case "sin" -> Math::sin;
			case "cos" -> Math::cos;
			default -> throw new IllegalArgumentException("unknown function " + name);
			};
			if (a.constant())
				return Compiled.ofValue(op.applyAsDouble(a.value()));
			Node an = a.node();
			return Compiled.ofNode(switch (name) { // direct calls: no interface dispatch for the common ones
			case "exp" -> (Node) (c, x, cs, m, t) -> Math.exp(an.at(c, x, cs, m, t));
			case "sqrt" -> (c, x, cs, m, t) -> Math.sqrt(an.at(c, x, cs, m, t));
			case "tanh" -> (c, x, cs, m, t) -> Math.tanh(an.at(c, x, cs, m, t));
			default -> (c, x, cs, m, t) -> op.applyAsDouble(an.at(c, x, cs, m, t));
			});
		}
		Compiled b = build(f.getArguments().get(1));
		if (a.constant() && b.constant())
			return Compiled.ofValue(switch (name) {
			case "min" -> Math.min(a.value(), b.value());
			case "max" -> Math.max(a.value(), b.value());
			default -> Math.pow(a.value(), b.value());
			});
		if (name.equals("pow"))
			return binary("^", a, b);
		Node an = a.node(), bn = b.node();
		return Compiled.ofNode(switch (name) {
		case "min" -> (Node) (c, x, cs, m, t) -> Math.min(an.at(c, x, cs, m, t), bn.at(c, x, cs, m, t));
		case "max" -> (c, x, cs, m, t) -> Math.max(an.at(c, x, cs, m, t), bn.at(c, x, cs, m, t));
		default -> throw new IllegalArgumentException("unknown function " + name);
		});
	}
}
