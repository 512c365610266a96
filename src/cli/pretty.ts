import type { Document, Span } from '../core/document.ts';

const clip = (s: string, n = 90): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

/** A readable, human summary of an analyzed document (for `--format pretty` and the demo). */
export function formatPretty(doc: Document): string {
  const at = (s: Span): string => doc.text.slice(s.start, s.end);
  const m = doc.meta;
  const lines: string[] = [];
  lines.push(`━━ ${doc.id}${m.title ? ` — ${clip(m.title, 70)}` : ''}`);
  const dl = m.dateline;
  if (dl) {
    const parts = [dl.place, dl.country ? `(${dl.country})` : '', dl.date, dl.agencies.length ? `[${dl.agencies.join(', ')}]` : ''].filter(Boolean);
    lines.push(`   dateline   ${parts.join(' ')}`);
  }
  if (m.published) lines.push(`   published  ${m.published}`);
  lines.push(`   reference  ${m.referenceDate ?? 'none'} (${m.referenceBasis})`);
  lines.push(
    `   layers     ${doc.sentences.length} sentences, ${doc.tokens.length} tokens, ${doc.entities.length} entities, ${doc.timexes.length} time expressions, ${doc.quotes.length} quotes, ${doc.events.length} events`,
  );
  if (doc.entities.length) {
    lines.push('   entities');
    for (const e of doc.entities.slice(0, 25)) {
      lines.push(`     ${e.id.padEnd(4)} ${e.type.padEnd(6)} ${clip(e.name, 40).padEnd(40)} ${e.code ?? ''}${e.mentions.length > 1 ? `  ×${e.mentions.length}` : ''}`);
    }
  }
  if (doc.timexes.length) {
    lines.push('   time');
    for (const t of doc.timexes) lines.push(`     ${t.id.padEnd(4)} ${t.type.padEnd(8)} ${clip(at(t), 30).padEnd(30)} → ${t.value}`);
  }
  if (doc.quotes.length) {
    const name = (id?: string): string => doc.entities.find((e) => e.id === id)?.name ?? '';
    lines.push('   quotes');
    for (const q of doc.quotes) {
      const who = name(q.speaker) || (q.speakerMention ? at(q.speakerMention) : '?');
      lines.push(`     ${q.id.padEnd(4)} ${q.kind.padEnd(8)} ${clip(who, 24).padEnd(24)} “${clip(at(q), 70)}”`);
    }
  }
  if (doc.events.length) {
    lines.push('   events');
    const codes = (ids: readonly string[], c?: readonly string[]): string => (c && c.length ? c.join('+') : ids.join('+')) || '-';
    for (const v of doc.events) {
      const mod = Object.entries(v.modality).filter(([, on]) => on).map(([k]) => k);
      lines.push(
        `     ${v.id.padEnd(4)} ${v.cameo.padEnd(5)} ${(v.plover ?? '').padEnd(10)} ${codes(v.source, v.sourceCodes)} → ${codes(v.target, v.targetCodes)}  "${clip(at(v.trigger), 24)}" ${v.date ?? ''}${mod.length ? ` [${mod.join(', ')}]` : ''}`,
      );
    }
  }
  if (doc.errors?.length) for (const e of doc.errors) lines.push(`   error      ${e.code}: ${e.message}`);
  return lines.join('\n');
}
