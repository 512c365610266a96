import { createHash } from 'node:crypto';
import type { Entity } from '../core/document.ts';

/** The content hash that identifies a text across runs: sha256 of the text, hex. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The corpus-level actor an entity belongs to. The entity's own `key` wins; people are joined by
 * name (a code like USAGOV is shared by many people); other entities by actor code, else by type + name.
 */
export function actorKey(e: Pick<Entity, 'key' | 'type' | 'name' | 'code'>): string {
  if (e.key) return e.key;
  if (e.type === 'PERSON') return `person:${slug(e.name)}`;
  if (e.code) return e.code;
  return `${e.type.toLowerCase()}:${slug(e.name)}`;
}
