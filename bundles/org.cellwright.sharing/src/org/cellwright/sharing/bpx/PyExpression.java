package org.cellwright.sharing.bpx;

import java.util.Locale;

/**
 * The arithmetic subset of Python that BPX uses for functions ({@code 0.13 * (x / 1000) ** 3 - 2.5 * tanh(x)}):
 * translation to CellWright's formula syntax ({@code **} becomes {@code ^}) and evaluation (for quantities that
 * CellWright holds as numbers, such as an electrolyte conductivity at its initial concentration).
 */
public final class PyExpression {

	private final String text;
	private int pos;
	private double x;

	private PyExpression(String text) {
		this.text = text;
	}

	/** CellWright formula text, or null when the expression uses something CellWright formulas cannot express. */
	public static String toCellWright(String python) {
		String t = python.replace("np.", "").replace("numpy.", "").replace("**", "^").replaceAll("\\s+", " ").trim()
				.replaceAll("\\blog\\(", "ln(").replaceAll("\\bminimum\\(", "min(").replaceAll("\\bmaximum\\(", "max(")
				.replaceAll("\\bpower\\(", "pow(");
		try {
			evaluate(t.replace("^", "**"), 0.5);
		} catch (IllegalArgumentException e) {
			return null;
		}
		return t;
	}

	/** The value of the expression for the variable x. */
	public static double evaluate(String python, double x) {
		PyExpression p = new PyExpression(python.replace("np.", "").replace("numpy.", ""));
		p.x = x;
		double v = p.sum();
		p.skip();
		if (p.pos != p.text.length())
			throw new IllegalArgumentException("unexpected '" + p.text.substring(p.pos) + "' in " + python);
		return v;
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
		if (eat("-"))
			return -unary();
		if (eat("+"))
			return unary();
		return power();
	}

	private double power() {
		double b = primary();
		if (eat("**") || eat("^"))
			return Math.pow(b, unary());
		return b;
	}

	private double primary() {
		skip();
		if (eat("(")) {
			double v = sum();
			if (!eat(")"))
				throw new IllegalArgumentException("missing ')' in " + text);
			return v;
		}
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
			return Double.parseDouble(text.substring(start, pos));
		}
		while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'))
			pos++;
		String name = text.substring(start, pos);
		if (name.isEmpty())
			throw new IllegalArgumentException("unexpected '" + text.substring(pos) + "' in " + text);
		if (name.equals("x"))
			return x;
		if (name.equals("pi"))
			return Math.PI;
		if (!eat("("))
			throw new IllegalArgumentException("unknown variable '" + name + "' (only x is supported)");
		double a = sum();
		double b = Double.NaN;
		if (eat(","))
			b = sum();
		if (!eat(")"))
			throw new IllegalArgumentException("missing ')' after " + name);
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
		default -> throw new IllegalArgumentException("unknown function '" + name + "'");
		};
	}
}
