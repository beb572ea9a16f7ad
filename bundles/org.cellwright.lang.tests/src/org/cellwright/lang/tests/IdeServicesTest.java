package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cellwright.lang.ide.CellWrightIdeSetup;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/** The .ide services the editor calls in-process: content assist proposes library materials and keywords. */
public class IdeServicesTest {

	static final Injector INJECTOR = new CellWrightIdeSetup().createInjectorAndDoEMFRegistration();

	static List<String> complete(String text, int offset) throws Exception {
		XtextResourceSet rs = INJECTOR.getInstance(XtextResourceSet.class);
		XtextResource r = (XtextResource) rs.createResource(URI.createURI("file:/ws/a.cell"));
		r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
		EcoreUtil.resolveAll(r);
		ExecutorService pool = Executors.newCachedThreadPool();
		try {
			ContentAssistContextFactory f = INJECTOR.getInstance(ContentAssistContextFactory.class);
			f.setPool(pool);
			ContentAssistContext[] ctx = f.create(text, new TextRegion(offset, 0), offset, r);
			IdeContentProposalAcceptor acc = INJECTOR.getInstance(IdeContentProposalAcceptor.class);
			INJECTOR.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(ctx), acc);
			List<String> out = new ArrayList<>();
			for (ContentAssistEntry e : acc.getEntries()) out.add(e.getProposal());
			return out;
		} finally {
			pool.shutdown();
		}
	}

	@Test
	void proposesLibraryMaterialsForALayer() throws Exception {
		String text = "package p\nimport cellwright.materials.*\ncell C {\n  layer s: ";
		proposesLi6PS5Cl(text, text.length());
	}

	@Test
	void proposesLibraryMaterialsBeforeExistingText() throws Exception {
		String text = "package p\nimport cellwright.materials.*\ncell C {\n  layer s: Li6PS5Cl 700 um\n}\n";
		proposesLi6PS5Cl(text, text.indexOf("Li6PS5Cl"));
	}

	@Test
	void proposesLibraryMaterialsInTheStudyExample() throws Exception {
		String text = java.nio.file.Files.readString(TestFiles.repoRoot().resolve("examples/sung2023/half-cells.cell"));
		proposesLi6PS5Cl(text, text.indexOf("layer separator: ") + "layer separator: ".length());
	}

	/** Content assist at offset at of text proposes the library's Li6PS5Cl. */
	private void proposesLi6PS5Cl(String text, int at) throws Exception {
		List<String> ps = complete(text, at);
		assertTrue(ps.contains("Li6PS5Cl"), ps.toString());
	}

	@Test
	void proposesKeywordsInACellBody() throws Exception {
		String text = "package p\ncell C {\n  ";
		List<String> ps = complete(text, text.length());
		assertTrue(ps.contains("layer"), ps.toString());
	}

	@Test
	void proposesEveryMaterialKindAfterIs() throws Exception {
		String text = "package p\nmaterial Graphite is ";
		List<String> ps = complete(text, text.length());
		for (org.cellwright.model.MaterialKind k : org.cellwright.model.MaterialKind.VALUES)
			assertTrue(ps.contains(k.getLiteral()), k + " in " + ps);
		// what is typed narrows them, hyphen included
		String typed = "package p\ncomposite AnodeMix is intercalation-";
		List<String> narrowed = complete(typed, typed.length());
		assertTrue(narrowed.contains("intercalation-anode") && narrowed.contains("intercalation-cathode"), narrowed.toString());
		assertFalse(narrowed.contains("alloy-host"), narrowed.toString());
		// not elsewhere: a property place is not a kind place
		String body = "package p\nmaterial G is intercalation-anode { ";
		assertFalse(complete(body, body.length()).contains("intercalation-anode"));
	}

	@Test
	void proposesTheCurrentSignsAfterAMeasurementsSign() throws Exception {
		String text = "package p\nexperiment E { cell C protocol P\n  measured \"cell6.csv\" format arbin ";
		assertTrue(complete(text, text.length()).contains("sign"), "the keyword after a measurement");
		String after = text + "sign ";
		List<String> ps = complete(after, after.length());
		for (org.cellwright.model.CurrentSign k : org.cellwright.model.CurrentSign.VALUES)
			assertTrue(ps.contains(k.getLiteral()), k + " in " + ps);
		String typed = text + "sign disch";
		List<String> narrowed = complete(typed, typed.length());
		assertTrue(narrowed.contains("discharge-positive") && !narrowed.contains("charge-positive"), narrowed.toString());
	}

	@Test
	void noContentAssistAndNoOverflowBeyondTheLimits() throws Exception {
		String text = "package t\nmaterial A is binder {\n  ocv function V = " + "(".repeat(20000) + "x" + ")".repeat(20000) + "\n  \n}\n";
		int offset = text.lastIndexOf("\n  \n") + 3;
		assertEquals(List.of(), complete(text, offset));
		String small = "package t\nmaterial A is binder {\n  \n}\n";
		assertFalse(complete(small, small.indexOf("\n  \n") + 3).isEmpty(), "content assist works within the limits");
	}
}
