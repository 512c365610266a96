/**
 * Entities and actors: the stage, its gazetteers, and helpers for later stages.
 * @example
 *   const e = entityAt(doc, 40, 63); // the entity whose mention spans "Chancellor Angela Merkel"
 */
import type { Document, Entity, Mention } from '../core/document.ts';

export { entitiesStage, createEntitiesStage, extractEntities, type EntitiesStageOptions } from './stage.ts';
export { buildGazetteer, defaultGazetteer, readDefaultSources, type Gazetteer, type GazetteerSources } from './gazetteer/index.ts';
export { parseActorDictionary, parseAgentDictionary, codeAt, type ActorRecord, type AgentRecord, type DatedCode } from './gazetteer/tabari.ts';

export interface EntityHit {
  readonly entity: Entity;
  readonly mention: Mention;
  /** The mention's own code when it has one, else the entity's (Baghdad as an agent: IRQGOV). */
  readonly code?: string;
}

/**
 * The entity for a span: a mention equal to it, else the smallest mention covering it, else the
 * mention that the span covers with the largest overlap (the head of "the Iraqi government" for
 * a span over the whole phrase). Ties prefer PERSON and ORG over places.
 */
export function entityAt(doc: Pick<Document, 'entities'>, start: number, end: number): EntityHit | undefined {
  let best: { hit: EntityHit; rank: number } | undefined;
  const typeRank = (e: Entity): number => (e.type === 'PERSON' ? 2 : e.type === 'ORG' ? 1 : 0);
  for (const entity of doc.entities) {
    for (const mention of entity.mentions) {
      let rank: number;
      if (mention.start === start && mention.end === end) rank = 3_000_000;
      else if (mention.start <= start && end <= mention.end) rank = 2_000_000 - (mention.end - mention.start);
      else if (start <= mention.start && mention.end <= end) rank = 1_000_000 + (mention.end - mention.start);
      else continue;
      rank = rank * 4 + typeRank(entity);
      if (!best || rank > best.rank) {
        const code = mention.code ?? entity.code;
        best = { hit: { entity, mention, ...(code ? { code } : {}) }, rank };
      }
    }
  }
  return best?.hit;
}

/** All entities with a mention inside [start, end), in order of their first such mention. */
export function entitiesIn(doc: Pick<Document, 'entities'>, start: number, end: number): EntityHit[] {
  const out: EntityHit[] = [];
  for (const entity of doc.entities) {
    const mention = entity.mentions.find((m) => start <= m.start && m.end <= end);
    if (mention) {
      const code = mention.code ?? entity.code;
      out.push({ entity, mention, ...(code ? { code } : {}) });
    }
  }
  return out.sort((a, b) => a.mention.start - b.mention.start);
}
