package org.cellwright.lang.serializer;

import java.util.List;
import java.util.Map;

import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.serializer.analysis.ISyntacticSequencerPDAProvider.ISynNavigable;

/**
 * The generated syntactic sequencer, but an optional block the model no longer fills is left out of the text: a
 * layer's <code>{ ... }</code>, a lithiation's <code>{ ... }</code> and an experiment's <code>solver { ... }</code>
 * (the grammar's optional blocks: the generated {@code emit_Layer___LeftCurlyBracketKeyword_6_0_...__q} and its two
 * siblings). The generated one writes the block's tokens again when the parsed text had them, so removing a layer's
 * last property (Properties view, table editor) left <code>{ }</code> when the text had been parsed again since the
 * property was written, and not when it had not. A block with a comment left inside, or written empty by hand,
 * stays; the comments after it stay ({@link CommentKeepingHiddenTokenSequencer}).
 */
public class EmptiedBlockSequencer extends CellWrightSyntacticSequencer {

	/** The opening brace of each optional block and its closing brace. */
	private Map<Keyword, Keyword> blocks;

	/** Every ambiguous optional part is written here: the generated emit methods pass the parsed text's tokens of it. */
	@Override
	protected void acceptNodes(ISynNavigable fromState, List<INode> nodes) {
		super.acceptNodes(fromState, unlessEmptied(nodes));
	}

	/**
	 * The tokens of the parsed text to write (Xtext's choice), or none (the shortest form: no block) if they are an
	 * optional block that an edit emptied. The nodes of a block are its tokens up to its opening brace; its closing
	 * brace is looked up after it.
	 */
	private List<INode> unlessEmptied(List<INode> nodes) {
		if (nodes == null || nodes.isEmpty() || !(delegate instanceof CommentKeepingHiddenTokenSequencer hidden)) return nodes;
		if (blocks == null)
			blocks = Map.of(grammarAccess.getLayerAccess().getLeftCurlyBracketKeyword_6_0(), grammarAccess.getLayerAccess().getRightCurlyBracketKeyword_6_2(),
					grammarAccess.getTransformationAccess().getLeftCurlyBracketKeyword_3_0(), grammarAccess.getTransformationAccess().getRightCurlyBracketKeyword_3_2(),
					grammarAccess.getExperimentAccess().getLeftCurlyBracketKeyword_6_1(), grammarAccess.getExperimentAccess().getRightCurlyBracketKeyword_6_3());
		INode open = nodes.stream().filter(n -> blocks.containsKey(n.getGrammarElement())).findFirst().orElse(null);
		if (open == null || open.getParent() == null) return nodes;
		Keyword close = blocks.get(open.getGrammarElement());
		for (INode n = open.getNextSibling(); n != null; n = n.getNextSibling())
			if (n.getGrammarElement() == close) return hidden.leaveOut(open, n) ? List.of() : nodes;
		return nodes;
	}
}
