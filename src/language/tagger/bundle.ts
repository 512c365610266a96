/**
 * A small binary container for model files: a JSON header plus named typed arrays, gzipped.
 * Layout before compression: "DTLB" | u32 header length | header JSON | pad to 8 | array bytes.
 */

import { gunzipSync, gzipSync } from 'node:zlib';

export type NumericArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array;

const CTORS = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
} as const;

type CtorName = keyof typeof CTORS;

interface ArrayDesc {
  name: string;
  type: CtorName;
  length: number;
  offset: number;
}

export interface Bundle<H> {
  header: H;
  arrays: Map<string, NumericArray>;
}

const MAGIC = 0x424c5444; // "DTLB" little-endian

export function encodeBundle<H>(header: H, arrays: Record<string, NumericArray>): Buffer {
  const descs: ArrayDesc[] = [];
  let offset = 0;
  for (const [name, arr] of Object.entries(arrays)) {
    offset = align8(offset);
    descs.push({ name, type: arr.constructor.name as CtorName, length: arr.length, offset });
    offset += arr.byteLength;
  }
  const headerBytes = Buffer.from(JSON.stringify({ header, arrays: descs }), 'utf8');
  const dataStart = align8(8 + headerBytes.length);
  const out = Buffer.alloc(dataStart + offset);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(headerBytes.length, 4);
  headerBytes.copy(out, 8);
  descs.forEach((d, k) => {
    const arr = Object.values(arrays)[k]!;
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, dataStart + d.offset);
  });
  return gzipSync(out, { level: 9 });
}

export function decodeBundle<H>(file: Uint8Array): Bundle<H> {
  const raw = gunzipSync(file);
  if (raw.readUInt32LE(0) !== MAGIC) throw new Error('not a dateline model bundle');
  const headerLength = raw.readUInt32LE(4);
  const meta = JSON.parse(raw.subarray(8, 8 + headerLength).toString('utf8')) as {
    header: H;
    arrays: ArrayDesc[];
  };
  const dataStart = align8(8 + headerLength);
  // Copy into a fresh, aligned buffer so typed-array views need no per-array copy.
  const data = new Uint8Array(raw.length - dataStart);
  data.set(raw.subarray(dataStart));
  const arrays = new Map<string, NumericArray>();
  for (const d of meta.arrays) {
    const Ctor = CTORS[d.type];
    arrays.set(d.name, new Ctor(data.buffer, d.offset, d.length));
  }
  return { header: meta.header, arrays };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

export function requireArray<K extends CtorName>(
  bundle: Bundle<unknown>,
  name: string,
  type: K,
): InstanceType<(typeof CTORS)[K]> {
  const arr = bundle.arrays.get(name);
  if (!arr || arr.constructor.name !== type) throw new Error(`model bundle lacks ${type} "${name}"`);
  return arr as InstanceType<(typeof CTORS)[K]>;
}
