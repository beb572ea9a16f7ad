package org.cellwright.editor.references;

import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;

/** The result of Find References: one line per reference (file:line: text); double-click or Enter opens it. */
public class ReferencesView extends ViewPart {
	public static final String ID = "org.cellwright.editor.references";

	private Label title;
	private TableViewer table;
	private FindReferences.Result result;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		title = new Label(parent, SWT.NONE);
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		title.setText("Find References (Ctrl+Shift+G) on a name in a .cell editor lists its references here.");
		table = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table.setContentProvider(ArrayContentProvider.getInstance());
		table.setLabelProvider(new LabelProvider());
		table.addOpenListener(e -> {
			if (e.getSelection() instanceof StructuredSelection s && s.getFirstElement() instanceof FindReferences.Match m) open(m);
		});
	}

	/** Shows that a search runs. */
	public void searching(String what) {
		result = null;
		title.setText("Searching references to " + what + " ...");
		table.setInput(List.of());
	}

	/** Shows a result (null: nothing named at the cursor). */
	public void show(FindReferences.Result r) {
		result = r;
		if (r == null) {
			title.setText("No material, cell, protocol or experiment at the cursor: place it on a name or a reference.");
			table.setInput(List.of());
			return;
		}
		int n = r.matches().size();
		title.setText("'" + r.name() + "' (" + r.kind() + "): " + n + (n == 1 ? " reference" : " references") + " in the workspace"
				+ (r.cancelled() ? " (cancelled: " + r.searched() + " of " + r.files() + " .cell files searched)" : ""));
		table.setInput(r.matches());
	}

	public FindReferences.Result result() {
		return result;
	}

	public List<String> lines() {
		return java.util.Arrays.stream(table.getTable().getItems()).map(i -> i.getText()).toList();
	}

	public String title() {
		return title.getText();
	}

	static void open(FindReferences.Match m) {
		try {
			IEditorPart e = IDE.openEditor(org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), m.file(), true);
			if (e instanceof ITextEditor te) te.selectAndReveal(m.offset(), m.length());
		} catch (PartInitException x) {
			org.eclipse.core.runtime.ILog.of(ReferencesView.class).error("cannot open " + m.file(), x);
		}
	}

	/**
	 * Searches in a job and shows the result here. Cancel (in the Progress view) stops the reading of the workspace's
	 * files: the references found in the files read are shown, the title saying the search was cancelled (as Eclipse's
	 * search does); before, the job read every file whatever the user asked.
	 */
	public Job search(org.eclipse.core.resources.IFile file, String text, int offset) {
		searching("the name at the cursor");
		var display = table.getControl().getDisplay();
		Job job = Job.create("Find references", m -> {
			FindReferences.Result r = FindReferences.find(file, text, offset, m);
			display.asyncExec(() -> { if (!table.getControl().isDisposed()) show(r); });
		});
		job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
			@Override
			public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
				// cancelled before it ran: nothing was searched
				if (event.getResult().getSeverity() == org.eclipse.core.runtime.IStatus.CANCEL)
					display.asyncExec(() -> { if (!title.isDisposed() && title.getText().startsWith("Searching")) title.setText("Find References cancelled."); });
			}
		});
		job.schedule();
		return job;
	}

	@Override
	public void setFocus() {
		table.getControl().setFocus();
	}
}
