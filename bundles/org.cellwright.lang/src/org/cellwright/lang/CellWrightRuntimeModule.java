package org.cellwright.lang;

import org.cellwright.lang.conversion.CellWrightValueConverter;
import org.cellwright.lang.naming.CellWrightQualifiedNameProvider;
import org.cellwright.lang.parser.CellWrightGuardedParser;
import org.cellwright.lang.parser.CellWrightSyntaxErrorMessageProvider;
import org.cellwright.lang.scoping.CellWrightGlobalScopeProvider;
import org.cellwright.lang.scoping.CellWrightImportedNamespaceScopeProvider;
import org.cellwright.lang.serializer.CommentKeepingHiddenTokenSequencer;
import org.cellwright.lang.serializer.EmptiedBlockSequencer;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.AbstractDeclarativeScopeProvider;
import org.eclipse.xtext.serializer.sequencer.IHiddenTokenSequencer;
import org.eclipse.xtext.serializer.sequencer.ISyntacticSequencer;

import com.google.inject.Binder;
import com.google.inject.name.Names;

/** Runtime services of the CellWright language. */
public class CellWrightRuntimeModule extends AbstractCellWrightRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return CellWrightValueConverter.class;
	}

	/** The parser with the nesting guard (input beyond {@link Limits} is a located error, never a stack overflow). */
	@Override
	public Class<? extends IParser> bindIParser() {
		return CellWrightGuardedParser.class;
	}

	/** Syntax errors quote the file's text with control characters escaped. */
	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return CellWrightSyntaxErrorMessageProvider.class;
	}

	/** A reference to nothing names it bounded, as the validator's messages do. */
	public Class<? extends org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return org.cellwright.lang.scoping.CellWrightLinkingDiagnosticMessageProvider.class;
	}

	/** Skips a byte-order mark at the start of a file. */
	@Override
	public Class<? extends XtextResource> bindXtextResource() {
		return CellWrightResource.class;
	}

	@Override
	public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
		return CellWrightQualifiedNameProvider.class;
	}

	@Override
	public void configureIScopeProviderDelegate(Binder binder) {
		binder.bind(IScopeProvider.class).annotatedWith(Names.named(AbstractDeclarativeScopeProvider.NAMED_DELEGATE))
				.to(CellWrightImportedNamespaceScopeProvider.class);
	}

	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return CellWrightGlobalScopeProvider.class;
	}

	public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		return CellWrightResourceDescriptionStrategy.class;
	}

	/**
	 * An optional block a model edit emptied (a layer's or lithiation's <code>{ }</code>, an experiment's
	 * <code>solver { }</code>) is left out of the printed text, whether or not the text was parsed since it was filled.
	 */
	@Override
	public Class<? extends ISyntacticSequencer> bindISyntacticSequencer() {
		return EmptiedBlockSequencer.class;
	}

	/** Comments after a block left out stay ({@link EmptiedBlockSequencer}). */
	public Class<? extends IHiddenTokenSequencer> bindIHiddenTokenSequencer() {
		return CommentKeepingHiddenTokenSequencer.class;
	}
}
