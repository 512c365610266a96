import { DatelineError } from './errors.ts';
import { withLayers, type Document } from './document.ts';

/**
 * Capabilities a stage may require or assign. Layers (`tokens`, `entities`…) and the
 * token fields filled by later language stages (`pos`, `lemma`, `deps`).
 */
export type Capability =
  | 'sentences'
  | 'tokens'
  | 'pos'
  | 'lemma'
  | 'deps'
  | 'entities'
  | 'timexes'
  | 'quotes'
  | 'events';

export interface StageContext {
  /** Analysis options the caller passed (never a hidden clock: dates come from the document). */
  readonly options: Readonly<Record<string, unknown>>;
}

export interface Stage {
  /** Short name, used in `source` fields as `name@version`. */
  readonly name: string;
  readonly version: number;
  /** Capabilities that must be assigned by an earlier stage. */
  readonly requires: readonly Capability[];
  /** Capabilities used when present; if present, they must come from an earlier stage. */
  readonly uses?: readonly Capability[];
  readonly assigns: readonly Capability[];
  /** Pure: returns a new document; never mutates its input. */
  run(doc: Document, ctx: StageContext): Document;
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  run(doc: Document, ctx?: StageContext): Document;
}

export function stageSource(stage: Pick<Stage, 'name' | 'version'>): string {
  return `${stage.name}@${stage.version}`;
}

/**
 * Build a pipeline from stages in order. Fails fast with a coded error when a stage requires
 * something no earlier stage assigns, when it uses something a later stage assigns, or when two
 * stages assign the same thing.
 */
export function createPipeline(stages: readonly Stage[]): Pipeline {
  const assignedBy = new Map<Capability, string>();
  stages.forEach((stage, index) => {
    for (const need of stage.requires) {
      if (!assignedBy.has(need)) {
        throw new DatelineError(
          'E_PIPELINE_ORDER',
          `stage "${stage.name}" requires "${need}", which no earlier stage assigns`,
        );
      }
    }
    for (const want of stage.uses ?? []) {
      const later = stages.slice(index + 1).find((s) => s.assigns.includes(want));
      if (later && !assignedBy.has(want)) {
        throw new DatelineError(
          'E_PIPELINE_ORDER',
          `stage "${stage.name}" uses "${want}", which stage "${later.name}" assigns only later`,
        );
      }
    }
    for (const cap of stage.assigns) {
      const prev = assignedBy.get(cap);
      if (prev !== undefined) {
        throw new DatelineError('E_PIPELINE_DUPLICATE', `stages "${prev}" and "${stage.name}" both assign "${cap}"`);
      }
      assignedBy.set(cap, stage.name);
    }
  });
  const frozen = Object.freeze([...stages]);
  return {
    stages: frozen,
    run(doc, ctx = { options: {} }) {
      let current = doc;
      for (const stage of frozen) {
        try {
          current = stage.run(current, ctx);
        } catch (e) {
          // One stage failing leaves its layers empty and is reported; later stages still run.
          const code = e instanceof DatelineError ? e.code : 'E_ANALYZE';
          const message = `stage ${stageSource(stage)} failed: ${e instanceof Error ? e.message : String(e)}`;
          current = withLayers(current, { errors: [...(current.errors ?? []), { code, message }] });
        }
      }
      return current;
    },
  };
}
