/** Respondent types, places and dates as surveys spell them, brought to one form (the raw value is kept). */

export type RespondentType = 'individual' | 'business' | 'academic' | 'local authority' | 'voluntary sector' | 'other';

const TYPE_RULES: [RegExp, RespondentType][] = [
  [/\b(local authority|council|local government|combined authority|mayoral|town hall|parish)\b/i, 'local authority'],
  [/\b(universit\w*|academic|research(er)?|college|school|education|institute)\b/i, 'academic'],
  [
    /\b(voluntary|charit\w*|community (group|organisation)|third sector|vcse|non[- ]?profit|not[- ]for[- ]profit|ngo|social enterprise|campaign group)\b/i,
    'voluntary sector',
  ],
  [
    /\b(business\w*|company|companies|employer|industry|commercial|trade (body|association)|sme|firm|enterprise|sole trader|self[- ]employed|ltd|plc)\b/i,
    'business',
  ],
  [
    /\b(individual|member of the public|myself|personal|citizen|resident|private person|on my own behalf|just me|me)\b/i,
    'individual',
  ],
];

/** "A member of the public" -> individual; "On behalf of a business" -> business; unknown -> other. */
export function normaliseRespondentType(raw: string): RespondentType | null {
  const value = raw.trim();
  if (!value) return null;
  const exact = value.toLowerCase();
  if (['individual', 'business', 'academic', 'local authority', 'voluntary sector', 'other'].includes(exact))
    return exact as RespondentType;
  for (const [re, type] of TYPE_RULES) if (re.test(value)) return type;
  return 'other';
}

const CITY_ALIASES: Record<string, string> = {
  'newcastle upon tyne': 'Newcastle',
  'newcastle-upon-tyne': 'Newcastle',
  'greater manchester': 'Manchester',
  'city of manchester': 'Manchester',
  'city of leeds': 'Leeds',
  'city of sheffield': 'Sheffield',
  'city of liverpool': 'Liverpool',
};

/** Trims and tidies the case of a place name ("LEEDS", "leeds " -> "Leeds"), joining common variants. */
export function normaliseCity(raw: string): string | null {
  const value = raw.replace(/\s+/g, ' ').trim();
  if (!value) return null;
  const alias = CITY_ALIASES[value.toLowerCase()];
  if (alias) return alias;
  if (value === value.toLowerCase() || value === value.toUpperCase()) {
    return value.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  }
  return value;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function valid(d: Date): string | null {
  const y = d.getUTCFullYear();
  return Number.isNaN(d.getTime()) || y < MIN_YEAR || y > MAX_YEAR ? null : d.toISOString();
}

/**
 * Reads the dates surveys write: ISO 8601, UK day-first dates (31/01/2024 14:05), Unix times in seconds or
 * milliseconds, and e-mail style dates. Returns ISO 8601 (UTC), or null when it cannot be read.
 */
export function normaliseDate(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  if (/^\d{10}(\.\d+)?$/.test(value)) return valid(new Date(Number(value) * 1000));
  if (/^\d{13}$/.test(value)) return valid(new Date(Number(value)));
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    value,
  );
  if (iso) {
    if (!iso[4]) return valid(new Date(Date.UTC(+iso[1], +iso[2] - 1, +iso[3])));
    return valid(new Date(iso[7] ? value.replace(' ', 'T') : `${value.replace(' ', 'T')}Z`));
  }
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (uk) {
    const year = uk[3].length === 2 ? 2000 + Number(uk[3]) : Number(uk[3]);
    const [day, month] = [Number(uk[1]), Number(uk[2])];
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return valid(new Date(Date.UTC(year, month - 1, day, Number(uk[4] ?? 0), Number(uk[5] ?? 0), Number(uk[6] ?? 0))));
  }
  if (!/[a-z]{3}/i.test(value)) return null;
  // "Mon Jul 17 16:10:15 WIB 2017", "22 Aug 2002 07:36:16 -0400": drop a time-zone name Date cannot read.
  const parsed = new Date(value);
  if (!Number.isNaN(parsed.getTime())) return valid(parsed);
  return valid(new Date(value.replace(/\b[A-Z]{3,4}\b(?=\s+\d{4}$)/, '').replace(/\s+/g, ' ')));
}
