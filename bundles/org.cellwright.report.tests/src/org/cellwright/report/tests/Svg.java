package org.cellwright.report.tests;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The inline SVG elements of an HTML report, parsed as XML. */
final class Svg {
	private Svg() {}

	static List<String> elements(String html) {
		List<String> out = new ArrayList<>();
		Matcher m = Pattern.compile("<svg[\\s>].*?</svg>", Pattern.DOTALL).matcher(html);
		while (m.find()) out.add(m.group());
		return out;
	}

	/** Parses one SVG element; throws on XML that is not well-formed. */
	static Document parse(String svg) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
	}

	/** The figures' data-series attributes, in order. */
	static List<Integer> seriesCounts(String html) {
		List<Integer> out = new ArrayList<>();
		Matcher m = Pattern.compile("<figure class=\"plot\" data-series=\"(\\d+)\">").matcher(html);
		while (m.find()) out.add(Integer.parseInt(m.group(1)));
		return out;
	}

	/** The HTML of the section with this id. */
	static String section(String html, String id) {
		int i = html.indexOf("<section id=\"" + id + "\"");
		if (i < 0) return null;
		int j = html.indexOf("</section>", i);
		return html.substring(i, j);
	}
}
