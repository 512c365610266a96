/** Every coded error dateline reports, in one place. Errors are values: a failing document never takes a batch down. */
export const ERROR_CODES = {
  E_EMPTY: 'the input is empty or only white space',
  E_BINARY: 'the input looks like binary data, not text',
  E_ENCODING: 'the input could not be decoded as text',
  E_TOO_LARGE: 'the input is larger than the configured limit',
  E_PARSE: 'a record could not be parsed',
  E_NOT_FOUND: 'the input path does not exist',
  E_IO: 'the input could not be read',
  E_ANALYZE: 'a pipeline stage failed on this document',
  E_PIPELINE_UNKNOWN_STAGE: 'the pipeline names a stage that does not exist',
  E_PIPELINE_ORDER: 'a stage needs a layer that no earlier stage assigns',
  E_PIPELINE_DUPLICATE: 'two stages assign the same layer',
  E_USAGE: 'bad command-line usage',
  E_STORE: 'the store failed',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DatelineError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  constructor(code: ErrorCode, message?: string, where: { file?: string; line?: number } = {}) {
    super(message ?? ERROR_CODES[code]);
    this.name = 'DatelineError';
    this.code = code;
    if (where.file !== undefined) this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
  }
}

export function isDatelineError(e: unknown): e is DatelineError {
  return e instanceof DatelineError;
}
