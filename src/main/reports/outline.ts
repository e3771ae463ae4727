/**
 * The summary of responses as a sequence of blocks (headings, paragraphs, tables, charts, quotes). Every
 * document writer renders these blocks and nothing else, so the wording, order and numbers are the same in
 * Word, OpenDocument, HTML, PDF and Markdown. Text here is plain (writers escape it for their format).
 */
import type { Breakdown, CountShare, ReportQuestion, ReportSummary } from '../../shared/api';

export interface Span {
  text: string;
  strong?: boolean;
}

export type Block =
  | { type: 'title'; text: string; subtitle: string; meta: string[] }
  /** newPage: printed formats start it on a new page. */
  | { type: 'heading'; level: 1 | 2 | 3; text: string; id: string; newPage?: boolean }
  | { type: 'paragraph'; spans: Span[] }
  | { type: 'list'; items: string[] }
  | { type: 'contents'; entries: { text: string; id: string }[] }
  /** Inset text: a draft warning or a note on how to read what follows. */
  | { type: 'note'; text: string }
  | { type: 'table'; caption: string; head: string[]; rows: string[][]; numeric: boolean[] }
  | { type: 'chart'; title: string; bars: { label: string; share: number; count: number }[] }
  | { type: 'quote'; text: string; attribution: string };

const number = new Intl.NumberFormat('en-GB');

/** Tables this short are kept on one page in printed formats. */
export const SHORT_TABLE_ROWS = 12;

export function formatCount(n: number): string {
  return number.format(n);
}

/** Whole percentages, with "less than 1%" kept distinct from none. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "Question 1" for codes like Q1; the code itself otherwise. */
export function questionLabel(code: string): string {
  const m = /^Q(\d+)$/i.exec(code);
  return m ? `Question ${m[1]}` : code;
}

function anchor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "A, B and C". */
function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function countTable(caption: string, heading: string, items: CountShare[]): Block {
  return {
    type: 'table',
    caption,
    head: [heading, 'Number', 'Percentage'],
    rows: items.map((i) => [i.label, formatCount(i.count), formatShare(i.share)]),
    numeric: [false, true, true],
  };
}

function breakdownTable(caption: string, first: string, b: Breakdown): Block | null {
  if (b.rows.length === 0 || b.groups.length < 2) return null;
  return {
    type: 'table',
    caption,
    head: [first, ...b.groups.map((g) => `${g.label} (${formatCount(g.base)})`)],
    rows: b.rows.map((r) => [
      r.label,
      ...r.counts.map((c, i) => formatShare(b.groups[i].base ? c / b.groups[i].base : 0)),
    ]),
    numeric: [false, ...b.groups.map(() => true)],
  };
}

function openQuestion(q: ReportQuestion, heading: string): Block[] {
  const blocks: Block[] = [];
  if (q.themesDraft) {
    blocks.push({
      type: 'note',
      text: 'Draft: the themes for this question have not yet been signed off by an analyst.',
    });
  }
  if (q.themes.length === 0) {
    blocks.push({ type: 'paragraph', spans: [{ text: 'No themes have been identified for this question yet.' }] });
    return blocks;
  }
  const top = q.themes.filter((t) => t.depth === 0).slice(0, 3);
  blocks.push({
    type: 'paragraph',
    spans: [
      { text: 'The most common themes were ' },
      ...top.flatMap((t, i) => [
        ...(i === 0 ? [] : [{ text: i === top.length - 1 ? ' and ' : ', ' }]),
        { text: t.name, strong: true },
        { text: ` (${formatShare(t.share)})` },
      ]),
      { text: '. A response can raise several themes, so the percentages add up to more than 100%.' },
    ],
  });
  const shown = q.themes.filter((t) => t.depth === 0);
  blocks.push({
    type: 'chart',
    title: `${heading}: themes as a percentage of respondents`,
    bars: shown.map((t) => ({ label: t.name, share: t.share, count: t.count })),
  });
  blocks.push({
    type: 'table',
    caption: `${heading}: themes`,
    head: ['Theme', 'Responses', 'Percentage'],
    rows: [
      ...q.themes.map((t) => [
        `${t.depth ? '– '.repeat(t.depth) : ''}${t.name}`,
        formatCount(t.count),
        formatShare(t.share),
      ]),
      [
        'No theme identified',
        formatCount(q.withoutTheme),
        formatShare(q.respondents ? q.withoutTheme / q.respondents : 0),
      ],
    ],
    numeric: [false, true, true],
  });
  for (const t of q.themes) {
    blocks.push({ type: 'heading', level: 3, text: t.name, id: anchor(`${q.code}-${t.name}-${t.id}`) });
    const about = [
      t.description.trim(),
      `Raised by ${plural(t.count, 'respondent', 'respondents')} (${formatShare(t.share)}).`,
    ].filter(Boolean);
    blocks.push({ type: 'paragraph', spans: [{ text: about.join(' ') }] });
    if (t.keywords.length)
      blocks.push({
        type: 'paragraph',
        spans: [{ text: 'Key words: ', strong: true }, { text: t.keywords.join(', ') }],
      });
    for (const quote of t.quotes) blocks.push({ type: 'quote', text: quote.text, attribution: quote.attribution });
  }
  return blocks;
}

function closedQuestion(q: ReportQuestion, heading: string): Block[] {
  const top = [...q.options].sort((a, b) => b.count - a.count)[0];
  return [
    ...(top && top.count > 0
      ? [
          {
            type: 'paragraph',
            spans: [
              { text: 'The most common answer was ' },
              { text: top.label, strong: true },
              { text: ` (${formatShare(top.share)}).` },
            ],
          } as Block,
        ]
      : []),
    {
      type: 'chart',
      title: `${heading}: answers as a percentage of respondents`,
      bars: q.options.map((o) => ({ label: o.label, share: o.share, count: o.count })),
    },
    countTable(`${heading}: answers`, 'Answer', q.options),
  ];
}

function question(q: ReportQuestion, index: number): Block[] {
  const heading = questionLabel(q.code);
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: `${heading}: ${q.text}`, id: anchor(q.code), newPage: index > 0 },
    {
      type: 'paragraph',
      spans: [{ text: `${plural(q.respondents, 'respondent', 'respondents')} answered this question.` }],
    },
    ...(q.kind === 'open' ? openQuestion(q, heading) : closedQuestion(q, heading)),
  ];
  const first = q.kind === 'open' ? 'Theme' : 'Answer';
  const byType = breakdownTable(
    `${heading} by type of respondent (percentage of each type; number answering in brackets)`,
    first,
    q.byType,
  );
  const byPlace = breakdownTable(
    `${heading} by place (percentage of respondents in each place; number answering in brackets)`,
    first,
    q.byPlace,
  );
  if (byType || byPlace)
    blocks.push({
      type: 'heading',
      level: 3,
      text: `${heading} by type of respondent and place`,
      id: anchor(`${q.code}-breakdown`),
    });
  if (byType) blocks.push(byType);
  if (byPlace) blocks.push(byPlace);
  return blocks;
}

function campaigns(s: ReportSummary): Block[] {
  if (s.campaigns.length === 0) return [];
  const members = s.campaigns.reduce((a, c) => a + c.size, 0);
  return [
    { type: 'heading', level: 1, text: 'Campaigns', id: 'campaigns', newPage: true },
    {
      type: 'paragraph',
      spans: [
        {
          text: `${plural(members, 'response', 'responses')} came from ${plural(s.campaigns.length, 'organised campaign', 'organised campaigns')}: many people sending the same or very similar words. ${
            s.options.campaigns === 'once'
              ? 'Where a campaign is counted once, its text is counted as a single response in the figures above; each campaign is reported here with the number who sent it.'
              : 'Every campaign response is counted separately in the figures above.'
          }`,
        },
      ],
    },
    {
      type: 'table',
      caption: 'Campaigns',
      head: ['Question', 'Campaign text (start)', 'Responses', 'Counted as'],
      rows: s.campaigns.map((c) => [
        questionLabel(c.questionCode),
        c.excerpt,
        formatCount(c.size),
        formatCount(c.counted),
      ]),
      numeric: [false, false, true, true],
    },
  ];
}

const SOURCE_LABELS: Record<string, string> = {
  analyst: 'By an analyst',
  model: 'By the model (classifier)',
  rule: 'By a keyword rule',
  import: 'Imported with the responses',
};

const MEASURE_LABELS: Record<string, string> = {
  microF1: 'F1 (all assignments)',
  macroF1: 'F1 (average over themes)',
  samplesF1: 'F1 (average over responses)',
  kappa: "Cohen's kappa",
};

const RUN_LABELS: Record<string, string> = {
  discover: 'themes found',
  classify: 'themes proposed by the classifier',
};

function methods(s: ReportSummary): Block[] {
  const m = s.methods;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: 'Methodology', id: 'methodology', newPage: true }];
  const counting = [
    `This summary covers ${plural(s.responses, 'response', 'responses')} from ${plural(s.respondents, 'respondent', 'respondents')}. Percentages are of the respondents who answered each question and are rounded to whole numbers.`,
  ];
  const excluded = m.excluded.reduce((a, e) => a + e.count, 0);
  if (excluded > 0) {
    counting.push(
      `${plural(excluded, 'response was', 'responses were')} left out after review (${joinAnd(m.excluded.map((e) => `${e.label.toLowerCase()}: ${formatCount(e.count)}`))}).`,
    );
  } else if (s.options.includeExcluded) {
    counting.push('Responses excluded during review are included in these figures.');
  }
  if (m.campaignMembersCollapsed > 0) {
    counting.push(
      `Campaign responses were counted once per campaign, so ${plural(m.campaignMembersCollapsed, 'response is', 'responses are')} not counted separately.`,
    );
  }
  blocks.push({ type: 'paragraph', spans: [{ text: counting.join(' ') }] });

  blocks.push({ type: 'heading', level: 2, text: 'How themes were found and assigned', id: 'themes-method' });
  const discovered = m.runs.filter((r) => r.kind === 'discover');
  const classified = m.runs.filter((r) => r.kind === 'classify');
  const method: string[] = [];
  if (discovered.length) {
    method.push(
      'Candidate themes for each open question were found by grouping responses that use similar words (a seeded, repeatable clustering of the text), and labelled with the words most particular to each group. Analysts then reviewed, merged, renamed and signed off the themes.',
    );
  }
  if (classified.length) {
    method.push(
      "Analysts coded a sample of responses by hand; a classifier trained on their coding then proposed themes for the remaining responses, and analysts reviewed the proposals it was least sure of. A model never overrides an analyst's decision.",
    );
  }
  if (method.length) blocks.push({ type: 'paragraph', spans: [{ text: method.join(' ') }] });
  if (m.runs.length) {
    blocks.push({
      type: 'paragraph',
      spans: [{ text: 'The analysis runs, with the settings needed to repeat them, were:' }],
    });
    blocks.push({
      type: 'list',
      items: m.runs.map((r) => {
        const params = [
          ...Object.entries(r.parameters).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v)),
          ...(r.seed === null ? [] : [['seed', r.seed] as [string, unknown]]),
        ]
          .map(([k, v]) => `${k} ${String(v)}`)
          .join(', ');
        const what = RUN_LABELS[r.kind] ?? r.kind;
        return `${r.questionCode ? `${questionLabel(r.questionCode)}: ` : ''}${what} on ${formatDate(r.at)}${params ? ` (${params})` : ''}`;
      }),
    });
  }
  if (m.assignmentsBySource.length) {
    blocks.push(
      countTable(
        'How responses were assigned to themes',
        'Assigned',
        m.assignmentsBySource.map((a) => ({ ...a, label: SOURCE_LABELS[a.label] ?? a.label })),
      ),
    );
  } else {
    blocks.push({ type: 'paragraph', spans: [{ text: 'No responses have been assigned to themes yet.' }] });
  }
  if (m.agreement.length) {
    const measures = [...new Set(m.agreement.flatMap((a) => a.measures.map((x) => x.measure)))];
    blocks.push({
      type: 'paragraph',
      spans: [
        {
          text: "The classifier's agreement with analysts was measured by cross-validation on the responses analysts coded themselves (1 is perfect agreement; for kappa, 0 is no better than chance):",
        },
      ],
    });
    blocks.push({
      type: 'table',
      caption: "The classifier's measured agreement with analysts",
      head: ['Question', 'Responses coded by analysts', ...measures.map((x) => MEASURE_LABELS[x] ?? x)],
      rows: m.agreement.map((a) => [
        a.questionCode ? questionLabel(a.questionCode) : 'All questions',
        formatCount(a.coded),
        ...measures.map((x) => a.measures.find((v) => v.measure === x)?.value.toFixed(2) ?? '–'),
      ]),
      numeric: [false, true, ...measures.map(() => true)],
    });
  }
  blocks.push({ type: 'heading', level: 2, text: 'Personal data', id: 'personal-data' });
  const privacy = [
    s.options.redact
      ? `Personal data (names, e-mail and web addresses, phone, National Insurance and card numbers, postcodes) was removed from quoted text${m.redactions ? ` (${plural(m.redactions, 'quotation', 'quotations')} changed)` : ''}. Quotations were chosen from responses without personal data where possible.`
      : 'Quoted text has not been redacted: this version may contain personal data and must not be published.',
    s.options.anonymise
      ? s.options.nameOrganisations
        ? 'Quotes are attributed by type of respondent and place; organisations that responded as organisations are named.'
        : 'Quotes are attributed by type of respondent and place only; no respondent or organisation is named.'
      : 'Quotes carry respondent identifiers: this version is for internal use only.',
  ];
  blocks.push({ type: 'paragraph', spans: [{ text: privacy.join(' ') }] });
  return blocks;
}

/** "Table 3: …" and "Figure 2: …", numbered in order, as a publication would. */
function numberCaptions(blocks: Block[]): Block[] {
  let tables = 0;
  let figures = 0;
  return blocks.map((b) => {
    if (b.type === 'table') return { ...b, caption: `Table ${++tables}: ${b.caption}` };
    if (b.type === 'chart') return { ...b, title: `Figure ${++figures}: ${b.title}` };
    return b;
  });
}

export function outline(s: ReportSummary): Block[] {
  return numberCaptions(unnumbered(s));
}

function unnumbered(s: ReportSummary): Block[] {
  const questions = s.questions.flatMap((q, i) => question(q, i));
  const sections = [
    { text: 'Introduction', id: 'introduction' },
    { text: 'Who responded', id: 'who-responded' },
    { text: 'Responses by question', id: 'responses-by-question' },
    ...(s.campaigns.length ? [{ text: 'Campaigns', id: 'campaigns' }] : []),
    { text: 'Methodology', id: 'methodology' },
  ];
  const typeShares = s.byType.slice(0, 3).map((t) => `${t.label.toLowerCase()} (${formatShare(t.share)})`);
  return [
    {
      type: 'title',
      text: s.title,
      subtitle: 'Summary of responses',
      meta: [
        `Produced ${formatDate(s.generatedAt)}`,
        ...(s.options.redact ? [] : ['Not redacted: for internal use only']),
      ],
    },
    { type: 'contents', entries: sections },
    { type: 'heading', level: 1, text: 'Introduction', id: 'introduction', newPage: true },
    ...(s.description.trim() ? [{ type: 'paragraph', spans: [{ text: s.description.trim() }] } as Block] : []),
    {
      type: 'paragraph',
      spans: [
        {
          text: `This document summarises the ${plural(s.responses, 'response', 'responses')} received from ${plural(s.respondents, 'respondent', 'respondents')} to ${plural(s.questions.length, 'question', 'questions')}. For each question it sets out how many people answered, the main themes raised, and how views differed by type of respondent and by place, with quotations that illustrate each theme.`,
        },
      ],
    },
    { type: 'heading', level: 1, text: 'Who responded', id: 'who-responded' },
    {
      type: 'paragraph',
      spans: [
        {
          text: [
            `${plural(s.respondents, 'respondent', 'respondents')} took part, answering some or all of the questions.`,
            typeShares.length ? `The largest groups were ${joinAnd(typeShares)}.` : '',
            s.byPlace.some((p) => p.label === 'Elsewhere')
              ? 'Places other than the most common are grouped as "Elsewhere".'
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        },
      ],
    },
    {
      type: 'chart',
      title: 'Respondents by type',
      bars: s.byType.map((t) => ({ label: t.label, share: t.share, count: t.count })),
    },
    countTable('Respondents by type', 'Type of respondent', s.byType),
    countTable('Respondents by place', 'Place', s.byPlace),
    countTable('How people responded', 'Channel', s.byChannel),
    { type: 'heading', level: 1, text: 'Responses by question', id: 'responses-by-question', newPage: true },
    ...questions,
    ...campaigns(s),
    ...methods(s),
  ];
}
