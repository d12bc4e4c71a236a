/** HTML building blocks shared by the index and the document pages. */
import { t, type LabelArgs, type LabelKey } from './labels.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** JSON safe inside `<script type="application/json">` (no `</script>`, no line separators). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Numbers the way the reports print them: `.` groups thousands, `,` is the decimal mark. */
export function viNumber(n: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 }).format(n);
}

/**
 * A label in Vietnamese, marked for the page script to switch: `<span data-l="key">…</span>`
 * (another tag when given). Number arguments are printed in each language's way.
 */
export function L(key: LabelKey, args?: LabelArgs, tag = 'span', attrs = ''): string {
  const a = args ? ` data-a="${esc(JSON.stringify(args))}"` : '';
  return `<${tag}${attrs} data-l="${key}"${a}>${esc(t('vi', key, args))}</${tag}>`;
}

/** An aria-label in Vietnamese the page script switches with the language. */
export function ariaL(key: LabelKey, args?: LabelArgs): string {
  const a = args ? ` data-aa="${esc(JSON.stringify(args))}"` : '';
  return ` aria-label="${esc(t('vi', key, args))}" data-l-aria="${key}"${a}`;
}

/** The language switch, in each page's header: it names the other language, in that language. */
export function langSwitch(): string {
  return `<p class="lang-switch"><button type="button" id="lang-switch" lang="en" data-l="lang.switch">${esc(t('vi', 'lang.switch'))}</button></p>`;
}

export interface Shell {
  title: string;
  /** Relative path from the page to the site root (`''`, `'../'`…). */
  root: string;
  body: string;
  /** Extra attribute on <body>, e.g. the page kind for the script. */
  kind: 'index' | 'document';
}

export function page({ title, root, body, kind }: Shell): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${root}assets/review.css">${kind === 'document' ? `\n<link rel="stylesheet" href="${root}assets/page-view.css">` : ''}
</head>
<body data-page="${kind}">
${body}
<script src="${root}assets/labels.js"></script>
<script src="${root}assets/review.js"></script>${kind === 'document' ? `\n<script src="${root}assets/page-view.js"></script>` : ''}
</body>
</html>
`;
}
