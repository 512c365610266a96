/**
 * Model file format (gzip of):
 *   "DLPR" | u32 format version | u32 header length | header JSON (vocab, sizes, scales, meta)
 *   | move weights (3 bare moves) | group-move weights (SHIFT, LEFT-g, RIGHT-g) | label weights
 * where each weight block is sparse rows over hashed buckets:
 *   u8[2^bits] entries per bucket | u8[nnz] class ids | i16[nnz] quantized weights (w ≈ q × scale)
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { DenseRows, MoveModel, SparseWeights, type Vocab } from './model.ts';
import { Parser } from './runtime.ts';

const MAGIC = 0x5250_4c44; // "DLPR" little-endian
const FORMAT = 3;

export interface SparseBlock {
  readonly bits: number;
  readonly nClasses: number;
  /** rowStart[b]..rowStart[b+1] are the entries of bucket b. */
  readonly rowStart: Uint32Array;
  readonly cls: Uint8Array;
  readonly wts: Float32Array;
  /** Quantization step when the block was read from a file. */
  readonly scale?: number;
}

interface BlockHeader {
  readonly bits: number;
  readonly nClasses: number;
  readonly nnz: number;
  readonly scale: number;
}

interface Header {
  readonly labels: string[];
  readonly xpos: string[];
  readonly upos: string[];
  readonly clusters?: [string, number][];
  readonly groups?: number[];
  readonly moves: BlockHeader;
  readonly groupMoves: BlockHeader;
  readonly labelModel: BlockHeader;
  readonly meta: Record<string, unknown>;
}

export interface SparseModel {
  readonly vocab: Vocab;
  readonly moves: SparseBlock;
  readonly groupMoves: SparseBlock;
  readonly labels: SparseBlock;
  readonly meta: Record<string, unknown>;
}

function encodeBlock(b: SparseBlock): { header: BlockHeader; bytes: Buffer[] } {
  const nnz = b.cls.length;
  let maxAbs = 0;
  for (let i = 0; i < nnz; i++) maxAbs = Math.max(maxAbs, Math.abs(b.wts[i]!));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const nb = 1 << b.bits;
  const counts = new Uint8Array(nb);
  for (let k = 0; k < nb; k++) counts[k] = b.rowStart[k + 1]! - b.rowStart[k]!;
  const q = new Int16Array(nnz);
  for (let i = 0; i < nnz; i++) q[i] = Math.round(b.wts[i]! / scale);
  return {
    header: { bits: b.bits, nClasses: b.nClasses, nnz, scale },
    bytes: [
      Buffer.from(counts.buffer, counts.byteOffset, counts.byteLength),
      Buffer.from(b.cls.buffer, b.cls.byteOffset, b.cls.byteLength),
      Buffer.from(q.buffer, q.byteOffset, q.byteLength),
    ],
  };
}

function decodeBlock(raw: Buffer, off: number, h: BlockHeader): { block: SparseBlock; end: number } {
  const nb = 1 << h.bits;
  const rowStart = new Uint32Array(nb + 1);
  for (let b = 0; b < nb; b++) rowStart[b + 1] = rowStart[b]! + raw[off + b]!;
  off += nb;
  const cls = new Uint8Array(raw.subarray(off, off + h.nnz));
  off += h.nnz;
  // Copy to an aligned buffer before viewing as int16.
  const qBytes = new Uint8Array(raw.subarray(off, off + 2 * h.nnz));
  off += 2 * h.nnz;
  const q = new Int16Array(qBytes.buffer, qBytes.byteOffset, h.nnz);
  const wts = new Float32Array(h.nnz);
  for (let i = 0; i < h.nnz; i++) wts[i] = q[i]! * h.scale;
  return { block: { bits: h.bits, nClasses: h.nClasses, rowStart, cls, wts, scale: h.scale }, end: off };
}

export function serializeModel(m: SparseModel): Buffer {
  const mv = encodeBlock(m.moves);
  const gm = encodeBlock(m.groupMoves);
  const lb = encodeBlock(m.labels);
  const header: Header = {
    labels: [...m.vocab.labels],
    xpos: [...m.vocab.xpos],
    upos: [...m.vocab.upos],
    ...(m.vocab.clusters ? { clusters: [...m.vocab.clusters] } : {}),
    ...(m.vocab.groups ? { groups: [...m.vocab.groups] } : {}),
    moves: mv.header,
    groupMoves: gm.header,
    labelModel: lb.header,
    meta: m.meta,
  };
  const headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
  const pre = Buffer.alloc(12);
  pre.writeUInt32LE(MAGIC, 0);
  pre.writeUInt32LE(FORMAT, 4);
  pre.writeUInt32LE(headerBuf.length, 8);
  return gzipSync(Buffer.concat([pre, headerBuf, ...mv.bytes, ...gm.bytes, ...lb.bytes]), { level: 9 });
}

export function deserializeModel(gz: Uint8Array): SparseModel {
  const raw = gunzipSync(gz);
  if (raw.readUInt32LE(0) !== MAGIC) throw new Error('not a dateline parser model');
  const format = raw.readUInt32LE(4);
  if (format !== FORMAT) throw new Error(`unsupported parser model format ${format}`);
  const hlen = raw.readUInt32LE(8);
  const header = JSON.parse(raw.subarray(12, 12 + hlen).toString('utf8')) as Header;
  const mv = decodeBlock(raw, 12 + hlen, header.moves);
  const gm = decodeBlock(raw, mv.end, header.groupMoves);
  const lb = decodeBlock(raw, gm.end, header.labelModel);
  const vocab: Vocab = {
    labels: header.labels,
    xpos: header.xpos,
    upos: header.upos,
    ...(header.clusters ? { clusters: new Map(header.clusters) } : {}),
    ...(header.groups ? { groups: header.groups } : {}),
  };
  return { vocab, moves: mv.block, groupMoves: gm.block, labels: lb.block, meta: header.meta };
}

function blockScale(b: SparseBlock): number {
  if (b.scale !== undefined) return b.scale;
  let maxAbs = 0;
  for (let i = 0; i < b.wts.length; i++) maxAbs = Math.max(maxAbs, Math.abs(b.wts[i]!));
  return maxAbs > 0 ? maxAbs / 32767 : 1;
}

/** Sparse rows expanded to dense int16 ones (worth it for the 3-class move model). */
export function densify(b: SparseBlock): DenseRows {
  const scale = blockScale(b);
  const W = new Int16Array((1 << b.bits) * b.nClasses);
  const nb = 1 << b.bits;
  for (let k = 0; k < nb; k++) {
    for (let j = b.rowStart[k]!; j < b.rowStart[k + 1]!; j++) {
      W[k * b.nClasses + b.cls[j]!] = Math.round(b.wts[j]! / scale);
    }
  }
  return new DenseRows(b.bits, b.nClasses, W, scale);
}

/** Pack (class, quantized weight) pairs into int32 for the runtime scorer. */
export function packBlock(b: SparseBlock): SparseWeights {
  const scale = blockScale(b);
  const packed = new Int32Array(b.cls.length);
  for (let i = 0; i < packed.length; i++) packed[i] = (Math.round(b.wts[i]! / scale) << 8) | b.cls[i]!;
  return new SparseWeights(b.bits, b.nClasses, b.rowStart, packed, scale);
}

export function parserFromModel(m: SparseModel): Parser {
  const base = densify(m.moves);
  const nGroups = (m.groupMoves.nClasses - 1) / 2;
  // Dense group rows only for tiny tables: large dense tables cost more in cache misses than sparse rows.
  const g = m.groupMoves;
  const groups = (1 << g.bits) * g.nClasses <= 200_000 ? densify(g) : packBlock(g);
  const moves = new MoveModel(base, groups, nGroups);
  return new Parser(m.vocab, moves, packBlock(m.labels), m.meta);
}

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('./model/parser.bin.gz', import.meta.url));

let cached: Parser | undefined;

/** Load the shipped model once (lazily) and reuse it. */
export function loadParser(path: string = DEFAULT_MODEL_PATH): Parser {
  if (path === DEFAULT_MODEL_PATH && cached) return cached;
  const p = parserFromModel(deserializeModel(readFileSync(path)));
  if (path === DEFAULT_MODEL_PATH) cached = p;
  return p;
}
