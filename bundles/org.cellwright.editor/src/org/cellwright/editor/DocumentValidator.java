package org.cellwright.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * Validates the text of an editor (unsaved) together with the other .cell files of its folder (as saved), so
 * that names resolve across files, and returns the issues of the edited file.
 */
public final class DocumentValidator {

	private DocumentValidator() {}

	/** Parses and validates a text no editor session owns (a file that is not open). */
	public static List<Issue> validate(IFile file, String text, CancelIndicator cancel) {
		return validate(DocumentModel.parse(file, text), cancel);
	}

	/** Validates a model read already (an editing session's parse of the editor's text). */
	public static List<Issue> validate(XtextResource r, CancelIndicator cancel) {
		IResourceValidator v = CellLanguage.injector().getInstance(IResourceValidator.class);
		return new ArrayList<>(v.validate(r, CheckMode.ALL, cancel));
	}
}
