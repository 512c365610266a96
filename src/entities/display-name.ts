/**
 * An entity's shown `name` for countries: the name the document itself uses most among the
 * country's known names ("Turkey" in a 2020 article, not the package's current "Türkiye"). The code
 * and the corpus-wide key (ISO alpha-3) do not depend on it.
 */
import type { Gazetteer } from './gazetteer/index.ts';
import type { WorkEntity, Workspace } from './model.ts';

/** Acronyms ("US", "UK", "DRC") are known names but poor display names. */
function isAcronym(surface: string): boolean {
  return !/\p{Ll}/u.test(surface);
}

function knownName(gaz: Gazetteer, keys: readonly string[], cca3: string): boolean {
  if (keys.length === 0) return false;
  if (gaz.countryAliases.get(keys.join(' ')) === cca3) return true;
  if ((gaz.places.get(keys) ?? []).some((p) => p.kind === 'country' && p.country.cca3 === cca3)) return true;
  // The country's own actor-dictionary record ("TURKEY_ [TUR]"), not its cities or bodies.
  const phrase = keys.join(' ');
  return (gaz.actors.get(keys) ?? []).some(
    (h) => h.record.phrases[0]?.join(' ') === phrase && h.record.codes.length > 0 && h.record.codes.every((c) => c.code === cca3),
  );
}

export function documentCountryName(ws: Workspace, gaz: Gazetteer, e: WorkEntity): string | undefined {
  const cca3 = e.country;
  if (e.cls !== 'country' || !cca3) return undefined;
  const counts = new Map<string, { n: number; first: number }>();
  for (const m of e.mentions) {
    if (m.kind !== 'name' || m.code) continue;
    const view = m.sentence >= 0 ? ws.views[m.sentence] : undefined;
    let w0 = m.w0;
    if (view && view.keys[w0] === 'THE') w0++;
    const surface = view && w0 >= 0 && w0 < m.w1 ? ws.text.slice(view.words[w0]!.start, m.end) : ws.text.slice(m.start, m.end).replace(/^the\s+/i, '');
    // "Thai", "Saudi": a demonym used as a noun is no name of the country.
    // "Saudi" (of "Saudi Arabian"): a demonym or its first word used as a noun.
    const upper = surface.toUpperCase();
    if (isAcronym(surface) || e.countryRec?.demonyms.some((d) => d.toUpperCase() === upper || d.toUpperCase().startsWith(upper + ' '))) continue;
    const keys = view && w0 >= 0 ? view.keys.slice(w0, m.w1) : surface.toUpperCase().split(/\s+/);
    if (!knownName(gaz, keys, cca3) || (gaz.places.get(keys) ?? []).some((p) => p.kind === 'demonym')) continue;
    const c = counts.get(surface);
    if (c) c.n++;
    else counts.set(surface, { n: 1, first: m.start });
  }
  let best: string | undefined;
  let bestN = 0;
  let bestFirst = Infinity;
  for (const [surface, c] of counts) {
    // Ties keep the package's common name when it is among them, else the earlier name.
    const canonical = surface === e.name;
    if (c.n > bestN || (c.n === bestN && (canonical || (best !== e.name && c.first < bestFirst)))) {
      best = surface;
      bestN = c.n;
      bestFirst = c.first;
    }
  }
  return best;
}

/** Rename country entities after the names the document uses (see `documentCountryName`). */
export function applyDocumentNames(ws: Workspace, gaz: Gazetteer): void {
  for (const e of ws.entities) {
    const name = documentCountryName(ws, gaz, e);
    if (name) e.name = name;
  }
}
