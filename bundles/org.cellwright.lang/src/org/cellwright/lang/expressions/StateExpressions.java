package org.cellwright.lang.expressions;

import java.util.Map;
import java.util.Set;

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
 * sub-expressions without variables are folded to constants. The arithmetic is that of {@link Expressions#evaluate}
 * (same functions and constants, in the same order), except that a power with a constant exponent p = +-n or
 * +-(n + 1/2), n at most 4 (^1.5 in Nyman's conductivity, ^0.5, ^2, ^-1), is products of the base and one
 * {@link Math#sqrt}, not {@link Math#pow}: within a few roundings of it ({@link #power(double, int, boolean, boolean)}).
 * Each node is a call the JIT cannot inline (every node of one operator shares its code), so a variable with a
 * constant operator, a power and another constant operator ({@code c/1000}, {@code 1 - x}, {@code ce^0.5},
 * {@code 2.51*(c/1000)^1.5}) is no node of its own: the node that uses it evaluates it in place ({@code Simple}).
 * Such operands and constants joined left to right by + - * / are one node ({@link Chain}): Nyman's conductivity and
 * diffusivity are one node each, instead of thirteen and eleven (docs/dfn.md, session 30).
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

	/**
	 * A compiled sub-expression: a constant (folded), a {@link Simple} (its parent evaluates it without a call) or a
	 * node. Every one has a node, for a parent that calls it.
	 */
	private record Compiled(Node node, boolean constant, double value, Simple simple, Chain chain) {
		static Compiled ofValue(double v) {
			return new Compiled((c, x, cs, m, t) -> v, true, v, null, null);
		}

		static Compiled ofNode(Node n) {
			return new Compiled(n, false, Double.NaN, null, null);
		}

		static Compiled of(Simple s) {
			return new Compiled((c, x, cs, m, t) -> s.at(c, x, cs, m, t), false, Double.NaN, s, null);
		}

		static Compiled of(Chain ch) {
			return new Compiled(ch, false, Double.NaN, null, ch);
		}

		/** A term of a {@link Chain}: a constant or a {@link Simple}; null for anything else. */
		Object term() {
			return constant ? (Object) value : simple;
		}
	}

	/**
	 * Terms (each a constant or a {@link Simple}) joined left to right by + - * /: {@code a op1 b op2 c ...} as written
	 * without parentheses around the right operand ({@code 0.1297*(c/1000)^3 - 2.51*(c/1000)^1.5 + 3.329*(c/1000)},
	 * Nyman's conductivity). One node evaluates them all in place, each operator in turn on the value so far and the
	 * next term: the tree's arithmetic in the tree's order (((a op1 b) op2 c) ...), so the value is the same to the bit.
	 * A constant first term or two constants in a row are folded before, so the first term is a {@link Simple}.
	 */
	private static final class Chain implements Node {
		private final Simple first;
		private final char[] ops;
		private final Simple[] terms; // null where the term is the constant of the same index in ks
		private final double[] ks;

		private Chain(Simple first, char[] ops, Simple[] terms, double[] ks) {
			this.first = first;
			this.ops = ops;
			this.terms = terms;
			this.ks = ks;
		}

		/** a op b: a a Simple, b a Simple or a constant (not both constant: folded). */
		static Chain of(Object a, char op, Object b) {
			if (a instanceof Simple s)
				return new Chain(s, new char[0], new Simple[0], new double[0]).then(op, b);
			throw new IllegalArgumentException("a chain begins with a variable");
		}

		/** This chain, then op b. */
		Chain then(char op, Object b) {
			int n = ops.length;
			char[] o = java.util.Arrays.copyOf(ops, n + 1);
			Simple[] t = java.util.Arrays.copyOf(terms, n + 1);
			double[] k = java.util.Arrays.copyOf(ks, n + 1);
			o[n] = op;
			if (b instanceof Simple s)
				t[n] = s;
			else
				k[n] = (Double) b;
			return new Chain(first, o, t, k);
		}

		@Override
		public double at(double c, double x, double cs, double m, double t) {
			double v = first.at(c, x, cs, m, t);
			for (int i = 0; i < ops.length; i++) {
				Simple s = terms[i];
				double w = s == null ? ks[i] : s.at(c, x, cs, m, t);
				v = switch (ops[i]) {
				case '+' -> v + w;
				case '-' -> v - w;
				case '*' -> v * w;
				default -> v / w;
				};
			}
			return v;
		}
	}

	/**
	 * An operand evaluated inside the node that uses it, without a call: a variable, then (each optional, in this order)
	 * one operator with a constant ({@code c/1000}, {@code 1 - x}: op one of + - * /, the constant first if
	 * constantFirst), a power taken as products ({@link #power(double, int, boolean, boolean)}) and one more operator
	 * with a constant: {@code ce^0.5}, {@code 2.51*(c/1000)^1.5}. The arithmetic is the tree's, in the same order.
	 */
	private record Simple(int slot, char op, double k, boolean constantFirst, boolean powered, int n, boolean half, boolean invert,
			char then, double k2, boolean constantFirst2) {
		static Simple variable(int slot) {
			return new Simple(slot, (char) 0, Double.NaN, false, false, 0, false, false, (char) 0, Double.NaN, false);
		}

		/** Whether one more operator with a constant fits. */
		boolean takesOperator() {
			return then == 0;
		}

		/** This, then {@code o} with k (first if constantFirst). */
		Simple with(char o, double constant, boolean first) {
			if (op == 0 && !powered)
				return new Simple(slot, o, constant, first, false, 0, false, false, (char) 0, Double.NaN, false);
			return new Simple(slot, op, k, constantFirst, powered, n, half, invert, o, constant, first);
		}

		/** Whether a power fits (before the last operator). */
		boolean takesPower() {
			return !powered && then == 0;
		}

		Simple raised(int power, boolean halfPower, boolean inverted) {
			return new Simple(slot, op, k, constantFirst, true, power, halfPower, inverted, (char) 0, Double.NaN, false);
		}

		double at(double c, double x, double cs, double m, double t) {
			double v = switch (slot) {
			case 0 -> c;
			case 1 -> x;
			case 2 -> cs;
			case 3 -> m;
			default -> t;
			};
			if (op != 0)
				v = operator(op, k, constantFirst, v);
			if (powered)
				v = power(v, n, half, invert);
			return then == 0 ? v : operator(then, k2, constantFirst2, v);
		}

		private static double operator(char op, double k, boolean constantFirst, double v) {
			return switch (op) {
			case '+' -> v + k;
			case '-' -> constantFirst ? k - v : v - k;
			case '*' -> v * k;
			default -> constantFirst ? k / v : v / k;
			};
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
			return Compiled.of(Simple.variable(slot));
		}
		if (e instanceof NegatedExpression n) {
			Compiled a = build(n.getOperand());
			if (a.constant())
				return Compiled.ofValue(-a.value());
			if (a.simple() != null) {
				Simple as = a.simple();
				return Compiled.ofNode((c, x, cs, m, t) -> -as.at(c, x, cs, m, t));
			}
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
		if (!Set.of("+", "-", "*", "/", "^").contains(op))
			throw new IllegalArgumentException("unknown operator " + op);
		if (l.constant() && r.constant())
			return Compiled.ofValue(apply(op, l.value(), r.value()));
		if (op.equals("^") && r.constant())
			return power(l, r.value());
		char o = op.charAt(0);
		if (o != '^' && l.simple() != null && l.simple().takesOperator() && r.constant())
			return Compiled.of(l.simple().with(o, r.value(), false));
		if (o != '^' && l.constant() && r.simple() != null && r.simple().takesOperator())
			return Compiled.of(r.simple().with(o, l.value(), true));
		if (o != '^' && r.term() != null && (l.chain() != null || l.simple() != null))
			return Compiled.of(l.chain() != null ? l.chain().then(o, r.term()) : Chain.of(l.simple(), o, r.term()));
		Simple as = l.simple(), bs = r.simple();
		Node a = l.node(), b = r.node();
		if (l.constant()) {
			double k = l.value();
			if (bs != null)
				return Compiled.ofNode(switch (o) {
				case '+' -> (Node) (c, x, cs, m, t) -> k + bs.at(c, x, cs, m, t);
				case '-' -> (c, x, cs, m, t) -> k - bs.at(c, x, cs, m, t);
				case '*' -> (c, x, cs, m, t) -> k * bs.at(c, x, cs, m, t);
				case '/' -> (c, x, cs, m, t) -> k / bs.at(c, x, cs, m, t);
				default -> (c, x, cs, m, t) -> Math.pow(k, bs.at(c, x, cs, m, t));
				});
			return Compiled.ofNode(switch (o) {
			case '+' -> (Node) (c, x, cs, m, t) -> k + b.at(c, x, cs, m, t);
			case '-' -> (c, x, cs, m, t) -> k - b.at(c, x, cs, m, t);
			case '*' -> (c, x, cs, m, t) -> k * b.at(c, x, cs, m, t);
			case '/' -> (c, x, cs, m, t) -> k / b.at(c, x, cs, m, t);
			default -> (c, x, cs, m, t) -> Math.pow(k, b.at(c, x, cs, m, t));
			});
		}
		if (r.constant()) { // not ^: a power of a constant exponent is above
			double k = r.value();
			if (as != null)
				return Compiled.ofNode(switch (o) {
				case '+' -> (Node) (c, x, cs, m, t) -> as.at(c, x, cs, m, t) + k;
				case '-' -> (c, x, cs, m, t) -> as.at(c, x, cs, m, t) - k;
				case '*' -> (c, x, cs, m, t) -> as.at(c, x, cs, m, t) * k;
				default -> (c, x, cs, m, t) -> as.at(c, x, cs, m, t) / k;
				});
			return Compiled.ofNode(switch (o) {
			case '+' -> (Node) (c, x, cs, m, t) -> a.at(c, x, cs, m, t) + k;
			case '-' -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) - k;
			case '*' -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) * k;
			default -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) / k;
			});
		}
		if (as != null && bs != null)
			return Compiled.ofNode(switch (o) {
			case '+' -> (Node) (c, x, cs, m, t) -> as.at(c, x, cs, m, t) + bs.at(c, x, cs, m, t);
			case '-' -> (c, x, cs, m, t) -> as.at(c, x, cs, m, t) - bs.at(c, x, cs, m, t);
			case '*' -> (c, x, cs, m, t) -> as.at(c, x, cs, m, t) * bs.at(c, x, cs, m, t);
			case '/' -> (c, x, cs, m, t) -> as.at(c, x, cs, m, t) / bs.at(c, x, cs, m, t);
			default -> (c, x, cs, m, t) -> Math.pow(as.at(c, x, cs, m, t), bs.at(c, x, cs, m, t));
			});
		if (as != null)
			return Compiled.ofNode(switch (o) {
			case '+' -> (Node) (c, x, cs, m, t) -> as.at(c, x, cs, m, t) + b.at(c, x, cs, m, t);
			case '-' -> (c, x, cs, m, t) -> as.at(c, x, cs, m, t) - b.at(c, x, cs, m, t);
			case '*' -> (c, x, cs, m, t) -> as.at(c, x, cs, m, t) * b.at(c, x, cs, m, t);
			case '/' -> (c, x, cs, m, t) -> as.at(c, x, cs, m, t) / b.at(c, x, cs, m, t);
			default -> (c, x, cs, m, t) -> Math.pow(as.at(c, x, cs, m, t), b.at(c, x, cs, m, t));
			});
		if (bs != null)
			return Compiled.ofNode(switch (o) {
			case '+' -> (Node) (c, x, cs, m, t) -> a.at(c, x, cs, m, t) + bs.at(c, x, cs, m, t);
			case '-' -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) - bs.at(c, x, cs, m, t);
			case '*' -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) * bs.at(c, x, cs, m, t);
			case '/' -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) / bs.at(c, x, cs, m, t);
			default -> (c, x, cs, m, t) -> Math.pow(a.at(c, x, cs, m, t), bs.at(c, x, cs, m, t));
			});
		return Compiled.ofNode(switch (o) {
		case '+' -> (Node) (c, x, cs, m, t) -> a.at(c, x, cs, m, t) + b.at(c, x, cs, m, t);
		case '-' -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) - b.at(c, x, cs, m, t);
		case '*' -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) * b.at(c, x, cs, m, t);
		case '/' -> (c, x, cs, m, t) -> a.at(c, x, cs, m, t) / b.at(c, x, cs, m, t);
		default -> (c, x, cs, m, t) -> Math.pow(a.at(c, x, cs, m, t), b.at(c, x, cs, m, t));
		});
	}

	/** The largest |n| of a power v^n or v^(n + 1/2) taken as products ({@link #power(double, int, boolean, boolean)}). */
	static final int PRODUCT_POWERS = 4;

	/**
	 * a^p for a constant p: a itself for p = 1, 1 for p = 0 (as {@link Math#pow}, whatever a is), and for p = +-n or
	 * +-(n + 1/2) with n at most {@link #PRODUCT_POWERS} products and one square root; {@link Math#pow} otherwise.
	 */
	private static Compiled power(Compiled a, double p) {
		if (p == 1)
			return a;
		if (p == 0)
			return Compiled.ofValue(1);
		double q = Math.abs(p), n = Math.floor(q);
		boolean half = q - n == 0.5, invert = p < 0;
		Simple as = a.simple();
		if (n > PRODUCT_POWERS || !(q == n || half)) {
			if (as != null)
				return Compiled.ofNode((c, x, cs, m, t) -> Math.pow(as.at(c, x, cs, m, t), p));
			Node an = a.node();
			return Compiled.ofNode((c, x, cs, m, t) -> Math.pow(an.at(c, x, cs, m, t), p));
		}
		int k = (int) n;
		if (as != null && as.takesPower())
			return Compiled.of(as.raised(k, half, invert));
		if (as != null)
			return Compiled.ofNode((c, x, cs, m, t) -> power(as.at(c, x, cs, m, t), k, half, invert));
		Node an = a.node();
		return Compiled.ofNode((c, x, cs, m, t) -> power(an.at(c, x, cs, m, t), k, half, invert));
	}

	/**
	 * v^(n + 1/2 if half), inverted (1 / that) if invert, as products and one {@link Math#sqrt}: v^2 = v v, v^3 = v v v,
	 * v^4 = (v v)(v v), v^(n + 1/2) = v^n sqrt(v), n = 0 to {@link #PRODUCT_POWERS}. Each product, the square root and
	 * the division round once, so the value is within a few units in the last place of {@link Math#pow}'s
	 * ({@code PropertyFunctionsTest.powersWithAnIntegerOrHalfIntegerExponentAreProductsAndASquareRoot} bounds it), and
	 * the special values are its: NaN for a negative v with a half power, +0 for v = -0 with one (the absolute value;
	 * a square root alone gives -0), +-0 and +-infinity for integer powers (not for v = -infinity with a half power:
	 * NaN, where Math.pow gives +infinity or +0).
	 */
	static double power(double v, int n, boolean half, boolean invert) {
		double r = switch (n) {
		case 0 -> 1;
		case 1 -> v;
		case 2 -> v * v;
		case 3 -> v * v * v;
		default -> {
			double v2 = v * v;
			yield v2 * v2;
		}
		};
		if (half)
			r = Math.abs(r * Math.sqrt(v));
		return invert ? 1 / r : r;
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
			Simple as = a.simple();
			if (as != null)
				return Compiled.ofNode(switch (name) { // the argument evaluated in place
				case "exp" -> (Node) (c, x, cs, m, t) -> Math.exp(as.at(c, x, cs, m, t));
				case "sqrt" -> (c, x, cs, m, t) -> Math.sqrt(as.at(c, x, cs, m, t));
				case "tanh" -> (c, x, cs, m, t) -> Math.tanh(as.at(c, x, cs, m, t));
				default -> (c, x, cs, m, t) -> op.applyAsDouble(as.at(c, x, cs, m, t));
				});
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
