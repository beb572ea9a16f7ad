package org.cellwright.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

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
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.RuleCall;
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

	/**
	 * The context factory computes its follow sets through an executor and logs every exception of the future it
	 * waits for: with a thread pool, an interrupted content-assist thread (the editor cancels a computation when the
	 * user types on) printed an InterruptedException stack trace into the console. Run on the caller's thread, the
	 * future is done before it is waited for.
	 */
	private static final ExecutorService SAME_THREAD = new AbstractExecutorService() {
		@Override public void execute(Runnable command) { command.run(); }
		@Override public void shutdown() {}
		@Override public List<Runnable> shutdownNow() { return List.of(); }
		@Override public boolean isShutdown() { return false; }
		@Override public boolean isTerminated() { return false; }
		@Override public boolean awaitTermination(long timeout, TimeUnit unit) { return false; }
	};

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		IDocument doc = viewer.getDocument();
		return proposals(doc, offset).toArray(ICompletionProposal[]::new);
	}

	/**
	 * The proposals at an offset of a document (for the editor and for tests). The word being typed (the prefix,
	 * e.g. {@code st} or {@code stack-pr}) is taken out before the language computes what may follow, so every
	 * keyword, name and property that may start there is found; then only those starting with the prefix are kept.
	 */
	public static List<ICompletionProposal> proposals(IDocument doc, int offset) {
		String text = doc.get();
		String prefix = prefixAt(text, offset);
		int start = offset - prefix.length();
		List<ICompletionProposal> out = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		// units right after a number: "2.5 m|" -> mS/cm, mA/cm2, ...
		if (afterNumber(text, start)) {
			for (Unit u : Units.all()) {
				if (!u.symbol().isEmpty() && u.symbol().startsWith(prefix) && seen.add(u.symbol()))
					out.add(proposal(u.symbol(), offset, prefix, u.symbol() + "  (" + u.dimension().description() + ")"));
			}
		}
		String without = text.substring(0, start) + text.substring(offset);
		XtextResource resource = DocumentModel.parse(DocumentModel.fileOf(doc), without);
		ContentAssistContextFactory factory = CellLanguage.injector().getInstance(ContentAssistContextFactory.class);
		factory.setPool(SAME_THREAD);
		ContentAssistContext[] contexts = factory.create(without, new TextRegion(start, 0), start, resource);
		IdeContentProposalProvider provider = CellLanguage.injector().getInstance(IdeContentProposalProvider.class);
		IdeContentProposalAcceptor acceptor = CellLanguage.injector().getInstance(IdeContentProposalAcceptor.class);
		provider.createProposals(Arrays.asList(contexts), acceptor);
		boolean propertyPlace = false;
		for (ContentAssistContext c : contexts)
			for (AbstractElement e : c.getFirstSetGrammarElements())
				if (startsProperty(e)) propertyPlace = true;
		for (ContentAssistEntry e : acceptor.getEntries()) {
			String p = e.getProposal();
			if (p == null || p.isEmpty() || !startsWith(p, prefix) || !seen.add(p)) continue;
			String label = e.getLabel() != null ? e.getLabel() : p;
			if (e.getDescription() != null) label += "  - " + e.getDescription();
			out.add(proposal(p, offset, prefix, label));
		}
		if (propertyPlace) {
			PropertyCatalog.Owner owner = ownerAt(text, start);
			for (PropertyCatalog.Owner o : owner != null ? List.of(owner) : List.of(PropertyCatalog.Owner.values()))
				for (PropertyCatalog.Entry entry : PropertyCatalog.entries(o))
					if (startsWith(entry.name(), prefix) && seen.add(entry.name()))
						out.add(proposal(entry.name() + " = ", offset, prefix, entry.name() + "  - " + entry.description()));
		}
		return out;
	}

	private static boolean startsWith(String proposal, String prefix) {
		return proposal.regionMatches(true, 0, prefix, 0, prefix.length());
	}

	/** Whether a grammar element of the follow set begins a property ({@code name = value}). */
	private static boolean startsProperty(AbstractElement e) {
		if (e instanceof RuleCall rc && rc.getRule() != null && "Property".equals(rc.getRule().getName())) return true;
		AbstractRule rule = GrammarUtil.containingRule(e);
		return rule != null && "Property".equals(rule.getName()) && (e instanceof Assignment a ? "name".equals(a.getFeature())
				: GrammarUtil.containingAssignment(e) != null && "name".equals(GrammarUtil.containingAssignment(e).getFeature()));
	}

	/**
	 * Whose properties may be written at an offset, from the innermost open block before it ({@code cell X {},
	 * {@code layer a: M 10 um {}, {@code material M {}, {@code lithiates to P {}, {@code solver {}) or a {@code set}
	 * step; null if unknown. Read from the text, so it also works while the file does not parse.
	 */
	static PropertyCatalog.Owner ownerAt(String text, int offset) {
		java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
		int headerStart = 0;
		for (int i = 0; i < offset; i++) {
			char c = text.charAt(i);
			if (c == '/' && i + 1 < offset && text.charAt(i + 1) == '/') {
				while (i < offset && text.charAt(i) != '\n') i++;
				headerStart = i;
			} else if (c == '/' && i + 1 < offset && text.charAt(i + 1) == '*') {
				int e = text.indexOf("*/", i + 2);
				i = e < 0 ? offset : e + 1;
				headerStart = i + 1;
			} else if (c == '"') {
				int e = i + 1;
				while (e < offset && text.charAt(e) != '"') e += text.charAt(e) == '\\' ? 2 : 1;
				i = e;
			} else if (c == '{') {
				open.push(lastStatement(text.substring(headerStart, i)));
				headerStart = i + 1;
			} else if (c == '}') {
				if (!open.isEmpty()) open.pop();
				headerStart = i + 1;
			}
		}
		String before = text.substring(headerStart, offset).strip();
		if (before.equals("set") || before.endsWith(" set") || before.endsWith("\tset") || before.endsWith("\nset"))
			return PropertyCatalog.Owner.CONDITION;
		String header = open.isEmpty() ? "" : open.peek();
		String first = header.split("\\s+")[0];
		return switch (first) {
			case "material", "composite" -> PropertyCatalog.Owner.MATERIAL;
			case "layer" -> PropertyCatalog.Owner.LAYER;
			case "cell" -> PropertyCatalog.Owner.CELL;
			case "lithiates" -> PropertyCatalog.Owner.TRANSFORMATION;
			case "solver" -> PropertyCatalog.Owner.SOLVER;
			default -> null;
		};
	}

	/** The statement that opens a block: the header text from its keyword (material, layer, cell, ...) on. */
	private static String lastStatement(String header) {
		String h = header.strip();
		int best = -1;
		for (String kw : new String[] { "material", "composite", "layer", "cell", "lithiates", "solver", "protocol", "experiment",
				"sweep", "repeat", "group" }) {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w-])" + kw + "(?![\\w-])").matcher(h);
			while (m.find()) best = Math.max(best, m.start());
		}
		return best < 0 ? h : h.substring(best);
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
