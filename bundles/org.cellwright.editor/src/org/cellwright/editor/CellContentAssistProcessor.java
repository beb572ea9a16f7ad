package org.cellwright.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.units.Unit;
import org.cellwright.lang.units.Units;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;

/**
 * Content assist from the language's .ide services (keywords, references across files and the standard library),
 * plus units after a number and property names where a property may start.
 */
public class CellContentAssistProcessor implements IContentAssistProcessor {

	private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "cellwright content assist");
		t.setDaemon(true);
		return t;
	});

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		IDocument doc = viewer.getDocument();
		return proposals(doc, offset).toArray(ICompletionProposal[]::new);
	}

	/** The proposals at an offset of a document (for the editor and for tests). */
	public static List<ICompletionProposal> proposals(IDocument doc, int offset) {
		String text = doc.get();
		XtextResource resource = DocumentModel.parse(DocumentModel.fileOf(doc), text);
		List<ICompletionProposal> out = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		String prefix = prefixAt(text, offset);
		// units right after a number: "2.5 m|" -> mS/cm, mA/cm2, ...
		if (afterNumber(text, offset - prefix.length())) {
			for (Unit u : Units.all()) {
				if (!u.symbol().isEmpty() && u.symbol().startsWith(prefix) && seen.add(u.symbol()))
					out.add(proposal(u.symbol(), offset, prefix, u.symbol() + "  (" + u.dimension().description() + ")"));
			}
		}
		ContentAssistContextFactory factory = CellLanguage.injector().getInstance(ContentAssistContextFactory.class);
		factory.setPool(POOL);
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalProvider provider = CellLanguage.injector().getInstance(IdeContentProposalProvider.class);
		IdeContentProposalAcceptor acceptor = CellLanguage.injector().getInstance(IdeContentProposalAcceptor.class);
		provider.createProposals(Arrays.asList(contexts), acceptor);
		boolean propertyPlace = false;
		for (ContentAssistEntry e : acceptor.getEntries()) {
			String p = e.getProposal();
			if (p == null || p.isEmpty() || !seen.add(p)) continue;
			if (p.equals("source") || p.equals("layer")) propertyPlace = true;
			String pre = e.getPrefix() == null ? prefix : e.getPrefix();
			String label = e.getLabel() != null ? e.getLabel() : p;
			if (e.getDescription() != null) label += "  - " + e.getDescription();
			out.add(proposal(p, offset, pre, label));
		}
		if (propertyPlace) {
			for (PropertyCatalog.Owner owner : PropertyCatalog.Owner.values())
				for (PropertyCatalog.Entry entry : PropertyCatalog.entries(owner))
					if (entry.name().startsWith(prefix) && seen.add(entry.name()))
						out.add(proposal(entry.name() + " = ", offset, prefix, entry.name() + "  - " + entry.description()));
		}
		return out;
	}

	private static CompletionProposal proposal(String replacement, int offset, String prefix, String label) {
		int start = offset - prefix.length();
		return new CompletionProposal(replacement, start, prefix.length(), replacement.length(), null, label, null, null);
	}

	static String prefixAt(String text, int offset) {
		int i = offset;
		while (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || "_-/%.".indexOf(text.charAt(i - 1)) >= 0)) i--;
		String p = text.substring(i, offset);
		// a unit prefix never starts with the number before it
		int j = 0;
		while (j < p.length() && (Character.isDigit(p.charAt(j)) || p.charAt(j) == '.')) j++;
		return j == p.length() ? "" : p.substring(j);
	}

	static boolean afterNumber(String text, int start) {
		int i = start;
		while (i > 0 && text.charAt(i - 1) == ' ') i--;
		return i > 0 && Character.isDigit(text.charAt(i - 1));
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { ':' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
