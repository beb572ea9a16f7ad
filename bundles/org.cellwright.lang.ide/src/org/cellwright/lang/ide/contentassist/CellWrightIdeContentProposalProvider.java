package org.cellwright.lang.ide.contentassist;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cellwright.model.CurrentSign;
import org.cellwright.model.MaterialKind;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

/**
 * Content assist of the language: Xtext's proposals, plus the material kinds after {@code material X is} and
 * {@code composite X is}, and the current signs after a measurement's {@code sign} (enum {@link CurrentSign}, parsed
 * like a kind). Kinds are not keywords (see MaterialKindName in CellWright.xtext), so Xtext does not
 * propose them by itself; they come from the enum {@link MaterialKind}, so a new kind is proposed without change here.
 */
public class CellWrightIdeContentProposalProvider extends IdeContentProposalProvider {

	/** "material Graphite is intercal|": the kind typed so far in group 1 (may be empty). */
	static final Pattern KIND_PLACE = Pattern.compile("\\b(?:material|composite)\\s+\\w+\\s+is\\s+([A-Za-z][A-Za-z-]*|)$");
	/** "measured \"cell6.csv\" sign disch|": the current sign typed so far in group 1 (may be empty). */
	static final Pattern SIGN_PLACE = Pattern.compile("\\bmeasured\\s+\".*\\bsign\\s+([A-Za-z][A-Za-z-]*|)$");

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
			String line = text.substring(lineStart, offset);
			Matcher m = KIND_PLACE.matcher(line);
			if (m.find())
				for (MaterialKind k : MaterialKind.VALUES)
					propose(k.getLiteral(), m.group(1), "material kind", acceptor);
			m = SIGN_PLACE.matcher(line);
			if (m.find())
				for (CurrentSign k : CurrentSign.VALUES)
					propose(k.getLiteral(), m.group(1), "which current the measurement counts positive", acceptor);
		}
	}

	private void propose(String literal, String typed, String description, IIdeContentProposalAcceptor acceptor) {
		if (!literal.startsWith(typed))
			return;
		ContentAssistEntry e = new ContentAssistEntry();
		e.setProposal(literal);
		e.setPrefix(typed);
		e.setLabel(literal);
		e.setDescription(description);
		e.setKind(ContentAssistEntry.KIND_ENUM);
		acceptor.accept(e, getProposalPriorities().getDefaultPriority(e));
	}
}
