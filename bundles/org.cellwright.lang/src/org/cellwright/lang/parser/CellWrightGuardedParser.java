package org.cellwright.lang.parser;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.TokenSource;
import org.cellwright.lang.parser.antlr.CellWrightParser;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.ParseResult;
import org.eclipse.xtext.parser.antlr.XtextTokenStream;

/**
 * The language's parser with the {@link NestingGuard}: input nested deeper than the limits ends in a syntax error at
 * the offending token instead of a stack overflow of the recursive-descent parser or of the walks over the model.
 * Every parse reads the whole text (no partial reparse), so the measure always starts at the beginning of the file.
 * The {@link CaretSplitter} reads "2^x" as a power before the guard sees the tokens.
 */
public class CellWrightGuardedParser extends CellWrightParser {

	/** Issue code of the syntax error for input beyond the limits. */
	public static final String LIMIT_EXCEEDED = "cellwright.limitExceeded";

	private final ThreadLocal<NestingGuard> guard = new ThreadLocal<>();

	/** True if the text of this parse result goes beyond the limits (its parse stopped at the offending token). */
	public static boolean exceedsLimits(IParseResult result) {
		if (result == null || !result.hasSyntaxErrors())
			return false;
		for (INode n : result.getSyntaxErrors())
			if (n.getSyntaxErrorMessage() != null && LIMIT_EXCEEDED.equals(n.getSyntaxErrorMessage().getIssueCode()))
				return true;
		return false;
	}

	@Override
	protected XtextTokenStream createTokenStream(TokenSource tokenSource) {
		NestingGuard g = new NestingGuard(new CaretSplitter(tokenSource));
		guard.set(g);
		return super.createTokenStream(g);
	}

	@Override
	protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder nodeModelBuilder, int initialLookAhead) {
		try {
			IParseResult result = super.doParse(ruleName, in, nodeModelBuilder, initialLookAhead);
			NestingGuard g = guard.get();
			NestingGuard.Violation v = g == null ? null : g.violation();
			if (v == null || result.getRootNode() == null)
				return result;
			ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(result.getRootNode(), v.offset());
			if (leaf == null)
				return result;
			nodeModelBuilder.setSyntaxError(leaf, new SyntaxErrorMessage(v.message(), LIMIT_EXCEEDED));
			return new ParseResult(result.getRootASTElement(), result.getRootNode(), true);
		} finally {
			guard.remove();
		}
	}

	@Override
	protected boolean isReparseSupported() {
		return false;
	}
}
