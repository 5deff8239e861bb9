/**
 * The names of links drawn in an inline SVG (a county map whose towns are `<a xlink:href="…/cgjd.htm"><title>城关街道
 * </title><path …/><text><tspan>城</tspan>…</text></a>`, as a drawing program exports it and a site's editor pastes it:
 * round 65a). The HTML parser reads an SVG link's `xlink:href` as its `href` already; its text, though, is its
 * tooltip (`<title>`) and its drawn name together ("城关街道城关街道"), which names no agency. The tooltip is dropped
 * where the shape writes its name as text; a shape without text keeps its tooltip as its name.
 *
 * Written over the markup's text, as frame-documents.ts is, so every family's parser reads the links so named.
 */
const SVG = /<svg\b[\s\S]*?<\/svg\s*>/gi;
/** An SVG link and what it holds (SVG links do not nest). */
const SVG_LINK = /(<a\b[^>]*>)([\s\S]*?)(<\/a\s*>)/gi;
const TOOLTIP = /<title\b[^>]*>[\s\S]*?<\/title\s*>/gi;

/** The page with its SVG links' tooltips dropped where their shapes write their names (unchanged without SVG links). */
export function withSvgLinkNames(html: string): string {
  if (!/<svg\b[\s\S]*?<a\b[\s\S]*?<title\b/i.test(html)) return html;
  return html.replace(SVG, (svg) => svg.replace(SVG_LINK, (link: string, start: string, inner: string, end: string) => (/<text\b/i.test(inner) ? `${start}${inner.replace(TOOLTIP, '')}${end}` : link)));
}
