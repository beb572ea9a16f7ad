package org.cellwright.editor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
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

	public static List<Issue> validate(IFile file, String text, CancelIndicator cancel) {
		XtextResourceSet rs = CellLanguage.injector().getInstance(XtextResourceSet.class);
		URI uri = URI.createPlatformResourceURI(file.getFullPath().toString(), true);
		try {
			for (IResource member : siblings(file)) {
				if (member instanceof IFile f && "cell".equals(f.getFileExtension()) && !f.equals(file) && f.exists())
					rs.getResource(URI.createPlatformResourceURI(f.getFullPath().toString(), true), true);
			}
		} catch (CoreException | RuntimeException e) {
			// siblings that cannot be read only weaken name resolution
		}
		Resource r = rs.createResource(uri);
		try {
			r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		} catch (IOException e) {
			return List.of();
		}
		EcoreUtil.resolveAll(r);
		IResourceValidator v = CellLanguage.injector().getInstance(IResourceValidator.class);
		return new ArrayList<>(v.validate((XtextResource) r, CheckMode.ALL, cancel));
	}

	private static IResource[] siblings(IFile file) throws CoreException {
		IContainer parent = file.getParent();
		return parent.isAccessible() ? parent.members() : new IResource[0];
	}
}
