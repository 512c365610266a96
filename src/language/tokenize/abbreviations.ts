/**
 * Abbreviations that keep their period as part of the token (UD English: `U.S.`, `Feb.`, `Dr.`).
 * TITLES never end a sentence; the others end one only when a likely sentence opener follows.
 */
export const TITLES: ReadonlySet<string> = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'adm', 'cmdr', 'gov',
    'sen', 'rep', 'rev', 'fr', 'st', 'sr', 'jr', 'hon', 'pres', 'amb', 'supt', 'insp', 'cpl', 'pvt', 'brig',
    'messrs', 'mme', 'mlle', 'no', 'nos', 'vs', 'v', 'cf', 'approx', 'ca', 'e.g', 'i.e', 'vol', 'pp', 'fig',
  ].map((s) => s.toLowerCase()),
);

export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  [
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
    'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'dept', 'univ', 'assn', 'intl', 'govt',
    'ave', 'blvd', 'rd', 'mt', 'ft', 'etc', 'al', 'est', 'min', 'max', 'mln', 'bln', 'tn', 'km', 'kg',
    'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'u.s.a', 'n.y', 'l.a',
    'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la',
    'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn',
    'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
  ].map((s) => s.toLowerCase()),
);

/** Words that, capitalized after an abbreviation like `U.S.`, most likely open a new sentence. */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'In', 'On', 'At', 'But', 'And', 'This',
  'That', 'These', 'Those', 'There', 'His', 'Her', 'Their', 'Its', 'Our', 'As', 'After', 'Before', 'When',
  'While', 'If', 'However', 'Meanwhile', 'Some', 'Many', 'Most', 'Officials', 'According', 'Last', 'Earlier',
  'Later', 'Both', 'Neither', 'No', 'Not', 'So', 'Yet', 'For', 'With', 'Since', 'During', 'Under', 'Although',
]);
