package org.cellwright.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.cellwright.lang.parser.antlr.internal.InternalCellWrightLexer;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;

/**
 * Lexical colouring with the language's own (generated) lexer: keywords, numbers, units (an identifier right after a
 * number), strings and comments. The whole document is lexed once per request, which keeps multi-line comments right.
 */
public class CellTokenScanner implements ITokenScanner {

	public enum Style {
		KEYWORD(new RGB(127, 0, 85), SWT.BOLD), NUMBER(new RGB(0, 0, 192), SWT.NORMAL), UNIT(new RGB(0, 128, 128), SWT.ITALIC),
		STRING(new RGB(42, 120, 40), SWT.NORMAL), COMMENT(new RGB(110, 110, 110), SWT.ITALIC), DEFAULT(new RGB(0, 0, 0), SWT.NORMAL);

		final RGB rgb;
		final int style;

		Style(RGB rgb, int style) {
			this.rgb = rgb;
			this.style = style;
		}
	}

	private record Tok(int offset, int length, Style style) {}

	private final Map<Integer, String> tokenDefs = CellLanguage.injector().getInstance(ITokenDefProvider.class).getTokenDefMap();
	private final Map<Style, IToken> jfaceTokens = new java.util.EnumMap<>(Style.class);
	private List<Tok> tokens = List.of();
	private int index;

	public CellTokenScanner() {
		Display d = Display.getCurrent() != null ? Display.getCurrent() : Display.getDefault();
		for (Style s : Style.values())
			jfaceTokens.put(s, new org.eclipse.jface.text.rules.Token(new TextAttribute(new Color(d, s.rgb), null, s.style)));
	}

	/** The styles of a text's tokens as offset:length:style (for tests). */
	public List<String> styles(String text) {
		return lex(text).stream().map(t -> t.offset + ":" + t.length + ":" + t.style).toList();
	}

	private List<Tok> lex(String text) {
		List<Tok> out = new ArrayList<>();
		InternalCellWrightLexer lexer = new InternalCellWrightLexer(new ANTLRStringStream(text));
		String previous = null;
		for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
			CommonToken ct = (CommonToken) t;
			String def = tokenDefs.get(t.getType());
			Style style;
			if (def == null) style = Style.DEFAULT;
			else if (def.startsWith("'")) style = Character.isLetter(def.charAt(1)) ? Style.KEYWORD : Style.DEFAULT;
			else style = switch (def) {
				case "RULE_DECIMAL" -> Style.NUMBER;
				case "RULE_STRING" -> Style.STRING;
				case "RULE_ML_COMMENT", "RULE_SL_COMMENT" -> Style.COMMENT;
				case "RULE_ID" -> "RULE_DECIMAL".equals(previous) || "'/'".equals(previous) ? Style.UNIT : Style.DEFAULT;
				default -> Style.DEFAULT;
			};
			if (style == Style.DEFAULT && "'/'".equals(def) && "unit".equals(lastStyleName(out))) style = Style.UNIT;
			if (def == null || !def.equals("RULE_WS")) previous = def;
			int len = ct.getStopIndex() - ct.getStartIndex() + 1;
			if (len > 0 && !"RULE_WS".equals(def)) {
				// a name followed by '-' or '=' starts a property (x = 0.5 then initial-stoichiometry = ...), not a unit
				if (!"RULE_SL_COMMENT".equals(def) && !"RULE_ML_COMMENT".equals(def) && ("'-'".equals(def) || "'='".equals(def))
						&& !out.isEmpty() && out.get(out.size() - 1).style == Style.UNIT
						&& out.get(out.size() - 1).offset + out.get(out.size() - 1).length == ct.getStartIndex() - gap(text, ct.getStartIndex()))
					out.set(out.size() - 1, new Tok(out.get(out.size() - 1).offset, out.get(out.size() - 1).length, Style.DEFAULT));
				out.add(new Tok(ct.getStartIndex(), len, style));
			}
		}
		return out;
	}

	/** The number of white-space characters right before an offset. */
	private static int gap(String text, int offset) {
		int n = 0;
		while (offset - n > 0 && Character.isWhitespace(text.charAt(offset - n - 1))) n++;
		return n;
	}

	private static String lastStyleName(List<Tok> out) {
		return out.isEmpty() ? "" : out.get(out.size() - 1).style.name().toLowerCase();
	}

	@Override
	public void setRange(IDocument document, int offset, int length) {
		List<Tok> all = lex(document.get());
		List<Tok> in = new ArrayList<>();
		int end = offset + length;
		for (Tok t : all) if (t.offset + t.length > offset && t.offset < end) in.add(t);
		tokens = in;
		index = 0;
		rangeStart = offset;
		rangeEnd = end;
		position = offset;
	}

	private int rangeStart, rangeEnd, position, tokOffset, tokLength;

	@Override
	public IToken nextToken() {
		if (position >= rangeEnd) return org.eclipse.jface.text.rules.Token.EOF;
		Tok next = index < tokens.size() ? tokens.get(index) : null;
		if (next != null && next.offset <= position) {
			// inside a token (clip it to the range)
			index++;
			tokOffset = Math.max(next.offset, rangeStart);
			tokLength = Math.min(next.offset + next.length, rangeEnd) - tokOffset;
			position = tokOffset + tokLength;
			return jfaceTokens.get(next.style);
		}
		// gap (white space) up to the next token
		int gapEnd = next == null ? rangeEnd : Math.min(next.offset, rangeEnd);
		tokOffset = position;
		tokLength = gapEnd - position;
		position = gapEnd;
		return org.eclipse.jface.text.rules.Token.WHITESPACE;
	}

	@Override
	public int getTokenOffset() {
		return tokOffset;
	}

	@Override
	public int getTokenLength() {
		return tokLength;
	}
}
