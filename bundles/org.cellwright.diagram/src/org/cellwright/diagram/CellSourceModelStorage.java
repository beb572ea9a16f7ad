package org.cellwright.diagram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.model.Model;
import org.eclipse.glsp.server.actions.SaveModelAction;
import org.eclipse.glsp.server.features.core.model.RequestModelAction;
import org.eclipse.glsp.server.features.core.model.SourceModelStorage;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.types.GLSPServerException;

import com.google.inject.Inject;

/**
 * Loads the .cell file named by the client's {@code sourceUri} option with the language's checker (the same parser,
 * scoping and standard library as the CLI) and keeps the EMF model in the GLSP model state.
 */
public class CellSourceModelStorage implements SourceModelStorage {

	/** Key of the parsed {@link Model} in the model state. */
	public static final String MODEL = "cellwright.model";
	/** Key of the file (a {@link Path}) in the model state. */
	public static final String FILE = "cellwright.file";

	@Inject
	protected GModelState modelState;

	@Override
	public void loadSourceModel(RequestModelAction action) {
		String uri = action.getOptions().get("sourceUri");
		if (uri == null) throw new GLSPServerException("no sourceUri: the page must name a .cell file");
		Path file = Path.of(uri.startsWith("file:") ? java.net.URI.create(uri).getPath() : uri).toAbsolutePath().normalize();
		if (!file.toString().endsWith(".cell") || !Files.isRegularFile(file))
			throw new GLSPServerException("not a .cell file: " + org.cellwright.lang.text.Printable.escape(file.toString()));
		CellWrightChecker.Result result = new CellWrightChecker().check(List.of(file));
		Model model = result.model(file);
		if (model == null) {
			// the client shows this as an error message instead of an empty diagram
			String why = result.issues().stream().filter(i -> i.severity() == CellWrightChecker.Severity.ERROR)
					.map(CellWrightChecker.CheckIssue::toString).findFirst().orElse("no model");
			throw new GLSPServerException("cannot read " + org.cellwright.lang.text.Printable.escape(file.toString()) + ": "
					+ org.cellwright.lang.text.Printable.escape(why));
		}
		modelState.setProperty(FILE, file);
		modelState.setProperty(MODEL, model);
	}

	@Override
	public void saveSourceModel(SaveModelAction action) {
		// read-only diagram for now: the text is the model's serialized form and the only thing saved
	}
}
