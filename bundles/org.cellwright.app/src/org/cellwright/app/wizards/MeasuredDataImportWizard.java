package org.cellwright.app.wizards;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.app.views.ResultsView;
import org.cellwright.lang.text.MeasuredClause;
import org.cellwright.lang.text.Printable;
import org.cellwright.measured.ColumnMapping;
import org.cellwright.measured.CyclerDataReader;
import org.cellwright.measured.CyclerFormat;
import org.cellwright.measured.MeasuredDataException;
import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.model.CurrentSign;
import org.cellwright.run.fit.MeasuredComparison;
import org.cellwright.run.folder.RunFolder;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/**
 * File > Import > CellWright Measured Data (and Add Measurement... in the Results view): cycler data (BDF, Arbin,
 * Neware, BioLogic EC-Lab, Maccor, detected from the header or chosen; any other CSV through a column-mapping page)
 * read with the measured bundle's {@link CyclerDataReader} into SI, then overlaid on a run in the Results view with
 * its error figures. The file is read whole before anything is shown: a bad file ends in one error dialog naming the
 * file and line, and nothing is loaded. The first page shows the experiment's {@code measured} clause for the choices
 * ({@link #clause()}): a flipped current is {@code sign discharge-positive} there, read by the same reader option
 * ({@link CyclerDataReader#invertCurrent}); the data file is never rewritten.
 */
public class MeasuredDataImportWizard extends Wizard implements IImportWizard {

	public static final String ID = "org.cellwright.app.wizards.importMeasured";
	/** The format choices: detection, the known formats, and a column mapping (the last). */
	static final String DETECT = "Detect from the header", MAPPING = "Other CSV (map the columns)";

	private FilePage filePage;
	private MappingPage mappingPage;
	private Path initialRun;
	private MeasuredSeries read;

	public MeasuredDataImportWizard() {
		setWindowTitle("Import Measured Data");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		if (initialRun == null) initialRun = shownRun();
	}

	/** The run to overlay on, preset (e.g. the one the Results view shows). */
	public MeasuredDataImportWizard forRun(Path run) {
		initialRun = run;
		return this;
	}

	private static Path shownRun() {
		var w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (w == null || w.getActivePage() == null) return null;
		return w.getActivePage().findView(ResultsView.ID) instanceof ResultsView v ? v.shown() : null;
	}

	@Override
	public void addPages() {
		filePage = new FilePage();
		mappingPage = new MappingPage();
		addPage(filePage);
		addPage(mappingPage);
	}

	@Override
	public boolean canFinish() {
		return filePage.isPageComplete() && (!filePage.mapped() || mappingPage.isPageComplete());
	}

	final class FilePage extends WizardPage {
		Text file, run, preview, clause;
		Combo format;
		Button invert;

		FilePage() {
			super("file");
			setTitle("Cycler data");
			setDescription("A cycler's export to overlay on a run: BDF, Arbin, Neware, BioLogic EC-Lab, Maccor, or any CSV with a column mapping");
		}

		@Override
		public void createControl(Composite parent) {
			Composite c = new Composite(parent, SWT.NONE);
			c.setLayout(new GridLayout(3, false));
			new Label(c, SWT.NONE).setText("File:");
			file = new Text(c, SWT.BORDER);
			file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			file.addListener(SWT.Modify, e -> {
				showPreview();
				validate();
			});
			Button browse = new Button(c, SWT.PUSH);
			browse.setText("Browse...");
			browse.addListener(SWT.Selection, e -> {
				FileDialog d = new FileDialog(getShell(), SWT.OPEN);
				d.setFilterExtensions(new String[] {"*.csv;*.txt;*.mpt", "*.*"});
				String f = d.open();
				if (f != null) file.setText(f);
			});
			new Label(c, SWT.NONE).setText("Format:");
			format = new Combo(c, SWT.READ_ONLY);
			List<String> items = new ArrayList<>(List.of(DETECT));
			for (CyclerFormat f : CyclerFormat.values()) items.add(f.label());
			items.add(MAPPING);
			format.setItems(items.toArray(String[]::new));
			format.select(0);
			format.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			format.addListener(SWT.Selection, e -> validate());
			invert = new Button(c, SWT.CHECK);
			invert.setText("The file counts discharge current positive (flip the sign: CellWright counts charge positive)");
			invert.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
			invert.addListener(SWT.Selection, e -> showClause());
			new Label(c, SWT.NONE).setText("Overlay on run:");
			run = new Text(c, SWT.BORDER);
			run.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			if (initialRun != null) run.setText(initialRun.toString());
			run.addListener(SWT.Modify, e -> validate());
			Button runBrowse = new Button(c, SWT.PUSH);
			runBrowse.setText("Browse...");
			runBrowse.addListener(SWT.Selection, e -> {
				DirectoryDialog d = new DirectoryDialog(getShell());
				d.setMessage("A run folder (results/<file>/<experiment>/<run id>), or an experiment's folder for its latest run");
				String f = d.open();
				if (f != null) run.setText(f);
			});
			Label l = new Label(c, SWT.NONE);
			l.setText("First lines:");
			l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
			preview = new Text(c, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL);
			GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
			gd.heightHint = 140;
			gd.widthHint = 560;
			preview.setLayoutData(gd);
			new Label(c, SWT.NONE).setText("In the .cell file:");
			clause = new Text(c, SWT.BORDER | SWT.READ_ONLY);
			clause.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			clause.setToolTipText("The experiment's measured clause for these choices: pasted into the experiment, every run"
					+ " reads the file this way (a flipped current is 'sign discharge-positive'; the file is not rewritten)");
			setControl(c);
			validate();
		}

		/** The clause for the choices made so far (empty without a file). */
		void showClause() {
			if (clause != null && !clause.isDisposed()) clause.setText(clause());
		}

		boolean mapped() {
			return format != null && MAPPING.equals(format.getText());
		}

		/** The first lines of the file as text (escaped), so that the columns can be told for a mapping. */
		private void showPreview() {
			Path p = path(file.getText());
			StringBuilder b = new StringBuilder();
			if (p != null && Files.isRegularFile(p)) {
				try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
					String line;
					for (int i = 0; i < 12 && (line = r.readLine()) != null; i++)
						b.append(i + 1).append(": ").append(Printable.escape(line.length() > 200 ? line.substring(0, 200) + "..." : line)).append('\n');
				} catch (IOException | java.io.UncheckedIOException e) {
					b.append("(cannot be shown: ").append(e.getMessage()).append(')');
				}
			}
			preview.setText(b.toString());
		}

		void validate() {
			Path p = path(file.getText()), r = path(run.getText());
			String error = null;
			if (!file.getText().isBlank() && (p == null || !Files.isRegularFile(p))) error = file.getText().strip() + ": no such file";
			else if (!run.getText().isBlank() && (r == null || RunFolder.resolve(r) == null))
				error = run.getText().strip() + ": not a run folder (run an experiment first)";
			setErrorMessage(error);
			setPageComplete(error == null && p != null && r != null);
			showClause();
		}

		@Override
		public IWizardPage getNextPage() {
			return mapped() ? mappingPage : null;
		}
	}

	/** Which column holds which quantity, by header text or 1-based number, and its unit. */
	final class MappingPage extends WizardPage {
		static final MeasuredQuantity[] QUANTITIES = {MeasuredQuantity.TIME, MeasuredQuantity.VOLTAGE, MeasuredQuantity.CURRENT,
				MeasuredQuantity.CYCLE, MeasuredQuantity.STEP};
		static final String[] DEFAULT_UNITS = {"s", "V", "A", "1", "1"};
		final Text[] column = new Text[QUANTITIES.length], unit = new Text[QUANTITIES.length];

		MappingPage() {
			super("mapping");
			setTitle("Column mapping");
			setDescription("Which column holds which quantity: its header text or its number (1 is the first), and the unit of its values");
		}

		@Override
		public void createControl(Composite parent) {
			Composite c = new Composite(parent, SWT.NONE);
			c.setLayout(new GridLayout(3, false));
			new Label(c, SWT.NONE);
			new Label(c, SWT.NONE).setText("Column (header or number)");
			new Label(c, SWT.NONE).setText("Unit");
			for (int i = 0; i < QUANTITIES.length; i++) {
				new Label(c, SWT.NONE).setText(QUANTITIES[i].key() + (QUANTITIES[i].required() ? " (needed):" : ":"));
				column[i] = new Text(c, SWT.BORDER);
				column[i].setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
				unit[i] = new Text(c, SWT.BORDER);
				unit[i].setText(DEFAULT_UNITS[i]);
				GridData gd = new GridData(SWT.FILL, SWT.CENTER, false, false);
				gd.widthHint = 80;
				unit[i].setLayoutData(gd);
				column[i].addListener(SWT.Modify, e -> validate());
				unit[i].addListener(SWT.Modify, e -> validate());
			}
			Label note = new Label(c, SWT.WRAP);
			note.setText("Units are CellWright's (docs/language.md): s, min, h, V, mV, A, mA, ... Leave a column empty when the file has none.");
			note.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
			setControl(c);
			validate();
		}

		/** The mapping as the language writes it: time=1:s,voltage=Voltage(V):V,... */
		String spec() {
			List<String> parts = new ArrayList<>();
			for (int i = 0; i < QUANTITIES.length; i++)
				if (column[i] != null && !column[i].getText().isBlank())
					parts.add(QUANTITIES[i].key() + "=" + column[i].getText().strip() + ":" + unit[i].getText().strip());
			return String.join(",", parts);
		}

		void validate() {
			String error = null;
			try {
				ColumnMapping.parse(spec());
			} catch (IllegalArgumentException e) {
				error = e.getMessage();
			}
			setErrorMessage(error);
			setPageComplete(error == null);
			if (filePage != null) filePage.showClause();
		}
	}

	private static Path path(String text) {
		try {
			return text == null || text.isBlank() ? null : Path.of(text.strip());
		} catch (java.nio.file.InvalidPathException e) {
			return null;
		}
	}

	/** For tests and scripted use: the file, format (a label of the format list, or null to detect), the run, as if typed. */
	public void set(Path file, String format, Path run) {
		filePage.file.setText(file.toString());
		filePage.format.setText(format == null ? DETECT : format);
		filePage.run.setText(run.toString());
		filePage.validate();
	}

	/** For tests: the check box "the file counts discharge current positive", as if clicked. */
	public void flipCurrent(boolean flip) {
		filePage.invert.setSelection(flip);
		filePage.showClause();
	}

	/** For tests: the column mapping as typed on the mapping page, quantity key -> {column, unit}. */
	public void map(String quantity, String column, String unit) {
		for (int i = 0; i < MappingPage.QUANTITIES.length; i++)
			if (MappingPage.QUANTITIES[i].key().equals(quantity)) {
				mappingPage.column[i].setText(column);
				mappingPage.unit[i].setText(unit);
			}
		mappingPage.validate();
	}

	/**
	 * The experiment's {@code measured} clause for the choices on the pages, as the language writes it
	 * ({@link MeasuredClause}): the file relative to the .cell file the chosen run came from (its name alone when that
	 * is unknown), the format unless detected, the mapping, and {@code sign discharge-positive} when the current is
	 * flipped. "" without a file.
	 */
	public String clause() {
		Path p = path(filePage.file.getText());
		if (p == null) return "";
		String f = filePage.format.getText();
		String format = filePage.mapped() || DETECT.equals(f) || f.isEmpty() ? null : CyclerFormat.named(f).name();
		String columns = filePage.mapped() && mappingPage.column[0] != null ? mappingPage.spec() : null;
		return MeasuredClause.text(relativeToCell(p), format, columns,
				filePage.invert.getSelection() ? CurrentSign.DISCHARGE_POSITIVE : CurrentSign.CHARGE_POSITIVE);
	}

	/** The data file relative to the folder of the chosen run's .cell file ('/' separated), else its name. */
	private String relativeToCell(Path data) {
		Path run = path(filePage.run.getText());
		Path folder = run == null ? null : RunFolder.resolve(run);
		try {
			var recorded = folder == null ? null : RunFolder.read(folder).summary().run();
			String source = recorded == null ? null : recorded.sourceFile();
			if (source != null && Path.of(source).isAbsolute() && data.isAbsolute())
				return Path.of(source).getParent().relativize(data.normalize()).toString().replace('\\', '/');
		} catch (RuntimeException e) {
			// an unreadable run: the name alone
		}
		return data.getFileName() == null ? data.toString() : data.getFileName().toString();
	}

	/** The reader as chosen on the pages. */
	CyclerDataReader reader() {
		CyclerDataReader r = new CyclerDataReader().invertCurrent(filePage.invert.getSelection());
		String f = filePage.format.getText();
		if (filePage.mapped()) r.mapping(ColumnMapping.parse(mappingPage.spec()));
		else if (!DETECT.equals(f)) r.format(CyclerFormat.named(f));
		return r;
	}

	/** The series read by the last finish, or null. */
	public MeasuredSeries series() {
		return read;
	}

	@Override
	public boolean performFinish() {
		Path file = path(filePage.file.getText()), run = RunFolder.resolve(path(filePage.run.getText()));
		CyclerDataReader reader = reader();
		boolean reference = DETECT.equals(filePage.format.getText()) && !filePage.mapped() && file != null && MeasuredComparison.isReference(file);
		MeasuredSeries[] out = new MeasuredSeries[1];
		String[] error = new String[1];
		try {
			getContainer().run(true, false, monitor -> {
				monitor.beginTask("Reading " + file.getFileName(), org.eclipse.core.runtime.IProgressMonitor.UNKNOWN);
				try {
					// a .json file is a reference solution's voltage against time, as the experiment's measured clause
					// reads it (the study's PyBaMM references: the wizard refused them as a CSV without a header)
					out[0] = reference ? MeasuredComparison.reference(file) : reader.read(file);
				} catch (MeasuredDataException e) {
					error[0] = e.getMessage();
				} catch (java.io.IOException | RuntimeException e) {
					if (!reference) throw new java.lang.reflect.InvocationTargetException(e);
					error[0] = file + ": " + MeasuredComparison.referenceProblem(e);
				} finally {
					monitor.done();
				}
			});
		} catch (InvocationTargetException e) {
			error[0] = file + ": cannot be read: " + e.getCause();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		if (error[0] != null) {
			showError(filePage.mapped() ? error[0] : inWizard(error[0]));
			return false; // nothing loaded: the wizard stays open to choose another file or mapping
		}
		read = out[0];
		try {
			var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			((ResultsView) page.showView(ResultsView.ID, null, IWorkbenchPage.VIEW_ACTIVATE)).addMeasurement(run, read);
		} catch (PartInitException e) {
			showError("the Results view cannot be opened: " + e.getMessage());
			return false;
		}
		return true;
	}

	/** The reader's hint for a file without a header row, as a .cell file writes a mapping. */
	private static final String NO_HEADER = "the file has no header row:";

	/**
	 * A reader's message as the wizard's: a file without a header row is mapped here by choosing the format "Other CSV
	 * (map the columns)", not by the .cell file's {@code columns "time=1:s,..."} the reader names (which the wizard
	 * has no field for: the hint left a user of the wizard without a way on).
	 */
	static String inWizard(String message) {
		int at = message.indexOf(NO_HEADER);
		if (at < 0) return message;
		return message.substring(0, at + NO_HEADER.length()) + " choose the format \"" + MAPPING
				+ "\" and name its columns on the next page (e.g. time: column 1 in s, voltage: column 2 in V)";
	}

	/** The one error dialog of a file that cannot be read (its message names the file and line). */
	protected void showError(String message) {
		MessageDialog.openError(getShell(), "Import Measured Data", message);
	}
}
