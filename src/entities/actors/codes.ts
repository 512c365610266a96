/**
 * CAMEO-style actor codes, country and role on each entity, resolved for the reference date.
 * Dictionary roles are dated; a person without a dictionary entry gets the code of the country or
 * organisation named before their title plus the title's sector ("US Ambassador X" → USAGOV).
 */
import type { Gazetteer } from '../gazetteer/index.ts';
import { codeAt } from '../gazetteer/tabari.ts';
import type { WorkEntity, Workspace } from '../model.ts';

function countryOfCode(gaz: Gazetteer, code: string | undefined): string | undefined {
  if (!code) return undefined;
  const cc = code.slice(0, 3);
  return gaz.countries.has(cc) ? cc : undefined;
}

/** Country or organisation named by the mention words before a person's title. */
function affiliationOf(ws: Workspace, e: WorkEntity): { country?: string; orgCode?: string } {
  const out: { country?: string; orgCode?: string } = {};
  for (const m of e.mentions) {
    if (m.kind !== 'name') continue;
    for (const other of ws.entities) {
      if (other === e) continue;
      for (const om of other.mentions) {
        if (om.start < m.start || om.end > m.end) continue;
        if (other.cls === 'country' && !out.country) out.country = other.country;
        else if (other.type === 'ORG' && other.code && !out.orgCode) out.orgCode = other.code;
      }
    }
  }
  return out;
}

function roleTitle(e: WorkEntity): string | undefined {
  const t = [...e.titles].sort((a, b) => b.words.length - a.words.length)[0];
  if (!t) return undefined;
  return t.text.replace(/(^|\s)\S/g, (s) => s.toUpperCase());
}

export function assignCodes(ws: Workspace, gaz: Gazetteer): void {
  for (const e of ws.entities) {
    switch (e.cls) {
      case 'country':
        e.code = e.country;
        break;
      case 'city':
      case 'place':
        if (e.record) e.code = codeAt(e.record, ws.date)?.code;
        break;
      case 'org': {
        if (e.record) {
          const dc = codeAt(e.record, ws.date);
          if (dc) {
            e.code = dc.code;
            e.country = countryOfCode(gaz, dc.code);
          }
        }
        break;
      }
      case 'person': {
        let dc = e.record ? codeAt(e.record, ws.date) : undefined;
        // A dictionary namesake of another country ("King Hassan" listed for Jordan, said "of
        // Morocco") is someone else: the stated country wins and the record is dropped.
        if (e.statedCountry && e.record && countryOfCode(gaz, dc?.code ?? e.record.codes[0]?.code) !== e.statedCountry) {
          delete e.record;
          dc = undefined;
        }
        const aff = affiliationOf(ws, e);
        if (e.statedCountry) {
          aff.country = e.statedCountry;
          delete aff.orgCode;
        }
        // An apposition ("X, the Dutch prime minister,") names the affiliation when the name does not.
        const app = e.affiliationEntity;
        if (app && !aff.country && !aff.orgCode) {
          if (app.cls === 'country' && app.country) aff.country = app.country;
          else if (app.code) aff.orgCode = app.code;
        }
        if (aff.country) e.affiliation = aff.country;
        else if (aff.orgCode) e.affiliation = aff.orgCode;
        if (dc) {
          e.code = dc.code;
          if (dc.role) e.role = dc.role;
        } else {
          const sector = e.titles.find((t) => t.agent)?.agent;
          if (aff.orgCode) e.code = aff.orgCode;
          else if (aff.country && sector) e.code = `${aff.country}${sector}`;
        }
        e.country = countryOfCode(gaz, e.code) ?? aff.country;
        e.role ??= roleTitle(e);
        break;
      }
      default:
        break;
    }
  }
}
