import type { Extractor } from '../types.ts';
import { absoluteExtractors } from './absolute.ts';
import { anaphoraExtractors } from './anaphora.ts';
import { clockExtractors } from './clock.ts';
import { durationExtractors } from './duration.ts';
import { periodExtractors } from './periods.ts';
import { relativeExtractors } from './relative.ts';
import { setExtractors } from './sets.ts';
import { vagueExtractors } from './vague.ts';
import { weekdayExtractors } from './weekday.ts';

/** Every extractor, each proposing candidates for one concern; the refiners settle overlaps. */
export const EXTRACTORS: readonly Extractor[] = [
  ...absoluteExtractors,
  ...weekdayExtractors,
  ...relativeExtractors,
  ...anaphoraExtractors,
  ...periodExtractors,
  ...clockExtractors,
  ...durationExtractors,
  ...setExtractors,
  ...vagueExtractors,
];
