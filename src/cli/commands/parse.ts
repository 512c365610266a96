import { readFile } from 'node:fs/promises';
import { analyzeDocument } from '../../analyze.ts';
import { sentenceTokens, surface } from '../../core/document.ts';
import { readInputs } from '../../ingest/index.ts';
import { formatConllu, parseConllu, type ConlluSentence } from '../../language/conllu.ts';
import { loadTagger } from '../../language/tagger/index.ts';
import { loadParser } from '../../language/parser/io.ts';
import { EXIT, UsageError, str, type Command, type CommandIo } from '../command.ts';

const LANGUAGE_STAGES = ['tokenize', 'tag', 'parse'] as const;

async function readAll(path: string, io: CommandIo): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Fill UPOS, XPOS, LEMMA, HEAD and DEPREL of gold-tokenized sentences, keeping everything else. */
export function annotateConllu(sentences: ConlluSentence[]): ConlluSentence[] {
  const tagger = loadTagger();
  const parser = loadParser();
  for (const s of sentences) {
    if (s.tokens.length === 0) continue;
    const words = s.tokens.map((t) => t.form);
    const tags = tagger.tag(words);
    const tree = parser.parse(words, tags.upos, tags.xpos);
    s.tokens.forEach((t, i) => {
      t.upos = tags.upos[i]!;
      t.xpos = tags.xpos[i]!;
      t.lemma = tags.lemma[i]!;
      t.head = tree.head[i]!;
      t.deprel = tree.deprel[i]!;
    });
  }
  return sentences;
}

export const parseCommand: Command = {
  name: 'parse',
  summary: 'Tokenize, tag, lemmatize and dependency-parse text into CoNLL-U',
  usage: 'FILE|- [--input-format text|conllu]',
  options: {
    'input-format': { type: 'string', default: 'text', value: 'FORMAT', description: 'text (any article format dateline reads) or conllu (keep the given tokens, ids and comments)' },
  },
  details: `With --input-format conllu the input's tokens, sentence ids, comments and multi-word
token lines are kept; UPOS, XPOS, LEMMA, HEAD and DEPREL are filled from the words alone.

Examples:
  dateline parse article.txt > article.conllu
  dateline parse --input-format conllu en_ewt-ud-dev.conllu > predicted.conllu`,
  async run({ values, positionals, io }) {
    const format = str(values, 'input-format') ?? 'text';
    if (format !== 'text' && format !== 'conllu') throw new UsageError('--input-format must be text or conllu');
    if (positionals.length === 0) throw new UsageError('give a FILE or - (standard input)');
    if (format === 'conllu') {
      for (const p of positionals) io.stdout.write(formatConllu(annotateConllu(parseConllu(await readAll(p, io)))));
      return EXIT.OK;
    }
    let failed = 0;
    for await (const item of readInputs(positionals, { stdin: io.stdin })) {
      if (!item.ok) {
        failed++;
        io.stderr.write(`dateline parse: ${item.error.code}: ${item.error.file ?? ''}${item.error.line ? `:${item.error.line}` : ''}: ${item.error.message}\n`);
        continue;
      }
      const doc = analyzeDocument(item.doc, { stages: LANGUAGE_STAGES });
      for (const e of doc.errors ?? []) {
        failed++;
        io.stderr.write(`dateline parse: ${e.code}: ${doc.id}: ${e.message}\n`);
      }
      const out: ConlluSentence[] = doc.sentences.map((s, si) => {
        const toks = sentenceTokens(doc, si);
        return {
          comments: [`# sent_id = ${doc.id}-${si + 1}`, `# text = ${surface(doc, s).replace(/\s+/g, ' ')}`],
          extra: new Map(),
          tokens: toks.map((t, i) => {
            const next = toks[i + 1];
            const spaceAfter = next ? next.start > t.end : true;
            return {
              id: i + 1,
              form: surface(doc, t),
              lemma: t.lemma ?? '_',
              upos: t.upos ?? '_',
              xpos: t.xpos ?? '_',
              feats: '_',
              head: t.head ?? 0,
              deprel: t.deprel ?? '_',
              deps: '_',
              misc: spaceAfter ? '_' : 'SpaceAfter=No',
            };
          }),
        };
      });
      io.stdout.write(`# newdoc id = ${doc.id}\n` + formatConllu(out));
    }
    return failed > 0 ? EXIT.PARTIAL : EXIT.OK;
  },
};
