import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { DB_OPTION, EVENT_FILTER_OPTIONS, eventQueryFrom, formatOption, openExistingStore } from '../../store/cli-options.ts';
import { GDELT_COLUMNS, csvLine, eventJson, gdeltRow, ploverRecord } from '../../store/output.ts';
import { EXIT, str, type Command } from '../command.ts';

const FORMATS = ['gdelt', 'plover', 'jsonl'] as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export events: GDELT-style CSV, PLOVER JSON lines, or dateline JSONL (for R, pandas, …)',
  usage: '--format gdelt|plover|jsonl [--db FILE] [--out FILE] [event filters]',
  options: {
    db: DB_OPTION,
    format: { type: 'string', short: 'f', value: 'FORMAT', default: 'jsonl', description: 'gdelt (CSV with GDELT event-table column names), plover (PLOVER JSON, one record per line) or jsonl' },
    out: { type: 'string', short: 'o', value: 'FILE', description: 'write to FILE instead of standard output' },
    ...EVENT_FILTER_OPTIONS,
  },
  details: `gdelt: GLOBALEVENTID, SQLDATE, MonthYear, Year, FractionDate, Actor1Code, Actor1Name,
Actor1CountryCode, Actor2…, IsRootEvent, EventCode, EventBaseCode, EventRootCode, QuadClass,
GoldsteinScale, NumMentions, NumSources, NumArticles, ActionGeo_FullName, ActionGeo_Lat,
ActionGeo_Long and SOURCEURL mean what they mean in GDELT; ActionGeo_ISO3 (ISO 3166 alpha-3, where
GDELT has FIPS codes) and the columns after SOURCEURL are dateline's (modality, PLOVER, trigger…).
plover: the PLOVER manual's JSON fields (id, date, actor, recipient, event, event_loc, event_text,
quad_code, mode, context, text, cite_info, coder) plus cameo and goldstein.

Examples:
  dateline export --format gdelt --db corpus.db --out events.csv        # pandas.read_csv('events.csv')
  dateline export --format plover --db corpus.db --from 2020-01-01 > plover.jsonl
  dateline export --format jsonl --db corpus.db --actor USA | jq .cameo`,
  async run({ values, io }) {
    const format = formatOption(values, FORMATS, 'jsonl');
    const query = eventQueryFrom(values);
    const outPath = str(values, 'out');
    const store = await openExistingStore(values, io);
    const out = outPath ? createWriteStream(outPath) : io.stdout;
    const write = async (s: string): Promise<void> => {
      if (!out.write(s)) await once(out, 'drain');
    };
    let n = 0;
    try {
      if (format === 'gdelt') await write(csvLine(GDELT_COLUMNS));
      for await (const row of store.streamEvents(query)) {
        n++;
        if (format === 'gdelt') await write(csvLine(gdeltRow(row)));
        else if (format === 'plover') await write(JSON.stringify(ploverRecord(row)) + '\n');
        else await write(JSON.stringify(eventJson(row)) + '\n');
      }
    } finally {
      await store.close();
      if (outPath) {
        (out as NodeJS.WritableStream).end();
        await once(out, 'finish');
      }
    }
    if (outPath) io.stderr.write(`dateline export: ${n} event(s) → ${outPath}\n`);
    return EXIT.OK;
  },
};
