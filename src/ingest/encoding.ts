import { DatelineError } from '../core/errors.ts';

/**
 * Decode bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and Windows-1252
 * (a superset of Latin-1 for printable text) when the bytes are not valid UTF-8.
 * Binary data and undecodable bytes are reported with coded errors. Newlines become `\n`.
 */
export interface Decoded {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  let text: string;
  let encoding: Decoded['encoding'];
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = decodeStrict('utf-16le', bytes.subarray(2));
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = decodeStrict('utf-16be', bytes.subarray(2));
  } else {
    if (looksBinary(bytes)) throw new DatelineError('E_BINARY', 'the input looks like binary data (NUL or control bytes), not text');
    const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
      encoding = 'utf-8';
    } catch {
      text = decodeWindows1252(bytes);
      encoding = 'windows-1252';
      // Bytes undefined in Windows-1252 decode to C1 controls: a sign of another encoding.
      const c1 = text.match(/[\u0080-\u009f]/g)?.length ?? 0;
      if (c1 > 0 && c1 / text.length > 0.001) {
        throw new DatelineError('E_ENCODING', 'the input is neither valid UTF-8 nor Windows-1252/Latin-1 text');
      }
    }
  }
  if (text.includes('\u0000')) throw new DatelineError('E_BINARY', 'the decoded text contains NUL characters');
  return { text: normalizeNewlines(text), encoding };
}

function decodeStrict(label: 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new DatelineError('E_ENCODING', `the input has a ${label.toUpperCase()} byte-order mark but invalid ${label.toUpperCase()} data`);
  }
}

/** NUL bytes, or many control bytes other than tab/newline/carriage return/form feed. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.05;
}

export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Windows-1252 code points for bytes 0x80–0x9F (undefined bytes map to their C1 control). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Node 20's TextDecoder treats windows-1252 as ISO-8859-1, so the 0x80–0x9F range is mapped here. */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}
