import type { WorkEntity } from './model.ts';
import { slug } from './model.ts';

/**
 * The corpus-wide join key of an entity (same actor in two articles → same key):
 * countries and IGOs → their actor code (`IRQ`, `IGONAT`); country sectors → the code (`IRQLEG`);
 * people → `person:<name>` (the dictionary's primary name when known, so spelling variants agree);
 * other organisations → `org:<name>`; places → `geo:<GeoNames id>` when geocoded, else `place:<name>`;
 * regions → `region:<name>`; anything else → `<type>:<name>`.
 */
export function entityKey(e: WorkEntity): string {
  const dictName = e.record?.primary ? slug(e.record.primary.replace(/_/g, ' ')) : undefined;
  switch (e.cls) {
    case 'country':
      return e.country ?? `place:${slug(e.name)}`;
    case 'agent':
      // A group coded by its country alone ("people in Hong Kong" → HKG) must not join the country.
      if (e.code && e.agent === undefined && e.code === e.country) return `${e.code}:${slug(e.agentHead ?? e.name)}`;
      return e.code ?? `agent:${slug(e.name)}`;
    case 'person':
      return `person:${dictName ?? slug(e.name)}`;
    case 'org':
      if (e.code && e.code.startsWith('IGO')) return e.code;
      return `org:${dictName ?? slug(e.name)}`;
    case 'city':
    case 'place':
      return e.geo?.geonameid !== undefined ? `geo:${e.geo.geonameid}` : `place:${slug(e.name)}`;
    case 'region':
      return `region:${slug(e.name)}`;
    default:
      return `${e.type.toLowerCase()}:${slug(e.name)}`;
  }
}
