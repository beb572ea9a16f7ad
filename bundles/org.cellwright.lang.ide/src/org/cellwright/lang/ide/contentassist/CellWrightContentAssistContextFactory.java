package org.cellwright.lang.ide.contentassist;

import org.cellwright.lang.parser.CellWrightGuardedParser;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;

/**
 * Content assist offers nothing in a document beyond the language's limits (nesting, expression length): the
 * content-assist parser is recursive descent too and would overflow its stack on it; the editor shows the located
 * limit error instead.
 */
public class CellWrightContentAssistContextFactory extends ContentAssistContextFactory {

	@Override
	public ContentAssistContext[] create(String document, ITextRegion selection, int offset, XtextResource resource) {
		if (resource != null && CellWrightGuardedParser.exceedsLimits(resource.getParseResult()))
			return new ContentAssistContext[0];
		return super.create(document, selection, offset, resource);
	}
}
