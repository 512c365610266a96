/**
 * Coordinates for places. A city name with several candidates is resolved by the countries of the
 * document (the dateline's, countries named in the text, the country its dictionary entry gives),
 * then by population: "Paris" in a story about Texas is Paris, Texas; otherwise Paris, France.
 */
import type { Geo } from '../../core/document.ts';
import type { City, Gazetteer } from '../gazetteer/index.ts';
import type { WorkEntity, Workspace } from '../model.ts';

/** Pick a city among same-named candidates given the document's countries (ordered by weight). */
export function chooseCity(cities: readonly City[], docCountries: ReadonlyMap<string, number>): City | undefined {
  let best: City | undefined;
  let bestScore = -Infinity;
  for (const c of cities) {
    const weight = docCountries.get(c.country) ?? 0;
    // Log population breaks ties between candidates in the same context; a capital gets a bonus.
    const score = weight * 10 + Math.log10(c.population + 10) + (c.feature === 'PPLC' ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

function geoOf(c: City): Geo {
  return { lat: c.lat, lon: c.lon, geonameid: c.geonameid };
}

/** Countries of the document with weights: dateline 2, each country mention 1. */
export function documentCountries(ws: Workspace, datelineCountry?: string): Map<string, number> {
  const out = new Map<string, number>();
  if (datelineCountry) out.set(datelineCountry, 2);
  for (const e of ws.entities) {
    const cc = e.cls === 'country' || e.cls === 'place' ? e.country : undefined;
    if (cc) out.set(cc, (out.get(cc) ?? 0) + Math.min(2, e.mentions.length));
  }
  return out;
}

export function geocode(ws: Workspace, gaz: Gazetteer, datelineCountry?: string): void {
  const ctx = documentCountries(ws, datelineCountry);
  for (const e of ws.entities) {
    geocodeEntity(e, gaz, ctx);
  }
}

export function geocodeEntity(e: WorkEntity, gaz: Gazetteer, ctx: ReadonlyMap<string, number>): void {
  if (e.cls === 'country' && e.countryRec) {
    e.geo = { lat: e.countryRec.lat, lon: e.countryRec.lon };
    return;
  }
  if (e.cls === 'region' && e.region) {
    e.geo = { lat: e.region.lat, lon: e.region.lon };
    return;
  }
  if (e.type !== 'GPE' && e.type !== 'LOC' && e.type !== 'FAC') return;
  // States and provinces have centroids; other dictionary places are not cities (a same-named town would be wrong).
  if (e.cls === 'place') {
    if (e.admin) e.geo = { lat: e.admin.lat, lon: e.admin.lon };
    return;
  }
  let cities = e.cities;
  const guessed = !cities;
  if (!cities) {
    const key = e.name.toUpperCase().replace(/[’‘]/g, "'").split(/[\s_-]+/).join(' ');
    cities = gaz.citiesByName.get(key);
  }
  if (!cities || cities.length === 0) return;
  const local = e.country ? cities.filter((c) => c.country === e.country) : cities;
  const city = chooseCity(local.length > 0 ? local : cities, ctx);
  if (!city) return;
  // A name only the NER model proposed needs support: a city in the document's countries or a large one.
  if (guessed && !ctx.has(city.country) && city.population < 100_000) return;
  e.geo = geoOf(city);
  e.country ??= city.country;
  if (e.cls === 'other') e.cls = 'city';
}
