/**
 * Experiment (issue #3): beam search at decode time over the shipped greedy model's scores (no
 * retraining). A candidate's score is the sum of the raw move-class scores along its path; arcs
 * are labelled as in greedy decoding (`bestLabel`). Beam 1 is exactly `greedyParse`. Prints
 * UAS/LAS on EWT dev with gold and predicted tags per beam size.
 *
 * With `--temp T`, a step adds the move's log-softmax at temperature T over the (up to three)
 * valid moves instead of its raw score.
 *
 *   node --import tsx scripts/parser-beam.ts [--beams 1,2,4,8] [--temp T]
 */
import { parseArgs } from 'node:util';
import { loadParser } from '../src/language/parser/io.ts';
import { readTreebank, type TreebankSentence } from '../src/language/parser/train.ts';
import { addSentence, emptyCounts, percent } from '../src/language/parser/score.ts';
import { extractFeatures, extractLabelFeatures, MAX_FEATURES } from '../src/language/parser/features.ts';
import { bestLabel, encodeSentence, encodeVocab, groupOfClass, moveOfClass, type ParseResult } from '../src/language/parser/model.ts';
import { LEFT, ParseState, RIGHT, SHIFT } from '../src/language/parser/transition.ts';
import { predictedTags } from './parser-tags.ts';
import { dataPath } from './data-path.ts';

const { values } = parseArgs({ options: { beams: { type: 'string', default: '1,2,4,8' }, temp: { type: 'string', default: '0' } } });
const beams = values.beams!.split(',').map(Number);
/** 0: raw score sums; T > 0: per-step log-softmax over the valid moves at temperature T. */
const temp = Number(values.temp);

const parser = loadParser();
const enc = encodeVocab(parser.vocab);
const G = enc.nGroups;
const feats = new Int32Array(MAX_FEATURES);
const lfeats = new Int32Array(MAX_FEATURES);

function clone(s: ParseState): ParseState {
  const c = new ParseState(s.n);
  for (const k of ['stack', 'head', 'label', 'l1', 'l2', 'r1', 'r2', 'nLeft', 'nRight', 'leftLabels', 'rightLabels'] as const) c[k].set(s[k]);
  c.sp = s.sp;
  c.next = s.next;
  return c;
}

interface Item {
  st: ParseState;
  score: number;
}

function beamParse(forms: readonly string[], upos: readonly string[], xpos: readonly string[], k: number): ParseResult {
  const input = encodeSentence(parser.vocab, enc, forms, upos, xpos);
  let beam: Item[] = [{ st: new ParseState(input.n), score: 0 }];
  const scores = new Float32Array(enc.nMoveClasses);
  const labelScores = new Float32Array(enc.groupOf.length);
  while (!beam[0]!.st.isTerminal()) {
    const cands: { from: Item; move: number; lab: number; score: number }[] = [];
    for (const it of beam) {
      const st = it.st;
      const nf = extractFeatures(st, input, feats);
      parser.moves.score(feats, nf, scores);
      // Best class per bare move (as greedy decoding would choose inside the move).
      const best = [-1, -1, -1];
      const bestScore = [-Infinity, -Infinity, -Infinity];
      const consider = (cls: number): void => {
        const m = moveOfClass(cls, G);
        if (scores[cls]! > bestScore[m]!) {
          bestScore[m] = scores[cls]!;
          best[m] = cls;
        }
      };
      if (st.canShift()) consider(0);
      if (st.canLeft()) for (let g = 0; g < G; g++) if (g !== enc.rootGroup) consider(1 + g);
      if (st.canRight()) {
        if (st.rightIsRoot()) {
          best[RIGHT] = 1 + G + enc.rootGroup;
          bestScore[RIGHT] = scores[best[RIGHT]!]!;
        } else for (let g = 0; g < G; g++) if (g !== enc.rootGroup) consider(1 + G + g);
      }
      let norm = 0;
      if (temp > 0) {
        const mx = Math.max(...bestScore);
        let z = 0;
        for (const v of bestScore) if (v > -Infinity) z += Math.exp((v - mx) / temp);
        norm = mx / temp + Math.log(z);
      }
      for (const move of [SHIFT, LEFT, RIGHT]) {
        const cls = best[move]!;
        if (cls < 0) continue;
        let lab = -1;
        if (move !== SHIFT) {
          if (groupOfClass(cls, G) === enc.rootGroup) lab = enc.root;
          else {
            const dep = st.stack[st.sp - 1]!;
            const head = move === LEFT ? st.next : st.stack[st.sp - 2]!;
            const nl = extractLabelFeatures(st, input, head, dep, move === RIGHT, lfeats);
            parser.labels.score(lfeats, nl, labelScores);
            lab = bestLabel(labelScores, scores, enc, move);
          }
        }
        cands.push({ from: it, move, lab, score: it.score + (temp > 0 ? bestScore[move]! / temp - norm : bestScore[move]!) });
      }
    }
    // Stable sort: ties keep the greedy order (SHIFT, LEFT, RIGHT as bestMove prefers earlier).
    cands.sort((a, b) => b.score - a.score);
    beam = cands.slice(0, k).map((c) => {
      const st = k === 1 ? c.from.st : clone(c.from.st);
      st.apply(c.move, c.lab);
      return { st, score: c.score };
    });
  }
  const st = beam[0]!.st;
  const n = input.n;
  const head: number[] = [];
  const deprel: string[] = [];
  for (let i = 1; i <= n; i++) {
    head.push(st.head[i]!);
    deprel.push(parser.vocab.labels[st.label[i]!] ?? 'dep');
  }
  return { head, deprel };
}

const dev: TreebankSentence[] = readTreebank(dataPath('ud-ewt', 'en_ewt-ud-dev.conllu'));
const tags = await predictedTags(dev);
for (const k of beams) {
  const g = emptyCounts();
  const p = emptyCounts();
  const c0 = process.cpuUsage();
  dev.forEach((s, i) => {
    addSentence(g, s, beamParse(s.forms, s.upos, s.xpos, k));
    addSentence(p, s, beamParse(s.forms, tags[i]!.upos, tags[i]!.xpos, k));
  });
  const c = process.cpuUsage(c0);
  const f = (x: number): string => x.toFixed(2);
  console.log(
    `beam ${k}: gold tags UAS ${f(percent(g.uas, g.words))} LAS ${f(percent(g.las, g.words))} | predicted tags UAS ${f(percent(p.uas, p.words))} LAS ${f(percent(p.las, p.words))} | ${Math.round((2 * g.words) / ((c.user + c.system) / 1e6))} tokens/CPU-s (reference scorer)`,
  );
}
