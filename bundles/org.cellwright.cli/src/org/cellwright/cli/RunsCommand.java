package org.cellwright.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cellwright.lang.text.Printable;
import org.cellwright.run.Problem;
import org.cellwright.run.fit.FitReport;
import org.cellwright.run.folder.Figures;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.cellwright.run.store.RunStoreException;
import org.cellwright.sharing.cli.CliCommand;
import org.cellwright.sharing.cli.CliSupport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code runs [DIR] [--prune --keep-last N | --older-than DAYS]}: the runs of a results folder (its runs.csv), or of every
 * results folder in DIR (default {@code results}): id, time, experiment, status, key numbers and what changed against the
 * previous run; and its fits ({@code <fit>/<id>/fit.json}): id, time, status, estimates, folder. {@code --prune}
 * deletes runs and fits by one rule, explicitly; nothing else ever does. {@code --rename OLD NEW} moves the
 * history of a file renamed from OLD.cell to NEW.cell, DIR/OLD/ to DIR/NEW/ ({@link RunStore#moveHistory}; the IDE
 * does it when a file is renamed there). {@code --move OLD NEW} moves a file's history from one results folder to
 * another, OLD and NEW each a history folder {@code RESULTS/<name>} (the IDE's move into another project, with or
 * without a new name; within one results folder it is {@code --rename}); the same refusals.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
		description = { "List the runs and fits kept in a results folder (default: every results/<file>/), with what changed against the "
				+ "previous run of the same experiment, and each fit's status and estimates; --prune deletes old runs and fits explicitly." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:listed (or pruned)", "1:no runs there, or an index that cannot be read", "2:usage error" })
public class RunsCommand extends CliCommand {

	@Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "a results folder (results/<file>) or a folder of them (default: results)")
	String dir;

	@Option(names = "--prune", description = "delete runs and fits: those beyond --keep-last of each experiment, sweep or fit, and those older than --older-than")
	boolean prune;

	@Option(names = "--keep-last", paramLabel = "N", description = "with --prune: keep the N latest runs of each experiment or sweep, and fits of each fit")
	Integer keepLast;

	@Option(names = "--older-than", paramLabel = "DAYS", description = "with --prune: delete runs and fits older than DAYS days")
	Integer olderThanDays;

	@Option(names = "--rename", arity = "2", paramLabel = "NAME", description = "OLD NEW: after renaming OLD.cell to NEW.cell, move "
			+ "its runs from DIR/OLD/ to DIR/NEW/ (DIR: the folder of results folders, default results), so that its next runs "
			+ "continue that history; nothing moves (or is overwritten) where DIR/NEW/ exists already. A file in a folder of the "
			+ "project is named by its path there: --rename a/t.cell a/u.cell moves DIR/a/t.cell/ to DIR/a/u.cell/")
	List<String> rename;

	@Option(names = "--move", arity = "2", paramLabel = "HISTORY", description = "OLD NEW: after moving a .cell file into another "
			+ "folder or project (a folder with its own results/), move its runs: OLD and NEW are history folders, RESULTS/<name> "
			+ "for a file at the top of its project, RESULTS/<folder>/<name>.cell for one in a folder (e.g. results/t "
			+ "../other/results/t; results/t results/a/t.cell; a new name too, results/t ../other/results/u); NEW's results "
			+ "folder is made when missing; nothing moves (or is overwritten) where NEW exists already")
	List<String> move;

	@Override
	protected int run(PrintWriter o, PrintWriter err) {
		if (move != null) return move(o, err);
		Path root = CliSupport.userPath(dir == null ? RunFiles.RESULTS : dir);
		if (!Files.isDirectory(root)) {
			err.println(Problem.display(root) + ": no such folder");
			return 1;
		}
		if (rename != null) {
			if (prune) {
				err.println("cellwright runs: --rename and --prune are separate commands (nothing done)");
				return 2;
			}
			String from = key(rename.get(0)), to = key(rename.get(1));
			try {
				Path moved = RunStore.moveHistory(root, from, to);
				if (moved == null) {
					err.println(Problem.display(root.resolve(from)) + ": no runs of " + new RunStore.History(root, from).file() + " there (nothing moved)");
					return 1;
				}
				o.println("moved the runs of " + new RunStore.History(root, from).file() + " to " + Problem.display(moved) + "/");
				return 0;
			} catch (RunStoreException | IllegalArgumentException e) {
				err.println("cellwright runs: " + e.getMessage());
				return 1;
			}
		}
		if (prune && keepLast == null && olderThanDays == null) {
			err.println("cellwright runs: --prune needs --keep-last N or --older-than DAYS (nothing deleted)");
			return 2;
		}
		if ((keepLast != null && keepLast < 1) || (olderThanDays != null && olderThanDays < 0)) {
			err.println("cellwright runs: --keep-last takes 1 or more, --older-than 0 or more days (nothing deleted)");
			return 2;
		}
		List<Store> stores = stores(root);
		if (stores.isEmpty()) {
			err.println(Problem.display(root) + ": no runs (no " + RunFiles.INDEX + " and no fit here or in its sub-folders; run something first: ./cellwright run FILE)");
			return 1;
		}
		// one results folder whose index cannot be read is named and left alone; the others are still listed (or
		// pruned): a broken runs.csv in results/a/ hid results/b/ and the rest (fuzz20)
		int rc = 0;
		for (Store store : stores) {
			Path s = store.folder();
			try {
				RunIndex index = new RunStore(s).index();
				// runs runs.csv does not list (it could not be written when they ended: a full disk) are read from their folders
				List<RunIndex.Row> rows = index.rows();
				boolean indexed = Files.isRegularFile(index.file()) || !rows.isEmpty();
				if (prune) {
					Duration age = olderThanDays == null ? null : Duration.ofDays(olderThanDays);
					Instant now = Instant.now();
					// fits, which runs.csv does not list, by the same rule (they were neither listed nor pruned, loop21)
					List<Path> gone = indexed ? index.prune(keepLast, age, now) : List.of();
					List<Path> fitsGone = FitReport.prune(s, keepLast, age, now);
					o.println(Problem.display(s) + ": " + gone.size() + " run" + (gone.size() == 1 ? "" : "s") + " deleted, " + fitsGone.size() + " fit"
							+ (fitsGone.size() == 1 ? "" : "s") + " deleted");
					for (Path g : gone) o.println("  deleted " + Problem.display(g));
					for (Path g : fitsGone) o.println("  deleted fit " + Problem.display(g));
				} else {
					print(o, s, rows, store.fits());
					// a run's hidden folder: being written, or left by a process killed while it wrote (pipe27b: said nowhere)
					for (Path h : new RunStore(s).hiddenRuns())
						o.println("  " + Problem.display(h) + ": a run being written now, or left by a process stopped before it ended (killed);"
								+ " the next run of " + h.getParent().getFileName() + " moves such a one into place");
				}
			} catch (RunStoreException | java.io.UncheckedIOException | IllegalArgumentException e) {
				err.println("cellwright runs: " + Printable.escape(e.getMessage()) + (prune ? " (nothing deleted there)" : ""));
				rc = 1;
			}
		}
		return rc;
	}

	/** {@code --move OLD NEW}: a history from one results folder to another (RunStore.moveHistory across results folders). */
	private int move(PrintWriter o, PrintWriter err) {
		if (prune || rename != null || dir != null) {
			err.println("cellwright runs: --move takes the two history folders alone (no DIR, --rename or --prune; nothing done)");
			return 2;
		}
		Path fromFolder = history(move.get(0)), toFolder = history(move.get(1));
		RunStore.History from = keyed(fromFolder), to = keyed(toFolder);
		if (from == null || to == null) {
			err.println("cellwright runs: --move takes history folders RESULTS/<name> or RESULTS/<folder>/<name>.cell, e.g. results/t "
					+ "../other/results/t (nothing done)");
			return 2;
		}
		try {
			Path moved = RunStore.moveHistory(from.results(), from.key(), to.results(), to.key());
			if (moved == null) {
				err.println(Problem.display(fromFolder) + ": no runs there" + (fromFolder.equals(toFolder) ? " to move (the same folder)" : "") + " (nothing moved)");
				return 1;
			}
			o.println("moved the runs of " + from.file() + " from " + Problem.display(fromFolder) + "/ to " + Problem.display(moved) + "/");
			return 0;
		} catch (RunStoreException | IllegalArgumentException e) {
			err.println("cellwright runs: " + e.getMessage());
			return 1;
		}
	}

	/**
	 * A history folder as given, absolute and normalized: RESULTS/<name> (or RESULTS/<name>.cell, the file's name), or
	 * RESULTS/<folder>/<name>.cell.
	 */
	private static Path history(String given) {
		Path p = CliSupport.userPath(given).toAbsolutePath().normalize();
		Path name = p.getFileName(), parent = p.getParent();
		boolean top = parent != null && parent.getFileName() != null && RunFiles.RESULTS.equals(parent.getFileName().toString());
		return name == null || !top ? p : p.resolveSibling(name.toString().replaceFirst("\\.cell$", ""));
	}

	/**
	 * A history folder as its results folder and key ({@link RunStore#historyOf}); one in a folder not named results
	 * (an --out folder) by its parent and name; null for none (a run's or an experiment's folder, a root).
	 */
	private static RunStore.History keyed(Path folder) {
		RunStore.History h = RunStore.historyOf(folder);
		if (h != null && h.folder().equals(folder)) return h;
		if (h != null || folder.getParent() == null || folder.getFileName() == null) return null;
		return new RunStore.History(folder.getParent(), folder.getFileName().toString());
	}

	/** A history's key as {@code --rename} takes it: a file's name (with or without .cell), or its path in a folder (a/t.cell). */
	private static String key(String given) {
		String g = given.replace('\\', '/');
		if (!g.contains("/")) return g.replaceFirst("\\.cell$", "");
		return g.endsWith(".cell") ? g : g + ".cell";
	}

	/**
	 * A folder that keeps runs (a runs.csv) or fits, with its fits ({@link FitReport#folders}), listed once: the listing
	 * that decided it keeps something is the one printed (it was listed twice, once for each; session 23).
	 */
	public record Store(Path folder, List<Path> fits) {}

	/**
	 * The histories that keep runs or fits: DIR itself when it does, else those in it that do ({@link RunStore#histories}:
	 * {@code results/<file>/} and, for files in folders, {@code results/<folder>/<file>.cell/}), each with its fits.
	 */
	public static List<Store> stores(Path root) {
		Store self = kept(root);
		if (self != null) return List.of(self);
		try {
			return RunStore.histories(root).stream().map(RunsCommand::kept).filter(java.util.Objects::nonNull).toList();
		} catch (java.io.UncheckedIOException e) {
			return List.of();
		}
	}

	/** The folder with its fits if it keeps runs (a runs.csv, or runs it does not list) or fits, else null. */
	private static Store kept(Path history) {
		List<Path> fits = FitReport.folders(history);
		return Files.isRegularFile(history.resolve(RunFiles.INDEX)) || !fits.isEmpty() || !new RunStore(history).index().rows().isEmpty()
				? new Store(history, fits) : null;
	}

	private static void print(PrintWriter o, Path store, List<RunIndex.Row> rows, List<Path> fits) {
		o.println(Problem.display(store) + "/ (" + rows.size() + " run" + (rows.size() == 1 ? "" : "s")
				+ (fits.isEmpty() ? "" : ", " + fits.size() + " fit" + (fits.size() == 1 ? "" : "s")) + ")");
		if (!rows.isEmpty() || fits.isEmpty()) {
			String[] head = { "id", "time", "experiment", "status", "cycles", "1st discharge", "last CE", "change" };
			List<String[]> lines = new ArrayList<>();
			for (RunIndex.Row r : rows)
				lines.add(new String[] { r.id(), r.time().replace('T', ' ').replace("Z", ""), Printable.escape(r.name()), r.status(),
						r.cycles() < 0 ? "" : Integer.toString(r.cycles()),
						Figures.text(r.firstDischargeMAhCm2(), "%.3f mAh/cm2"),
						Figures.percent(r.lastCe()), Printable.escape(r.change()) });
			table(o, head, lines);
		}
		if (fits.isEmpty()) return;
		// fits have no row in runs.csv: each from its fit.json (status, how many estimates) and its folder
		String[] head = { "id", "time", "fit", "status", "estimates", "folder" };
		List<String[]> lines = new ArrayList<>();
		for (Path f : fits) {
			String id = f.getFileName().toString();
			Instant t = RunStore.timeOf(id);
			com.google.gson.JsonObject json = FitReport.read(f);
			String status = json == null ? "fit.json unreadable" : FitReport.status(json).word(FitReport.bracket(json) != null);
			String estimates = json != null && json.get("estimates") instanceof com.google.gson.JsonArray a ? Integer.toString(a.size()) : "";
			lines.add(new String[] { id, t == null ? "" : t.toString().replace('T', ' ').replace("Z", ""),
					Printable.escape(f.getParent().getFileName().toString()), status, estimates, Printable.escape(Problem.display(f)) + "/" });
		}
		table(o, head, lines);
	}

	/** A table: the columns as wide as their widest cell, the last one as it is. */
	private static void table(PrintWriter o, String[] head, List<String[]> lines) {
		int[] w = new int[head.length];
		for (int i = 0; i < head.length; i++) w[i] = head[i].length();
		for (String[] l : lines) for (int i = 0; i < l.length - 1; i++) w[i] = Math.max(w[i], l[i].length());
		StringBuilder fmt = new StringBuilder("  ");
		for (int i = 0; i < head.length - 1; i++) fmt.append("%-").append(w[i]).append("s  ");
		fmt.append("%s%n");
		o.printf(Locale.ROOT, fmt.toString(), (Object[]) head);
		for (String[] l : lines) o.printf(Locale.ROOT, fmt.toString(), (Object[]) l);
	}
}
