package org.cellwright.editor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IStartup;

/**
 * When a .cell file is saved (or added, removed), the other .cell files of the workspace that can see its package
 * (an import of that package or of one of its elements, or the same package) are validated again, so a material
 * removed from one file shows as an error in the files that use it. A resource change listener installed at
 * start-up; the validation runs in a background job, the open editors' unsaved text counts for their own file.
 */
public final class ImporterRevalidation implements IResourceChangeListener, IStartup {

	/** The job family of the revalidation jobs (tests wait for it). */
	public static final Object FAMILY = ImporterRevalidation.class;
	private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.^]+)");
	private static volatile ImporterRevalidation installed;
	/** The package each .cell file declared when last seen (a file moved to another package still tells the old one). */
	private final Map<IFile, String> packages = new ConcurrentHashMap<>();

	/** Installs the listener once (the start-up extension and the editor both call it). */
	public static synchronized void install() {
		if (installed != null) return;
		installed = new ImporterRevalidation();
		ResourcesPlugin.getWorkspace().addResourceChangeListener(installed, IResourceChangeEvent.POST_CHANGE);
	}

	@Override
	public void earlyStartup() {
		install();
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		if (event.getDelta() == null) return;
		Set<IFile> changed = new LinkedHashSet<>();
		try {
			event.getDelta().accept(d -> {
				if (d.getResource() instanceof IFile f && "cell".equals(f.getFileExtension())) {
					boolean content = d.getKind() != IResourceDelta.CHANGED || (d.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0;
					if (content) changed.add(f);
					return false;
				}
				return true;
			});
		} catch (CoreException e) {
			return;
		}
		if (changed.isEmpty()) return;
		Set<String> touched = new LinkedHashSet<>();
		for (IFile f : changed) {
			String old = packages.get(f);
			if (old != null) touched.add(old);
			String now = f.exists() ? packageOf(read(f)) : null;
			if (now != null) { touched.add(now); packages.put(f, now); } else packages.remove(f);
		}
		if (touched.isEmpty()) return;
		Job job = new Job("Validating the files that import " + String.join(", ", touched)) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				revalidateImporters(touched, changed, monitor);
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule(100);
	}

	/** Validates every .cell file (other than the changed ones) that sees one of the packages; returns them. */
	public static List<IFile> revalidateImporters(Set<String> packages, Set<IFile> except, IProgressMonitor monitor) {
		List<IFile> files = new ArrayList<>();
		try {
			ResourcesPlugin.getWorkspace().getRoot().accept(r -> {
				if (r instanceof IFile f && "cell".equals(f.getFileExtension()) && !except.contains(f)) files.add(f);
				return !(r.isDerived() || r.getName().startsWith("."));
			});
		} catch (CoreException e) {
			return List.of();
		}
		List<IFile> done = new ArrayList<>();
		for (IFile f : files) {
			if (monitor != null && monitor.isCanceled()) break;
			String text = textOf(f);
			if (text == null || !sees(text, packages)) continue;
			// an open editor's model refers to the changed file: its session reads the text again (views, hover)
			ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(f.getFullPath(), LocationKind.IFILE);
			EditingSession session = buffer == null ? null : EditingSession.existing(buffer.getDocument());
			if (session != null) session.invalidate();
			try {
				// an open file's text is validated by its session (its problems are the hover's; one parse of the text)
				List<org.eclipse.xtext.validation.Issue> issues = session != null ? session.validate(text, () -> monitor != null && monitor.isCanceled())
						: DocumentValidator.validate(f, text, () -> monitor != null && monitor.isCanceled());
				if (issues == null) continue; // the editor's text changed since: its reconciler validates the new one
				CellValidationReconciler.updateMarkers(f, issues);
				done.add(f);
			} catch (RuntimeException e) {
				// a file that cannot be validated keeps its markers; its editor validates it when opened
			}
		}
		return done;
	}

	/** True if the text imports one of the packages (wildcard or an element of it) or is in one of them. */
	static boolean sees(String text, Set<String> packages) {
		String own = packageOf(text);
		for (String p : packages) {
			if (p.equals(own)) return true;
			if (Pattern.compile("(?m)^\\s*import\\s+" + Pattern.quote(p) + "\\.(\\*|\\^?\\w+)\\s*$").matcher(text).find()) return true;
		}
		return false;
	}

	static String packageOf(String text) {
		if (text == null) return null;
		Matcher m = PACKAGE.matcher(text);
		return m.find() ? m.group(1).replace("^", "") : null;
	}

	/** The text an open editor holds for the file, else the saved text. */
	private static String textOf(IFile f) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(f.getFullPath(), LocationKind.IFILE);
		if (buffer != null) return buffer.getDocument().get();
		return read(f);
	}

	private static String read(IFile f) {
		try (var in = f.getContents(true)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (Exception e) {
			return null;
		}
	}

	/** For tests: true if no revalidation is scheduled or running. */
	public static boolean idle() {
		return Job.getJobManager().find(FAMILY).length == 0;
	}

}
