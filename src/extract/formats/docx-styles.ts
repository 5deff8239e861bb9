/**
 * Styles of a DOCX that hide text: a character style (w:rStyle) or paragraph style (w:pStyle, whose run properties
 * apply to the paragraph's runs) whose w:rPr sets w:vanish, directly or through w:basedOn. A clerk who defines a
 * style "旧数据" once and applies it to last year's figures left beside the new ones hides them as surely as a
 * run's own w:vanish (blind round 7, b58: "1418" styled hidden before 1276 read 14181276, silently in 表二).
 */
import { SaxesParser } from 'saxes';

export interface HiddenStyles {
  character: Set<string>;
  paragraph: Set<string>;
}

interface StyleDef {
  type: string;
  basedOn?: string;
  /** w:vanish in the style's own w:rPr: true or false when set, undefined when the style says nothing. */
  vanish?: boolean;
}

export const NO_HIDDEN_STYLES: HiddenStyles = { character: new Set(), paragraph: new Set() };

/** Off values of an OOXML on/off property (w:val absent means on). */
export const isOn = (val: string | undefined): boolean => !['0', 'false', 'off'].includes(val ?? '');

export function hiddenStyles(xml: string | undefined): HiddenStyles {
  if (!xml) return NO_HIDDEN_STYLES;
  const defs = new Map<string, StyleDef>();
  const parser = new SaxesParser({ xmlns: false });
  let cur: (StyleDef & { id: string }) | null = null;
  let inRunProps = 0; // w:rPr of the style itself (not of a table style's conditional parts)
  let depth = 0;
  parser.on('opentag', (tag) => {
    depth++;
    const val = tag.attributes['w:val'] as string | undefined;
    if (tag.name === 'w:style') {
      cur = { id: String(tag.attributes['w:styleId'] ?? ''), type: String(tag.attributes['w:type'] ?? 'paragraph') };
      inRunProps = 0;
    } else if (cur && tag.name === 'w:basedOn') cur.basedOn = val;
    else if (cur && tag.name === 'w:rPr' && depth === 3) inRunProps = depth;
    else if (cur && tag.name === 'w:vanish' && inRunProps > 0) cur.vanish = isOn(val);
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:style' && cur) {
      defs.set(cur.id, cur);
      cur = null;
    } else if (tag.name === 'w:rPr' && depth === inRunProps) inRunProps = 0;
    depth--;
  });
  parser.write(xml).close();
  // The nearest style in the basedOn chain that says anything decides (a chain deeper than 20 is broken).
  const hides = (id: string): boolean => {
    let s = defs.get(id);
    for (let i = 0; s && i < 20; i++, s = s.basedOn ? defs.get(s.basedOn) : undefined) if (s.vanish !== undefined) return s.vanish;
    return false;
  };
  const out: HiddenStyles = { character: new Set(), paragraph: new Set() };
  for (const [id, d] of defs) {
    if (!hides(id)) continue;
    if (d.type === 'character') out.character.add(id);
    else if (d.type === 'paragraph') out.paragraph.add(id);
  }
  return out;
}
