package org.cellwright.lang.parser;

import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.NoViableAltException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.cellwright.lang.text.Printable;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Syntax errors quote the offending text of the file ("mismatched input '...'"): their control characters and
 * bidirectional overrides are escaped ({@link Printable#escape}), so a message can be printed on a terminal as it is.
 * A keyword where a name is expected ({@code package study.hold}, {@code protocol repeat}) says so and how to write it
 * as a name ({@code ^hold}), instead of the parser's "mismatched input 'hold' expecting RULE_ID". Where the parser
 * saw no way on ("no viable alternative at input '\n\t'"), the message says in words what was expected and what was
 * found: "a value expected after '=' (a number with its unit, such as 25 degC), found end of line", "a word expected
 * after 'degC-' (a name goes on after its '-', as in max-step), found end of line" (session 28).
 */
public class CellWrightSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		String keyword = keywordForName(context);
		if (keyword != null)
			return new SyntaxErrorMessage("'" + keyword + "' is a keyword of the language, not a name: write ^" + keyword
					+ " to use it as a name, or choose another", org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC);
		String words = inWords(context);
		if (words != null)
			return new SyntaxErrorMessage(words, org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC);
		return escaped(super.getSyntaxErrorMessage(context));
	}

	/** A no-viable-alternative error, or a token missing after '=' or a name's '-', in words (what was expected after which text, what was found), or null. */
	private static String inWords(IParserErrorContext context) {
		RecognitionException e = context.getRecognitionException();
		String[] names = context.getTokenNames();
		boolean noWay = e instanceof NoViableAltException;
		if (!(noWay || e != null && e.getClass() == MismatchedTokenException.class) || names == null || !(e.input instanceof TokenStream in)
				|| e.index < 0 || e.index > in.size())
			return null;
		Token found = e.token;
		int p = previousVisible(in, e.index - 1, names);
		if (p < 0)
			return noWay ? "unexpected " + found(found, names) : null;
		Token prev = in.get(p);
		String prevName = name(prev, names);
		if ("'='".equals(prevName))
			return "a value expected after '=' (a number with its unit, such as 25 degC), found " + found(found, names);
		Token word = p > 0 ? in.get(p - 1) : null; // glued to a '-': the start of a name such as max-step
		if ("'-'".equals(prevName) && word != null && word.getText() != null && word.getText().matches("\\^?[A-Za-z_][A-Za-z_0-9]*"))
			return "a word expected after '" + Printable.bounded(word.getText() + "-") + "' (a name goes on after its '-', as in max-step), found "
					+ found(found, names);
		// a mismatched token keeps the parser's words, which name the token expected ("expecting '}'")
		return noWay ? "unexpected " + found(found, names) + " after '" + Printable.bounded(prev.getText()) + "'" : null;
	}

	/** The index of the last token at or before {@code i} that is no white space or comment, or -1. */
	private static int previousVisible(TokenStream in, int i, String[] names) {
		for (; i >= 0; i--) {
			String n = name(in.get(i), names);
			if (!"RULE_WS".equals(n) && !"RULE_SL_COMMENT".equals(n) && !"RULE_ML_COMMENT".equals(n))
				return i;
		}
		return -1;
	}

	private static String name(Token t, String[] names) {
		return t == null || t.getType() < 0 || t.getType() >= names.length ? null : names[t.getType()];
	}

	/** The token the parser met, in words: end of line, end of file, a comment, the number '3', 'x'. */
	private static String found(Token t, String[] names) {
		String n = name(t, names), text = t == null ? null : t.getText();
		if (t == null || t.getType() == Token.EOF || text == null)
			return "end of file";
		if ("RULE_WS".equals(n))
			return text.startsWith("\n") || text.startsWith("\r") ? "end of line" : "a space";
		if ("RULE_SL_COMMENT".equals(n) || "RULE_ML_COMMENT".equals(n))
			return "a comment";
		if ("RULE_DECIMAL".equals(n))
			return "the number " + text;
		if ("RULE_STRING".equals(n))
			return "the string " + Printable.bounded(text);
		return "'" + Printable.bounded(text) + "'";
	}

	/** The keyword the parser met where it expected a name (an ID token), or null. */
	private static String keywordForName(IParserErrorContext context) {
		RecognitionException e = context.getRecognitionException();
		String[] names = context.getTokenNames();
		if (!(e instanceof MismatchedTokenException m) || e.getClass() != MismatchedTokenException.class || names == null || m.expecting < 0 || m.expecting >= names.length
				|| !"RULE_ID".equals(names[m.expecting]) || e.token == null || e.token.getText() == null)
			return null;
		String text = e.token.getText();
		return text.matches("[A-Za-z_][A-Za-z_0-9]*") ? text : null; // a word that is no ID token: a keyword
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		return escaped(super.getSyntaxErrorMessage(context));
	}

	private static SyntaxErrorMessage escaped(SyntaxErrorMessage m) {
		if (m == null || m.getMessage() == null)
			return m;
		String e = Printable.bounded(m.getMessage());
		return e.equals(m.getMessage()) ? m : new SyntaxErrorMessage(e, m.getIssueCode(), m.getIssueData());
	}
}
