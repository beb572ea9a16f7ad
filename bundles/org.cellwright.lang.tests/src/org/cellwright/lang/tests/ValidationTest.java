package org.cellwright.lang.tests;

import static org.cellwright.lang.validation.CellWrightValidator.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.library.StandardLibraryIndex;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Every rule fires where it should and stays silent where it should not. */
public class ValidationTest {

	static final CellWrightChecker CHECKER = new CellWrightChecker();

	static final String HEAD = "package t\nimport cellwright.materials.*\nimport cellwright.composites.*\n";
	static final String GOOD_CELL = """
			cell C {
				area = 0.785 cm2
				layer wcc: SUS 10 um
				layer inter: LiSiCNT 3.25 um { porosity = 0.11 }
				layer sep: Li6PS5Cl 700 um
				layer cathode: CathodeMix { areal-loading = 20 mg/cm2 }
				layer ccc: SUS 10 um
			}
			""";

	/** Validates files (name, text) in one resource set; returns the issues of the first. */
	static List<Issue> validate(String... nameAndText) throws Exception {
		XtextResourceSet rs = CHECKER.injector().getInstance(XtextResourceSet.class);
		CHECKER.injector().getInstance(StandardLibraryIndex.class).load(rs);
		List<Resource> rs0 = new ArrayList<>();
		for (int i = 0; i < nameAndText.length; i += 2) {
			Resource r = rs.createResource(URI.createURI("memory:/" + nameAndText[i]));
			r.load(new ByteArrayInputStream(nameAndText[i + 1].getBytes(StandardCharsets.UTF_8)), null);
			rs0.add(r);
		}
		return CHECKER.injector().getInstance(IResourceValidator.class).validate(rs0.get(0), CheckMode.ALL, CancelIndicator.NullImpl);
	}

	static List<Issue> v(String body) throws Exception {
		return validate("t.cell", HEAD + body);
	}

	static Issue has(List<Issue> issues, String code, Severity s, String... fragments) {
		for (Issue i : issues)
			if (code.equals(i.getCode()) && i.getSeverity() == s) {
				for (String f : fragments)
					assertTrue(i.getMessage().contains(f), "message '" + i.getMessage() + "' lacks '" + f + "'");
				return i;
			}
		fail("no " + s + " " + code + " in " + issues);
		return null;
	}

	static void none(List<Issue> issues, String code) {
		for (Issue i : issues)
			assertNotEquals(code, i.getCode(), "unexpected: " + i);
	}

	static void clean(List<Issue> issues) {
		assertTrue(issues.isEmpty(), "expected no issues: " + issues);
	}

	/** A keyword where a name is expected is named as such, with the way to use it as a name (^); ^hold then parses. */
	@Test
	public void aKeywordWrittenAsANameSaysSoAndHowToEscapeIt() throws Exception {
		List<Issue> issues = validate("t.cell", "package study.hold\nprotocol P { rest for 1 h }\n");
		assertEquals(1, issues.size(), issues.toString());
		Issue i = issues.get(0);
		assertEquals("'hold' is a keyword of the language, not a name: write ^hold to use it as a name, or choose another", i.getMessage());
		assertEquals(1, i.getLineNumber());
		assertEquals(15, i.getColumn(), "at the keyword");
		assertTrue(v("protocol repeat { rest for 1 h }").get(0).getMessage().startsWith("'repeat' is a keyword of the language"));
		clean(validate("t.cell", "package study.^hold\nprotocol ^repeat { rest for 1 h }\n"));
		// other syntax errors keep the parser's words
		assertTrue(v("protocol P { rest for 1 h").get(0).getMessage().contains("expecting"), "a missing brace");
	}

	/**
	 * A syntax error where the parser saw no way on says in words what was expected and what was found, at the line the
	 * marker had: the IDE showed ANTLR's "no viable alternative at input '\n\t'" for a stray '-' after a unit (seen
	 * walking the IDE, session 28, a42c.png).
	 */
	@Test
	public void aSyntaxErrorSaysWhatWasExpectedAndWhatWasFound() throws Exception {
		Issue i = syntaxError(v("cell C {\n\tarea = 0.785 cm2\n\ttemperature = 25 degC-\n\tlayer wcc: SUS 10 um\n}\n"));
		assertEquals("a word expected after 'degC-' (a name goes on after its '-', as in max-step), found end of line", i.getMessage());
		assertEquals(6, i.getLineNumber(), "the line of temperature (after HEAD's 3 lines, cell C's and area's)");
		i = syntaxError(v("cell C {\n\tarea =\n\tlayer wcc: SUS 10 um\n}\n"));
		assertEquals("a value expected after '=' (a number with its unit, such as 25 degC), found 'layer'", i.getMessage());
		assertEquals(6, i.getLineNumber(), "at 'layer', where the value was missed");
		i = syntaxError(v("cell C {\n\tarea =\n}\n"));
		assertEquals("a value expected after '=' (a number with its unit, such as 25 degC), found '}'", i.getMessage());
		assertEquals(6, i.getLineNumber(), "at the '}'");
	}

	private static Issue syntaxError(List<Issue> issues) {
		return issues.stream().filter(i -> org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC.equals(i.getCode())).findFirst()
				.orElseThrow(() -> new AssertionError("no syntax error in " + issues));
	}

	/** A property the language accepts but no solver mechanism reads is flagged where it is written (session 23). */
	@Test
	public void aPropertyNoMechanismReadsIsWarnedAbout() throws Exception {
		Issue i = has(v("material M is alloy-host { density = 2.33 g/cm3 adatom-diffusivity = 1e-12 m2/s }"),
				READ_BY_NO_MECHANISM, Severity.WARNING, "adatom-diffusivity is read by no mechanism");
		assertEquals(4, i.getLineNumber(), "at the property");
		none(v("material M is alloy-host { density = 2.33 g/cm3 }"), READ_BY_NO_MECHANISM);
	}

	/**
	 * dead-lithium-fraction is read on the lithium-metal, the alloy host and the current collector only: on a conductive
	 * carbon no mechanism reads it (a layer without an alloy host takes its pores' share from the lithium-metal;
	 * MiecInterlayerElectrode), and the warning says so where it is written (session 32: CNT's value in the library was
	 * read by nothing). Where the solver reads it, no warning: the library's Li, SiNP and SUS give it.
	 */
	@Test
	public void deadLithiumFractionOnAConductiveCarbonIsWarnedAbout() throws Exception {
		Issue i = has(v("material C is conductive-carbon {\n\tdensity = 2.1 g/cm3\n\tdead-lithium-fraction = 0.05\n}"),
				READ_BY_NO_MECHANISM, Severity.WARNING, "dead-lithium-fraction is read by no mechanism of the solver on a material of kind conductive-carbon");
		assertEquals(6, i.getLineNumber(), "at the property (after HEAD's 3 lines, the material's and density's)");
		assertTrue(i.getMessage().contains("in an interlayer's pores: the alloy host's, the lithium-metal's without one"), i.getMessage());
		has(v("material B is binder { dead-lithium-fraction = 0.05 }"), READ_BY_NO_MECHANISM, Severity.WARNING, "on a material of kind binder");
		for (String kind : List.of("lithium-metal", "alloy-host", "current-collector"))
			none(v("material M is " + kind + " { density = 2 g/cm3 dead-lithium-fraction = 0.05 }"), READ_BY_NO_MECHANISM);
		// a carbon giving lithium-per-host is taken as the interlayer's host (InterlayerLithiation), its share read
		none(v("material C is conductive-carbon { lithium-per-host = 0.17 dead-lithium-fraction = 0.05 }"), READ_BY_NO_MECHANISM);
		// without a kind the solver's role of the material is not known here: not judged
		none(v("material M { dead-lithium-fraction = 0.05 }"), READ_BY_NO_MECHANISM);
	}

	/**
	 * The solver takes a layer's alloy host by its lithium-per-host, not by its kind (InterlayerLithiation): an alloy-host
	 * without it is inert carbon to the solver, none of its host properties read (session 32). Warned at its name; not on
	 * a host giving it in its 'lithiates to' block (the library's SiNP) or itself (Li15Si4), nor on a composite with such
	 * a component (SiCNT, LiSiCNT): the library validates without this warning.
	 */
	@Test
	public void alloyHostWithoutLithiumPerHostIsWarnedAbout() throws Exception {
		Issue i = has(v("material Si is alloy-host {\n\tdensity = 2.33 g/cm3\n\tlithiates to Li15Si4 { specific-capacity = 3579 mAh/g }\n}"),
				HOST_NOT_LITHIATED, Severity.WARNING, "an alloy-host without lithium-per-host is not lithiated by the solver",
				"Si is taken as inert carbon");
		assertEquals(4, i.getLineNumber(), "at the material's name (after HEAD's 3 lines)");
		// a composite whose components give none (here its Si, warned at itself too)
		assertTrue(v("material Si is alloy-host { density = 2.33 g/cm3 }\ncomposite X is alloy-host { Si 90 wt%  CNT 10 wt% }").stream()
				.anyMatch(w -> HOST_NOT_LITHIATED.equals(w.getCode()) && w.getSeverity() == Severity.WARNING
						&& w.getMessage().contains("X is taken as inert carbon") && w.getMessage().contains("in one of its components")));
		none(v("material Si is alloy-host { density = 2.33 g/cm3 lithiates to Li15Si4 { lithium-per-host = 3.75 } }"), HOST_NOT_LITHIATED);
		none(v("material L is alloy-host { density = 1.18 g/cm3 lithium-per-host = 3.75 }"), HOST_NOT_LITHIATED);
		none(v("composite X is alloy-host { SiNP 90 wt%  CNT 10 wt% }"), HOST_NOT_LITHIATED);
		none(v("material C is conductive-carbon { density = 2.1 g/cm3 }"), HOST_NOT_LITHIATED);
		XtextResourceSet rs = CHECKER.injector().getInstance(XtextResourceSet.class);
		List<Resource> library = CHECKER.injector().getInstance(StandardLibraryIndex.class).load(rs);
		int checked = 0;
		for (Resource r : library)
			if (r.getURI().lastSegment().equals("materials.cell") || r.getURI().lastSegment().equals("composites.cell")) {
				none(CHECKER.injector().getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl), HOST_NOT_LITHIATED);
				checked++;
			}
		assertEquals(2, checked, "the library's materials and composites validated");
	}

	/**
	 * An alloy host's electronic-conductivity is its lithiated phase's: one that gives no
	 * unlithiated-electronic-conductivity conducts as its lithiated phase at every lithiation (a metal-like host;
	 * InterlayerHostConductionTest in solver.tests), warned at its name with the property named; not when it gives one
	 * (the library's SiNP: the library validates without the warning), nor on a material without electronic-conductivity
	 * or without lithium-per-host. The two properties are read on a layer's alloy host only: on a conductive carbon a
	 * warning (read by no mechanism).
	 */
	@Test
	public void anAlloyHostWithoutAnUnlithiatedConductivityConductsAsItsLithiatedPhase() throws Exception {
		Issue i = has(v("material Sn is alloy-host {\n\telectronic-conductivity = 9e6 S/m\n\tlithiates to Li22Sn5 { lithium-per-host = 4.4 }\n}"),
				HOST_CONDUCTION, Severity.WARNING, "Sn gives no unlithiated-electronic-conductivity",
				"conducts as its lithiated phase (its electronic-conductivity) at every lithiation");
		assertEquals(4, i.getLineNumber(), "at the material's name (after HEAD's 3 lines)");
		none(v("material Si is alloy-host { electronic-conductivity = 1e6 S/m  unlithiated-electronic-conductivity = 2.8e-4 S/m"
				+ "  unlithiated-electronic-activation-energy = 53.55 kJ/mol  lithiates to Li15Si4 { lithium-per-host = 3.75 } }"), HOST_CONDUCTION);
		none(v("material Si is alloy-host { electronic-conductivity = 1e6 S/m  unlithiated-electronic-conductivity = 2.8e-4 S/m"
				+ "  lithiates to Li15Si4 { lithium-per-host = 3.75 } }"), READ_BY_NO_MECHANISM);
		none(v("material Si is alloy-host { density = 2.33 g/cm3 lithiates to Li15Si4 { lithium-per-host = 3.75 } }"), HOST_CONDUCTION);
		none(v("material C is conductive-carbon { electronic-conductivity = 2.2e4 S/m }"), HOST_CONDUCTION);
		has(v("material C is conductive-carbon { electronic-conductivity = 2.2e4 S/m  unlithiated-electronic-conductivity = 1 S/m }"),
				READ_BY_NO_MECHANISM, Severity.WARNING, "unlithiated-electronic-conductivity is read by no mechanism");
		XtextResourceSet rs = CHECKER.injector().getInstance(XtextResourceSet.class);
		for (Resource r : CHECKER.injector().getInstance(StandardLibraryIndex.class).load(rs))
			if (r.getURI().lastSegment().equals("materials.cell"))
				none(CHECKER.injector().getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl), HOST_CONDUCTION);
	}

	/**
	 * A fit's estimate of a property no mechanism reads on that material's kind cannot be determined: every value gives
	 * the same results (session 32: the CNT dead-lithium-fraction bracket, removed). Warned at the estimate's line; not
	 * where the solver reads it (SUS, a current collector; Li15Si4, an alloy host).
	 */
	@Test
	public void estimatingAPropertyNoMechanismReadsIsWarnedAbout() throws Exception {
		String fit = GOOD_CELL + "protocol P { rest for 1 s }\nexperiment X { cell C protocol P expect status = completed }\n"
				+ "fit F {\n\testimate %s.dead-lithium-fraction between 0.001 and 0.3 from 0.05\n\ttarget X expectations\n\tmethod bracket\n}";
		Issue i = has(v(fit.formatted("CNT")), READ_BY_NO_MECHANISM, Severity.WARNING,
				"'CNT.dead-lithium-fraction' is read by no mechanism of the solver on a material of kind conductive-carbon",
				"a fit cannot determine it");
		assertEquals((int) (HEAD + fit).lines().takeWhile(l -> !l.contains("estimate")).count() + 1, i.getLineNumber().intValue(), "at the estimate");
		none(v(fit.formatted("SUS")), READ_BY_NO_MECHANISM);
		none(v(fit.formatted("Li15Si4")), READ_BY_NO_MECHANISM);
	}

	@Test
	public void goodCellIsClean() throws Exception {
		clean(v(GOOD_CELL));
	}

	@Test
	public void unknownUnit() throws Exception {
		String text = HEAD + "material M is binder { density = 1.2 g/cm^3 }";
		List<Issue> issues = validate("t.cell", text);
		// '^' is not part of a unit: syntax error, never an exception
		assertFalse(issues.isEmpty());
		Issue i = has(v("material M is binder { density = 1.2 kg/l }"), UNKNOWN_UNIT, Severity.ERROR, "unknown unit 'kg/l'");
		assertNotNull(i);
		none(v("material M is binder { density = 1.2 g/cm3 }"), UNKNOWN_UNIT);
	}

	@Test
	public void wrongDimensionIsReportedAtTheUnitToken() throws Exception {
		String body = "cell C { layer wcc: SUS 10 mA/cm2 }";
		String text = HEAD + body;
		Issue i = has(validate("t.cell", text), WRONG_DIMENSION, Severity.ERROR, "thickness", "length", "current density");
		assertEquals("mA/cm2", text.substring(i.getOffset(), i.getOffset() + i.getLength()));
		String text2 = HEAD + "material M is binder { density = 1.2 MPa }";
		Issue j = has(validate("t.cell", text2), WRONG_DIMENSION, Severity.ERROR, "density", "g/cm3");
		assertEquals("MPa", text2.substring(j.getOffset(), j.getOffset() + j.getLength()));
		none(v("material M is binder { density = 1.2 g/cm3 }"), WRONG_DIMENSION);
	}

	@Test
	public void physicalRanges() throws Exception {
		has(v("cell C { layer a: SUS 10 um { porosity = 1.2 } }"), OUT_OF_RANGE, Severity.ERROR, "porosity", "[0, 1)");
		has(v("cell C { layer a: SUS 10 um { porosity = 100 % } }"), OUT_OF_RANGE, Severity.ERROR, "porosity");
		none(v("cell C { layer a: SUS 10 um { porosity = 58.5 % } }"), OUT_OF_RANGE);
		has(v("cell C { layer a: SUS -10 um }"), OUT_OF_RANGE, Severity.ERROR, "thickness must be in (0, 0.1] m");
		has(v("cell C { layer a: SUS 10 um { areal-loading = 0 mg/cm2 } }"), OUT_OF_RANGE, Severity.ERROR, "areal-loading");
		has(v("cell C { temperature = -300 degC }"), OUT_OF_RANGE, Severity.ERROR, "temperature");
		none(v("cell C { temperature = 60 degC }"), OUT_OF_RANGE);
	}

	@Test
	public void compositeFractionsSumTo100() throws Exception {
		has(v("composite X { SiNP 90 wt%  CNT 20 wt% }"), FRACTIONS_SUM, Severity.ERROR, "110 %", "100 %");
		none(v("composite X { SiNP 90 wt%  CNT 10 wt% }"), FRACTIONS_SUM);
		has(v("composite X { SiNP 90 wt%  CNT 10 vol% }"), FRACTION_BASIS, Severity.ERROR, "one basis");
		has(v("composite X { SiNP 90 %  CNT 10 % }"), FRACTION_BASIS, Severity.ERROR, "wt% or vol%");
		none(v("composite X { SiNP 60 vol%  CNT 40 vol% }"), FRACTION_BASIS);
	}

	@Test
	public void compositesThatContainEachOtherAreAnErrorNotACrash() throws Exception {
		List<Issue> issues = v("""
				composite A is alloy-host { B 50 wt%  SiNP 50 wt% }
				composite B is alloy-host { A 50 wt%  CNT 50 wt% }
				cell C {
					area = 1 cm2
					layer wcc: SUS 10 um
					layer inter: A { areal-loading = 0.2 mg/cm2  porosity = 0.5 }
					layer sep: Li6PS5Cl 700 um
					layer foil: Li 30 um
					layer ccc: SUS 10 um
				}
				""");
		Issue i = has(issues, CYCLIC_COMPOSITE, Severity.ERROR, "composite A contains itself through A -> B -> A", "do not contain it");
		assertEquals(4, i.getLineNumber(), "at A's component B");
		assertTrue(issues.stream().anyMatch(x -> CYCLIC_COMPOSITE.equals(x.getCode()) && x.getLineNumber() == 5
				&& x.getMessage().contains("composite B contains itself through B -> A -> B")), issues.toString());
		for (Issue x : issues)
			assertFalse(x.getMessage().contains("EValidator"), "the validator ran to the end: " + x);
		// a composite used twice below another (a diamond) is not a cycle
		none(v("""
				composite E { SiNP 50 wt%  CNT 50 wt% }
				composite B { E 50 wt%  CNT 50 wt% }
				composite D { B 50 wt%  E 50 wt% }
				"""), CYCLIC_COMPOSITE);
	}

	@Test
	public void layersNeedThicknessOrLoading() throws Exception {
		has(v("cell C { layer a: SUS }"), MISSING_THICKNESS, Severity.ERROR, "needs a thickness");
		none(v("cell C { layer a: CathodeMix { areal-loading = 20 mg/cm2 } }"), MISSING_THICKNESS);
		has(v("cell C { layer a: SiCNT 0.1 um { areal-loading = 0.21 mg/cm2 } }"), OUT_OF_RANGE, Severity.ERROR, "solid fraction");
		has(v("cell C { layer a: SiCNT 2 um { areal-loading = 0.19 mg/cm2 porosity = 0.2 } }"), INCONSISTENT_POROSITY, Severity.WARNING, "0.588");
		none(v("cell C { layer a: SiCNT 2 um { areal-loading = 0.19 mg/cm2 porosity = 0.585 } }"), INCONSISTENT_POROSITY);
	}

	@Test
	public void stackSanity() throws Exception {
		has(v("cell C { area = 1 cm2 layer a: SUS 10 um layer b: Li 30 um }"), STACK, Severity.ERROR, "no separator");
		has(v("cell C { area = 1 cm2 layer a: SUS 10 um layer s: Li6PS5Cl 700 um }"), STACK, Severity.ERROR, "electrode on each side");
		has(v("cell C { layer a: SUS 10 um layer s: Li6PS5Cl 700 um layer c: SUS 10 um }"), STACK, Severity.WARNING, "no area");
		has(v("cell C { area = 1 cm2 layer s: Li6PS5Cl 700 um layer x: Li 3 um layer c: SUS 10 um }"), STACK, Severity.WARNING, "current collector");
		// exactly two electrodes: one separator (of one or more adjacent layers), nothing outside the collectors
		Issue three = has(v("cell C { area = 1 cm2 layer a: SUS 10 um layer s: Li6PS5Cl 700 um layer x: Li 30 um layer s2: Li6PS5Cl 700 um "
				+ "layer y: Li 30 um layer d: SUS 10 um }"), STACK, Severity.ERROR, "more than two electrodes", "s and s2 enclose x");
		assertEquals(4, three.getLineNumber(), "at the cell");
		has(v("cell C { area = 1 cm2 layer a: SUS 10 um layer x: Li 30 um layer b: SUS 10 um layer s: Li6PS5Cl 700 um "
				+ "layer y: Li 30 um layer d: SUS 10 um }"), STACK, Severity.ERROR, "current collector b sits inside the stack", "x outside");
		has(v("cell C { area = 1 cm2 layer a: SUS 10 um layer s: Li6PS5Cl 700 um layer y: Li 30 um layer d: SUS 10 um layer z: Li 30 um }"),
				STACK, Severity.ERROR, "current collector d sits inside the stack", "z outside");
		none(v("cell C { area = 1 cm2 layer a: SUS 10 um layer s: Li6PS5Cl 300 um layer s2: Li6PS5Cl 400 um layer y: Li 30 um "
				+ "layer d: SUS 10 um layer d2: SUS 10 um }"), STACK);
		none(v(GOOD_CELL), STACK);
	}

	@Test
	public void electrolyteNextToLithiumWarnsAndNamesSideProducts() throws Exception {
		Issue i = has(v("cell C { area = 1 cm2 layer a: SUS 10 um layer s: Li6PS5Cl 700 um layer f: Li 30 um layer c: SUS 10 um }"),
				SE_REDUCTION, Severity.WARNING, "Li2S, Li3P, LiCl", "1.71 V");
		assertNotNull(i);
		none(v("cell C { area = 1 cm2 layer a: SUS 10 um layer f: Li 30 um layer i: LiSiCNT 3 um layer s: Li6PS5Cl 700 um layer x: CathodeMix { areal-loading = 20 mg/cm2 } layer c: SUS 10 um }"),
				SE_REDUCTION);
	}

	@Test
	public void protocolSanity() throws Exception {
		has(v("protocol P { discharge at 0.1 C until 2.8 V  charge at 0.1 C until 2.5 V }"), UNREACHABLE_CUTOFF, Severity.ERROR,
				"ends at 2.8 V", "rise", "did you mean discharge");
		has(v("protocol P { charge at 0.1 C until 4.3 V  discharge at 0.1 C until 4.4 V }"), UNREACHABLE_CUTOFF, Severity.ERROR, "fall");
		has(v("protocol P { charge at 0.1 C until 4.3 V  repeat 3 { discharge at 0.1 C until 2.8 V  discharge at 0.1 C until 2.5 V } }"),
				UNREACHABLE_CUTOFF, Severity.ERROR);
		none(v("protocol P { charge at 0.1 C until 4.3 V  repeat 3 { discharge at 0.1 C until 2.8 V  charge at 0.1 C until 4.3 V } }"),
				UNREACHABLE_CUTOFF);
		has(v("protocol P { charge at 0.1 C until 0.05 C }"), UNREACHABLE_CUTOFF, Severity.ERROR, "hold at");
		none(v("protocol P { charge at 0.1 C until 4.3 V  hold at 4.3 V until 0.05 C }"), UNREACHABLE_CUTOFF);
		has(v("protocol P { hold at 4.3 V until 4.2 V }"), UNREACHABLE_CUTOFF, Severity.ERROR, "voltage hold");
		has(v("protocol P { charge at 0.1 C }"), STEP_NEVER_ENDS, Severity.ERROR, "never ends");
		has(v("protocol P { discharge at -0.3 mA/cm2 for 10 h }"), SIGNED_RATE, Severity.ERROR, "charge at 0.3 mA/cm2");
		none(v("protocol P { discharge at 0.3 mA/cm2 for 10 h }"), SIGNED_RATE);
		has(v("protocol P { charge at 0.3 mA/cm2 until 10 h }"), WRONG_DIMENSION, Severity.ERROR, "for 10 h");
		has(v("protocol P { charge at 0.3 V for 10 h }"), WRONG_DIMENSION, Severity.ERROR, "current density");
		has(v("protocol P { set temperature = 60 MPa }"), WRONG_DIMENSION, Severity.ERROR, "temperature");
		clean(v("protocol P { set temperature = 60 degC set stack-pressure = 5 MPa rest for 1 h discharge at 0.3 mA/cm2 for 10 h until -0.5 V }"));
		has(v("protocol P { run Q } protocol Q { run P }"), CYCLIC_PROTOCOL, Severity.ERROR, "runs itself");
		none(v("protocol P { run Q } protocol Q { rest for 1 h }"), CYCLIC_PROTOCOL);
	}

	@Test
	public void duplicateNames() throws Exception {
		has(v("material M is binder { } material M is binder { }"), DUPLICATE_NAME, Severity.ERROR, "duplicate element 'M'");
		has(v("material M is binder { density = 1 g/cm3 density = 2 g/cm3 }"), DUPLICATE_NAME, Severity.ERROR, "duplicate property");
		has(v("cell C { layer a: SUS 1 um layer a: SUS 2 um }"), DUPLICATE_NAME, Severity.ERROR, "duplicate layer");
		has(validate("a.cell", "package p\nmaterial M is binder { }", "b.cell", "package p\nmaterial M is binder { }"),
				DUPLICATE_NAME, Severity.ERROR, "also defined in b.cell");
		none(validate("a.cell", "package p\nmaterial M is binder { }", "b.cell", "package q\nmaterial M is binder { }"), DUPLICATE_NAME);
	}

	@Test
	public void importsResolveOrFail() throws Exception {
		has(validate("a.cell", "package a\nimport nowhere.*\n"), UNRESOLVED_IMPORT, Severity.ERROR, "matches nothing");
		clean(validate("a.cell", "package a\nimport b.*\ncomposite K { M 100 wt% }", "b.cell", "package b\nmaterial M is binder { }"));
		// same package in another file: no import needed
		clean(validate("a.cell", "package p\ncomposite K { M 100 wt% }", "b.cell", "package p\nmaterial M is binder { }"));
		has(validate("a.cell", "package a\ncell C2 extends C { }"), "org.eclipse.xtext.diagnostics.Diagnostic.Linking", Severity.ERROR, "C");
	}

	@Test
	public void cyclicImports() throws Exception {
		has(validate("a.cell", "package a\nimport b.*\nmaterial A is binder { }", "b.cell", "package b\nimport a.*\nmaterial B is binder { }"),
				CYCLIC_IMPORT, Severity.ERROR, "a -> b -> a");
		none(validate("a.cell", "package a\nimport b.*\nmaterial A is binder { }", "b.cell", "package b\nmaterial B is binder { }"), CYCLIC_IMPORT);
	}

	@Test
	public void cellsExtendAndRemove() throws Exception {
		has(v("cell A extends B { } cell B extends A { }"), CYCLIC_EXTENDS, Severity.ERROR, "extends itself");
		has(v("cell A { layer a: SUS 1 um } cell B extends A { remove nothing }"), UNKNOWN_LAYER, Severity.ERROR, "no such layer");
		none(v("cell A { layer a: SUS 1 um } cell B extends A { remove a }"), UNKNOWN_LAYER);
		has(v("cell A { layer a: SUS 1 um } cell B extends A { layer b: SUS 1 um after zz }"), UNKNOWN_LAYER, Severity.ERROR, "no layer 'zz'");
	}

	@Test
	public void unknownPropertiesAndOutputsAreWarnings() throws Exception {
		has(v("material M is binder { densty = 1 g/cm3 }"), UNKNOWN_PROPERTY, Severity.WARNING, "did you mean density");
		has(v("cell C { layer a: SUS 1 um { thickness = 2 um } }"), UNKNOWN_PROPERTY, Severity.WARNING, "goes after its material");
		none(v("material M is binder { density = 1 g/cm3 }"), UNKNOWN_PROPERTY);
		has(v(GOOD_CELL + "protocol P { rest for 1 h } experiment E { cell C protocol P record voltage, colour }"), UNKNOWN_OUTPUT, Severity.WARNING, "colour");
	}

	@Test
	public void ocvFormulasAndTables() throws Exception {
		clean(v("material M is intercalation-cathode { ocv function V = 4.2 - 0.5*x + 0.1*exp(-20*(1 - x)) }"));
		has(v("material M is intercalation-cathode { ocv function V = 4.2 - foo(x) }"), EXPRESSION, Severity.ERROR, "unknown function 'foo'");
		has(v("material M is intercalation-cathode { ocv function V = 4.2 - y }"), EXPRESSION, Severity.ERROR, "unknown variable 'y'");
		has(v("material M is intercalation-cathode { ocv function V = 1/(x - x) }"), EXPRESSION, Severity.WARNING, "not finite");
		has(v("material M is intercalation-cathode { ocv function mA = x }"), WRONG_DIMENSION, Severity.ERROR, "voltage");
		clean(v("material M is intercalation-cathode { ocv table V { 0.25 4.4, 0.5 3.9, 1 3.5 } }"));
		has(v("material M is intercalation-cathode { ocv table V { 0.5 4.4, 0.25 3.9 } }"), TABLE, Severity.ERROR, "increase");
	}

	@Test
	public void sweeps() throws Exception {
		String base = GOOD_CELL + "protocol P { rest for 1 h } experiment E { cell C protocol P }\n";
		clean(v(base + "sweep S { experiment E vary stack-pressure in 5 MPa, 65 MPa vary inter.thickness in 1 um, 3 um vary temperature from 20 degC to 60 degC step 20 degC }"));
		has(v(base + "sweep S { experiment E vary colour in 1, 2 }"), SWEEP, Severity.ERROR, "cannot vary");
		has(v(base + "sweep S { experiment E vary nolayer.porosity in 0.1 }"), SWEEP, Severity.ERROR, "no layer");
		has(v(base + "sweep S { experiment E vary stack-pressure in 5 degC }"), WRONG_DIMENSION, Severity.ERROR, "pressure");
	}

	@Test
	public void expectations() throws Exception {
		String base = GOOD_CELL + "protocol P { rest for 1 h }\n";
		clean(v(base + """
				experiment E {
					cell C
					protocol P
					expect "Li nucleation overpotential, bare SUS": nucleation-overpotential = 14.2 mV within 2 mV source "10.1002/adma.202210835"
					expect coulombic-efficiency of cycle 1 = 92.0 % within 1.5 %
					expect average coulombic-efficiency = 99.3 % within 0.5 %
					expect average coulombic-efficiency from cycle 30 = 99.9 % within 0.1 %
					expect discharge-capacity of cycle 1 = 207.8 mAh/g within 5 mAh/g
					expect discharge-capacity of cycle 2 > 2 mAh/cm2
					expect capacity-retention of cycle 200 relative to cycle 2 = 88.9 % within 3 %
					expect status = short-circuit
					expect end-time < 100 h
					expect short-circuit-cycle < 40
					expect dealloying-capacity < 0.05 mAh/cm2
				}
				"""));
		String x = base + "experiment E { cell C protocol P expect ";
		Issue unknown = has(v(x + "coulombic-efficency = 92 % within 1 % }"), EXPECTATION, Severity.ERROR, "unknown metric", "coulombic-efficiency");
		assertEquals(13, unknown.getLineNumber(), "located at the line of the expect");
		// the wrong unit is reported at the unit token, as other unit errors
		Issue dim = has(v(x + "nucleation-overpotential = 14.2 mA within 2 mV }"), WRONG_DIMENSION, Severity.ERROR, "voltage", "'mA'");
		assertEquals(2, dim.getLength(), "at the unit 'mA'");
		has(v(x + "nucleation-overpotential = 14.2 mV within 2 h }"), WRONG_DIMENSION, Severity.ERROR, "tolerance", "'h'");
		has(v(x + "discharge-capacity of cycle 1 = 207.8 mAh/g within 5 mAh/cm2 }"), WRONG_DIMENSION, Severity.ERROR, "tolerance");
		has(v(x + "nucleation-overpotential = 14.2 mV }"), EXPECTATION, Severity.ERROR, "needs a tolerance");
		has(v(x + "end-time < 100 h within 5 h }"), EXPECTATION, Severity.ERROR, "'within' belongs to '='");
		has(v(x + "nucleation-overpotential = 14.2 mV within 0 mV }"), OUT_OF_RANGE, Severity.ERROR, "tolerance must be > 0");
		has(v(x + "status = exploded }"), EXPECTATION, Severity.ERROR, "unknown status", "short-circuit");
		has(v(x + "status < 3 }"), EXPECTATION, Severity.ERROR, "a word");
		has(v(x + "end-time = completed }"), EXPECTATION, Severity.ERROR, "number with its unit");
		has(v(x + "end-time of cycle 3 < 100 h }"), EXPECTATION, Severity.ERROR, "one value per run");
		has(v(x + "average end-time < 100 h }"), EXPECTATION, Severity.ERROR, "'average' takes a per-cycle metric");
		has(v(x + "average coulombic-efficiency of cycle 2 > 99 % }"), EXPECTATION, Severity.ERROR, "not both");
		has(v(x + "coulombic-efficiency of cycle 0 > 99 % }"), EXPECTATION, Severity.ERROR, "count from 1");
		has(v(x + "coulombic-efficiency from cycle 30 > 99 % }"), EXPECTATION, Severity.ERROR, "belongs to 'average'");
		has(v(x + "average coulombic-efficiency from cycle 0 > 99 % }"), EXPECTATION, Severity.ERROR, "count from 1");
		has(v(x + "coulombic-efficiency of cycle 5 relative to cycle 2 > 99 % }"), EXPECTATION, Severity.ERROR, "capacity-retention");
		has(v(x + "capacity-retention of cycle 5 relative to cycle 7 > 80 % }"), EXPECTATION, Severity.ERROR, "the reference cycle 7 must come before cycle 5");
		// a cycle relative to itself read "the reference cycle comes before cycle 1", which it does not (session 15)
		has(v(x + "capacity-retention of cycle 1 relative to cycle 1 = 100 % within 1 % }"), EXPECTATION, Severity.ERROR,
				"the reference cycle 1 must come before cycle 1");
		has(v(x + "end-time < 100 furlongs }"), UNKNOWN_UNIT, Severity.ERROR, "furlongs");
	}

	/**
	 * The cathode's interfacial resistance is read at a named point, a step group of the experiment's protocols (in a
	 * protocol it runs, in a repeat): without one, at a name no group has (the groups it has named), or 'at' on a metric
	 * of the whole run, the clause is an error at its line.
	 */
	@Test
	public void aResistanceIsReadAtAStepGroupOfTheProtocols() throws Exception {
		String base = GOOD_CELL + """
				protocol Form { charge at 0.1 C until 4.2 V  group probe30 { charge at 0.05 C for 10 min } }
				protocol P { run Form  repeat 2 { group hot { rest for 1 h } } }
				""";
		clean(v(base + """
				experiment E { cell C protocol P
					expect cathode-interfacial-resistance at probe30 = 18.2 Ohm.cm2 within 2 Ohm.cm2
					expect cathode-interfacial-resistance at hot < 0.001 Ohm.m2
				}
				"""));
		String x = base + "experiment E { cell C protocol P\n expect ";
		Issue none = has(v(x + "cathode-interfacial-resistance = 18.2 Ohm.cm2 within 2 Ohm.cm2 }"), EXPECTATION, Severity.ERROR,
				"read at a named point", "group probe");
		assertEquals(15, none.getLineNumber(), "at the line of the expect");
		has(v(x + "cathode-interfacial-resistance at probe = 18.2 Ohm.cm2 within 2 Ohm.cm2 }"), EXPECTATION, Severity.ERROR,
				"no step group 'probe' in the protocols of experiment E; its groups: probe30, hot");
		has(v(x + "cathode-interfacial-resistance at probe30 = 18.2 mV within 2 mV }"), WRONG_DIMENSION, Severity.ERROR, "area-specific resistance");
		has(v(x + "end-time at probe30 < 100 h }"), EXPECTATION, Severity.ERROR, "'at probe30' belongs to a metric read at a named point",
				"cathode-interfacial-resistance");
		has(v(GOOD_CELL + "protocol Q { rest for 1 h }\nexperiment E { cell C protocol Q expect cathode-interfacial-resistance at probe < 20 Ohm.cm2 }"),
				EXPECTATION, Severity.ERROR, "they have none", "group probe { ... }");
	}

	/**
	 * 'of cycle N step K' names a step as the report lists it and the run's messages name it (StepNumbers: groups and
	 * run calls inlined, a repeat's steps numbered after it, "2.2"): end-reason, last-voltage and temperature take it; a
	 * step the protocols do not have, a repeat (no end of its own), or a metric that is not read at a step is an error at
	 * the clause's line. walk30: how a step ended could be read in cycles.csv but not asserted.
	 */
	@Test
	public void aStepIsNamedAsTheReportListsIt() throws Exception {
		String base = GOOD_CELL + """
				protocol Form { charge at 0.1 C until 4.2 V  group probe { charge at 0.05 C for 10 min } }
				protocol P { run Form  repeat 10 { charge at 0.5 C until 4.2 V  discharge at 0.5 C until 3 V } }
				""";
		clean(v(base + """
				experiment E { cell C protocol P
					expect end-reason of cycle 5 step 3.2 = voltage-cutoff
					expect end-reason of cycle 1 step 2 = duration
					expect end-reason of cycle 1 = solver-failure
					expect last-voltage of cycle 5 step 3.2 = 3 V within 1 mV
					expect temperature of cycle 2 = 25 degC within 0.1 K
					expect temperature of cycle 2 step 3.1 < 30 degC
				}
				"""));
		String x = base + "experiment E { cell C protocol P\n expect ";
		Issue missing = has(v(x + "end-reason of cycle 5 step 3.3 = voltage-cutoff }"), EXPECTATION, Severity.ERROR,
				"no step 3.3 in the protocols of experiment E", "(1, 2, 3, 3.1, 3.2)");
		assertEquals(15, missing.getLineNumber(), "at the line of the expect");
		has(v(x + "end-reason of cycle 5 step 4 = voltage-cutoff }"), EXPECTATION, Severity.ERROR, "no step 4");
		has(v(x + "last-voltage of cycle 5 step 3 = 3 V within 1 mV }"), EXPECTATION, Severity.ERROR, "step 3 is a repeat", "3.1");
		has(v(x + "end-time of cycle 5 step 3.2 < 100 h }"), EXPECTATION, Severity.ERROR, "one value per run");
		has(v(x + "coulombic-efficiency of cycle 5 step 3.2 > 99 % }"), EXPECTATION, Severity.ERROR,
				"'step 3.2' belongs to a metric read at a step (end-reason, last-voltage, temperature)");
		has(v(x + "end-reason of cycle 5 step 3.2 = cut-off }"), EXPECTATION, Severity.ERROR, "unknown end-reason 'cut-off'", "voltage-cutoff");
		has(v(x + "last-voltage of cycle 5 step 3.2 = 3 mAh/cm2 within 1 mV }"), WRONG_DIMENSION, Severity.ERROR, "voltage");
	}

	/**
	 * 'of cycle N at GROUP' reads a group's run in cycle N (cycles.csv's numbering): accepted on the resistance, still
	 * refused on a metric of the whole run; a cycle beyond any the protocols can run (one more than the fewer of their
	 * charge and discharge steps, repeats multiplied out, a hold counted as either) is an error at the clause's line.
	 */
	@Test
	public void aResistanceIsReadAtAGroupsRunInAGivenCycle() throws Exception {
		String base = GOOD_CELL + """
				protocol Form { charge at 0.1 C until 4.2 V  hold at 4.2 V until 0.05 C  discharge at 0.1 C until 3 V }
				protocol P { run Form  repeat 10 { charge at 0.5 C until 4.2 V  group probe { charge at 0.05 C for 10 min }  discharge at 0.5 C until 3 V } }
				""";
		clean(v(base + """
				experiment E { cell C protocol P
					expect cathode-interfacial-resistance of cycle 2 at probe = 18.2 Ohm.cm2 within 2 Ohm.cm2
					expect cathode-interfacial-resistance of cycle 12 at probe < 40 Ohm.cm2
				}
				"""));
		String x = base + "experiment E { cell C protocol P\n expect ";
		// Form: a charge, a discharge and a hold (either way); the repeat 20 charges, 10 discharges: at most 1 + 12 cycles
		Issue beyond = has(v(x + "cathode-interfacial-resistance of cycle 14 at probe < 40 Ohm.cm2 }"), EXPECTATION, Severity.ERROR,
				"the protocols of experiment E run at most 13 cycles, so 'probe' runs in no cycle 14", "a charge after a discharge");
		assertEquals(15, beyond.getLineNumber(), "at the line of the expect");
		clean(v(x + "cathode-interfacial-resistance of cycle 13 at probe < 40 Ohm.cm2 }"));
		// a protocol that only charges runs one cycle
		has(v(GOOD_CELL + "protocol Q { charge at 0.1 C for 1 h  group probe { charge at 0.05 C for 10 min } }\n"
				+ "experiment E { cell C protocol Q expect cathode-interfacial-resistance of cycle 2 at probe < 20 Ohm.cm2 }"),
				EXPECTATION, Severity.ERROR, "run at most 1 cycle, so 'probe' runs in no cycle 2");
		has(v(x + "cathode-interfacial-resistance of cycle 0 at probe < 40 Ohm.cm2 }"), EXPECTATION, Severity.ERROR, "cycles count from 1, not 0");
		has(v(x + "end-time of cycle 2 < 100 h }"), EXPECTATION, Severity.ERROR, "end-time is one value per run: drop 'of cycle 2'");
		has(v(x + "average cathode-interfacial-resistance at probe < 40 Ohm.cm2 }"), EXPECTATION, Severity.ERROR, "'average' takes a per-cycle metric");
	}
}
