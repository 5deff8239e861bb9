/**
 * The nodes of a tree of units a list page draws beside its list (zTree, layui's or Element's tree, jsTree, a plain
 * `<ul class="tree">`): the county's own list is loaded on start, each department's or town's only when its node is
 * clicked. The nodes are choices of the page as its tabs are (list-choices.ts): its leaves, each made once. The one
 * selected is made too: what the page shows selected is not always the list the endpoint was learned from (the item
 * probe may have clicked a node), and a leaf asking for items seen already costs one click. A leaf under a folder
 * closed on load is hidden; its click is dispatched all the same (the tree's handler answers it as a reader's click
 * once the folder is opened), so no folder need be opened first.
 */
import type { Page } from 'playwright';
import { PAGE_HELPERS } from './page-helpers.ts';

/**
 * Run in the page, as source text: marks the leaves of each tree and returns them as choices (`kind: 'node'`, one
 * group per tree, numbered after `firstGroup`). A tree: a visible element whose role is tree or one of whose classes
 * names one (ztree, layui-tree, el-tree, jstree, treeview, tree), holding two leaves or more (past the choices made on a
 * page, the others are counted unmade, list-choices.ts). A node: an `li`, a
 * treeitem, or an element whose class names a tree node or set. A leaf: a node holding no node, its label the
 * innermost element holding its whole text (at most twenty characters), which leads nowhere a link could (no href
 * but `javascript:` or `#`).
 */
export const markTreeNodes = (firstGroup: number): string => `(() => {
  const TREE = /(^|\\s)(ztree|[\\w-]*-tree|jstree|treeview|tree|dtree)(\\s|$)/i;
  const NODE = /(^|\\s)[\\w-]*tree-?(node|item|set)(\\s|$)/i;
  ${PAGE_HELPERS}
  const isNode = (el) => el.tagName === 'LI' || el.getAttribute('role') === 'treeitem' || NODE.test(el.getAttribute('class') || '');
  const isTree = (el) => el.getAttribute('role') === 'tree' || TREE.test(el.getAttribute('class') || '');
  const inTree = (el) => { for (let p = el.parentElement; p; p = p.parentElement) if (isTree(p)) return true; return false; };
  const trees = [...document.querySelectorAll('[role="tree"], [class*="tree" i]')].filter((t) => isTree(t) && !inTree(t));
  const out = [];
  let group = ${firstGroup};
  for (const tree of trees) {
    if (tree.getClientRects().length === 0) continue;
    const nodes = [...tree.querySelectorAll('*')].filter(isNode);
    const leaves = nodes.filter((n) => !nodes.some((m) => m !== n && n.contains(m)));
    const labelled = [];
    for (const leaf of leaves) {
      const t = text(leaf);
      if (!t || t.length > 20 || /^\\d+$/.test(t)) continue;
      let label = leaf;
      for (const el of leaf.querySelectorAll('*')) if (text(el) === t) label = el;
      const link = label.closest('a[href]');
      if (link && leaf.contains(link) && followable(link)) continue;
      if ([...leaf.querySelectorAll('a[href]')].some(followable)) continue;
      labelled.push({ label, t });
    }
    if (labelled.length < 2) continue;
    group++;
    labelled.forEach((l, i) => {
      const mark = 'tree-' + group + '-' + i;
      l.label.setAttribute('data-nianbao-choice', mark);
      out.push({ kind: 'node', group, mark, text: l.t });
    });
  }
  return out;
})()`;

/** Clicks a marked leaf, shown or under a closed folder: the click is dispatched to it, as the tree's handler hears it. */
export async function clickNode(page: Page, mark: string): Promise<void> {
  await page.locator(`[data-nianbao-choice="${mark}"]`).first().dispatchEvent('click', undefined, { timeout: 5_000 });
}
