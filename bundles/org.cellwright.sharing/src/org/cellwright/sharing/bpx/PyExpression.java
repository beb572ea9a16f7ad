package org.cellwright.sharing.bpx;

import java.util.Locale;

/**
 * The arithmetic subset of Python that BPX uses for functions ({@code 0.13 * (x / 1000) ** 3 - 2.5 * tanh(x)}):
 * translation to CellWright's formula syntax ({@code **} becomes {@code ^}) and evaluation (for quantities that
 * CellWright holds as numbers, such as an electrolyte conductivity at its initial concentration).
 *
 * <p>
 * Parsing takes time linear in the text and stops at the limits of the language's expressions: at most
 * {@link #MAX_TERMS} operands (numbers, {@code x}, function calls) and at most {@link #MAX_DEPTH} levels of nesting
 * (parentheses, function calls, signs, powers); beyond them it throws {@link TooLarge} at once, so that a hostile file
 * can neither exhaust the stack nor hand the checker an expression it would choke on.
 */
public final class PyExpression {

	/** Operands an expression may have (the language's documented limit for an expression). */
	public static final int MAX_TERMS = 1000;
	/** Levels of nesting an expression may have (the language's documented limit for an expression). */
	public static final int MAX_DEPTH = 100;

	/** An expression beyond {@link #MAX_TERMS} or {@link #MAX_DEPTH}. */
	public static final class TooLarge extends IllegalArgumentException {
		private static final long serialVersionUID = 1L;

		TooLarge(String message) {
			super(message);
		}
	}

	private final String text;
	private int pos, depth, terms;
	private double x;

	private PyExpression(String text) {
		this.text = text;
	}

	/**
	 * CellWright formula text, or null when the expression uses something CellWright formulas cannot express; throws
	 * {@link TooLarge} beyond the limits.
	 */
	public static String toCellWright(String python) {
		String t = python.replace("np.", "").replace("numpy.", "").replace("**", "^").replaceAll("\\s+", " ").trim()
				.replaceAll("\\blog\\(", "ln(").replaceAll("\\bminimum\\(", "min(").replaceAll("\\bmaximum\\(", "max(")
				.replaceAll("\\bpower\\(", "pow(");
		try {
			evaluate(t.replace("^", "**"), 0.5);
		} catch (TooLarge e) {
			throw e;
		} catch (IllegalArgumentException e) {
			return null;
		}
		return t;
	}

	/**
	 * Like {@link #toCellWright(String)}, with BPX's variable {@code x} renamed to {@code variable} (an electrolyte
	 * function of BPX is a function of the concentration x in mol/m3; the language writes it in {@code c}).
	 */
	public static String toCellWright(String python, String variable) {
		String t = toCellWright(python);
		return t == null ? null : t.replaceAll("(?<![A-Za-z0-9_.])x(?![A-Za-z0-9_])", variable);
	}

	/** The value of the expression for the variable x; throws {@link IllegalArgumentException} naming the position. */
	public static double evaluate(String python, double x) {
		PyExpression p = new PyExpression(python.replace("np.", "").replace("numpy.", ""));
		p.x = x;
		double v = p.sum();
		p.skip();
		if (p.pos != p.text.length())
			throw p.error("unexpected");
		return v;
	}

	/** A message naming the character where parsing stopped, with a short excerpt (never the whole text). */
	private IllegalArgumentException error(String what) {
		String near = text.substring(pos, Math.min(text.length(), pos + 30));
		return new IllegalArgumentException(what + " '" + near + (pos + 30 < text.length() ? "..." : "") + "' at character " + (pos + 1)
				+ " of " + text.length());
	}

	private void enter() {
		if (++depth > MAX_DEPTH)
			throw new TooLarge("the expression is nested deeper than " + MAX_DEPTH + " levels (parentheses, functions, signs, powers) at character " + (pos + 1)
					+ "; the language's expressions have at most " + MAX_DEPTH);
	}

	private void skip() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos)))
			pos++;
	}

	private boolean eat(String s) {
		skip();
		if (text.startsWith(s, pos)) {
			pos += s.length();
			return true;
		}
		return false;
	}

	private double sum() {
		double v = product();
		while (true) {
			if (eat("+"))
				v += product();
			else if (eat("-"))
				v -= product();
			else
				return v;
		}
	}

	private double product() {
		double v = unary();
		while (true) {
			skip();
			if (text.startsWith("**", pos))
				return v; // handled in power
			if (eat("*"))
				v *= unary();
			else if (eat("/"))
				v /= unary();
			else
				return v;
		}
	}

	private double unary() {
		if (eat("-")) {
			enter();
			double v = -unary();
			depth--;
			return v;
		}
		if (eat("+")) {
			enter();
			double v = unary();
			depth--;
			return v;
		}
		return power();
	}

	private double power() {
		double b = primary();
		if (eat("**") || eat("^")) {
			enter();
			double v = Math.pow(b, unary());
			depth--;
			return v;
		}
		return b;
	}

	private double primary() {
		skip();
		if (eat("(")) {
			enter();
			double v = sum();
			if (!eat(")"))
				throw error("missing ')' before");
			depth--;
			return v;
		}
		if (++terms > MAX_TERMS)
			throw new TooLarge("the expression has more than " + MAX_TERMS + " terms (numbers, x, function calls) at character " + (pos + 1) + " of " + text.length()
					+ "; the language's expressions have at most " + MAX_TERMS);
		int start = pos;
		if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
			while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'))
				pos++;
			if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
				pos++;
				if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-'))
					pos++;
				while (pos < text.length() && Character.isDigit(text.charAt(pos)))
					pos++;
			}
			String number = text.substring(start, pos);
			try {
				double v = Double.parseDouble(number);
				if (Double.isInfinite(v))
					throw new NumberFormatException();
				return v;
			} catch (NumberFormatException e) {
				pos = start;
				throw error("not a number:");
			}
		}
		while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'))
			pos++;
		String name = text.substring(start, pos);
		if (name.isEmpty())
			throw error("unexpected");
		if (name.equals("x"))
			return x;
		if (name.equals("pi"))
			return Math.PI;
		if (!eat("("))
			throw new IllegalArgumentException("unknown variable '" + shortName(name) + "' (only x is supported)");
		enter();
		double a = sum();
		double b = Double.NaN;
		if (eat(","))
			b = sum();
		if (!eat(")"))
			throw error("missing ')' after " + shortName(name) + "(... before");
		depth--;
		return switch (name.toLowerCase(Locale.ROOT)) {
		case "exp" -> Math.exp(a);
		case "log", "ln" -> Math.log(a);
		case "log10" -> Math.log10(a);
		case "sqrt" -> Math.sqrt(a);
		case "abs" -> Math.abs(a);
		case "tanh" -> Math.tanh(a);
		case "sinh" -> Math.sinh(a);
		case "cosh" -> Math.cosh(a);
		case "sin" -> Math.sin(a);
		case "cos" -> Math.cos(a);
		case "min", "minimum" -> Math.min(a, b);
		case "max", "maximum" -> Math.max(a, b);
		case "pow", "power" -> Math.pow(a, b);
		default -> throw new IllegalArgumentException("unknown function '" + shortName(name) + "'");
		};
	}

	private static String shortName(String name) {
		return name.length() > 40 ? name.substring(0, 40) + "..." : name;
	}
}
