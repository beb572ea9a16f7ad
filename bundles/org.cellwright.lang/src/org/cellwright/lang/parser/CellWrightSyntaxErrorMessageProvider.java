package org.cellwright.lang.parser;

import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.RecognitionException;
import org.cellwright.lang.text.Printable;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Syntax errors quote the offending text of the file ("mismatched input '...'"): their control characters and
 * bidirectional overrides are escaped ({@link Printable#escape}), so a message can be printed on a terminal as it is.
 * A keyword where a name is expected ({@code package study.hold}, {@code protocol repeat}) says so and how to write it
 * as a name ({@code ^hold}), instead of the parser's "mismatched input 'hold' expecting RULE_ID".
 */
public class CellWrightSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		String keyword = keywordForName(context);
		if (keyword != null)
			return new SyntaxErrorMessage("'" + keyword + "' is a keyword of the language, not a name: write ^" + keyword
					+ " to use it as a name, or choose another", org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC);
		return escaped(super.getSyntaxErrorMessage(context));
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
