package org.cellwright.lang.parser;

import static org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser.RULE_DECIMAL;
import static org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser.RULE_ID;
import static org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser.RULE_ML_COMMENT;
import static org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser.RULE_SL_COMMENT;
import static org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser.RULE_STRING;
import static org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser.RULE_WS;

import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;
import org.cellwright.lang.Limits;

/**
 * Measures, token by token and before the recursive-descent parser sees them, how deep the parser (and the model it
 * builds) would nest: open parentheses and braces, chains of unary minus signs and powers, and the binary operators of
 * the expressions being read. When {@link Limits#MAX_NESTING_DEPTH} or {@link Limits#MAX_EXPRESSION_TERMS} is
 * passed, the offending token and everything after it are turned into hidden (comment) tokens, so the parser reads
 * only the bounded part of the file; {@link #violation()} says where and why. The text and its offsets stay as they
 * are, so the node model still covers the whole file.
 *
 * <p>
 * The measure is an upper bound of the nesting of the model: an operand directly after an operand ("1 mA", "V
 * density") starts a new expression, as do ',', '=' and ':'.
 */
final class NestingGuard implements TokenSource {

	/** Where the limit was passed: the offset of the offending token and the message. */
	record Violation(int offset, String message) {
	}

	private final TokenSource delegate;
	/** Per open bracket (index 0: outside any): unary minus signs and powers, and binary operators, since the last expression start. */
	private final int[] pending = new int[Limits.MAX_NESTING_DEPTH + 2];
	private final int[] terms = new int[Limits.MAX_NESTING_DEPTH + 2];
	private int top;
	private int sumPending;
	private int sumTerms;
	private boolean afterOperand;
	private Violation violation;

	NestingGuard(TokenSource delegate) {
		this.delegate = delegate;
	}

	Violation violation() {
		return violation;
	}

	@Override
	public String getSourceName() {
		return delegate.getSourceName();
	}

	@Override
	public Token nextToken() {
		Token t = delegate.nextToken();
		int type = t.getType();
		if (type == Token.EOF || type == RULE_WS || type == RULE_ML_COMMENT || type == RULE_SL_COMMENT)
			return t;
		if (violation == null)
			measure(t);
		if (violation != null && t instanceof CommonToken c)
			c.setType(RULE_ML_COMMENT);
		return t;
	}

	private void measure(Token t) {
		int type = t.getType();
		String text = t.getText() == null ? "" : t.getText();
		boolean operand = type == RULE_ID || type == RULE_DECIMAL || type == RULE_STRING
				|| (!text.isEmpty() && Character.isLetterOrDigit(text.charAt(0)));
		if (operand) {
			if (afterOperand)
				startExpression();
			afterOperand = true;
			return;
		}
		switch (text) {
		case "(", "{" -> {
			if (text.equals("{"))
				startExpression(); // a block never continues an expression ("intercalation-anode {")
			if (top + 1 + sumPending > Limits.MAX_NESTING_DEPTH) {
				tooDeep(t);
				return;
			}
			top++;
			pending[top] = 0;
			terms[top] = 0;
			afterOperand = false;
		}
		case ")", "}" -> {
			if (top > 0) {
				sumPending -= pending[top];
				sumTerms -= terms[top];
				top--;
			}
			afterOperand = text.equals(")");
		}
		case "^" -> unary(t);
		case "-" -> {
			if (afterOperand)
				binary(t);
			else
				unary(t);
		}
		case "+", "*", "/" -> binary(t);
		case "%" -> afterOperand = true;
		case ".", ".*" -> afterOperand = false;
		default -> { // , = : < > and anything else start a new expression
			startExpression();
			afterOperand = false;
		}
		}
	}

	private void startExpression() {
		sumPending -= pending[top];
		sumTerms -= terms[top];
		pending[top] = 0;
		terms[top] = 0;
	}

	private void unary(Token t) {
		afterOperand = false;
		if (top + sumPending + 1 > Limits.MAX_NESTING_DEPTH) {
			tooDeep(t);
			return;
		}
		pending[top]++;
		sumPending++;
	}

	private void binary(Token t) {
		afterOperand = false;
		sumPending -= pending[top];
		pending[top] = 0;
		if (sumTerms + 1 > Limits.MAX_EXPRESSION_TERMS) {
			violation = new Violation(start(t), "expression too long: more than " + Limits.MAX_EXPRESSION_TERMS
					+ " operators (the limit, see 'Limits' in docs/language.md); split it or use an 'ocv table'."
					+ " The rest of the file is not read");
			return;
		}
		terms[top]++;
		sumTerms++;
	}

	private void tooDeep(Token t) {
		violation = new Violation(start(t), "nested too deeply: more than " + Limits.MAX_NESTING_DEPTH
				+ " levels of parentheses, braces, minus signs or powers (the limit, see 'Limits' in docs/language.md)."
				+ " The rest of the file is not read");
	}

	private static int start(Token t) {
		return t instanceof CommonToken c ? c.getStartIndex() : 0;
	}
}
