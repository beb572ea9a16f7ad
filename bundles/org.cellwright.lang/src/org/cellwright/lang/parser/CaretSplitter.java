package org.cellwright.lang.parser;

import static org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser.RULE_DECIMAL;
import static org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser.RULE_ID;
import static org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser.RULE_ML_COMMENT;
import static org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser.RULE_SL_COMMENT;
import static org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser.RULE_WS;

import java.util.Arrays;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;
import org.cellwright.lang.parser.antlr.internal.InternalCellWrightParser;

/**
 * Reads "2^x" as the power it is. The ID terminal allows a leading '^' (Xtext's escape of a keyword used as a name),
 * so the lexer reads "^x" as one escaped name; directly after an operand (a number, a name or ')') such a token is
 * split into the operator '^' and the name, as the user meant. Nowhere else in the language may a name follow an
 * operand with a '^' of its own.
 */
final class CaretSplitter implements TokenSource {

	private static final int CARET = Arrays.asList(InternalCellWrightParser.tokenNames).indexOf("'^'");

	private final TokenSource delegate;
	private Token pending;
	private boolean afterOperand;

	CaretSplitter(TokenSource delegate) {
		this.delegate = delegate;
	}

	@Override
	public String getSourceName() {
		return delegate.getSourceName();
	}

	@Override
	public Token nextToken() {
		if (pending != null) {
			Token t = pending;
			pending = null;
			afterOperand = true;
			return t;
		}
		Token t = delegate.nextToken();
		int type = t.getType();
		if (type == Token.EOF || type == RULE_WS || type == RULE_ML_COMMENT || type == RULE_SL_COMMENT)
			return t;
		String text = t.getText();
		if (type == RULE_ID && afterOperand && CARET > 0 && text != null && text.length() > 1 && text.charAt(0) == '^'
				&& t instanceof CommonToken c && c.getInputStream() instanceof CharStream in) {
			CommonToken caret = new CommonToken(in, CARET, Token.DEFAULT_CHANNEL, c.getStartIndex(), c.getStartIndex());
			caret.setLine(c.getLine());
			caret.setCharPositionInLine(c.getCharPositionInLine());
			CommonToken name = new CommonToken(in, RULE_ID, Token.DEFAULT_CHANNEL, c.getStartIndex() + 1, c.getStopIndex());
			name.setLine(c.getLine());
			name.setCharPositionInLine(c.getCharPositionInLine() + 1);
			pending = name;
			afterOperand = false;
			return caret;
		}
		afterOperand = type == RULE_ID || type == RULE_DECIMAL || ")".equals(text);
		return t;
	}
}
