package org.cellwright.lang.serializer;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.serializer.analysis.ISyntacticSequencerPDAProvider.ISynNavigable;

/**
 * The generated syntactic sequencer, but an optional block the model no longer fills is left out of the text: a
 * layer's <code>{ ... }</code>, a lithiation's <code>{ ... }</code> and an experiment's <code>solver { ... }</code>.
 * The generated one writes the block's tokens again when the parsed text had them, so removing a layer's last
 * property (Properties view, table editor) left <code>{ }</code> when the text had been parsed again since the
 * property was written, and not when it had not. A block with a comment left inside, or written empty by hand,
 * stays; the comments after it stay ({@link CommentKeepingHiddenTokenSequencer}).
 */
public class EmptiedBlockSequencer extends CellWrightSyntacticSequencer {

	@Override
	protected void emit_Layer___LeftCurlyBracketKeyword_6_0_RightCurlyBracketKeyword_6_2__q(EObject semanticObject, ISynNavigable transition,
			List<INode> nodes) {
		super.emit_Layer___LeftCurlyBracketKeyword_6_0_RightCurlyBracketKeyword_6_2__q(semanticObject, transition, unlessEmptied(nodes,
				grammarAccess.getLayerAccess().getLeftCurlyBracketKeyword_6_0(), grammarAccess.getLayerAccess().getRightCurlyBracketKeyword_6_2()));
	}

	@Override
	protected void emit_Transformation___LeftCurlyBracketKeyword_3_0_RightCurlyBracketKeyword_3_2__q(EObject semanticObject,
			ISynNavigable transition, List<INode> nodes) {
		super.emit_Transformation___LeftCurlyBracketKeyword_3_0_RightCurlyBracketKeyword_3_2__q(semanticObject, transition,
				unlessEmptied(nodes, grammarAccess.getTransformationAccess().getLeftCurlyBracketKeyword_3_0(),
						grammarAccess.getTransformationAccess().getRightCurlyBracketKeyword_3_2()));
	}

	@Override
	protected void emit_Experiment___SolverKeyword_6_0_LeftCurlyBracketKeyword_6_1_RightCurlyBracketKeyword_6_3__q(EObject semanticObject,
			ISynNavigable transition, List<INode> nodes) {
		super.emit_Experiment___SolverKeyword_6_0_LeftCurlyBracketKeyword_6_1_RightCurlyBracketKeyword_6_3__q(semanticObject, transition,
				unlessEmptied(nodes, grammarAccess.getExperimentAccess().getLeftCurlyBracketKeyword_6_1(),
						grammarAccess.getExperimentAccess().getRightCurlyBracketKeyword_6_3()));
	}

	/**
	 * The block's tokens of the parsed text to write (Xtext's choice), or none (the shortest form: no block) if the
	 * block was emptied. The nodes given are the parsed block's tokens up to its opening brace; its closing brace is
	 * looked up after it.
	 */
	private List<INode> unlessEmptied(List<INode> nodes, Keyword open, Keyword close) {
		if (nodes == null || !(delegate instanceof CommentKeepingHiddenTokenSequencer hidden)) return nodes;
		INode openNode = nodes.stream().filter(n -> n.getGrammarElement() == open).findFirst().orElse(null);
		if (openNode == null || openNode.getParent() == null) return nodes;
		INode closeNode = null;
		for (INode n = openNode.getNextSibling(); n != null && closeNode == null; n = n.getNextSibling())
			if (n.getGrammarElement() == close) closeNode = n;
		return closeNode != null && hidden.leaveOut(openNode, closeNode) ? List.of() : nodes;
	}
}
