/**
 * The nodes of a tree of units a list page draws beside its list (zTree, layui's or Element's tree, jsTree, a plain
 * `<ul class="tree">`): the county's own list is loaded on start, each department's or town's only when its node is
 * clicked. The nodes are choices of the page as its tabs are (list-choices.ts): its leaves, each made once. The one
 * selected is made too: what the page shows selected is not always the list the endpoint was learned from (the item
 * probe may have clicked a node), and a leaf asking for items seen already costs one click. A leaf under a folder
 * closed on load is hidden; its click is dispatched all the same (the tree's handler answers it as a reader's click
 * once the folder is opened), so a folder holding its nodes need not be opened first. A folder whose nodes the tree
 * asks the server for only when it is opened (zTree's `async`, jsTree's and Element's lazy trees) holds none: it is
 * opened first (`openFolders`), so that its units are leaves like the others.
 */
import type { Frame, Page } from 'playwright';
import { PAGE_HELPERS } from './page-helpers.ts';
import { actAndWait } from './traffic.ts';

/** The source text of the tests telling a tree and a node (one copy for both scripts run in the page). */
const TREE_HELPERS = `
  const TREE = /(^|\\s)(ztree|[\\w-]*-tree|jstree|treeview|tree|dtree)(\\s|$)/i;
  const NODE = /(^|\\s)[\\w-]*tree-?(node|item|set)(\\s|$)/i;
  const isNode = (el) => el.tagName === 'LI' || el.getAttribute('role') === 'treeitem' || NODE.test(el.getAttribute('class') || '');
  const isTree = (el) => el.getAttribute('role') === 'tree' || TREE.test(el.getAttribute('class') || '');
  const inTree = (el) => { for (let p = el.parentElement; p; p = p.parentElement) if (isTree(p)) return true; return false; };
  const trees = () => [...document.querySelectorAll('[role="tree"], [class*="tree" i]')].filter((t) => isTree(t) && !inTree(t));
`;

/** Folders opened on a page at most: each asks the server once. */
const MAX_FOLDERS = 20;

/**
 * Run in the page, as source text: marks the toggles of the folders shown closed that hold no node yet (their nodes
 * come from the server when opened) and returns their marks. A closed folder's toggle: zTree's switch
 * (`roots_close`, `center_close`, `bottom_close`), an `aria-expanded="false"` node, jsTree's `jstree-closed` node's
 * `jstree-ocl`, Element's expand icon not marked a leaf nor expanded, layui's `layui-tree-iconClick` showing a plus.
 */
const markClosedFolders = (round: number): string => `(() => {
  ${TREE_HELPERS}
  const TOGGLE = /(^|\\s)(roots?|center|bottom|noline)_close(\\s|$)/;
  const out = [];
  for (const tree of trees()) {
    if (tree.getClientRects().length === 0) continue;
    const toggles = [...tree.querySelectorAll('*')].filter((el) => {
      if (el.hasAttribute('data-nianbao-folder')) return false;
      const c = el.getAttribute('class') || '';
      if (TOGGLE.test(c) || el.getAttribute('aria-expanded') === 'false') return true;
      if (/(^|\\s)jstree-ocl(\\s|$)/.test(c)) return !!el.closest('.jstree-closed');
      if (/(^|\\s)el-tree-node__expand-icon(\\s|$)/.test(c)) return !/(^|\\s)(is-leaf|expanded)(\\s|$)/.test(c);
      if (/(^|\\s)layui-tree-iconClick(\\s|$)/.test(c)) return !!el.querySelector('.layui-icon-addition');
      return false;
    });
    for (const toggle of toggles) {
      let node = toggle;
      while (node && node !== tree && !isNode(node)) node = node.parentElement;
      if (!node || node === tree) continue;
      // A folder holding its nodes already is left closed: its leaves are clicked where they are (clickNode).
      if ([...node.querySelectorAll('*')].some((m) => m !== node && isNode(m))) continue;
      const mark = 'folder-${round}-' + out.length;
      toggle.setAttribute('data-nianbao-folder', mark);
      out.push(mark);
    }
  }
  return out;
})()`;

/**
 * Opens the folders of the page's trees whose nodes load when opened, level after level (three at most, `max`
 * folders in all), each click waited for as a choice's is. Returns how many were opened, and how many were left
 * closed past the limits (their units unread: the seed's result says so, as for choices unmade).
 */
export async function openFolders(page: Page, max = MAX_FOLDERS): Promise<{ opened: number; left: number }> {
  const marked = (round: number) => page.evaluate<string[]>(markClosedFolders(round)).catch(() => [] as string[]);
  let opened = 0;
  let left = 0;
  for (let round = 0; round < 3; round++) {
    const marks = await marked(round);
    if (!marks.length) return { opened, left };
    const taken = marks.slice(0, max - opened);
    left += marks.length - taken.length;
    for (const mark of taken) {
      const made = await actAndWait(page, () => page.locator(`[data-nianbao-folder="${mark}"]`).first().dispatchEvent('click', undefined, { timeout: 5_000 })).catch(() => null);
      opened += 1;
      // The toggle left the page: a menu after all.
      if (made?.navigated) return { opened, left };
    }
  }
  return { opened, left: left + (await marked(3)).length };
}

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
  ${TREE_HELPERS}
  ${PAGE_HELPERS}
  const out = [];
  let group = ${firstGroup};
  for (const tree of trees()) {
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
    // Captions among the leaves (<li class="grp">区级部门</li> above <li><a href="javascript:void(0)">区发展改革委</a></li>,
    // round 85b): where leaves hold a control (a link, a button, an onclick), those holding none are no units.
    const units = labelled.some((l) => holdsControl(l.label)) ? labelled.filter((l) => holdsControl(l.label)) : labelled;
    if (units.length < 2) continue;
    group++;
    units.forEach((l, i) => {
      const mark = 'tree-' + group + '-' + i;
      l.label.setAttribute('data-nianbao-choice', mark);
      out.push({ kind: 'node', group, mark, text: l.t });
    });
  }
  return out;
})()`;

/**
 * Clicks a marked leaf, shown or under a closed folder: the click is dispatched to it, as the tree's handler hears it.
 * `where`: the page, or the frame of it the tree is drawn in.
 */
export async function clickNode(where: Page | Frame, mark: string): Promise<void> {
  await where.locator(`[data-nianbao-choice="${mark}"]`).first().dispatchEvent('click', undefined, { timeout: 5_000 });
}

/** Frames of a page looked into for a tree at most. */
const MAX_FRAMES = 4;

/**
 * The frames of the page on its own origin, whose trees may choose the page's list: a dTree of units drawn in an
 * iframe beside the list, each node calling the parent page's loader (`javascript:parent.xxgkUnit('div1871',
 * '414900102','县教育局')`: 大汉's legacy xxgk module, round 109b). A frame on another origin cannot reach the page.
 */
export function ownFrames(page: Page): Frame[] {
  let origin: string;
  try {
    origin = new URL(page.url()).origin;
  } catch {
    return [];
  }
  return page
    .frames()
    .filter((f) => {
      if (f === page.mainFrame() || f.isDetached()) return false;
      try {
        return new URL(f.url()).origin === origin;
      } catch {
        return false;
      }
    })
    .slice(0, MAX_FRAMES);
}
