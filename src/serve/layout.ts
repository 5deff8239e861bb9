/** The page shell: head (local assets only), navigation, search box, footer. */
import { html, type SafeHtml } from './html.ts';

export interface PageOptions {
  title: string;
  /** Which navigation entry is current. */
  nav?: 'overview' | 'coverage' | 'search';
  /** Pages with charts load the chart library and the chart script. */
  charts?: boolean;
  query?: string;
}

export function page(opts: PageOptions, body: SafeHtml): SafeHtml {
  const link = (href: string, key: PageOptions['nav'], label: string) =>
    html`<a href="${href}"${opts.nav === key ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · nianbao</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
${opts.charts ? html`<link rel="stylesheet" href="/static/uplot.min.css">
<script src="/static/uplot.min.js" defer></script>
<script src="/static/charts.js" defer></script>` : ''}
</head>
<body>
<header class="top">
  <a class="brand" href="/">nianbao <span>年报</span></a>
  <nav>${link('/', 'overview', 'Overview')} ${link('/coverage', 'coverage', 'Coverage')} ${link('/search', 'search', 'Search')}</nav>
  <form class="search" action="/search" method="get" role="search">
    <input type="search" name="q" value="${opts.query ?? ''}" placeholder="agency, former name or title" aria-label="search">
    <button type="submit">Search</button>
  </form>
</header>
<main>
${body}
</main>
<footer>nianbao · read-only view of the catalog · government information disclosure annual reports (政府信息公开工作年度报告)</footer>
</body>
</html>`;
}
