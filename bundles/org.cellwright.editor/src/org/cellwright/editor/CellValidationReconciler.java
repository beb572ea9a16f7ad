package org.cellwright.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** Live validation: as the user types, the file is parsed and validated and its problems become markers. */
public class CellValidationReconciler extends MonoReconciler {

	public static final String MARKER_TYPE = "org.cellwright.editor.problem";
	/** Marker attributes: the validator's issue code and its data (joined by new lines), for quick fixes. */
	public static final String CODE = "org.cellwright.code", DATA = "org.cellwright.data";

	public CellValidationReconciler() {
		super(new Strategy(), false);
		setDelay(300);
		ImporterRevalidation.install(); // also at start-up; here in case start-up extensions are disabled
	}

	/** Also makes {@link CellTextHover} the viewer's hover (messages wrapped at a maximum width): see there. */
	@Override
	public void install(org.eclipse.jface.text.ITextViewer viewer) {
		super.install(viewer);
		CellTextHover.installOn(viewer);
	}

	static class Strategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
		private IDocument document;
		private IProgressMonitor monitor;

		@Override
		public void setDocument(IDocument document) {
			this.document = document;
		}

		@Override
		public void setProgressMonitor(IProgressMonitor monitor) {
			this.monitor = monitor;
		}

		@Override
		public void initialReconcile() {
			validate();
		}

		@Override
		public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
			validate();
		}

		@Override
		public void reconcile(IRegion partition) {
			validate();
		}

		private void validate() {
			IFile file = DocumentModel.fileOf(document);
			if (file == null || !file.exists()) return;
			String text = document.get();
			List<Issue> issues;
			try {
				// the session's parse of this text, shared with the views, hover and quick fixes, validated once: the session
				// keeps the issues for the hover (null: the text is outdated)
				issues = EditingSession.of(document).validate(text, () -> monitor != null && monitor.isCanceled());
			} catch (org.eclipse.xtext.service.OperationCanceledError | org.eclipse.core.runtime.OperationCanceledException e) {
				return; // the text changed again: the next reconcile validates it
			}
			if (issues == null || monitor != null && monitor.isCanceled()) return;
			updateMarkers(file, issues);
		}
	}


	/** Replaces the file's CellWright markers by the given issues. */
	public static void updateMarkers(IFile file, List<Issue> issues) {
		IWorkspaceRunnable op = m -> {
			file.deleteMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO);
			for (Issue i : issues) {
				if (i.getSeverity() == Severity.IGNORE) continue;
				// all attributes at once: a reader never sees a marker without its message or line
				Map<String, Object> a = new HashMap<>();
				a.put(IMarker.MESSAGE, i.getMessage());
				a.put(IMarker.SEVERITY, switch (i.getSeverity()) {
					case ERROR -> IMarker.SEVERITY_ERROR;
					case WARNING -> IMarker.SEVERITY_WARNING;
					default -> IMarker.SEVERITY_INFO;
				});
				if (i.getCode() != null) a.put(CODE, i.getCode());
				if (i.getData() != null && i.getData().length > 0) a.put(DATA, String.join("\n", i.getData()));
				if (i.getLineNumber() != null) a.put(IMarker.LINE_NUMBER, i.getLineNumber().intValue());
				if (i.getOffset() != null && i.getLength() != null) {
					a.put(IMarker.CHAR_START, i.getOffset().intValue());
					a.put(IMarker.CHAR_END, i.getOffset().intValue() + i.getLength().intValue());
				}
				file.createMarker(MARKER_TYPE, a);
			}
		};
		try {
			ResourcesPlugin.getWorkspace().run(op, file, IResource.NONE, null);
		} catch (CoreException e) {
			// markers are a convenience: the editor still works without them
		}
	}
}
