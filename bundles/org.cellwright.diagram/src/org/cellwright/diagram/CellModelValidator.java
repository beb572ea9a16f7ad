package org.cellwright.diagram;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.text.Printable;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GModelRoot;
import org.eclipse.glsp.server.features.validation.Marker;
import org.eclipse.glsp.server.features.validation.MarkerKind;
import org.eclipse.glsp.server.features.validation.ModelValidator;
import org.eclipse.glsp.server.model.GModelState;

import com.google.inject.Inject;

/** Problem markers on the nodes: the language's errors and warnings of the file (the same as the Problems view's). */
public class CellModelValidator implements ModelValidator {

	@Inject
	protected GModelState modelState;

	@Override
	public List<Marker> doLiveValidation(GModelElement element) {
		return element instanceof GModelRoot ? markers() : List.of();
	}

	@Override
	public List<Marker> doBatchValidation(GModelElement element) {
		return element instanceof GModelRoot ? markers() : List.of();
	}

	List<Marker> markers() {
		List<Marker> out = new ArrayList<>();
		if (!(modelState instanceof CellModelState state)) return out;
		for (DiagramSession.ElementIssue i : state.session().elementIssues()) {
			String kind = i.severity() == CellWrightChecker.Severity.ERROR ? MarkerKind.ERROR
					: i.severity() == CellWrightChecker.Severity.WARNING ? MarkerKind.WARNING : MarkerKind.INFO;
			out.add(new Marker(Printable.escape(i.message()), "line " + i.line() + ": " + Printable.escape(i.message()), i.elementId(), kind));
		}
		return out;
	}
}
