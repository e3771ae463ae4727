/**
 * Colour-blind-safe colours (Okabe & Ito, 2008), ordered so neighbours differ in lightness as well as hue,
 * and the yellow (faint on white) comes last.
 * Text on a bar takes black or white, whichever contrasts more (WCAG AA for the 12px labels).
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
/** Groups shown apart ("Other / unclear", "Not given"). */
export const APART = '#6F777B';
const NEUTRAL = '#B1B4B6';
const LIGHT = '#DEE0E2';

/** Agree-to-disagree scales diverge from blue through grey to vermillion. */
const DIVERGING = ['#0072B2', '#56B4E9', NEUTRAL, '#E69F00', '#D55E00'];

const NAMED: Record<string, string> = {
  agree: '#0072B2',
  mixed: NEUTRAL,
  unclear: LIGHT,
  disagree: '#D55E00',
  positive: '#0072B2',
  neutral: NEUTRAL,
  negative: '#D55E00',
  hand: '#0072B2',
  model: '#56B4E9',
  read: '#E69F00',
  unreviewed: LIGHT,
  other: '#0072B2',
  campaign: '#E69F00',
};

/** Colours for a chart's series: by meaning where the series have one, otherwise in palette order. */
export function seriesColours(series: { key: string; apart?: boolean }[]): string[] {
  const keys = series.map((s) => s.key);
  if (keys.length && keys.every((k) => k in NAMED)) return keys.map((k) => NAMED[k]);
  const agreeScale = keys.length === 5 && /agree/i.test(keys[0]) && /disagree/i.test(keys[4]);
  if (agreeScale) return DIVERGING;
  let next = 0;
  return series.map((s) => (s.apart ? APART : OKABE_ITO[next++ % OKABE_ITO.length]));
}

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever has the higher contrast on `fill`. */
export function textOn(fill: string): string {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#0B0C0C' : '#FFFFFF';
}
