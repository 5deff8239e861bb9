/**
 * A page written in traditional characters read in simplified ones. A portal's 繁體 version (a conversion gateway's
 * `big5.` host, `/gate/big5/<host>/…`: round 57c) writes 政府信息公開工作年度報告, 共13條 第1/3頁, 東山縣: every word
 * nianbao reads a report, a pager or an agency by is in simplified characters, and the catalog names agencies so.
 * Such a page's text is converted with OpenCC's traditional-to-mainland tables (opencc-js: conversion by phrase,
 * which no character table does right). Tags are kept as written but for the attributes that are text (title, alt):
 * an address holding Chinese characters must stay the one the server knows.
 *
 * A page is taken for traditional when its common traditional-only characters outnumber their simplified forms
 * three to one, ten at least: a simplified page quoting a traditional name is left alone.
 */
import * as OpenCC from 'opencc-js/t2cn';

/** Common characters whose traditional and simplified forms differ, each pair at the same place. */
const TRADITIONAL = '開報條頁門關體務機區縣國與為會這時對說發後們來經實現點資見書記統計號網際';
const SIMPLIFIED = '开报条页门关体务机区县国与为会这时对说发后们来经实现点资见书记统计号网际';
const TRADITIONAL_RE = new RegExp(`[${TRADITIONAL}]`, 'g');
const SIMPLIFIED_RE = new RegExp(`[${SIMPLIFIED}]`, 'g');
/** Traditional-only characters a page must hold at least, and how many times its simplified ones. */
const MIN_TRADITIONAL = 10;
const RATIO = 3;

/** Attributes whose values are text a person reads, converted with the text. */
const TEXT_ATTRIBUTE = /(\s(?:title|alt|aria-label|placeholder)\s*=\s*)("[^"]*"|'[^']*')/gi;

let converter: ((s: string) => string) | undefined;
const toSimplified = (s: string) => (converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' }))(s);

/** Whether a page is written in traditional characters (see the file's comment). */
export function writtenTraditional(text: string): boolean {
  const traditional = text.match(TRADITIONAL_RE)?.length ?? 0;
  if (traditional < MIN_TRADITIONAL) return false;
  return traditional >= RATIO * (text.match(SIMPLIFIED_RE)?.length ?? 0);
}

/** The page with its text in simplified characters when it is written in traditional ones; else as it came. */
export function inSimplifiedScript(page: string): string {
  if (!writtenTraditional(page)) return page;
  return page.replace(/(<[^>]*>)|([^<]+)/g, (_, tag: string | undefined, text: string | undefined) =>
    tag !== undefined ? tag.replace(TEXT_ATTRIBUTE, (__, name: string, value: string) => name + toSimplified(value)) : toSimplified(text!),
  );
}
