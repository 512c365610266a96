import { sentenceAt, withLayers, type Document, type Timex } from '../core/document.ts';
import { stageSource, type Stage } from '../core/pipeline.ts';
import { tenseAt } from './anchor.ts';
import { EXTRACTORS } from './extractors/index.ts';
import { scanTriggers, windowsFor } from './prefilter.ts';
import { attachModifiers } from './refiners/modifiers.ts';
import { mergeDateTime } from './refiners/merge-date-time.ts';
import { mergeOverlaps } from './refiners/merge-overlaps.ts';
import { addRanges } from './refiners/ranges.ts';
import { narrativeRole } from './narrative.ts';
import { resolveCandidates } from './refiners/resolve.ts';
import type { Candidate } from './types.ts';
import { parseYmd } from './values.ts';

/**
 * Every candidate the extractors propose over `text`, unrefined. Each extractor's pattern runs only
 * on the windows around its trigger words (see prefilter.ts); match offsets are shifted back to
 * offsets in `text` before the builder sees them.
 */
export function proposeCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const triggers = scanTriggers(text);
  if (triggers.count === 0) return out;
  for (const ex of EXTRACTORS) {
    if ((triggers.families & ex.triggers) === 0) continue;
    const windows = windowsFor(text, triggers, ex.triggers, ex.reach[0], ex.reach[1]);
    const re = ex.pattern;
    for (let w = 0; w < windows.length; w += 2) {
      const offset = windows[w]!;
      const slice = text.slice(offset, windows[w + 1]!);
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(slice)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        m.index += offset;
        const c = ex.build(m, text);
        if (c) out.push(c);
      }
    }
  }
  return out;
}

/**
 * The refiners, in order: widen over modifiers (`early`, `the end of`), keep the longest of
 * overlapping candidates, join a clock time with its day, then add the ranges (`from 2009 to
 * 2011`) that contain two of the dates.
 */
export function refineCandidates(candidates: readonly Candidate[], text: string): Candidate[] {
  const modified = attachModifiers(candidates, text);
  const merged = mergeOverlaps(modified);
  return addRanges(mergeDateTime(merged, text), text);
}

/** Recognize and normalize the time expressions of a document (its text, dateline included). */
export function extractTimexes(doc: Document, source: string): Timex[] {
  const candidates = refineCandidates(proposeCandidates(doc.text), doc.text);
  return resolveCandidates(candidates, {
    ref: parseYmd(doc.meta.referenceDate),
    tenseOf: (start, end) => tenseAt(doc, { start, end }),
    roleOf: (start, end) => narrativeRole(doc, { start, end }),
    sentenceOf: (pos) => sentenceAt(doc, pos),
    source,
  });
}

/**
 * TIMEX3 recognition and normalization, anchored to `meta.referenceDate` and tense-aware:
 * `said on Tuesday` in a story dated Wednesday 2020-02-12 is 2020-02-11, `will meet on Thursday`
 * is 2020-02-13.
 */
export const timeStage: Stage = {
  name: 'time',
  version: 2,
  requires: ['tokens', 'sentences'],
  uses: ['pos', 'lemma', 'deps'],
  assigns: ['timexes'],
  run(doc) {
    return withLayers(doc, { timexes: extractTimexes(doc, stageSource(timeStage)) });
  },
};
