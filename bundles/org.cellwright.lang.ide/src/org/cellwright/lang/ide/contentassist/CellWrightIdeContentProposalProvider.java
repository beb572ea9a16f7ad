package org.cellwright.lang.ide.contentassist;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cellwright.model.MaterialKind;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

/**
 * Content assist of the language: Xtext's proposals, plus the material kinds after {@code material X is} and
 * {@code composite X is}. Kinds are not keywords (see MaterialKindName in CellWright.xtext), so Xtext does not
 * propose them by itself; they come from the enum {@link MaterialKind}, so a new kind is proposed without change here.
 */
public class CellWrightIdeContentProposalProvider extends IdeContentProposalProvider {

	/** "material Graphite is intercal|": the kind typed so far in group 1 (may be empty). */
	static final Pattern KIND_PLACE = Pattern.compile("\\b(?:material|composite)\\s+\\w+\\s+is\\s+([A-Za-z][A-Za-z-]*|)$");

	@Override
	public void createProposals(Collection<ContentAssistContext> contexts, IIdeContentProposalAcceptor acceptor) {
		super.createProposals(contexts, acceptor);
		Set<Integer> done = new HashSet<>();
		for (ContentAssistContext c : contexts) {
			if (c.getRootNode() == null || !done.add(c.getOffset()))
				continue;
			String text = c.getRootNode().getText();
			int offset = Math.min(c.getOffset(), text.length());
			int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
			Matcher m = KIND_PLACE.matcher(text.substring(lineStart, offset));
			if (!m.find())
				continue;
			String typed = m.group(1);
			for (MaterialKind k : MaterialKind.VALUES) {
				if (!k.getLiteral().startsWith(typed))
					continue;
				ContentAssistEntry e = new ContentAssistEntry();
				e.setProposal(k.getLiteral());
				e.setPrefix(typed);
				e.setLabel(k.getLiteral());
				e.setDescription("material kind");
				e.setKind(ContentAssistEntry.KIND_ENUM);
				acceptor.accept(e, getProposalPriorities().getDefaultPriority(e));
			}
		}
	}
}
