/**
 * Sums: a total and the parts the text itself lists under it (`1.894 hồ sơ, trong đó: … 1.852 hồ
 * sơ, … 42 hồ sơ`; `1.421 TTHC, cụ thể: Ngoại vụ: 04 TTHC; …`; `828 … (đã xử lý 761 …, đang xử lý 67 …)`).
 *
 * A list under a figure without such words (`- + Có file kết quả đính kèm: 114 hồ sơ`) describes
 * it from several sides rather than splitting it, so it is not summed.
 */
import { inBaseUnit } from '../extract/figures/lexicon.js';
import type { Figure } from '../extract/types.js';
import { draft, roundingOf, term, type Context } from './context.js';
import { hasParts, partsOf } from './relations.js';
import type { CheckDraft } from './types.js';

/** Words that announce the parts of what was just counted: `in which`, `namely`, `consisting of`, `(`. */
const ENUMERATION = /trong\s+đó|cụ\s+thể|bao\s+gồm|gồm|\(/iu;

const ADDITIVE = new Set(['count', 'ratio', 'amount']);

export function sumChecks(ctx: Context): CheckDraft[] {
  const out: CheckDraft[] = [];
  for (const whole of ctx.figures) {
    if (!ADDITIVE.has(whole.kind)) continue;
    const parts = (ctx.children.get(whole.id) ?? []).filter((p) => p.kind === whole.kind && isPartOf(whole, p));
    if (parts.length < 2) continue;
    if (!ENUMERATION.test(ctx.text.slice(whole.span.end, parts[0]!.span.start))) continue;
    // parts printed in another unit of the whole's family (`2.500 triệu đồng` of `5 tỷ đồng`) in the whole's unit
    const scale = (p: Figure) => (p.unit === whole.unit ? 1 : inBaseUnit(1, p.unit) / inBaseUnit(1, whole.unit));
    const total = Math.round(parts.reduce((s, p) => s + p.value * scale(p), 0) * 1e9) / 1e9;
    const tolerance = roundingOf(ctx, whole) + parts.reduce((s, p) => s + roundingOf(ctx, p) * scale(p), 0);
    out.push(
      draft('sum', [whole, ...parts], whole.value, total, tolerance, (holds) =>
        `${term(whole)} ${holds ? '=' : '≠'} ${parts.map((p) => term(p)).join(' + ')} = ${total}: the parts the text lists under the total`,
        undefined,
        (v) => [v(whole.id), parts.reduce((s, p) => s + v(p.id) * scale(p), 0)],
      ),
    );
  }
  return out;
}

/**
 * A part named by its category (`Lĩnh vực Hộ tịch`, `Tư pháp`) or by a measure the whole splits
 * into; a part the metric relations say lies outside the whole (`còn lại 27 TTHC được cung cấp
 * thông tin trực tuyến` under 2.220 online services) is left out.
 */
function isPartOf(whole: Figure, part: Figure): boolean {
  if (!hasParts(whole.metric) || part.metric === null || part.metric === whole.metric) return true;
  return partsOf(whole.metric).has(part.metric);
}
