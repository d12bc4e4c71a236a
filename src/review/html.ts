/** HTML building blocks shared by the index and the document pages. */

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
<script src="${root}assets/review.js"></script>${kind === 'document' ? `\n<script src="${root}assets/page-view.js"></script>` : ''}
</body>
</html>
`;
}
