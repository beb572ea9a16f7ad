package org.cellwright.lang.parser;

import org.cellwright.lang.text.Printable;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Syntax errors quote the offending text of the file ("mismatched input '...'"): their control characters and
 * bidirectional overrides are escaped ({@link Printable#escape}), so a message can be printed on a terminal as it is.
 */
public class CellWrightSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		return escaped(super.getSyntaxErrorMessage(context));
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		return escaped(super.getSyntaxErrorMessage(context));
	}

	private static SyntaxErrorMessage escaped(SyntaxErrorMessage m) {
		if (m == null || m.getMessage() == null)
			return m;
		String e = Printable.escape(m.getMessage());
		return e.equals(m.getMessage()) ? m : new SyntaxErrorMessage(e, m.getIssueCode(), m.getIssueData());
	}
}
