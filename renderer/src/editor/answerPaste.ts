import { Fragment, type Node as PMNode, Slice } from '@tiptap/pm/model';

/**
 * Text pasted into an answer goes on answering its question: every paragraph of the pasted slice that
 * answers none takes the question of the paragraph it lands in (without this, only the first pasted
 * paragraph, which joins that one, would). Paragraphs that already answer a question keep theirs.
 */
export function answerSlice(slice: Slice, question: string): Slice {
  const attribute = (fragment: Fragment): Fragment => {
    const nodes: PMNode[] = [];
    fragment.forEach((node) => {
      if (node.type.name === 'paragraph' && !node.attrs.question)
        nodes.push(node.type.create({ ...node.attrs, question }, node.content, node.marks));
      else nodes.push(node.isTextblock || node.isLeaf ? node : node.copy(attribute(node.content)));
    });
    return Fragment.from(nodes);
  };
  return new Slice(attribute(slice.content), slice.openStart, slice.openEnd);
}
