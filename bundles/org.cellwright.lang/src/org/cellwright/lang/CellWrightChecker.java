package org.cellwright.lang;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cellwright.lang.library.StandardLibraryIndex;
import org.cellwright.lang.parser.CellWrightGuardedParser;
import org.cellwright.lang.validation.IssueCodes;
import org.cellwright.lang.text.Printable;
import org.cellwright.model.Model;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * Headless loading and validation of .cell files (the CLI's 'check'). All files and the standard library go into
 * one resource set, so names resolve across them. Never throws for bad input: unreadable, too large, non-UTF-8 or
 * garbage files, syntax errors, unknown units, unresolved references and cyclic imports all end as
 * {@link CheckIssue}s with file, line and column.
 *
 * <pre>
 * CellWrightChecker.Result r = new CellWrightChecker().check(List.of(Path.of("cell6.cell")));
 * r.issues().forEach(i -> System.out.println(i)); // file:line:col: severity: message
 * Model m = r.model(Path.of("cell6.cell"));        // for the solver mapping, when r.hasErrors() is false
 * </pre>
 */
public class CellWrightChecker {

	/** Files larger than this are refused ({@link Limits#MAX_FILE_BYTES}). */
	public static final long MAX_FILE_BYTES = Limits.MAX_FILE_BYTES;
	/** At most this many issues are reported per file; the rest are summarised in one more issue. */
	public static final int MAX_ISSUES_PER_FILE = 100;
	/** Issues about input beyond {@link Limits}: kept among the issues shown when a file has more than the maximum. */
	private static final Set<String> LIMIT_CODES = Set.of(CellWrightGuardedParser.LIMIT_EXCEEDED, IssueCodes.CHAIN_TOO_LONG);

	public enum Severity {
		ERROR, WARNING, INFO;

		@Override
		public String toString() {
			return name().toLowerCase();
		}
	}

	/**
	 * One problem: file as given, 1-based line and column, severity, message, issue code (may be null). The message is
	 * safe to print: text it quotes from the file has its control characters escaped ({@link Printable#escape}).
	 */
	public record CheckIssue(String file, int line, int column, Severity severity, String message, String code) {
		public CheckIssue {
			message = Printable.escape(message);
		}

		@Override
		public String toString() {
			return Printable.escape(file) + ":" + line + ":" + column + ": " + severity + ": " + message;
		}
	}

	/** The outcome: issues in file order, the loaded resource set and the models by file. */
	public record Result(List<CheckIssue> issues, XtextResourceSet resourceSet, Map<Path, Model> models) {
		public boolean hasErrors() {
			return issues.stream().anyMatch(i -> i.severity() == Severity.ERROR);
		}

		public Model model(Path file) {
			return models.get(file);
		}
	}

	private static Injector sharedInjector;

	private final Injector injector;

	/** Uses the language's standalone injector (created once). */
	public CellWrightChecker() {
		this(defaultInjector());
	}

	public CellWrightChecker(Injector injector) {
		this.injector = injector;
	}

	/** The injector of the language, created and registered with EMF once. */
	public static synchronized Injector defaultInjector() {
		if (sharedInjector == null)
			sharedInjector = new CellWrightStandaloneSetup().createInjectorAndDoEMFRegistration();
		return sharedInjector;
	}

	public Injector injector() {
		return injector;
	}

	/**
	 * A resource set whose resources are all made by this checker's injector, whatever another injector (an editor's,
	 * a test's) registered globally for .cell: parser, serializer and formatter must share one grammar access.
	 */
	private XtextResourceSet newResourceSet() {
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		IResourceFactory factory = injector.getInstance(IResourceFactory.class);
		rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("cell", factory);
		rs.getResourceFactoryRegistry().getProtocolToFactoryMap().put("memory", factory);
		return rs;
	}

	/** Loads, links and validates the files (plus the standard library). */
	public Result check(List<Path> files) {
		return check(files, Map.of());
	}

	/**
	 * The file first, then the other .cell files of its folder (not below it): they take part in name resolution,
	 * so a file can import what its neighbours define (the CLI, the runs and the diagram load a file so).
	 */
	public static List<Path> withSiblings(Path file) {
		Path abs = file.toAbsolutePath().normalize();
		List<Path> out = new ArrayList<>(List.of(abs));
		try (java.util.stream.Stream<Path> s = Files.list(abs.getParent())) {
			s.filter(f -> f.toString().endsWith(".cell") && Files.isRegularFile(f) && !f.equals(abs)).sorted().forEach(out::add);
		} catch (IOException e) {
			// without neighbours the file still loads; unresolved names are reported
		}
		return out;
	}

	/**
	 * Loads, links and validates the files (plus the standard library); a file named in {@code unsaved} is read from
	 * that text instead of the disk (an open document with changes not saved yet).
	 */
	public Result check(List<Path> files, Map<Path, String> unsaved) {
		List<CheckIssue> issues = new ArrayList<>();
		Map<Path, Model> models = new LinkedHashMap<>();
		XtextResourceSet rs = newResourceSet();
		Map<Resource, String> names = new LinkedHashMap<>();
		try {
			injector.getInstance(StandardLibraryIndex.class).load(rs);
		} catch (RuntimeException e) {
			issues.add(new CheckIssue("<standard library>", 1, 1, Severity.WARNING,
					"the standard library could not be loaded: " + e, null));
		}
		for (Path f : files) {
			String name = f.toString();
			try {
				String given = unsaved.get(f);
				if (given == null && !Files.isRegularFile(f)) {
					issues.add(new CheckIssue(name, 1, 1, Severity.ERROR, "no such file", null));
					continue;
				}
				long size = given != null ? given.length() : Files.size(f);
				if (size > MAX_FILE_BYTES) {
					issues.add(new CheckIssue(name, 1, 1, Severity.ERROR, String.format(
							"file too large (%.1f MB; the limit is %d MB): split it into packages", size / 1048576.0,
							MAX_FILE_BYTES / 1048576), null));
					continue;
				}
				byte[] bytes = given != null ? given.getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(f);
				String text;
				try {
					text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
							.onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
				} catch (CharacterCodingException e) {
					// at the first byte that is no UTF-8 (a Latin-1 'é' in a comment): it used to be line 1 whatever the line
					int[] at = firstMalformed(bytes);
					issues.add(new CheckIssue(name, at[0], at[1], Severity.ERROR,
							"not a text file (not valid UTF-8 from here on: byte 0x" + String.format("%02X", bytes[at[2]] & 0xFF)
									+ "): a .cell file is plain UTF-8 text; save it as UTF-8", null));
					continue;
				}
				if (text.indexOf('\0') >= 0) {
					issues.add(new CheckIssue(name, 1, 1, Severity.ERROR, "not a text file (contains NUL bytes)", null));
					continue;
				}
				URI uri = URI.createFileURI(f.toAbsolutePath().normalize().toString());
				Resource r = rs.createResource(uri);
				if (r == null) {
					issues.add(new CheckIssue(name, 1, 1, Severity.ERROR, "not a .cell file", null));
					continue;
				}
				r.load(new ByteArrayInputStream(bytes), rs.getLoadOptions());
				names.put(r, name);
				EObject root = r.getContents().isEmpty() ? null : r.getContents().get(0);
				if (root instanceof Model m)
					models.put(f, m);
			} catch (IOException | RuntimeException | StackOverflowError e) {
				issues.add(new CheckIssue(name, 1, 1, Severity.ERROR, "cannot read: " + e.getMessage(), null));
			}
		}
		IResourceValidator validator = injector.getInstance(IResourceValidator.class);
		for (Map.Entry<Resource, String> e : names.entrySet()) {
			List<CheckIssue> own = new ArrayList<>();
			try {
				List<Issue> found = validator.validate(e.getKey(), CheckMode.ALL, CancelIndicator.NullImpl);
				for (Issue i : found) {
					Severity s = switch (i.getSeverity()) {
					case ERROR -> Severity.ERROR;
					case WARNING -> Severity.WARNING;
					default -> Severity.INFO;
					};
					own.add(new CheckIssue(e.getValue(), i.getLineNumber() == null ? 1 : i.getLineNumber(),
							i.getColumn() == null ? 1 : i.getColumn(), s, i.getMessage(), i.getCode()));
				}
			} catch (RuntimeException | StackOverflowError x) {
				own.add(new CheckIssue(e.getValue(), 1, 1, Severity.ERROR, "internal error while validating: " + x, null));
			}
			Comparator<CheckIssue> byPlace = Comparator.comparingInt(CheckIssue::line).thenComparingInt(CheckIssue::column);
			own.sort(byPlace);
			if (own.size() > MAX_ISSUES_PER_FILE) {
				int more = own.size() - MAX_ISSUES_PER_FILE;
				// input beyond the limits is the cause of what follows: shown even when it comes late in the file
				List<CheckIssue> shown = new ArrayList<>(own.stream().filter(CellWrightChecker::aboutLimits).limit(MAX_ISSUES_PER_FILE).toList());
				for (CheckIssue i : own)
					if (shown.size() < MAX_ISSUES_PER_FILE && !aboutLimits(i))
						shown.add(i);
				shown.sort(byPlace);
				own = shown;
				own.add(new CheckIssue(e.getValue(), own.get(own.size() - 1).line(), 1, Severity.ERROR,
						more + " more issues not shown: is this a .cell file?", null));
			}
			issues.addAll(own);
		}
		return new Result(Collections.unmodifiableList(issues), rs, models);
	}

	/** Line and column (1-based, the column in bytes) and the offset of the first byte of {@code bytes} that is no UTF-8. */
	static int[] firstMalformed(byte[] bytes) {
		java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
		java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
		java.nio.charset.CoderResult cr = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
		int offset = cr.isError() ? in.position() : 0;
		int line = 1, lineStart = 0;
		for (int i = 0; i < offset; i++)
			if (bytes[i] == '\n') {
				line++;
				lineStart = i + 1;
			}
		return new int[] { line, offset - lineStart + 1, Math.min(offset, Math.max(0, bytes.length - 1)) };
	}

	private static boolean aboutLimits(CheckIssue i) {
		return i.code() != null && LIMIT_CODES.contains(i.code());
	}

	/** Parses text (for tools and tests); the resource is in a fresh resource set with the standard library. */
	public XtextResource parse(String text, String fileName) throws IOException {
		XtextResourceSet rs = newResourceSet();
		injector.getInstance(StandardLibraryIndex.class).load(rs);
		XtextResource r = (XtextResource) rs.createResource(URI.createURI("memory:/" + fileName + (fileName.endsWith(".cell") ? "" : ".cell")));
		r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
		return r;
	}
}
