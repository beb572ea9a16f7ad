package org.cellwright.lang.serializer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parsetree.reconstr.impl.NodeIterator;
import org.eclipse.xtext.serializer.sequencer.HiddenTokenSequencer;

/**
 * Xtext's hidden-token sequencer (comments and whitespace of the parsed text go back where they were), able to leave
 * out an optional block that was emptied ({@link EmptiedBlockSequencer}) while the comments after it are kept:
 * Xtext's own sequencer writes the hidden tokens between two written tokens only up to the first token in between,
 * so a comment after a block whose braces are not written (<code>layer foil: Li 350 um { porosity = 5 % } // the
 * foil</code> with porosity removed) was lost.
 */
public class CommentKeepingHiddenTokenSequencer extends HiddenTokenSequencer {

	/** The last token of a block left out, until the next token is written: the hidden tokens after it are written. */
	private INode droppedEnd;

	/**
	 * Whether an optional block of the parsed text between {@code open} and {@code close} (its braces), empty in the
	 * model now, may be left out: it held something when parsed that is gone (a removed property; braces written empty
	 * by hand stay) and no comment is left inside it (the comments of a removed element go with it, as Xtext does for
	 * every removed element; any other comment keeps the block). If so, the comments after the block are written after
	 * the token before it.
	 */
	boolean leaveOut(INode open, INode close) {
		boolean emptied = false;
		List<INode> comments = new ArrayList<>();
		Set<EObject> removed = new HashSet<>();
		NodeIterator nodes = new NodeIterator(open);
		while (nodes.hasNext()) {
			INode n = nodes.next();
			if (n.equals(close)) break;
			if (n.getTotalOffset() > close.getTotalOffset()) return false; // not a block of this text
			if (tokenUtil.isCommentNode(n)) comments.add(n);
			else if (belongsToDeletedElement(n)) {
				removed.add(n.getSemanticElement());
				emptied = true;
				nodes.prune(); // its own comments go with it
			} else if (tokenUtil.isToken(n)) emptied = true;
		}
		if (!emptied || !filterNodesOfDeletedElements(comments, removed).isEmpty()) return false;
		droppedEnd = close;
		return true;
	}

	@Override
	protected List<INode> getHiddenNodesBetween(INode from, INode to) {
		INode end = droppedEnd;
		if (end == null) return super.getHiddenNodesBetween(from, to);
		droppedEnd = null;
		List<INode> before = super.getHiddenNodesBetween(from, to); // up to the block's first token
		List<INode> after = super.getHiddenNodesBetween(end, to); // from its closing brace on
		if (after == null) return before;
		if (before == null || before.stream().noneMatch(tokenUtil::isCommentNode)) return after;
		List<INode> all = new ArrayList<>(before);
		all.addAll(after);
		return all;
	}
}
