/**
 * Generates the bundled sample consultation "Northern Futures" (on TechNorth, a technology hub spanning
 * Manchester, Leeds, Sheffield, Liverpool and Newcastle) and its ground truth:
 *
 *   resources/sample/northern-futures.json        SampleConsultation
 *   resources/sample/northern-futures.truth.json  SampleTruth (latent themes, campaigns, personal data kinds)
 *
 * Run: npx tsx scripts/generate-sample.ts
 *
 * Deterministic: a seeded PRNG (mulberry32) and a fixed calendar, so the same code gives byte-identical files.
 * Everything here is invented: respondents, organisations, names, e-mail addresses (example.* domains only),
 * phone numbers (Ofcom drama ranges) and campaigns.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  Channel,
  RespondentType,
  SampleConsultation,
  SampleQuestion,
  SampleRespondent,
  SampleTruth,
} from '../src/shared/sample';

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------------------------

const SEED = 0x4e462026;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = mulberry32(SEED);

function chance(p: number): boolean {
  return rnd() < p;
}

function int(lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}

function pick<T>(xs: readonly T[]): T {
  if (xs.length === 0) throw new Error('pick from empty list');
  return xs[Math.floor(rnd() * xs.length)];
}

function weighted<T>(pairs: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of pairs) total += w;
  let x = rnd() * total;
  for (const [v, w] of pairs) {
    x -= w;
    if (x < 0) return v;
  }
  return pairs[pairs.length - 1][0];
}

function shuffled<T>(xs: readonly T[]): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

function pickN<T>(xs: readonly T[], n: number): T[] {
  return shuffled(xs).slice(0, Math.max(0, Math.min(n, xs.length)));
}

// ---------------------------------------------------------------------------------------------------------------
// Small text helpers
// ---------------------------------------------------------------------------------------------------------------

function cap(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1);
}

function wordCount(s: string): number {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}

function listJoin(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------------------------

const FIVE = ['Manchester', 'Leeds', 'Sheffield', 'Liverpool', 'Newcastle'] as const;

const CITY_WEIGHTS: readonly (readonly [string | null, number])[] = [
  ['Manchester', 22],
  ['Leeds', 17],
  ['Liverpool', 13],
  ['Sheffield', 12],
  ['Newcastle', 11],
  ['Bradford', 2.2],
  ['Sunderland', 1.5],
  ['Hull', 1.5],
  ['Preston', 1.2],
  ['York', 1.4],
  ['Wigan', 1],
  ['Durham', 1],
  ['Salford', 1.3],
  ['Stockport', 1],
  ['Huddersfield', 1],
  ['Wakefield', 0.9],
  ['Gateshead', 0.9],
  ['Doncaster', 0.8],
  ['Barnsley', 0.6],
  ['Bolton', 0.8],
  ['Rochdale', 0.5],
  ['Warrington', 0.6],
  ['Middlesbrough', 0.7],
  ['Lancaster', 0.5],
  ['Harrogate', 0.5],
  [null, 5],
];

const TOWNS = [
  'Wigan',
  'Rochdale',
  'Barnsley',
  'Wakefield',
  'Gateshead',
  'Bolton',
  'Doncaster',
  'Rotherham',
  'Huddersfield',
  'Halifax',
  'Oldham',
  'St Helens',
  'Sunderland',
  'Burnley',
  'Blackburn',
  'Hartlepool',
  'Darlington',
  'Scunthorpe',
  'Grimsby',
  'Dewsbury',
  'Batley',
  'Widnes',
  'Bury',
  'Keighley',
  'Chesterfield',
  'Ashington',
  'Bishop Auckland',
];

/** Invented-name building blocks tied to real places (rivers, districts), for organisation names. */
const PLACE_WORDS: Record<string, string[]> = {
  Manchester: ['Salford', 'Irwell', 'Ancoats', 'Castlefield', 'Medlock', 'Didsbury'],
  Leeds: ['Aire', 'Kirkstall', 'Holbeck', 'Headingley', 'Wharfe', 'Roundhay'],
  Sheffield: ['Don', 'Kelham', 'Sheaf', 'Hallam', 'Loxley', 'Rivelin'],
  Liverpool: ['Mersey', 'Baltic', 'Wirral', 'Wavertree', 'Crosby', 'Garston'],
  Newcastle: ['Tyne', 'Quayside', 'Ouseburn', 'Jesmond', 'Grainger', 'Heaton'],
  Bradford: ['Bradford', 'Airedale'],
  Sunderland: ['Wear', 'Roker'],
  Hull: ['Humber', 'Hull'],
  Preston: ['Ribble', 'Preston'],
  York: ['Ouse', 'Minster'],
  Durham: ['Durham', 'Wear Valley'],
  Wigan: ['Wigan', 'Douglas Valley'],
  Huddersfield: ['Colne Valley', 'Huddersfield'],
  Middlesbrough: ['Teesside', 'Cleveland'],
};

const ORG_CITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Manchester', 24],
  ['Leeds', 18],
  ['Liverpool', 13],
  ['Sheffield', 13],
  ['Newcastle', 12],
  ['Bradford', 3],
  ['Sunderland', 2],
  ['Hull', 2],
  ['Preston', 1.5],
  ['York', 2],
  ['Durham', 1.5],
  ['Wigan', 1],
  ['Huddersfield', 1],
  ['Middlesbrough', 1.5],
];

const POSTCODES: Record<string, string[]> = {
  Manchester: ['M1 1AE', 'M4 5JD', 'M20 2RN', 'M14 6HR', 'M21 9DP', 'M15 4PS'],
  Leeds: ['LS1 4DY', 'LS6 3HN', 'LS8 2PF', 'LS11 5QT', 'LS17 7BX'],
  Sheffield: ['S1 2HE', 'S10 2TN', 'S7 1FL', 'S11 8YB', 'S6 3BR'],
  Liverpool: ['L1 8JQ', 'L17 6AB', 'L15 2HD', 'L8 7PE', 'L4 0TH'],
  Newcastle: ['NE1 7RU', 'NE6 5XA', 'NE2 1DB', 'NE4 9QP', 'NE3 4HT'],
  Bradford: ['BD1 1HY', 'BD9 4RQ'],
  Sunderland: ['SR1 3AA', 'SR2 8JG'],
  Hull: ['HU1 2AA', 'HU5 3LW'],
  Preston: ['PR1 2HE', 'PR2 8DY'],
  York: ['YO1 7HH', 'YO10 4AU'],
  Wigan: ['WN1 1XE', 'WN6 7PQ'],
  Durham: ['DH1 3HP', 'DH1 4SG'],
};

// ---------------------------------------------------------------------------------------------------------------
// Themes
// ---------------------------------------------------------------------------------------------------------------

type Tag =
  | 'transport'
  | 'housing'
  | 'pay'
  | 'towns'
  | 'skills'
  | 'digital'
  | 'startups'
  | 'research'
  | 'governance'
  | 'sceptic'
  | 'diversity'
  | 'green'
  | 'culture'
  | 'marketing';

type Priority = 'Skills' | 'Transport' | 'Digital infrastructure' | 'Business support' | 'Research';

/**
 * One latent theme. `claims` are independent clauses (no final full stop) that can follow "I think" or
 * "Another thing is that"; `asks` are bare-infinitive verb phrases ("offer paid placements") that can follow
 * "TechNorth should"; `short` are noun phrases ("better trains") for very short answers; `details` and
 * `effects` are whole sentences. Slots: {city} {city2} {town} {home} {rel} {years} {rent} {sal} {salL}.
 * A detail may start with "[ib] " to restrict it to respondent types (i individual, b business, a academic,
 * l local authority, v voluntary); first-person details ("I", "my") are otherwise kept for individuals.
 */
interface ThemeDef {
  name: string;
  tags: Tag[];
  weight: number;
  claims: string[];
  details: string[];
  effects: string[];
  asks: string[];
  short: string[];
}

function theme(name: string, tags: Tag[], weight: number, body: Omit<ThemeDef, 'name' | 'tags' | 'weight'>): ThemeDef {
  return { name, tags, weight, ...body };
}

const Q1_THEMES: ThemeDef[] = [
  theme('clear single brand for the North', ['marketing'], 1.1, {
    claims: [
      "investors abroad don't know the difference between {city} and {city2}, so the North has to sell itself as one place",
      'TechNorth needs a single, clear brand that investors actually recognise',
      'the cities keep competing with each other for the same investors instead of presenting one offer',
      'the North has a marketing problem more than a talent problem',
      'nobody overseas has heard of most of our cities, apart from the football teams',
    ],
    details: [
      'At trade events abroad you see five separate northern stands all saying slightly different things.',
      'When I worked with investors in the US, most of them had heard of Manchester and nothing else.',
      '[ib] Our firm in {city} has lost out to Dublin and Amsterdam simply because they were better known.',
      'The five cities together have more people than many European capitals, and nobody tells that story.',
      'I was at a conference in Berlin where someone asked me whether Leeds was in Scotland.',
    ],
    effects: [
      'A joined-up pitch would make the North a serious alternative to London.',
      'Without one voice we confuse the very people we are trying to attract.',
      'Investors want one phone number to ring, not five.',
    ],
    asks: [
      'create one TechNorth brand and one front door for investors',
      'run a single international marketing campaign instead of five competing ones',
      'have one team that handles enquiries and then matches investors to the right city',
      'get the city leaders to stop outbidding each other for the same companies',
    ],
    short: ['one brand for the whole North', 'better marketing abroad', 'one pitch for the North'],
  }),
  theme('transport connectivity between cities', ['transport'], 1.5, {
    claims: [
      'no serious investor will put money in while the transport between the cities is this bad',
      'investors look at how easily they can move staff and clients around, and the North falls down badly on that',
      'poor rail links are the single biggest barrier to investment in the North',
      'flights from the northern airports to the places investors come from are very limited',
      'the trains across the Pennines are an embarrassment for a region that wants to be taken seriously',
    ],
    details: [
      'Getting from {city} to {city2} for a morning meeting means leaving at 6am and hoping the train turns up.',
      '[ib] We had a Scandinavian company visit us in {city} last year and they were shocked at how long the train from {city2} took.',
      'Scrapping the northern leg of the high-speed line sent a terrible message to investors.',
      'There are only a handful of direct flights from the North to the US and Asia.',
      'I regularly see people standing for the whole journey between {city} and {city2}.',
    ],
    effects: [
      'Good transport would turn five medium-sized markets into one big one.',
      'Until it is fixed, investors will keep defaulting to the South East.',
      'Every cancelled train is a small advert for going somewhere else.',
    ],
    asks: [
      'commit to Northern Powerhouse Rail in full and stick to it',
      'push for more direct international flights from the northern airports',
      'fix the basics first: reliable trains, more carriages and fewer cancellations',
      'put transport at the top of the list when talking to government',
    ],
    short: ['better transport', 'trains that actually work', 'faster rail links'],
  }),
  theme('skilled workforce availability', ['skills'], 1.3, {
    claims: [
      'investors go where the talent is, so skills have to come first',
      "companies want to know they can hire hundreds of skilled people quickly, and right now they aren't sure they can",
      'the North has a big, young workforce but not enough of it has the right digital skills',
      'the universities produce thousands of graduates every year, which is a huge selling point',
      'talent is the first thing any tech investor asks about',
    ],
    details: [
      '[ib] We tried to open a second office in {city} and struggled to hire ten experienced developers.',
      'There are more students in the five cities than in the whole of some European countries.',
      'Firms I have spoken to in {city} say finding senior engineers is harder than finding office space.',
      'A recruiter friend in {city} told me she has twenty vacancies for every qualified data engineer.',
    ],
    effects: [
      "Show investors a pipeline of skilled people and they'll come.",
      "If the skills aren't there, investors will bring their own staff or simply not come.",
      'Skills are also the one thing that keeps a company here once it has arrived.',
    ],
    asks: [
      'publish clear data on the skills available in each city',
      'link investment deals to local training and hiring commitments',
      'invest in skills before it invests in buildings',
      'work with the universities to sell the graduate pipeline to investors',
    ],
    short: ['skilled workers', 'training for local people', 'more skilled staff'],
  }),
  theme('tax incentives and investment zones', ['startups'], 0.9, {
    claims: [
      'targeted tax breaks would make the North far more attractive than the South East',
      'investment zones and business rates relief can tip the balance for an investor',
      'the North needs to give companies a financial reason to choose it, not just warm words',
      'incentives are only worth having if they are simple and last long enough to plan around',
    ],
    details: [
      '[ib] When we looked at expanding, Ireland offered us a clear tax deal and the UK offered us a pile of forms.',
      'The investment zone near {city} has attracted a couple of big names, but the paperwork put smaller firms off.',
      '[ib] Business rates on our small office in {city} went up again this year.',
      'Other countries compete hard for tech investment with generous R&D credits and we are falling behind.',
    ],
    effects: [
      'A predictable incentive scheme would give investors confidence.',
      'But tax breaks on their own just attract companies that leave as soon as the breaks end.',
    ],
    asks: [
      'offer enhanced R&D tax credits for tech firms that locate in the North',
      'cut business rates for tech start-ups in their first three years',
      'make sure every incentive comes with conditions on local jobs',
      'keep any incentive scheme simple enough that a ten-person firm can use it',
    ],
    short: ['tax breaks', 'lower business rates', 'incentives for companies'],
  }),
  theme('digital infrastructure and gigabit connectivity', ['digital'], 1, {
    claims: [
      'broadband and mobile coverage is still patchy once you get outside the city centres',
      "you can't call yourself a tech hub if half the region can't get a decent signal",
      'digital infrastructure is as important as roads and rail for tech investors',
      'investors now expect gigabit broadband and local data centres as standard',
    ],
    details: [
      '[ib] Our office on a business park outside {city} still cannot get full fibre.',
      'I live ten minutes from {city} centre and lose mobile signal in my own kitchen.',
      'Data centre capacity in the North is limited, so most firms host everything down south.',
      'Parts of {town} are still on speeds that can barely cope with a video call.',
    ],
    effects: [
      'Without it you can forget about attracting data-heavy businesses.',
      'Good connectivity would also let investors look beyond the five city centres.',
    ],
    asks: [
      'roll out full fibre to every business park and town centre',
      'attract data centre investment to the North, powered by renewable energy',
      'fix the 5G and mobile black spots',
    ],
    short: ['better broadband', 'full fibre everywhere', 'decent mobile signal'],
  }),
  theme('affordable office and lab space', ['startups'], 0.8, {
    claims: [
      'there is a real shortage of the right kind of workspace for growing tech firms',
      'good office space in {city} is full and the rents are going up',
      'firms need flexible space they can grow into, not ten-year leases',
      'there is almost no lab space for life science and health tech companies',
    ],
    details: [
      '[ib] We have been looking for 5,000 square feet in {city} for a year and there is nothing suitable.',
      'Lots of old mill buildings around {city} could be brilliant tech space if someone invested in them.',
      'Start-ups in {city} have to move out once they outgrow the incubator and there is nothing in between.',
    ],
    effects: [
      "If growing firms can't find space here, they'll expand somewhere else.",
      'The lack of grow-on space quietly kills off a lot of promising companies.',
    ],
    asks: [
      'fund grow-on space for companies that have outgrown incubators',
      'convert empty offices and old industrial buildings into affordable tech space',
      'offer short, flexible leases in publicly owned buildings',
    ],
    short: ['cheaper office space', 'more lab space', 'affordable workspace'],
  }),
  theme('showcase existing strengths and success stories', ['marketing'], 0.9, {
    claims: [
      'the North already has world-class tech businesses and should shout about them',
      'investors need to see success stories, not just promises',
      'every city has its own strengths and those should be front and centre',
      'nobody outside the region knows what is already happening here',
    ],
    details: [
      'Leeds has a big fintech and health data sector, Sheffield has advanced manufacturing and Liverpool has games and creative tech.',
      'Some of the best-known video games of the last thirty years were made in the North West.',
      'Newcastle has a strong software and data community that most people in London have never heard of.',
      '[ib] Our company in {city} exports software to thirty countries and hardly anyone here knows we exist.',
    ],
    effects: [
      'Confidence is contagious: show a few wins and others will follow.',
      'Investors trust other investors far more than they trust a glossy brochure.',
    ],
    asks: [
      'run investor visits so people can see northern firms at work',
      'publish case studies of companies that have grown here',
      'use successful local founders as ambassadors',
    ],
    short: ['more promotion of local success stories', 'showcasing what we already have'],
  }),
  theme('university research commercialisation', ['research'], 0.9, {
    claims: [
      'the universities produce world-leading research but too little of it turns into businesses here',
      'spin-outs from northern universities often end up being bought and moved south',
      'the link between university research and industry is still too weak',
      'universities need to make it easier and cheaper for companies to use their research',
    ],
    details: [
      'Graphene was discovered in Manchester but a lot of the commercial value went elsewhere.',
      '[iba] Our spin-out from a university in {city} took almost two years to agree the licensing terms.',
      'The advanced manufacturing research centres around Sheffield are a great model that should be copied.',
    ],
    effects: [
      'Turning research into companies creates exactly the kind of high-value jobs investors want to be near.',
      'Every spin-out that leaves takes its future jobs with it.',
    ],
    asks: [
      'back spin-outs with patient capital so they can grow here',
      'simplify university licensing and IP deals',
      'fund joint research centres between universities and industry',
    ],
    short: ['more spin-outs', 'turning research into businesses'],
  }),
  theme('long-term political stability and funding certainty', ['governance'], 1, {
    claims: [
      "investors need to know the plans won't be scrapped after the next election",
      'the North has had far too many initiatives that come and go',
      'short-term funding pots make it impossible to plan anything',
      'constant changes of policy have damaged trust with investors',
    ],
    details: [
      "I've lost count of the number of northern growth schemes I've seen launched and quietly dropped.",
      'The Northern Powerhouse was announced with lots of fanfare and then it just faded away.',
      '[blva] Our last funding award in {city} was for one year only, so we could not recruit permanent staff.',
    ],
    effects: [
      'Without stability, investors simply wait and see, or go elsewhere.',
      'People have become cynical, and that cynicism is hard to undo.',
    ],
    asks: [
      'commit funding for at least ten years',
      'get cross-party backing so TechNorth survives a change of government',
      'give the northern mayors control over long-term budgets',
    ],
    short: ['long-term funding', 'long-term commitment', 'stability'],
  }),
  theme('spread benefits beyond the city centres', ['towns'], 1.1, {
    claims: [
      'investment always seems to go to the city centres while the towns get nothing',
      "TechNorth can't just be about Manchester and Leeds city centres",
      'places like {town} have cheaper land and hard-working people and are always overlooked',
      'the benefits need to reach the towns and the outer estates, not just the shiny new developments',
    ],
    details: [
      'In {town} the high street is half empty and most of the new jobs are warehouse work.',
      'Every new tech office seems to end up within half a mile of {city} station.',
      "I live in {town} and I can't think of a single tech company there.",
    ],
    effects: [
      'If the towns feel left behind again, people will lose faith in the whole project.',
      'Spreading investment would take pressure off city-centre housing and transport too.',
    ],
    asks: [
      'set targets for investment in towns, not just cities',
      'offer extra incentives to firms that set up outside the city centres',
      'create tech hubs in town centres with good links to the main cities',
    ],
    short: ['investment in the towns', 'jobs outside the big cities'],
  }),
  theme('scepticism about value for money', ['sceptic'], 0.8, {
    claims: [
      'this sounds like another expensive scheme that will mostly benefit consultants',
      "it isn't obvious that public money should be spent attracting tech firms at all",
      "we've heard all this before and nothing ever changes",
      'the money would be better spent on basic services',
    ],
    details: [
      'Millions were spent on branding the last northern initiative and I could not tell you what it achieved.',
      "In {town} the library has closed and the buses have been cut, but apparently there's money for this.",
      'Big companies take the grants, stay a few years and then leave.',
    ],
    effects: [
      'Ordinary people will not see any benefit.',
      'It will be the same people in suits going to the same events.',
    ],
    asks: [
      'publish exactly what the money will be spent on and what it has achieved',
      'spend the money on schools, buses and hospitals instead',
    ],
    short: ['less waste', 'no more quangos'],
  }),
  theme('use brownfield sites and protect green space', ['green'], 0.5, {
    claims: [
      'new tech campuses should be built on brownfield land, not on the green belt',
      'there are plenty of empty offices and derelict sites that should be used first',
      "green space is part of what makes the North attractive and it shouldn't be sacrificed",
    ],
    details: [
      "There's a huge derelict site next to the canal in {city} that has been empty for twenty years.",
      'The business park proposed near {town} would destroy fields people have walked on for generations.',
      "Half the office blocks on the main road into {city} have 'to let' signs on them.",
    ],
    effects: ['Building on green fields would turn local communities against TechNorth.'],
    asks: [
      'adopt a brownfield-first policy for all TechNorth developments',
      'refurbish empty buildings before building anything new',
    ],
    short: ['brownfield development first', 'protection for the green belt'],
  }),
];

const Q2_THEMES: ThemeDef[] = [
  theme('affordable housing near tech jobs', ['housing'], 1.4, {
    claims: [
      'rents near the city centres have gone up far faster than graduate pay',
      "graduates can't afford to live anywhere near where the tech jobs actually are",
      'housing is the single biggest thing pushing young people out',
      'the new flats going up in {city} are aimed at investors, not at people on a starting salary',
      'decent, affordable places to rent close to the tech offices would make a real difference',
    ],
    details: [
      "A one-bed flat in central {city} is now {rent} a month, which is most of a junior developer's take-home pay.",
      'My daughter is on a graduate scheme in {city} and still lives at home because nothing near the office is affordable.',
      'I pay more than half my salary in rent for a flat in {city} that has mould in the bathroom.',
      'Everyone I graduated with who stayed is either living with their parents or commuting an hour each way from {town}.',
      'The build-to-rent blocks around {city} station look lovely, but they are priced like London.',
    ],
    effects: [
      'If people cannot get on the housing ladder here, the one advantage we had over London disappears.',
      'Once people leave for somewhere cheaper or better paid, they rarely come back.',
      'It ends up being only the graduates with well-off parents who can afford to stay.',
    ],
    asks: [
      'require a share of genuinely affordable homes in any new development near the tech hubs',
      'work with housing associations on key-worker style rents for graduates in their first few years',
      'offer help with deposits for graduates who take a job with a northern tech firm',
      'build homes on the brownfield land around the stations instead of another car park',
    ],
    short: ['cheaper rents near the jobs', 'affordable housing', 'decent flats young people can afford'],
  }),
  theme('graduate salaries vs London', ['pay'], 1.5, {
    claims: [
      'the pay gap with London is still far too big',
      'starting salaries in northern tech firms are simply not competitive',
      'London firms will pay a new graduate ten thousand pounds more for the same job',
      'graduates follow the money, and the money is still in the South East',
      'employers here use lower living costs as an excuse to pay less',
    ],
    details: [
      "I was offered {sal} by a software company in {city} and {salL} for the same role in London, so it wasn't a hard decision.",
      'Half my course mates in {city} moved to London within a year, and the salaries were the main reason.',
      "A junior data analyst in {city} can expect maybe {sal}, and living costs here aren't that much lower any more.",
      '{rel} did a computing degree in {city} and the best local offer was barely above the minimum wage.',
    ],
    effects: [
      'Until the salaries are closer, the best graduates will keep getting on the train south.',
      'Lower living costs only go so far when rents and bills keep climbing.',
      'Low pay also means firms here end up training people who then leave for London after two years.',
    ],
    asks: [
      'make fair starting salaries a condition of any TechNorth grant or contract',
      'publish salary benchmarks so graduates can see what northern tech jobs really pay',
      'help smaller firms match London pay for the first two or three years through a salary top-up',
      'get firms to be upfront about pay in every job advert',
    ],
    short: ['better pay', 'salaries that match London', 'more money for graduates'],
  }),
  theme('transport between cities', ['transport'], 1.2, {
    claims: [
      'getting between the northern cities by train is slow, expensive and unreliable',
      "you can't build a career across the North when the trains between {city} and {city2} are this bad",
      'poor transport means graduates are stuck looking for jobs in just one city',
      'public transport after ten at night is almost non-existent outside the centres',
    ],
    details: [
      'My commute from {city} to {city2} is supposed to take an hour but the train is regularly cancelled or standing room only.',
      'A season ticket between {city} and {city2} costs more than I spend on food.',
      "I've turned down a job in {city2} because getting there from {city} by train was just too unreliable.",
      'It is quicker to get to London from {city} than to get to some parts of {city2}.',
    ],
    effects: [
      'If the cities were properly linked, a graduate could live in one and work in any of the others.',
      "People end up buying cars they can't afford, or moving south where the transport works.",
      'Bad transport makes the whole North feel smaller as a job market than it really is.',
    ],
    asks: [
      'get on with building proper fast rail links across the Pennines',
      'offer discounted rail passes for apprentices and graduates in their first jobs',
      'sort out the late-night buses and trams so people can actually get home',
      'push for one ticket that works on trains, trams and buses in all five cities',
    ],
    short: ['better trains', 'reliable trains between the cities', 'cheaper transport'],
  }),
  theme('remote and hybrid work', ['digital'], 1, {
    claims: [
      'remote working means people can now earn a London salary while living in the North',
      'hybrid working has changed everything, and the North should take advantage of it',
      'a lot of graduates would stay if they could work flexibly for firms based anywhere',
      'employers here are still too attached to five days a week in the office',
    ],
    details: [
      'I work remotely for a company based in London and live in {city}, and I would never go back.',
      'Several of my friends in {city} work for London or even American firms from home, and they spend their money locally.',
      'The co-working spaces in {city} are full of people doing exactly this.',
      '{rel} works two days a week in the office in {city2} and the rest from home in {town}, which works really well.',
    ],
    effects: [
      'That keeps skilled people, and their spending, in northern communities.',
      'It also means the towns outside the big cities get some of the benefit.',
      'But it only works if the broadband is good enough wherever people live.',
    ],
    asks: [
      'invest in good co-working spaces in town centres, not just the big cities',
      'market the North as the best place in the UK to work remotely',
      'encourage local employers to offer proper hybrid working',
    ],
    short: ['remote working', 'flexible working', 'hybrid jobs'],
  }),
  theme('start-up support for graduates', ['startups'], 1, {
    claims: [
      'there is not enough support for graduates who want to start their own tech business',
      'start-up funding in the North is a fraction of what is available in London and Cambridge',
      'graduates with good ideas end up moving south to find investors',
      'the incubators here are good but massively oversubscribed',
    ],
    details: [
      'I tried to get seed funding for an app in {city} and every investor I spoke to wanted me to move to London.',
      'The incubator at the university in {city} had a waiting list of over a year.',
      "Two friends from my course started a games studio in {city} and nearly went under because they couldn't get a small loan.",
      'There are some great accelerators in {city}, but almost nothing in places like {town}.',
    ],
    effects: [
      'Every start-up that leaves takes future jobs with it.',
      "A few successful start-ups would do more for the North's reputation than any advertising campaign.",
    ],
    asks: [
      'set up a proper northern seed fund for graduate founders',
      'give graduate founders free desk space and mentoring for their first year',
      'offer a start-up stipend so graduates can afford to build something instead of taking the first job going',
      'connect new founders with people who have already built successful companies here',
    ],
    short: ['start-up grants', 'funding for new businesses', 'help to start a business'],
  }),
  theme('university-industry placements', ['skills'], 1.1, {
    claims: [
      'students need far more contact with local employers while they are still studying',
      'placement years with northern firms are the best way to keep graduates here',
      "universities and local tech companies don't talk to each other enough",
      'most students have no idea what tech companies exist on their own doorstep',
    ],
    details: [
      'I did a placement year at a small software firm in {city}, they offered me a job and I am still there five years later.',
      'When I studied in {city} the careers fair was dominated by big London consultancies.',
      '[ib] Our company takes two placement students a year from the university in {city} and most of them come back to work for us.',
      '{rel} had to go to London for a summer internship because nothing local was advertised.',
    ],
    effects: [
      'Once students build links with a local employer, they are much more likely to stay.',
      'Without that contact, the London recruiters get there first.',
    ],
    asks: [
      'fund paid placements in small and medium-sized firms, not just the big names',
      'run a single placements scheme across all the northern universities',
      'get local tech firms into the universities from the first year, not the last',
      "pay students properly on placements so it isn't only those who can afford it",
    ],
    short: ['paid placements', 'internships with local firms', 'more work experience'],
  }),
  theme('cultural life and quality of place', ['culture'], 0.9, {
    claims: [
      'young people want somewhere they enjoy living, not just a job',
      'the North has fantastic culture, music and countryside and should shout about it',
      'city centres need to be places people want to spend their evenings in, not just work in',
      "quality of life is the North's big selling point",
    ],
    details: [
      "{city} has a brilliant music scene and proper countryside half an hour away, which you can't say about London.",
      'Lots of people I know moved back to {city} once they realised how much more of a life they could have here.',
      'Venues and independent shops in {city} keep closing, and it makes the place feel less exciting.',
      'I moved to {city} for the nightlife and the people, and the job came second.',
    ],
    effects: [
      'If a place feels lively and welcoming, people put down roots.',
      'Dead town centres send a message that there is no future here.',
    ],
    asks: [
      'support grassroots music venues, galleries and independent businesses',
      'invest in green spaces and safe, walkable city centres',
      'sell the lifestyle, not just the jobs',
    ],
    short: ['more things to do', 'nicer town centres', 'culture and nightlife'],
  }),
  theme('brain drain to London', ['pay'], 1.2, {
    claims: [
      'the North trains brilliant graduates and then loses them to London',
      'there is still a feeling that you have to go to London to get on in tech',
      "every year the best students leave and don't come back",
      'the brain drain has been going on for decades and nothing has really changed',
    ],
    details: [
      'Of the twenty people on my computer science course in {city}, only four still live in the North.',
      'I left {city} for London at 22 and only came back at 35 when I had kids.',
      "Teachers in {town} still tell bright kids that they'll have to leave to succeed.",
      '{rel} is one of the most talented coders I know and moved to London the week after graduating.',
    ],
    effects: [
      'That is a huge waste of the money spent educating people here.',
      'It becomes self-fulfilling: the talent leaves, so the firms leave, so more talent leaves.',
    ],
    asks: [
      'track where graduates go and set a real target for keeping them',
      'offer incentives for people who left to come back',
      'make sure graduates hear about northern opportunities before the London recruiters reach them',
    ],
    short: ['an end to the brain drain', "jobs so people don't have to move to London", 'reasons to stay'],
  }),
  theme('visible career progression and senior roles', ['pay'], 0.8, {
    claims: [
      'there are plenty of junior roles but very few senior ones',
      'graduates stay for their first job but leave when they want to progress',
      'most of the senior and leadership jobs in tech are still based in London',
      'people need to see a career path here, not just a starting job',
    ],
    details: [
      'After three years in {city} I hit a ceiling, and every senior role I looked at was in London or remote for a London team.',
      'Big firms open offices in {city} for support and testing, but the interesting work and the decisions happen elsewhere.',
      "I've watched colleagues in {city} get to mid-level and then move on because there was nowhere left to go.",
    ],
    effects: [
      'Without senior roles, the North just becomes a training ground for London.',
      'It also means there are fewer role models for young people coming through.',
    ],
    asks: [
      'encourage firms to put headquarters functions and senior jobs in the North',
      'support mentoring and leadership programmes for mid-career tech staff',
      'judge inward investment by the quality of the jobs, not just the number',
    ],
    short: ['better career prospects', 'senior jobs in the North', 'chances of promotion'],
  }),
  theme('student debt and cost of living support', ['housing'], 0.8, {
    claims: [
      'graduates are starting out with huge debts and rising bills',
      'the cost of living is making it very hard for new graduates to get started anywhere',
      'student loan repayments take a big chunk out of already low starting salaries',
    ],
    details: [
      'I finished my degree in {city} with over £50,000 of debt and my first job barely covered the rent and bills.',
      "{rel} is working in a call centre in {city} while looking for a tech job, because there's no money to wait around.",
      'Energy and council tax bills have gone up far faster than any pay rise I have had.',
    ],
    effects: ['When money is that tight, people go wherever the pay is highest, which is usually London.'],
    asks: [
      'help with student loan repayments for graduates who stay and work in northern tech firms',
      'offer a council tax discount for graduates in their first two years of work',
      'give a settling-in grant to graduates who take jobs in the North',
    ],
    short: ['help with student debt', 'help with the cost of living', 'loan forgiveness for staying'],
  }),
];

const Q3_THEMES: ThemeDef[] = [
  theme('digital skills in schools', ['skills'], 1.3, {
    claims: [
      'it has to start in schools, long before university',
      'computing teaching in schools is patchy at best',
      "there aren't enough specialist computing teachers",
      'children need to learn to build things with technology, not just use it',
    ],
    details: [
      "My son's school in {city} hasn't had a qualified computing teacher for two years.",
      "Only three girls in my daughter's year at school in {city} took computer science at GCSE.",
      'The after-school code club in {town} is run by volunteers and has a waiting list.',
      "As a secondary teacher in {city}, I'm teaching computing on laptops that are ten years old.",
    ],
    effects: [
      'By the time young people reach sixteen, many have already decided tech is not for them.',
      'If we get it right in schools, the pipeline takes care of itself.',
    ],
    asks: [
      'fund bursaries to bring industry professionals into teaching computing',
      'get local tech companies into every secondary school',
      'make sure every primary school has decent equipment',
    ],
    short: ['coding in schools from a young age', 'better computing lessons', 'more computing teachers'],
  }),
  theme('adult retraining and career changers', ['skills'], 1.4, {
    claims: [
      'there are thousands of adults who could move into tech with the right support',
      'retraining people already in work is the fastest way to fill the skills gap',
      'people in their 30s, 40s and 50s are too often ignored in skills plans',
      'career changers bring experience that employers really value',
    ],
    details: [
      'I retrained from retail management to software testing at 41, and it changed my life, but I had to pay for it myself.',
      'Lots of people who lost jobs in manufacturing around {town} would jump at the chance to retrain.',
      '{rel} did a bootcamp in {city} after years in hospitality and is now a junior developer.',
      '[ib] Our best analyst used to be a nurse.',
    ],
    effects: [
      'Retraining local adults also means the new jobs go to people who already live here.',
      'Nobody should be written off at 45.',
    ],
    asks: [
      'fund retraining for adults of any age, not just under-25s',
      'offer a living allowance so people can afford to retrain',
      'work with employers to guarantee interviews for people who complete courses',
    ],
    short: ['retraining for adults', 'help for people changing careers'],
  }),
  theme('further education colleges and bootcamps', ['skills'], 1, {
    claims: [
      'FE colleges are the unsung heroes here and need proper funding',
      'short, intensive bootcamps have been very effective',
      'colleges are far better placed than universities to reach local people',
      'the quality of bootcamps varies massively and needs checking',
    ],
    details: [
      'The college in {town} runs a brilliant digital course but cannot recruit lecturers because industry pays twice as much.',
      'I paid £8,000 for a bootcamp in {city} and half of it was out of date.',
      'The local college in {city} works closely with employers and nearly all of their students get jobs.',
    ],
    effects: ['Colleges can reach people that universities never will.'],
    asks: [
      'fund FE colleges properly so they can pay lecturers a decent wage',
      'quality-mark bootcamps so people know which ones actually lead to jobs',
      'let colleges and employers design courses together',
    ],
    short: ['proper funding for colleges', 'good bootcamps'],
  }),
  theme('apprenticeships and employer-led training', ['skills'], 1.2, {
    claims: [
      'apprenticeships are the best route into tech for a lot of young people',
      'employers need to take more responsibility for training',
      'the apprenticeship levy is too rigid for small tech firms',
      'learning on the job beats classroom teaching for most people',
    ],
    details: [
      "[ib] We'd love to take on apprentices at our firm in {city}, but the paperwork is a nightmare for a business of twelve people.",
      'I did a digital apprenticeship in {city} and now lead a team of six.',
      'A lot of levy money in the North goes unspent while small firms cannot get at it.',
    ],
    effects: ['Apprentices tend to stay with the employers who trained them.'],
    asks: [
      'make it easier for small firms to take on apprentices',
      'let unspent levy money be used for shorter courses and small businesses',
      'pay apprentices a wage people can actually live on',
    ],
    short: ['more apprenticeships', 'on-the-job training'],
  }),
  theme('flexible and part-time delivery', ['skills'], 1, {
    claims: [
      'training needs to fit around work and family life',
      "most people can't stop working for six months to retrain",
      'courses need to be available in the evenings, at weekends and online',
      'childcare is a massive barrier for parents who want to retrain',
    ],
    details: [
      "I'm a single mum in {city} and every course I looked at was nine to five on weekdays.",
      'I did my data course online in the evenings after the kids were in bed.',
      'People in {town} would have to travel an hour each way to the nearest course in {city}.',
    ],
    effects: ['Flexible courses open up tech to people who would otherwise never get the chance.'],
    asks: [
      'offer part-time and evening options for every course',
      'fund childcare while people are studying',
      'deliver courses locally in libraries and community centres, not just on city campuses',
    ],
    short: ['evening and online courses', 'flexible courses', 'childcare while training'],
  }),
  theme('basic digital inclusion', ['skills'], 0.9, {
    claims: [
      'before any advanced skills, a lot of people still need the basics',
      'many older people and people on low incomes are being left behind',
      'digital exclusion is still a big problem in parts of the North',
    ],
    details: [
      "[vla] At our community centre in {town} we help people every week who can't fill in an online form.",
      "My mum is 78 and can't book a doctor's appointment online without help.",
      'Lots of families in {city} are still sharing one phone for everything, including homework.',
    ],
    effects: [
      "If we don't fix the basics, the gap between those who benefit from tech and those who don't will keep growing.",
    ],
    asks: [
      'fund free basic digital skills sessions in libraries and community centres',
      "provide refurbished laptops and data for people who can't afford them",
      'remember the people who will never work in tech but still need to use it',
    ],
    short: ['basic computer skills', "help for people who aren't online"],
  }),
  theme('AI and data skills', ['skills'], 1.2, {
    claims: [
      'AI and data skills are where demand is growing fastest',
      'every business is going to need people who understand AI',
      'data skills are needed across every sector, not just tech',
      'the North has a chance to lead on AI if it moves quickly',
    ],
    details: [
      '[ib] We have had a data engineer vacancy in {city} open for six months.',
      'The NHS trust in {city} has huge amounts of data and very few people able to use it properly.',
      "The AI course I did online was American and didn't cover anything about UK data law.",
    ],
    effects: ["If we don't build these skills now, the jobs will go elsewhere."],
    asks: [
      'fund short AI and data courses for people already in work',
      'help small businesses understand how to use AI safely',
      'build data skills into non-tech courses, from nursing to business studies',
    ],
    short: ['AI skills', 'data skills', 'data and AI training'],
  }),
  theme('cyber security skills', ['skills'], 0.7, {
    claims: [
      'cyber security is a massive shortage area',
      "the North could become the UK's centre for cyber security",
      'small businesses are very exposed to cyber attacks and have no expertise in-house',
    ],
    details: [
      '[ib] We have been trying to recruit a cyber security specialist in {city} for over a year.',
      'A small firm near us in {town} lost thousands after a ransomware attack.',
      'There is already a sizeable cyber cluster developing around {city}.',
    ],
    effects: ['Cyber skills protect every other business in the region.'],
    asks: ['create a northern cyber academy with employers', 'offer free cyber basics training for small businesses'],
    short: ['cyber security', 'cyber skills'],
  }),
  theme('diversity and under-represented groups', ['diversity'], 0.9, {
    claims: [
      'tech is still far too male and far too white',
      'we need to reach people who would never think tech is for them',
      'women, disabled people and some ethnic minority groups are badly under-represented in tech',
      'people from working-class backgrounds rarely see tech as an option',
    ],
    details: [
      "I'm usually the only woman in the room at tech meetups in {city}.",
      "Young people from the estates in {city} don't know anyone who works in tech.",
      '[v] Our programme for refugees in {city} has placed forty people into digital jobs.',
      "As a deaf developer, I've found most training courses aren't accessible at all.",
    ],
    effects: ['Widening who gets into tech is the quickest way to grow the workforce.'],
    asks: [
      'fund outreach in communities that are under-represented in tech',
      'make every funded course accessible to disabled people',
      'set diversity targets for funded programmes and publish the results',
    ],
    short: ['more women in tech', 'outreach to under-represented groups'],
  }),
  theme('funding and cost of courses', ['skills'], 1, {
    claims: [
      'the cost of courses puts people off',
      'training should be free for people who are out of work or on low incomes',
      'the funding rules are far too complicated',
      "people can't afford to take a pay cut to retrain",
    ],
    details: [
      "I wanted to do a cloud certification but it cost £1,500 and I couldn't afford it.",
      '[av] The funding rules changed three times while we were trying to run a course in {city}.',
      'Adult education budgets have been cut year after year.',
    ],
    effects: ["Cost shouldn't decide who gets the chance to move into a good job."],
    asks: [
      'make courses free for anyone earning under the average wage',
      "simplify the funding system so providers aren't spending half their time on paperwork",
      'give adults a personal learning account they can spend on approved courses',
    ],
    short: ['free courses', 'funding for training'],
  }),
  theme('soft skills and employability', ['skills'], 0.7, {
    claims: [
      "technical skills aren't enough on their own; communication and teamwork matter just as much",
      'graduates often lack the practical skills employers look for',
      'confidence and interview skills are often what holds people back',
    ],
    details: [
      "[ib] We interview plenty of candidates in {city} who can code but can't explain what they've done.",
      '[ib] Half of our graduate hires need coaching on basics like working with clients.',
    ],
    effects: ['People with the right attitude can be taught the technical side.'],
    asks: [
      'build project work and teamwork into every course',
      'offer mentoring and interview practice alongside technical training',
    ],
    short: ['communication skills', 'employability skills'],
  }),
];

const Q4_THEMES: ThemeDef[] = [
  theme('faster rail links between cities', ['transport'], 1.6, {
    claims: [
      'none of this works without proper rail links between the five cities',
      'the cities will never work as one cluster until the trains are fixed',
      'a fast, reliable east-west rail line is the foundation for everything else',
    ],
    details: [
      'Getting from {city} to {city2} by train takes far too long for such a short distance.',
      "I go to meetups in {city2} but it's a gamble whether I'll get a train home.",
      'Liverpool to Newcastle is a direct train but it still takes around three hours.',
    ],
    effects: ['With faster trains, the five cities would have the combined workforce of a major global city.'],
    asks: [
      'build Northern Powerhouse Rail in full',
      'improve the existing lines now instead of waiting twenty years',
      'introduce a single ticket across all the northern cities',
    ],
    short: ['faster trains', 'better rail links'],
  }),
  theme('each city plays to its specialism', ['marketing'], 1.1, {
    claims: [
      "each city should focus on what it's already good at",
      'the cities should complement each other rather than all trying to do the same thing',
      'a bit of specialisation would make the whole North stronger',
    ],
    details: [
      'Leeds is strong on fintech and health data, Manchester on digital and AI, Sheffield on advanced manufacturing, Liverpool on games and creative tech and Newcastle on software and data.',
      '{city} and {city2} are both trying to build a cyber cluster, which seems a waste.',
      'When a company comes to {city} looking for games talent, they should be pointed to Liverpool, not turned away.',
    ],
    effects: ['Clear specialisms make it easier for investors to know where to go.'],
    asks: [
      'agree a clear specialism for each city and back it properly',
      'map the strengths of each cluster so everyone knows who does what',
    ],
    short: ['each city playing to its strengths', 'a specialism for each city'],
  }),
  theme('shared governance and joint board', ['governance'], 1, {
    claims: [
      'TechNorth needs a proper joint board with the five cities as equal partners',
      'the mayors and combined authorities need to actually work together, not just sign statements',
      'there has to be clear governance and accountability',
      'business and the universities need to be at the table, not just politicians',
    ],
    details: [
      'Previous partnerships had no real powers and the meetings just became talking shops.',
      "[ial] I've sat on joint boards before where every decision had to go back to five separate councils.",
    ],
    effects: ['Without clear governance, decisions will be slow and everyone will blame each other.'],
    asks: [
      'set up a small joint board with real decision-making powers',
      'include industry, universities and unions on the board',
      'publish minutes and decisions so people can see what is happening',
    ],
    short: ['a proper joint board', 'shared leadership'],
  }),
  theme('avoid Manchester dominating', ['governance'], 1, {
    claims: [
      'Manchester already gets most of the attention and most of the money',
      "this can't just become a Manchester project with the others tagging along",
      'the smaller cities worry they will lose out to Manchester and Leeds',
      'there needs to be fairness between the cities',
    ],
    details: [
      'Every time there is a big northern announcement it seems to be launched in Manchester.',
      'People in {city} already feel like the poor relation.',
      'Newcastle is often treated as an afterthought in these plans.',
    ],
    effects: ['If one city dominates, the others will lose interest.'],
    asks: [
      'rotate the headquarters and the chair between the cities',
      'guarantee each city a fair share of the funding',
    ],
    short: ['fair shares for every city', 'fairness between the cities'],
  }),
  theme('joint events and networks', ['culture'], 0.9, {
    claims: [
      'people in the different clusters hardly know each other',
      'more shared events and networks would help people connect across the cities',
      'the tech communities in each city are quite inward-looking',
    ],
    details: [
      "I've worked in tech in {city} for {years} years and barely know anyone in {city2}.",
      'The tech festival in {city} was brilliant but hardly anyone came from the other cities.',
      'Meetups in {city} and {city2} cover exactly the same topics but never talk to each other.',
    ],
    effects: ['Personal connections are what make clusters work.'],
    asks: [
      'run a big annual TechNorth festival that moves between the cities',
      'create a shared online directory of firms, meetups and experts',
      'fund cross-city meetups and exchanges',
    ],
    short: ['joint events', 'more networking between the cities'],
  }),
  theme('joint international marketing', ['marketing'], 0.8, {
    claims: [
      'the five cities should go to international investors as one team',
      'competing against each other abroad is self-defeating',
      'together the cities have the scale to compete with the big European tech hubs',
    ],
    details: [
      'Delegations from {city} and {city2} have turned up at the same trade fair pitching against each other.',
      'Investors from abroad see the North as one place anyway.',
    ],
    effects: ["Together they'd have the scale to rival Berlin or Amsterdam."],
    asks: ['pool the international marketing budgets', 'have one investment team that represents all five cities'],
    short: ['joint marketing', 'one voice abroad'],
  }),
  theme('shared funding pot and fair allocation', ['governance'], 0.8, {
    claims: [
      'the money should be pooled and allocated on merit, not split five ways',
      'funding should be distributed fairly and transparently',
      'the cities waste far too much time competing for small pots of money',
    ],
    details: [
      '[blva] We spent months on a bid in {city} for a fund that was then split into pieces too small to do anything with.',
      'Every funding round pits the northern cities against each other.',
    ],
    effects: ['Pooled funding would allow bigger projects that benefit everyone.'],
    asks: [
      'create a single pooled fund with clear, published criteria',
      'stop making the cities compete for small pots',
    ],
    short: ['pooled funding', 'fair funding'],
  }),
  theme('include towns and smaller places', ['towns'], 1, {
    claims: [
      "it can't only be about the five cities",
      'the towns between the cities need to be part of the cluster too',
      'places like {town} have talent and cheaper space and should be included',
    ],
    details: [
      '{town} is half an hour from {city} but might as well be on another planet for all the tech investment it gets.',
      'Lots of tech workers live in the towns and commute in, so the towns are already part of it.',
    ],
    effects: ['Including the towns would spread the benefits and ease the pressure on the cities.'],
    asks: ['give the towns a voice in the governance', 'set up satellite hubs in the towns'],
    short: ['a role for the towns', 'something for the towns as well'],
  }),
  theme('talent mobility and shared job board', ['skills'], 0.8, {
    claims: [
      'people should be able to move easily between jobs in different cities',
      'a shared jobs market across the North would help firms and workers alike',
      'talent should be shared between the clusters, not fought over',
    ],
    details: [
      "[ib] When we couldn't find a developer in {city}, we had no easy way to advertise across the North.",
      "I'd happily work in {city2} but I didn't even know about most of the jobs there.",
    ],
    effects: ['A bigger jobs market makes the North more attractive to workers and employers.'],
    asks: [
      'create a single TechNorth jobs board',
      'support secondments between firms and universities in different cities',
    ],
    short: ['a shared job board', 'talent sharing'],
  }),
  theme('less bureaucracy and fewer talking shops', ['sceptic'], 0.9, {
    claims: [
      'the last thing we need is another layer of bureaucracy',
      'too many partnerships produce reports and nothing else',
      'it should be kept simple and focused on delivery',
    ],
    details: [
      "I've been to five launch events for northern initiatives and none of them delivered anything.",
      "Small firms in {city} don't have time for endless consultations and steering groups.",
    ],
    effects: ['Businesses will only engage if they see real results.'],
    asks: [
      'keep the organisation small and focused on delivery',
      'measure success by jobs and investment, not by reports and events',
    ],
    short: ['less talk, more action', 'less red tape'],
  }),
];

interface OpenQ {
  code: string;
  text: string;
  rate: number;
  topic: string;
  themes: ThemeDef[];
  fillers: string[];
}

const OPEN_QUESTIONS: OpenQ[] = [
  {
    code: 'Q1',
    text: 'How can TechNorth attract more inward investment to the North?',
    rate: 0.9,
    topic: 'inward investment',
    themes: Q1_THEMES,
    fillers: [
      'The North has a lot going for it, but investors have a lot of choice.',
      'Investment decisions are often made on perception as much as on facts.',
      'We should be honest that the North has been here before.',
      'Inward investment is a competitive business and other regions are not standing still.',
    ],
  },
  {
    code: 'Q2',
    text: 'What would help keep technology graduates working in the North?',
    rate: 0.86,
    topic: 'keeping graduates in the North',
    themes: Q2_THEMES,
    fillers: [
      'Graduates have more choice than ever about where they live and work.',
      'It is not one thing that makes people stay, it is a combination of things.',
      'The decision to stay or leave is usually made in the final year of university or the first couple of years after.',
      'Young people are not short of ambition; they are short of reasons to stay.',
    ],
  },
  {
    code: 'Q3',
    text: 'What skills and retraining are most needed, and how should they be delivered?',
    rate: 0.8,
    topic: 'skills and retraining',
    themes: Q3_THEMES,
    fillers: [
      'Skills are the foundation of everything else in this consultation.',
      'There is no single answer to this question, because different people need different things.',
      'Technology changes so quickly that any skills plan needs to be reviewed regularly.',
      'The skills system is complicated enough already, so whatever is done should make it simpler.',
    ],
  },
  {
    code: 'Q4',
    text: "How should the five cities' technology clusters work together?",
    rate: 0.72,
    topic: 'how the five cities work together',
    themes: Q4_THEMES,
    fillers: [
      'The five cities have more in common than they sometimes admit.',
      'Collaboration is easy to talk about and hard to do.',
      'There is a long history of rivalry between the northern cities, some of it healthy and some of it not.',
      'The cities are small by international standards, which is exactly why they need each other.',
    ],
  },
];

const AGREE = ['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'] as const;
type Agree = (typeof AGREE)[number];
const PRIORITIES: Priority[] = ['Skills', 'Transport', 'Digital infrastructure', 'Business support', 'Research'];

const QUESTIONS: SampleQuestion[] = [
  ...OPEN_QUESTIONS.map((q): SampleQuestion => ({ code: q.code, text: q.text, kind: 'open' })),
  {
    code: 'Q5',
    text: 'To what extent do you agree that TechNorth should be led by the five city regions jointly?',
    kind: 'closed',
    options: [...AGREE],
  },
  {
    code: 'Q6',
    text: 'To what extent do you agree that TechNorth funding should reach towns and rural areas, not only the five cities?',
    kind: 'closed',
    options: [...AGREE],
  },
  {
    code: 'Q7',
    text: 'Which one of the following should be the top priority for TechNorth funding?',
    kind: 'closed',
    options: [...PRIORITIES],
  },
];

const TAG_PRIORITY: Partial<Record<Tag, Priority>> = {
  transport: 'Transport',
  digital: 'Digital infrastructure',
  skills: 'Skills',
  startups: 'Business support',
  research: 'Research',
  diversity: 'Skills',
  marketing: 'Business support',
};

// ---------------------------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------------------------

interface CampaignTemplate {
  /** Paragraphs, each a list of sentences. */
  paras: string[][];
  themes: string[];
}

interface CampaignDef {
  id: string;
  size: number;
  defaultCity: string;
  /** Launch days (0 = opening day) and the share of members answering in each wave. */
  waves: (readonly [number, number])[];
  channels: (readonly [Channel, number])[];
  concerns: Tag[];
  stance: (readonly [Stance, number])[];
  templates: Record<string, CampaignTemplate>;
  /** Probability that a member answers a question outside the template. */
  otherRate: number;
  pre: string[];
  post: string[];
  swaps: (readonly [string, string])[];
  priority: Priority;
}

type Stance = 'support' | 'mixed' | 'oppose';

const CAMPAIGNS: CampaignDef[] = [
  {
    id: 'ntwu-fair-pay',
    size: 80,
    defaultCity: 'Manchester',
    waves: [
      [42, 0.7],
      [77, 0.3],
    ],
    channels: [
      ['online', 0.72],
      ['email', 0.28],
    ],
    concerns: ['pay'],
    stance: [
      ['support', 0.3],
      ['mixed', 0.6],
      ['oppose', 0.1],
    ],
    templates: {
      Q2: {
        paras: [
          [
            "I am responding as a member of the Northern Tech Workers' Union.",
            'Graduates leave the North for one simple reason: the pay is not good enough.',
            'The same job in {city} can pay a third less than it does in London.',
          ],
          [
            'TechNorth must make fair pay a condition of every grant, loan and contract it hands out.',
            'Any company receiving public money should pay at least the real Living Wage, recognise trade unions and publish its gender pay gap.',
          ],
          ['Good jobs keep people here. Low pay sends them south.'],
        ],
        themes: ['graduate salaries vs London', 'brain drain to London'],
      },
      Q3: {
        paras: [
          [
            'Retraining only works if working people are given the time and the money to do it.',
            'TechNorth should guarantee paid time off for training for anyone moving into a digital role, and all courses should be free at the point of use.',
          ],
          [
            'Unions must have a seat at the table when skills programmes are designed.',
            'Workers know what training they need, and too many courses are built around what providers want to sell rather than what people need.',
          ],
          ['Nobody should have to choose between paying the bills and learning new skills.'],
        ],
        themes: ['adult retraining and career changers', 'funding and cost of courses'],
      },
    },
    otherRate: 0.45,
    pre: [
      "I'm a software tester in {city}.",
      "I've worked in IT support in {city} for {years} years.",
      'As a union rep at a tech firm in {city}, I see this every day.',
      "I'm writing this on my lunch break.",
      'I work in a call centre for a tech company in {city}.',
    ],
    post: ['Fair pay now.', 'Please listen to the people who actually do the work.', 'Thank you.', 'Solidarity.'],
    swaps: [
      ['must', 'should'],
      ['simple', 'basic'],
      ['Low pay', 'Poverty pay'],
      ['hands out', 'gives out'],
      ['at least', 'no less than'],
      ['too many', 'far too many'],
    ],
    priority: 'Skills',
  },
  {
    id: 'rail-north-now',
    size: 62,
    defaultCity: 'Leeds',
    waves: [
      [21, 0.6],
      [56, 0.4],
    ],
    channels: [
      ['online', 0.8],
      ['email', 0.2],
    ],
    concerns: ['transport'],
    stance: [
      ['support', 0.55],
      ['mixed', 0.4],
      ['oppose', 0.05],
    ],
    templates: {
      Q4: {
        paras: [
          [
            'The five cities can only work together as one tech cluster if people can travel between them quickly and reliably.',
            'Right now, journeys between {city} and {city2} take far longer than they should, and trains are regularly cancelled or overcrowded.',
          ],
          [
            "I support Rail North Now's call for Northern Powerhouse Rail to be built in full, including a new line through Bradford, and for simple, London-style ticketing across the North.",
          ],
          [
            'Without decent rail links, TechNorth will remain five separate clusters competing with each other instead of one economy of fifteen million people.',
          ],
        ],
        themes: ['faster rail links between cities'],
      },
      Q1: {
        paras: [
          [
            'Investors will not come to the North while our cities are so poorly connected.',
            'Businesses need to move staff and clients between {city} and the rest of the North quickly, and at the moment they simply cannot.',
          ],
          [
            'The single most important thing TechNorth can do for inward investment is to back the Rail North Now campaign for Northern Powerhouse Rail in full.',
          ],
        ],
        themes: ['transport connectivity between cities'],
      },
    },
    otherRate: 0.5,
    pre: [
      'I commute from {town} to {city} every day.',
      'I use the trains between {city} and {city2} most weeks for work.',
      'I run a small business in {city} and rely on the trains.',
      "I've been stuck on a cancelled train three times this month.",
    ],
    post: ['Build it now!', "We've waited long enough.", 'Thank you for reading.', 'The North deserves better.'],
    swaps: [
      ['quickly and reliably', 'quickly and cheaply'],
      ['far longer', 'much longer'],
      ['regularly', 'constantly'],
      ['single most important', 'most important'],
      ['decent', 'proper'],
      ['simply cannot', 'cannot'],
    ],
    priority: 'Transport',
  },
  {
    id: 'green-spaces-first',
    size: 42,
    defaultCity: 'Leeds',
    waves: [[70, 1]],
    channels: [
      ['online', 0.5],
      ['email', 0.38],
      ['paper', 0.12],
    ],
    concerns: ['green', 'sceptic'],
    stance: [
      ['support', 0.05],
      ['mixed', 0.35],
      ['oppose', 0.6],
    ],
    templates: {
      Q1: {
        paras: [
          ['I object to any plans to build TechNorth campuses, data centres or business parks on green belt land.'],
          [
            'There are hundreds of empty offices, disused mills and brownfield sites across {city} and the surrounding towns that should be used first.',
            'Green fields, once built on, are lost forever.',
          ],
          [
            'Our green spaces are one of the main reasons people choose to live in the North.',
            'TechNorth should adopt a strict brownfield-first policy and rule out any development on the green belt.',
          ],
        ],
        themes: ['use brownfield sites and protect green space'],
      },
    },
    otherRate: 0.35,
    pre: [
      "I've lived in {town} for {years} years.",
      'I walk my dog on the fields they want to build on.',
      'I am a member of Protect Our Green Spaces.',
      'My family has farmed near {town} for three generations.',
    ],
    post: ['Please protect our green belt.', 'Think again.', 'Once it is gone, it is gone.', 'Thank you.'],
    swaps: [
      ['object to', 'strongly object to'],
      ['hundreds of', 'plenty of'],
      ['lost forever', 'gone for good'],
      ['strict', 'clear'],
      ['one of the main reasons', 'the main reason'],
    ],
    priority: 'Skills',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Respondents: personas
// ---------------------------------------------------------------------------------------------------------------

type Verbosity = 'terse' | 'normal' | 'verbose';

interface Persona {
  type: RespondentType;
  organisation: string | null;
  city: string | null;
  channel: Channel;
  attributes: Record<string, string>;
  stance: Stance;
  verbosity: Verbosity;
  concerns: Tag[];
  campaign: CampaignDef | null;
  sector: string;
  first: string;
  last: string;
  jobTitle: string;
  /** Day index (0 = 2 March 2026) and local minute of day. */
  day: number;
  minute: number;
}

const FIRST_NAMES = [
  'Jane',
  'Mohammed',
  'Aisha',
  'Priya',
  'Tom',
  'Declan',
  'Siobhan',
  'Wei',
  'Chloe',
  'Gareth',
  'Olumide',
  'Kasia',
  'Hamza',
  'Ellie',
  'Ryan',
  'Stuart',
  'Fatima',
  'Liam',
  'Niamh',
  'Rajesh',
  'Grace',
  'Callum',
  'Zainab',
  'Paul',
  'Sandra',
  'Dave',
  'Bethany',
  'Imran',
  'Joanne',
  'Craig',
  'Mei',
  'Andrew',
  'Rebecca',
  'Tariq',
  'Lucy',
  'Gemma',
  'Kwame',
  'Sophie',
  'Adam',
  'Helen',
  'Yusuf',
  'Emma',
  'Carl',
  'Nadia',
  'Mark',
  'Louise',
  'Sean',
  'Amira',
];
const LAST_NAMES = [
  'Smith',
  'Hussain',
  'Khan',
  'Walker',
  'Thompson',
  'Robinson',
  'Wright',
  'Patel',
  'Begum',
  'Kowalski',
  'Okafor',
  'Nguyen',
  "O'Brien",
  'Clarke',
  'Ahmed',
  'Shaw',
  'Lees',
  'Hargreaves',
  'Ashworth',
  'Butterworth',
  'Holroyd',
  'Charlton',
  'Armstrong',
  'Robson',
  'Milburn',
  'Mensah',
  'Chen',
  'Fletcher',
  'Whitehead',
  'Iqbal',
  'Doyle',
  'Sutcliffe',
  'Greenwood',
  'Nowak',
  'Brennan',
  'Lister',
  'Kaur',
  'Ogunleye',
  'Barker',
  'Pickering',
];

const IND_SECTORS: (readonly [string, number])[] = [
  ['Software & IT', 16],
  ['Education', 9],
  ['Health & social care', 8],
  ['Manufacturing', 6],
  ['Financial services', 6],
  ['Public sector', 8],
  ['Retail & hospitality', 7],
  ['Creative industries', 5],
  ['Student', 12],
  ['Retired', 9],
  ['Not currently working', 5],
  ['Other', 9],
];

const AGE_BANDS: (readonly [string, number])[] = [
  ['Under 18', 1.5],
  ['18-24', 15],
  ['25-34', 24],
  ['35-44', 21],
  ['45-54', 16],
  ['55-64', 11],
  ['65+', 8],
  ['Prefer not to say', 3.5],
];

interface BizSector {
  sector: string;
  desc: string;
  words: string[];
}

const BIZ_SECTORS: BizSector[] = [
  { sector: 'Software', desc: 'software company', words: ['Software', 'Code', 'Systems', 'Digital'] },
  { sector: 'Fintech', desc: 'financial technology firm', words: ['Fintech', 'Payments', 'Ledger'] },
  { sector: 'Games', desc: 'games studio', words: ['Games', 'Interactive', 'Studios', 'Play'] },
  { sector: 'Data & AI', desc: 'data and AI consultancy', words: ['Data', 'Analytics', 'AI', 'Insight'] },
  { sector: 'Robotics & automation', desc: 'robotics and automation business', words: ['Robotics', 'Automation'] },
  { sector: 'Health tech', desc: 'health technology company', words: ['Health Tech', 'Medtech', 'Care Systems'] },
  { sector: 'Cyber security', desc: 'cyber security firm', words: ['Cyber', 'Security', 'Secure'] },
  { sector: 'Digital agency', desc: 'digital agency', words: ['Digital', 'Creative', 'Web', 'Media'] },
  {
    sector: 'Advanced manufacturing',
    desc: 'advanced manufacturing firm',
    words: ['Engineering', 'Precision', 'Photonics', 'Sensors'],
  },
];

const COINED = [
  'Ginnel',
  'Snicket',
  'Gritstone',
  'Millrace',
  'Flatcap',
  'Brightloom',
  'Cobblestone',
  'Northlight',
  'Tarn',
  'Beck',
  'Fellside',
  'Moorland',
  'Heron',
  'Kestrel',
  'Redbrick',
  'Weaver',
  'Spindle',
  'Bobbin',
  'Shuttle',
  'Anvil',
  'Forge',
  'Lantern',
  'Copperbeech',
  'Keelboat',
  'Ironstone',
  'Curlew',
  'Peregrine',
  'Coalyard',
  'Slate & Sett',
  'Tenfoot',
];

const UNIVERSITIES: (readonly [string, string])[] = [
  ['University of the Pennines', 'Manchester'],
  ['Aire Valley University', 'Leeds'],
  ['Don Valley University', 'Sheffield'],
  ['Mersey Vale University', 'Liverpool'],
  ['North Tyne University', 'Newcastle'],
  ['Irwell University', 'Manchester'],
  ['Wearside University', 'Sunderland'],
];
const UNI_DEPTS = [
  'School of Computing',
  'Department of Computer Science',
  'Business School',
  'Centre for Digital Innovation',
  'Careers Service',
  'Knowledge Exchange Office',
  'Institute for Data Science',
  'Department of Engineering',
  'Students’ Union',
  'School of Education',
];
const COLLEGES: (readonly [string, string])[] = [
  ['Irwell College', 'Manchester'],
  ['Aire Valley College', 'Leeds'],
  ['Sheaf College', 'Sheffield'],
  ['Mersey Vale College', 'Liverpool'],
  ['Ouseburn College', 'Newcastle'],
  ['Humber Vale College', 'Hull'],
  ['Ribble Moor College', 'Preston'],
  ['Airedale Technical College', 'Bradford'],
  ['Wear Valley College', 'Durham'],
];
const INSTITUTES: (readonly [string, string])[] = [
  ['Northern Institute for Advanced Computing', 'Manchester'],
  ['Pennine Centre for Manufacturing Research', 'Sheffield'],
  ['Tyne Centre for Cyber Resilience', 'Newcastle'],
  ['Mersey Institute for Games Research', 'Liverpool'],
  ['Aire Health Data Institute', 'Leeds'],
  ['Northern Photonics Research Centre', 'York'],
];
const COUNCILS: (readonly [string, string])[] = [
  ['Irwell Valley Metropolitan Borough Council', 'Manchester'],
  ['Moorside Borough Council', 'Wigan'],
  ['North Aire District Council', 'Bradford'],
  ['Calderbrook Metropolitan Council', 'Huddersfield'],
  ['Sheafbridge Borough Council', 'Sheffield'],
  ['Don Vale Council', 'Doncaster'],
  ['Mersey Vale Borough Council', 'Liverpool'],
  ['Tyne Vale Council', 'Newcastle'],
  ['Wearside Vale Council', 'Sunderland'],
  ['Humbergate City Council', 'Hull'],
  ['Ribble Moor Borough Council', 'Preston'],
  ['Ouseland District Council', 'York'],
  ['Pennine Combined Authority', 'Manchester'],
  ['Northern Coast Combined Authority', 'Newcastle'],
  ['South Pennine Combined Authority', 'Sheffield'],
  ['West Riding Combined Authority', 'Leeds'],
  ['Mersey Estuary Combined Authority', 'Liverpool'],
];
const COUNCIL_DEPTS = [
  'Economic Development Team',
  'Digital Services',
  'Employment and Skills Service',
  'Regeneration Directorate',
  'Office of the Leader',
];
const VOL_KINDS: (readonly [string, string])[] = [
  ['Digital Skills Trust', 'Digital skills'],
  ['Community Tech', 'Digital inclusion'],
  ['Youth Futures', 'Young people'],
  ['Digital Inclusion Network', 'Digital inclusion'],
  ['Women in Code', 'Women in technology'],
  ["Older People's Forum", 'Older people'],
  ['Makerspace', 'Community learning'],
  ['Volunteer Centre', 'Volunteering'],
  ['Disability Forum', 'Disabled people'],
  ['Careers Collective', 'Employment support'],
  ['Refugee Pathways', 'Refugees and migrants'],
  ['Tech for Good', 'Social enterprise'],
  ['Family Learning Project', 'Families'],
];

const usedOrgs = new Set<string>();

function uniqueOrg(make: () => string): string {
  for (let i = 0; i < 200; i++) {
    const name = make();
    if (!usedOrgs.has(name)) {
      usedOrgs.add(name);
      return name;
    }
  }
  throw new Error('ran out of organisation names');
}

function orgPlaceWord(city: string): string {
  return pick(PLACE_WORDS[city] ?? [city]);
}

function sizeBand(): string {
  return weighted([
    ['1-9', 36],
    ['10-49', 34],
    ['50-249', 20],
    ['250+', 10],
  ] as const);
}

function makePersona(type: RespondentType, campaign: CampaignDef | null): Persona {
  let organisation: string | null = null;
  let city: string | null;
  const attributes: Record<string, string> = {};
  let sector = '';
  let jobTitle = '';

  switch (type) {
    case 'individual': {
      city = weighted(CITY_WEIGHTS);
      sector = weighted(IND_SECTORS);
      let age = weighted(AGE_BANDS);
      if (sector === 'Student' && !['Under 18', '18-24', '25-34'].includes(age)) age = chance(0.8) ? '18-24' : '25-34';
      if (sector === 'Retired') age = chance(0.75) ? '65+' : '55-64';
      if (campaign?.id === 'green-spaces-first' && chance(0.7)) age = pick(['45-54', '55-64', '65+']);
      attributes.age_band = age;
      attributes.sector = sector;
      break;
    }
    case 'business': {
      city = weighted(ORG_CITY_WEIGHTS);
      const s = pick(BIZ_SECTORS);
      sector = s.sector;
      const c = city;
      organisation = uniqueOrg(() => {
        const suffix = weighted([
          [' Ltd', 50],
          [' Limited', 12],
          [' Group', 6],
          [' LLP', 3],
          ['', 29],
        ] as const);
        const first = chance(0.55) ? orgPlaceWord(c) : pick(COINED);
        return `${first} ${pick(s.words)}${suffix}`;
      });
      attributes.employees = sizeBand();
      attributes.sector = s.sector;
      jobTitle = pick([
        'Managing Director',
        'Founder and CEO',
        'Chief Technology Officer',
        'Head of People',
        'Director',
      ]);
      break;
    }
    case 'academic': {
      const kind = weighted([
        ['University', 58],
        ['FE college', 27],
        ['Research institute', 15],
      ] as const);
      attributes.institution_type = kind;
      if (kind === 'University') {
        const [uni, c] = pick(UNIVERSITIES);
        city = c;
        organisation = uniqueOrg(() => (chance(0.15) ? pick(UNIVERSITIES)[0] : `${pick(UNI_DEPTS)}, ${uni}`));
      } else if (kind === 'FE college') {
        const [college, c] = pick(COLLEGES);
        city = c;
        organisation = uniqueOrg(() => (chance(0.6) ? college : `${pick(COLLEGES)[0]}`));
      } else {
        const [inst, c] = pick(INSTITUTES);
        city = c;
        organisation = uniqueOrg(() => (chance(0.7) ? inst : pick(INSTITUTES)[0]));
      }
      // Fix the city when uniqueOrg chose a different institution than the first draw.
      for (const [n, c] of [...UNIVERSITIES, ...COLLEGES, ...INSTITUTES]) {
        if (organisation === n || organisation.endsWith(`, ${n}`)) city = c;
      }
      sector = 'Education';
      jobTitle = pick(['Pro Vice-Chancellor', 'Head of School', 'Principal', 'Director of Partnerships', 'Professor']);
      break;
    }
    case 'local authority': {
      const [council, c] = pick(COUNCILS);
      city = c;
      organisation = uniqueOrg(() => {
        const [co] = pick(COUNCILS);
        return chance(0.35) ? co : `${pick(COUNCIL_DEPTS)}, ${co}`;
      });
      for (const [n, cc] of COUNCILS) if (organisation === n || organisation.endsWith(`, ${n}`)) city = cc;
      void council;
      attributes.authority_type = organisation.includes('Combined Authority')
        ? 'Combined authority'
        : organisation.includes('Metropolitan')
          ? 'Metropolitan borough'
          : organisation.includes('District')
            ? 'District council'
            : 'Unitary or borough council';
      sector = 'Public sector';
      jobTitle = pick([
        'Head of Economic Development',
        'Director of Place',
        'Digital Lead',
        'Cabinet Member for Skills',
      ]);
      break;
    }
    case 'voluntary sector': {
      city = weighted(ORG_CITY_WEIGHTS);
      const c = city;
      let focus = '';
      organisation = uniqueOrg(() => {
        const [kind, f] = pick(VOL_KINDS);
        focus = f;
        const place = chance(0.6) ? c : orgPlaceWord(c);
        return kind === 'Refugee Pathways' ? `${kind} ${place}` : `${place} ${kind}`;
      });
      attributes.employees = weighted([
        ['1-9', 60],
        ['10-49', 32],
        ['50-249', 8],
      ] as const);
      attributes.focus = focus;
      sector = focus;
      jobTitle = pick(['Chief Executive', 'Project Coordinator', 'Director', 'Chair of Trustees']);
      break;
    }
  }

  const channel: Channel = campaign
    ? weighted(campaign.channels)
    : type === 'individual'
      ? weighted([
          ['online', 82],
          ['email', 8],
          ['easy-read', 5],
          ['paper', 5],
        ] as const)
      : weighted([
          ['online', 72],
          ['email', 28],
        ] as const);

  if (channel === 'paper' && chance(0.4)) delete attributes.sector;
  if (campaign && campaign.id === 'ntwu-fair-pay') {
    attributes.sector = weighted([
      ['Software & IT', 55],
      ['Public sector', 15],
      ['Retail & hospitality', 10],
      ['Other', 20],
    ] as const);
    sector = attributes.sector;
    if (['Under 18', '65+'].includes(attributes.age_band)) attributes.age_band = '35-44';
  }

  const stance: Stance = campaign
    ? weighted(campaign.stance)
    : type === 'individual'
      ? weighted([
          ['support', 52],
          ['mixed', 32],
          ['oppose', 16],
        ] as const)
      : weighted([
          ['support', 62],
          ['mixed', 34],
          ['oppose', 4],
        ] as const);

  const verbosity: Verbosity =
    type === 'individual'
      ? weighted([
          ['terse', 26],
          ['normal', 60],
          ['verbose', 14],
        ] as const)
      : weighted([
          ['terse', 4],
          ['normal', 61],
          ['verbose', 35],
        ] as const);

  const allTags: Tag[] = [
    'transport',
    'housing',
    'pay',
    'towns',
    'skills',
    'digital',
    'startups',
    'research',
    'governance',
    'sceptic',
    'diversity',
    'culture',
    'marketing',
  ];
  const concerns: Tag[] = campaign
    ? campaign.concerns.slice()
    : pickN(
        allTags,
        weighted([
          [0, 30],
          [1, 45],
          [2, 25],
        ] as const),
      );
  if (stance === 'oppose' && !concerns.includes('sceptic')) concerns.push('sceptic');
  if (city && !(FIVE as readonly string[]).includes(city) && chance(0.5) && !concerns.includes('towns'))
    concerns.push('towns');
  if (type === 'business' && chance(0.4)) concerns.push('startups');
  if (type === 'academic' && chance(0.5)) concerns.push('research');

  return {
    type,
    organisation,
    city,
    channel,
    attributes,
    stance,
    verbosity,
    concerns,
    campaign,
    sector,
    first: pick(FIRST_NAMES),
    last: pick(LAST_NAMES),
    jobTitle,
    day: 0,
    minute: 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Filling slots
// ---------------------------------------------------------------------------------------------------------------

const RELATIVES = [
  'my son',
  'my daughter',
  'my nephew',
  'my niece',
  'my partner',
  'a friend of mine',
  'my younger brother',
  'my sister',
  'my best mate',
  'my eldest',
  'a lad I used to work with',
  'my stepdaughter',
];
const YEARS = ['two', 'three', 'four', 'five', 'six', 'eight', 'ten', 'twelve', 'fifteen', 'twenty'];

function isFive(c: string | null): c is string {
  return c !== null && (FIVE as readonly string[]).includes(c);
}

function fill(s: string, p: Persona): string {
  let city: string | null = null;
  const getCity = (): string => {
    if (city === null) city = isFive(p.city) && chance(0.55) ? p.city : pick(FIVE);
    return city;
  };
  return s.replace(/\{(\w+)\}/g, (_m: string, key: string): string => {
    switch (key) {
      case 'city':
        return getCity();
      case 'city2': {
        const c = getCity();
        return pick(FIVE.filter((x) => x !== c));
      }
      case 'town':
        return p.city && !isFive(p.city) && chance(0.5) ? p.city : pick(TOWNS);
      case 'home':
        return p.city ?? 'the North';
      case 'rel':
        return pick(RELATIVES);
      case 'years':
        return pick(YEARS);
      case 'rent':
        return pick(['£850', '£900', '£950', 'over £1,000', 'around £1,100']);
      case 'sal':
        return pick(['£22,000', '£23,500', '£24,000', '£25,000', '£26,000']);
      case 'salL':
        return pick(['£32,000', '£34,000', '£35,000', '£38,000']);
      case 'org':
        return p.organisation ?? 'our organisation';
      default:
        throw new Error(`unknown slot {${key}}`);
    }
  });
}

/** Sentence starting with the (filled) string, capitalised. */
function sent(s: string, p: Persona): string {
  return cap(fill(s, p));
}

// ---------------------------------------------------------------------------------------------------------------
// Phrasing: hedges, connectors, frames
// ---------------------------------------------------------------------------------------------------------------

const IND_HEDGES = [
  'I think {c}.',
  'I think that {c}.',
  'Personally, I feel {c}.',
  'In my experience {c}.',
  'Honestly, {c}.',
  'To be honest, {c}.',
  'The main thing is that {c}.',
  'It seems to me that {c}.',
  'For me, {c}.',
  'The way I see it, {c}.',
  "I'd say {c}.",
  'I really believe {c}.',
  "Let's be honest, {c}.",
  'Obviously {c}.',
  'I genuinely think {c}.',
  'My view is that {c}.',
  'From what I can see, {c}.',
];
const ORG_HEDGES = [
  'We believe {c}.',
  'Our view is that {c}.',
  'Our members consistently tell us that {c}.',
  'In our experience, {c}.',
  'We would stress that {c}.',
  'It is clear to us that {c}.',
  'Our evidence suggests that {c}.',
  'Partners across the region recognise that {c}.',
  'We are firmly of the view that {c}.',
];
const IND_NEXT = [
  'Also, {c}.',
  'Another thing is that {c}.',
  'On top of that, {c}.',
  'Beyond that, {c}.',
  'The other big issue is that {c}.',
  "I'd also add that {c}.",
  'Related to this, {c}.',
  'Plus {c}.',
  'And {c}.',
  "Then there's the fact that {c}.",
  'Another point: {c}.',
  'Equally, {c}.',
  'Also {c}.',
];
const ORG_NEXT = [
  'In addition, {c}.',
  'We would also note that {c}.',
  'Furthermore, {c}.',
  'A further issue is that {c}.',
  'Equally, {c}.',
  'Alongside this, {c}.',
];
const SECOND = ['Secondly, {c}.', 'Second, {c}.'];
const LAST = ['Finally, {c}.', 'Lastly, {c}.', 'And finally, {c}.'];

const IND_ASKS = [
  'TechNorth should {a}.',
  'They should {a}.',
  'Why not {a}?',
  'The obvious thing would be to {a}.',
  'Please {a}.',
  'It would help to {a}.',
  'My suggestion would be to {a}.',
  'Someone needs to {a}.',
  "I'd like to see TechNorth {a}.",
  'What would really help is to {a}.',
  '{A}.',
  'Just {a}.',
  'The answer is to {a}.',
  'We need to {a}.',
  'It would make sense to {a}.',
];
const ORG_ASKS = [
  'TechNorth should {a}.',
  'We would urge TechNorth to {a}.',
  'We recommend that TechNorth should {a}.',
  'We would encourage partners to {a}.',
  'A priority should be to {a}.',
  'The programme should {a}.',
  'We would like to see TechNorth {a}.',
  'TechNorth could usefully {a}.',
  'We propose that the partnership should {a}.',
];

const SHORT_FRAMES = [
  '{S}.',
  '{S}.',
  '{S}',
  '{S}!',
  '{S} please.',
  'We need {s}.',
  '{S}, simple as that.',
  '{S} would help.',
  'Easy: {s}.',
  '{S}. That is all.',
  'honestly just {s}',
  'Simple - {s}.',
];

const NONTHEMATIC_TINY = [
  'No comment.',
  'No comment',
  'Agree with the above',
  'Agree with the above.',
  'As above.',
  'See above',
  'See previous answer.',
  'N/A',
  'n/a',
  "Don't know.",
  'Not sure.',
  'Nothing to add.',
  'None',
  '-',
  'More jobs.',
  'More jobs',
  'Same as before.',
  "Can't think of anything.",
  '?',
  'Pass',
  'no idea',
  'Not my area, sorry.',
  'Good question!',
  'Not sure what this means.',
];

interface Dismissive {
  text: string;
  sceptic: boolean;
}

const DISMISSIVE: Dismissive[] = [
  { text: 'Waste of money.', sceptic: true },
  { text: 'waste of money', sceptic: true },
  { text: "Total waste of taxpayers' money. Fix the potholes first.", sceptic: true },
  { text: "Another talking shop for people who've never had a proper job.", sceptic: true },
  { text: 'This is just jobs for consultants. Pointless.', sceptic: true },
  { text: 'What a load of rubbish. Nobody in {town} will see a penny of this.', sceptic: true },
  { text: 'Sort the bins out in {home} before you waste money on this.', sceptic: false },
  { text: 'Who came up with the name TechNorth? Embarrassing.', sceptic: false },
  { text: 'Nobody reads these anyway.', sceptic: false },
  { text: "This consultation is a box-ticking exercise. You've already made your minds up.", sceptic: false },
  { text: 'Typical politicians. All talk.', sceptic: false },
  { text: "I don't understand the question.", sceptic: false },
  {
    text: 'I came on here to complain about the roadworks on the A6 and this is the only form I could find.',
    sceptic: false,
  },
  { text: 'Why does everything have to be about technology? Some of us just want a GP appointment.', sceptic: false },
  { text: 'Stop asking us questions and just get on with something for once.', sceptic: false },
  { text: "Nothing to do with me, I'm 82.", sceptic: false },
  { text: 'THIS IS A JOKE', sceptic: false },
  { text: 'Bring back proper jobs, not this app nonsense.', sceptic: false },
  { text: 'Is this the same lot who spent a fortune on the new logo for the trams?', sceptic: true },
];

const STANCE_PHRASES: Record<Stance, { ind: string[]; org: string[] }> = {
  support: {
    ind: [
      'I strongly support TechNorth.',
      'I fully support this.',
      'This is long overdue.',
      'Really pleased to see this happening.',
      'Great idea, about time.',
      'I support this 100%.',
    ],
    org: ['We strongly support the ambition behind TechNorth.', 'We welcome these proposals.'],
  },
  mixed: {
    ind: [
      "I'm broadly supportive but I have some concerns.",
      'Good idea in principle, but the detail matters.',
      "I support the aims but I'm sceptical it will deliver.",
      'Not against it, but not convinced either.',
    ],
    org: [
      'We support the aims of TechNorth but have some concerns about delivery.',
      'We broadly welcome the proposals, with some reservations.',
    ],
  },
  oppose: {
    ind: [
      'I oppose this scheme as it stands.',
      "I'm against this.",
      "Frankly I don't think this will work.",
      "I don't support this at all.",
    ],
    org: ['We do not support the proposals in their current form.'],
  },
};

const IND_CLOSERS = [
  'Thanks for asking.',
  'Hope this helps.',
  'Please actually listen this time.',
  "That's all from me.",
  'Good luck with it.',
  'Thanks.',
  'Cheers.',
  'Rant over!',
  "I'll be watching to see what happens.",
];
const ORG_CLOSERS = [
  'We would be happy to discuss any of these points further.',
  'We look forward to working with TechNorth partners.',
  'Thank you for the opportunity to respond.',
];

const IND_SUPPORT = [
  'I know that sounds obvious, but it keeps getting missed.',
  "I've seen this first hand.",
  "It's not complicated.",
  "This isn't a new problem.",
  'Everyone I talk to says the same thing.',
  "It's frustrating, because the potential here is enormous.",
  "I don't think people in government really understand this.",
  'I could give plenty more examples.',
  'It really is that simple.',
];
const ORG_SUPPORT = [
  'This is a point our members raise again and again.',
  'The evidence on this is consistent.',
  'This is not a new issue, but it has become more urgent.',
  'We cannot overstate the importance of this.',
  'We would be happy to share further evidence on this point.',
  'Experience elsewhere in the UK and in Europe points the same way.',
  'Partners across the region have made similar points.',
];

function isOrg(p: Persona): boolean {
  return p.type !== 'individual';
}

function individualOpener(p: Persona): string {
  const generic = [
    'Good question.',
    'Where do I start.',
    'A few thoughts from me.',
    'Just my opinion, but here goes.',
    'Short answer:',
  ];
  const bySector: Record<string, string[]> = {
    'Software & IT': [
      "I've worked as a developer in {home} for {years} years.",
      'I work in IT in {home}.',
      "I'm a tester at a software company in {home}.",
    ],
    Student: [
      "I'm a student in {home}.",
      'As a final-year computing student in {home}, this is about people like me.',
      "I'm at uni in {home} at the moment.",
    ],
    Education: ["I'm a teacher in {home}.", 'I work in a sixth form college in {home}.'],
    Retired: [
      "I'm retired, but I have grandchildren about to go to university.",
      "I'm retired now but worked in engineering in {home} for most of my life.",
    ],
    'Health & social care': ['I work in the NHS in {home}.'],
    'Not currently working': ["I'm currently looking for work.", "I've been out of work since the factory closed."],
    'Financial services': ['I work in financial services in {home}.'],
    Manufacturing: ["I've worked in manufacturing in {home} for {years} years."],
    'Creative industries': ["I'm a freelance designer in {home}."],
  };
  const list = bySector[p.sector];
  return sent(list && chance(0.7) ? pick(list) : pick(generic), p);
}

function orgOpener(p: Persona): string {
  const o = p.organisation ?? 'Our organisation';
  switch (p.type) {
    case 'business':
      return pick([
        `${o} is a ${sectorDesc(p)} based in ${p.city ?? 'the North'}.`,
        `This response is from ${o}.`,
        `We are a ${sectorDesc(p)} in ${p.city ?? 'the North'} employing ${employeeWords(p)} people.`,
      ]);
    case 'academic':
      return pick([`This response is submitted on behalf of ${o}.`, `${o} welcomes the opportunity to respond.`]);
    case 'local authority':
      return pick([`This response is submitted on behalf of ${o}.`, `${o} welcomes the ambition behind TechNorth.`]);
    case 'voluntary sector':
      return pick([
        `${o} is a charity working with ${(p.attributes.focus ?? 'local people').toLowerCase()} in ${p.city ?? 'the North'}.`,
        `We are a small charity in ${p.city ?? 'the North'}.`,
      ]);
    default:
      return '';
  }
}

function sectorDesc(p: Persona): string {
  const s = BIZ_SECTORS.find((b) => b.sector === p.sector);
  return s ? s.desc : 'technology business';
}

function employeeWords(p: Persona): string {
  switch (p.attributes.employees) {
    case '1-9':
      return pick(['six', 'eight', 'four', 'nine']);
    case '10-49':
      return pick(['twenty', 'around thirty', 'forty', 'fifteen']);
    case '50-249':
      return pick(['about 120', 'over 200', 'around 80']);
    default:
      return pick(['more than 400', 'around 1,200', 'over 300']);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sentence building per theme
// ---------------------------------------------------------------------------------------------------------------

const TYPE_LETTER: Record<RespondentType, string> = {
  individual: 'i',
  business: 'b',
  academic: 'a',
  'local authority': 'l',
  'voluntary sector': 'v',
};

function detailsFor(t: ThemeDef, p: Persona): string[] {
  const letter = TYPE_LETTER[p.type];
  const out: string[] = [];
  for (const d of t.details) {
    const m = /^\[([a-z]+)\]\s*/.exec(d);
    if (m) {
      if (m[1].includes(letter)) out.push(d.slice(m[0].length));
    } else if (!/\b(I|I'm|I've|I'd|me|my|My)\b/.test(d) || letter === 'i') {
      out.push(d);
    }
  }
  return out;
}

type Position = { index: number; count: number };

function claimSentence(t: ThemeDef, p: Persona, pos: Position): string {
  const c = fill(pick(t.claims), p);
  const org = isOrg(p);
  if (pos.index > 0 && chance(0.7)) {
    let frame: string;
    if (pos.index === 1 && pos.count >= 3 && chance(0.3)) frame = pick(SECOND);
    else if (pos.index === pos.count - 1 && pos.count >= 3 && chance(0.4)) frame = pick(LAST);
    else frame = pick(org ? ORG_NEXT : IND_NEXT);
    return frame.replace('{c}', c);
  }
  if (chance(org ? 0.55 : 0.45)) return pick(org ? ORG_HEDGES : IND_HEDGES).replace('{c}', c);
  return `${cap(c)}${!org && chance(0.04) ? '!' : '.'}`;
}

function askSentence(t: ThemeDef, p: Persona, exclude: Set<string>): string | null {
  const options = t.asks.filter((a) => !exclude.has(a));
  if (options.length === 0) return null;
  const a = pick(options);
  exclude.add(a);
  const frame = pick(isOrg(p) ? ORG_ASKS : IND_ASKS);
  return frame.replace('{A}', cap(fill(a, p))).replace('{a}', fill(a, p));
}

function pickUnused(xs: readonly string[], used: Set<string>): string | null {
  const options = xs.filter((x) => !used.has(x));
  if (options.length === 0) return null;
  const x = pick(options);
  used.add(x);
  return x;
}

type Kind = 'detail' | 'effect' | 'ask';

/** 1..n sentences about one theme. */
function themeSentences(t: ThemeDef, p: Persona, pos: Position, n: number, used: Set<string>): string[] {
  const out: string[] = [];
  const details = detailsFor(t, p);
  const first = weighted<'claim' | Kind>([
    ['claim', 0.72],
    ['detail', details.length > 0 ? 0.12 : 0],
    ['ask', 0.16],
  ]);
  const addOf = (k: Kind): boolean => {
    let s: string | null = null;
    if (k === 'detail') {
      const d = pickUnused(details, used);
      s = d === null ? null : sent(d, p);
    } else if (k === 'effect') {
      const e = pickUnused(t.effects, used);
      s = e === null ? null : sent(e, p);
    } else {
      s = askSentence(t, p, used);
    }
    if (s !== null) out.push(s);
    return s !== null;
  };
  if (first === 'claim') out.push(claimSentence(t, p, pos));
  else addOf(first);
  let guard = 0;
  while (out.length < n && guard++ < 12) {
    const k = weighted<Kind>([
      ['detail', isOrg(p) ? 0.3 : 0.42],
      ['effect', 0.25],
      ['ask', isOrg(p) ? 0.45 : 0.33],
    ]);
    addOf(k);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Theme choice
// ---------------------------------------------------------------------------------------------------------------

function chooseThemes(q: OpenQ, p: Persona, n: number): ThemeDef[] {
  const pairs = q.themes.map((t): [ThemeDef, number] => {
    let w = t.weight;
    if (t.tags.some((tag) => p.concerns.includes(tag))) w *= 4;
    if (t.tags.includes('sceptic') && p.stance === 'support') w *= 0.15;
    if (t.tags.includes('green') && !p.concerns.includes('green')) w *= 0.6;
    if (t.tags.includes('governance') && p.type === 'local authority') w *= 3;
    if (t.name === 'basic digital inclusion' && p.type === 'voluntary sector') w *= 4;
    if (t.name === 'diversity and under-represented groups' && p.type === 'voluntary sector') w *= 3;
    return [t, w];
  });
  const out: ThemeDef[] = [];
  while (out.length < n && out.length < pairs.length) {
    const t = weighted(pairs.filter(([x]) => !out.includes(x)));
    out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------------------------

interface Answer {
  text: string;
  themes: string[];
  personalData: string[];
  /** Whether normal human noise (typos, case) may be applied. */
  noisy: boolean;
}

type LengthClass = 'tiny' | 'short' | 'medium' | 'long' | 'essay';

function lengthClass(p: Persona): LengthClass {
  if (p.type === 'individual') {
    switch (p.verbosity) {
      case 'terse':
        return weighted<LengthClass>([
          ['tiny', 45],
          ['short', 45],
          ['medium', 10],
        ]);
      case 'normal':
        return weighted<LengthClass>([
          ['tiny', 8],
          ['short', 32],
          ['medium', 50],
          ['long', 10],
        ]);
      default:
        return weighted<LengthClass>([
          ['short', 10],
          ['medium', 42],
          ['long', 45],
          ['essay', 3],
        ]);
    }
  }
  switch (p.verbosity) {
    case 'terse':
      return weighted<LengthClass>([
        ['tiny', 20],
        ['short', 60],
        ['medium', 20],
      ]);
    case 'normal':
      return weighted<LengthClass>([
        ['tiny', 3],
        ['short', 20],
        ['medium', 55],
        ['long', 22],
      ]);
    default:
      return weighted<LengthClass>([
        ['medium', 32],
        ['long', 58],
        ['essay', 10],
      ]);
  }
}

function shortPhrase(t: ThemeDef): string {
  return pick(t.short);
}

function tinyAnswer(q: OpenQ, p: Persona, answeredBefore: number): Answer {
  if (chance(0.5)) {
    let options = NONTHEMATIC_TINY.slice();
    if (answeredBefore === 0) options = options.filter((x) => !/above|previous|before/i.test(x));
    if (answeredBefore > 0 && chance(0.15))
      options = [`See my answer to Q${int(1, Number(q.code.slice(1)) - 1)}.`, 'Same as Q1'];
    return { text: pick(options), themes: [], personalData: [], noisy: false };
  }
  const [t] = chooseThemes(q, p, 1);
  const frame = pick(SHORT_FRAMES);
  const s = shortPhrase(t);
  return { text: frame.replace('{S}', cap(s)).replace('{s}', s), themes: [t.name], personalData: [], noisy: true };
}

function dismissiveAnswer(q: OpenQ, p: Persona): Answer {
  const d = pick(DISMISSIVE);
  const themes = d.sceptic && q.code === 'Q1' ? ['scepticism about value for money'] : [];
  return { text: fill(d.text, p), themes, personalData: [], noisy: true };
}

function shortAnswer(q: OpenQ, p: Persona): Answer {
  const n = weighted<number>([
    [1, 70],
    [2, 30],
  ]);
  const themes = chooseThemes(q, p, n);
  if (n === 2 && chance(0.5)) {
    const a = shortPhrase(themes[0]);
    const b = shortPhrase(themes[1]);
    const text = pick([`${cap(a)} and ${b}.`, `${cap(a)}, ${b}.`, `${cap(a)}. ${cap(b)}.`, `${cap(a)} and ${b}`]);
    return { text, themes: themes.map((t) => t.name), personalData: [], noisy: true };
  }
  const used = new Set<string>();
  const parts: string[] = [];
  themes.forEach((t, i) => {
    parts.push(...themeSentences(t, p, { index: i, count: themes.length }, n === 1 ? int(1, 2) : 1, used));
  });
  return { text: parts.join(' '), themes: themes.map((t) => t.name), personalData: [], noisy: true };
}

function listAnswer(q: OpenQ, p: Persona): Answer {
  const themes = chooseThemes(q, p, int(2, 3));
  const intro = pick([
    'A few things:',
    'In no particular order:',
    'Main points:',
    '',
    `${cap(['two', 'three'][themes.length - 2])} things:`,
  ]);
  const bullet = pick(['- ', '* ', '• ']);
  const numbered = chance(0.35);
  const used = new Set<string>();
  const items = themes.map((t, i) => {
    const prefix = numbered ? `${i + 1}. ` : bullet;
    if (chance(0.5)) return prefix + cap(shortPhrase(t));
    const s = askSentence(t, p, used) ?? cap(shortPhrase(t));
    return prefix + s;
  });
  const text = (intro ? `${intro}\n` : '') + items.join('\n');
  return { text, themes: themes.map((t) => t.name), personalData: [], noisy: true };
}

function mediumAnswer(q: OpenQ, p: Persona, firstAnswer: boolean, long: boolean): Answer {
  const n = long
    ? weighted<number>([
        [1, 15],
        [2, 45],
        [3, 40],
      ])
    : weighted<number>([
        [1, 50],
        [2, 35],
        [3, 15],
      ]);
  const themes = chooseThemes(q, p, n);
  const used = new Set<string>();
  const blocks: string[][] = [];
  themes.forEach((t, i) => {
    const k = long ? int(2, 4) : n === 1 ? int(2, 4) : int(1, 2);
    blocks.push(themeSentences(t, p, { index: i, count: themes.length }, k, used));
  });
  const org = isOrg(p);
  const lead: string[] = [];
  if (firstAnswer && chance(org ? 0.35 : 0.14)) lead.push(org ? orgOpener(p) : individualOpener(p));
  if (firstAnswer && chance(org ? 0.2 : 0.13))
    lead.push(pick(org ? STANCE_PHRASES[p.stance].org : STANCE_PHRASES[p.stance].ind));
  if (long && chance(0.3)) lead.push(pick(q.fillers));
  const tail: string[] = [];
  if (long && chance(0.3)) tail.push(pick(org ? ORG_SUPPORT : IND_SUPPORT));
  if (chance(org ? 0.12 : 0.08)) tail.push(pick(org ? ORG_CLOSERS : IND_CLOSERS));

  let text: string;
  if (long && chance(0.75)) {
    const paras = blocks.map((b) => b.join(' '));
    if (lead.length > 0) {
      if (chance(0.5)) paras.unshift(lead.join(' '));
      else paras[0] = `${lead.join(' ')} ${paras[0]}`;
    }
    if (tail.length > 0) paras[paras.length - 1] += ` ${tail.join(' ')}`;
    text = paras.join(chance(0.85) ? '\n\n' : '\n');
  } else {
    text = [...lead, ...blocks.flat(), ...tail].join(' ');
  }
  return { text, themes: themes.map((t) => t.name), personalData: [], noisy: true };
}

function individualBackstory(p: Persona): string {
  const generic = [
    "I grew up in {town}, studied in {city} and, like most of my friends, moved to London straight after graduating. I came back {years} years later, so I've seen both sides.",
    "I'm writing as a parent, a school governor and someone who has worked in IT support in {home} for most of my career. I wanted to give a proper answer because this matters for my kids' future.",
    "I run a small web design business from home in {home}, and I've also taught evening classes at the local college, so I see this from a few different angles.",
    "I've lived in {home} all my life and I've watched a lot of promises come and go. I wanted to take the time to write something properly rather than just ticking boxes.",
  ];
  const bySector: Record<string, string[]> = {
    'Software & IT': [
      'I have worked in technology for {years} years, first in London and now in {home}. I manage a small team of developers, and recruitment and retention take up more of my time than anything else.',
    ],
    Student: [
      "I'm a final-year student in {home}. Most of the people on my course are already planning to move to London, and I wanted to explain why.",
    ],
    Retired: [
      "I'm retired now, but I spent thirty years in engineering in {home} and watched the industry I worked in disappear. I don't want the same thing to happen again.",
    ],
    Education: [
      "I've taught in secondary schools in {home} for {years} years, most recently as head of computing. I see the talent every day and I see most of it leave.",
    ],
  };
  const list = bySector[p.sector];
  return sent(list && chance(0.75) ? pick(list) : pick(generic), p);
}

function orgIntro(p: Persona, q: OpenQ, themeCount: number): string {
  const o = p.organisation ?? 'Our organisation';
  const city = p.city ?? 'the North';
  let who: string;
  switch (p.type) {
    case 'business':
      who = `${o} is a ${sectorDesc(p)} based in ${city}, employing ${employeeWords(p)} people. We welcome the opportunity to respond to the Northern Futures consultation.`;
      break;
    case 'academic':
      who = `This response is submitted on behalf of ${o}. We work closely with employers across ${city} and the wider region, and we welcome the chance to contribute.`;
      break;
    case 'local authority':
      who = `${o} welcomes the opportunity to respond to this consultation and supports the ambition behind TechNorth. This response has been prepared by officers and reflects discussions with local businesses and partners.`;
      break;
    default:
      who = `${o} is a charity working with ${(p.attributes.focus ?? 'local people').toLowerCase()} across ${city}. Every week we see the difference that the right support can make.`;
  }
  const frame = pick([
    `Our response to this question on ${q.topic} focuses on ${['one', 'two', 'three'][themeCount - 1]} ${themeCount === 1 ? 'issue' : 'issues'}.`,
    `We set out our views on ${q.topic} below.`,
    pick(q.fillers),
  ]);
  return `${who} ${frame}`;
}

function essayAnswer(q: OpenQ, p: Persona): Answer {
  const org = isOrg(p);
  const themes = chooseThemes(q, p, chance(0.75) ? 3 : 2);
  const used = new Set<string>();
  const headings = org && chance(0.35);
  const paras: string[] = [];
  paras.push(
    org ? orgIntro(p, q, themes.length) : `${individualBackstory(p)}${chance(0.5) ? ` ${pick(q.fillers)}` : ''}`,
  );
  const bodies: string[][] = [];
  themes.forEach((t, i) => {
    const s: string[] = [claimSentence(t, p, { index: i, count: themes.length })];
    const details = detailsFor(t, p);
    for (let k = 0; k < 3; k++) {
      const d = pickUnused(details, used);
      if (d !== null) s.push(sent(d, p));
    }
    if (chance(0.5)) s.push(pick(org ? ORG_SUPPORT : IND_SUPPORT));
    for (let k = 0; k < 2; k++) {
      const e = pickUnused(t.effects, used);
      if (e !== null) s.push(sent(e, p));
    }
    for (let k = 0; k < 2; k++) {
      const a = askSentence(t, p, used);
      if (a !== null) s.push(a);
    }
    bodies.push(s);
  });
  // Pad to at least ~420 words with question-level and generic sentences, without adding themes.
  const pads = shuffled([...q.fillers, ...(org ? ORG_SUPPORT : IND_SUPPORT)]);
  const total = (): number => wordCount(paras.join(' ')) + bodies.reduce((n, b) => n + wordCount(b.join(' ')), 0) + 40;
  while (total() < 420 && pads.length > 0) {
    const b = pick(bodies);
    const pad = pads.pop();
    if (pad !== undefined) b.splice(int(1, b.length), 0, pad);
  }
  themes.forEach((t, i) => {
    const s = bodies[i];
    const split = s.length >= 6 && chance(0.6) ? int(3, s.length - 2) : s.length;
    const a = s.slice(0, split).join(' ');
    const b = s.slice(split).join(' ');
    const heading = headings ? `${cap(t.short[0])}\n` : '';
    paras.push(heading + a);
    if (b) paras.push(b);
  });
  const shorts = themes.map((t) => shortPhrase(t));
  const conclusion = org
    ? `${pick(['In summary', 'To summarise', 'In conclusion'])}, our priorities for TechNorth are ${listJoin(shorts)}. ${pick(ORG_CLOSERS)}`
    : `${pick(['To sum up', 'So, in short', 'Basically'])}: ${listJoin(shorts)}. ${pick([
        "TechNorth could be a real turning point for the North, but only if it's done properly and sticks around long enough to make a difference.",
        'I hope this is useful and that someone actually reads it.',
        'Thanks for taking the time to read this.',
        'None of this is rocket science, it just needs doing.',
      ])}`;
  paras.push(conclusion);
  // Keep within ~900 words: drop sentences from the longest paragraph if needed.
  let text = paras.join('\n\n');
  while (wordCount(text) > 880) {
    let longest = 1;
    for (let i = 1; i < paras.length - 1; i++) if (paras[i].length > paras[longest].length) longest = i;
    const sentences = paras[longest].split(/(?<=[.?!])\s+/);
    sentences.splice(-1, 1);
    paras[longest] = sentences.join(' ');
    text = paras.join('\n\n');
  }
  return { text, themes: themes.map((t) => t.name), personalData: [], noisy: !org };
}

function easyReadAnswer(q: OpenQ, p: Persona): Answer {
  if (chance(0.15)) {
    return {
      text: pick(["I don't know.", 'Not sure.', 'No.', 'I do not understand this question.', 'Nothing.']),
      themes: [],
      personalData: [],
      noisy: false,
    };
  }
  const themes = chooseThemes(q, p, chance(0.7) ? 1 : 2);
  const parts = themes.map((t) => {
    const s = shortPhrase(t);
    return pick([`We need ${s}.`, `${cap(s)} would help.`, `I want ${s}.`, `${cap(s)}.`, `More help with ${s}.`]);
  });
  if (chance(0.25)) parts.push(pick(['Thank you.', 'This is important to me.', 'Please listen to us.']));
  return { text: parts.join(' '), themes: themes.map((t) => t.name), personalData: [], noisy: false };
}

function campaignAnswer(c: CampaignDef, code: string, p: Persona): Answer {
  const tpl = c.templates[code];
  let paras = tpl.paras.map((x) => x.slice());
  let cityOverride: string | null = null;
  let cityOverride2: string | null = null;
  let pre: string | null = null;
  let post: string | null = null;
  let merge = false;
  const identical = chance(0.22);
  if (!identical) {
    const edits = pickN(['pre', 'post', 'reorder', 'drop', 'swap', 'swap2', 'city', 'merge', 'truncate'], int(1, 3));
    for (const e of edits) {
      switch (e) {
        case 'pre':
          pre = sent(pick(c.pre), p);
          break;
        case 'post':
          post = pick(c.post);
          break;
        case 'reorder':
          if (paras.length >= 2) {
            const i = int(0, paras.length - 2);
            const tmp = paras[i];
            paras[i] = paras[i + 1];
            paras[i + 1] = tmp;
          }
          break;
        case 'drop': {
          const candidates: [number, number][] = [];
          paras.forEach((para, i) => para.forEach((_s, j) => (i > 0 || j > 0) && candidates.push([i, j])));
          if (candidates.length > 2) {
            const [i, j] = pick(candidates);
            paras[i].splice(j, 1);
            paras = paras.filter((para) => para.length > 0);
          }
          break;
        }
        case 'swap':
        case 'swap2': {
          const [from, to] = pick(c.swaps);
          paras = paras.map((para) => para.map((s) => s.replace(from, to)));
          break;
        }
        case 'city':
          cityOverride = isFive(p.city) ? p.city : pick(FIVE);
          cityOverride2 = pick(FIVE.filter((x) => x !== cityOverride));
          break;
        case 'merge':
          merge = true;
          break;
        case 'truncate':
          if (paras.length > 2) paras = paras.slice(0, paras.length - 1);
          break;
      }
    }
  }
  const city = cityOverride ?? c.defaultCity;
  const city2 = cityOverride2 ?? (c.defaultCity === 'Leeds' ? 'Manchester' : 'Leeds');
  const fillT = (s: string): string => s.replace(/\{city\}/g, city).replace(/\{city2\}/g, city2);
  let blocks = paras.map((para) => para.map(fillT).join(' '));
  if (pre !== null) blocks = [pre, ...blocks];
  if (post !== null) blocks = [...blocks, post];
  const text = blocks.join(merge ? ' ' : '\n\n');
  return { text, themes: tpl.themes.slice(), personalData: [], noisy: false };
}

// ---------------------------------------------------------------------------------------------------------------
// Human noise: paraphrase, typos, case
// ---------------------------------------------------------------------------------------------------------------

const SYNONYMS: (readonly [RegExp, string[]])[] = [
  [/\breally\b/gi, ['really', 'genuinely', 'truly']],
  [/\bhuge\b/gi, ['huge', 'massive', 'big', 'enormous']],
  [/\bsimply\b/gi, ['simply', 'just']],
  [/\bfar too\b/gi, ['far too', 'much too', 'way too']],
  [/\ba lot of\b/gi, ['a lot of', 'lots of', 'plenty of']],
  [/\bfirms\b/gi, ['firms', 'companies', 'businesses']],
  [/\bbrilliant\b/gi, ['brilliant', 'great', 'fantastic', 'excellent']],
  [/\bneeds to\b/gi, ['needs to', 'has to', 'must']],
  [/\bvery\b/gi, ['very', 'really', 'extremely']],
  [/\bquickly\b/gi, ['quickly', 'fast']],
  [/\bdon't\b/gi, ["don't", 'do not']],
  [/\bcan't\b/gi, ["can't", 'cannot']],
  [/\bit's\b/gi, ["it's", 'it is']],
  [/\bisn't\b/gi, ["isn't", 'is not']],
  [/\bwon't\b/gi, ["won't", 'will not']],
  [/\bthere is\b/gi, ['there is', "there's"]],
  [/\bcannot\b/gi, ['cannot', "can't"]],
  [/\bkids\b/gi, ['kids', 'children']],
];

function matchCase(src: string, repl: string): string {
  return src[0] === src[0].toUpperCase() && src[0] !== src[0].toLowerCase() ? cap(repl) : repl;
}

function paraphrase(text: string, p: Persona): string {
  let out = text;
  for (const [re, alts] of SYNONYMS) {
    out = out.replace(re, (m: string) => {
      if (isOrg(p) && /'/.test(m)) return chance(0.8) ? matchCase(m, alts.find((a) => !a.includes("'")) ?? m) : m;
      if (!chance(0.35)) return m;
      const choice = pick(alts.filter((a) => !(isOrg(p) && a === 'way too')));
      return matchCase(m, choice);
    });
  }
  return out;
}

const MISSPELLINGS: (readonly [RegExp, string])[] = [
  [/\bgovernment\b/, 'goverment'],
  [/\bdefinitely\b/, 'definately'],
  [/\baccommodation\b/, 'accomodation'],
  [/\bnecessary\b/, 'neccessary'],
  [/\bseparate\b/, 'seperate'],
  [/\bbusiness\b/, 'buisness'],
  [/\bbecause\b/, 'becuase'],
  [/\breally\b/, 'realy'],
  [/\bopportunities\b/, 'oppertunities'],
  [/\benvironment\b/, 'enviroment'],
  [/\btheir\b/, 'there'],
  [/\bwhich\b/, 'wich'],
  [/\buntil\b/, 'untill'],
  [/\bgraduates\b/, 'graduats'],
  [/\binfrastructure\b/, 'infastructure'],
  [/\bapprenticeships\b/, 'apprenticships'],
  [/\bcompanies\b/, 'compaines'],
  [/\bManchester\b/, 'Manchster'],
  [/\bthe\b/, 'teh'],
  [/\bexperience\b/, 'experiance'],
  [/\bprobably\b/, 'probly'],
  [/\bwould have\b/, 'would of'],
  [/\byou're\b/, 'your'],
  [/\bthey're\b/, 'there'],
  [/\bfinancial\b/, 'finacial'],
];

function charTypo(text: string): string {
  const words: { index: number; word: string }[] = [];
  const re = /[A-Za-z]{5,}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) words.push({ index: m.index, word: m[0] });
  if (words.length === 0) return text;
  const { index, word } = pick(words);
  const i = int(1, word.length - 2);
  let w: string;
  switch (int(0, 2)) {
    case 0:
      w = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      break;
    case 1:
      w = word.slice(0, i) + word.slice(i + 1);
      break;
    default:
      w = word.slice(0, i) + word[i] + word.slice(i);
  }
  return text.slice(0, index) + w + text.slice(index + word.length);
}

function addNoise(text: string, p: Persona): string {
  let out = text;
  const ind = p.type === 'individual';
  if (chance(ind ? 0.2 : 0.04)) {
    const n = ind ? int(1, 3) : 1;
    for (let k = 0; k < n; k++) {
      const candidates = MISSPELLINGS.filter(([re]) => re.test(out));
      if (candidates.length > 0 && chance(0.5)) {
        const [re, repl] = pick(candidates);
        out = out.replace(re, repl);
      } else {
        out = charTypo(out);
      }
    }
  }
  if (ind && chance(0.1)) {
    out = out
      .replace(/\b(don|can|won|isn|doesn|didn|wasn|aren|couldn|shouldn)'t\b/g, '$1t')
      .replace(/\bI'm\b/g, chance(0.5) ? 'Im' : 'im')
      .replace(/\bit's\b/g, 'its')
      .replace(/\bI've\b/g, 'Ive')
      .replace(/\bthat's\b/g, 'thats');
  }
  if (ind && chance(0.07)) out = out.toLowerCase();
  if (ind && chance(0.06)) out = out.replace(/[.!]$/, '');
  if (ind && chance(0.03)) out = out.replace(/\. /, '.  ');
  if (ind && chance(0.02)) out = out.replace(/,/g, '');
  return out;
}

function paperTranscription(text: string): string {
  let out = text;
  if (chance(0.08)) {
    const words = out.split(' ');
    if (words.length > 6) {
      words[int(2, words.length - 2)] = '[illegible]';
      out = words.join(' ');
    }
  }
  if (chance(0.14)) out = out.toUpperCase();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Personal data
// ---------------------------------------------------------------------------------------------------------------

function emailOf(p: Persona): string {
  const first = p.first.toLowerCase().replace(/[^a-z]/g, '');
  const last = p.last.toLowerCase().replace(/[^a-z]/g, '');
  const domain = isOrg(p) ? 'example.org' : pick(['example.com', 'example.com', 'example.org', 'example.net']);
  const local = pick([`${first}.${last}`, `${first[0]}${last}`, `${first}${last}${int(70, 99)}`, `${first}_${last}`]);
  return `${local}@${domain}`;
}

function phoneOf(p: Persona): string {
  const n3 = String(int(0, 999)).padStart(3, '0');
  const landline: Record<string, string> = {
    Manchester: '0161 496 0',
    Leeds: '0113 496 0',
    Sheffield: '0114 496 0',
    Liverpool: '0151 496 0',
    Newcastle: '0191 498 0',
  };
  if (p.city && landline[p.city] && chance(isOrg(p) ? 0.7 : 0.3)) return `${landline[p.city]}${n3}`;
  return pick([`07700 900${n3}`, `07700900${n3}`, `+44 7700 900${n3}`, `07700 900 ${n3}`]);
}

function postcodeOf(p: Persona): string {
  return pick(POSTCODES[p.city ?? ''] ?? pick(Object.values(POSTCODES)));
}

function fullName(p: Persona): string {
  return `${p.first} ${p.last}`;
}

type PiiKind = 'email' | 'phone' | 'postcode' | 'name';

function addPersonalData(a: Answer, p: Persona, signOff: boolean): Answer {
  const kinds = new Set<PiiKind>();
  let text = a.text;
  const org = isOrg(p);
  if (signOff) {
    const greeting = pick(
      org
        ? ['Yours faithfully,', 'Yours sincerely,', 'Kind regards,']
        : ['Regards,', 'Kind regards,', 'Many thanks,', 'Thanks,', 'Best wishes,'],
    );
    const lines = [greeting, fullName(p)];
    kinds.add('name');
    if (org) lines.push(`${p.jobTitle}, ${p.organisation ?? ''}`);
    const extra = weighted<'none' | 'email' | 'phone' | 'both'>([
      ['none', 50],
      ['email', 20],
      ['phone', 20],
      ['both', 10],
    ]);
    if (extra === 'email' || extra === 'both') {
      lines.push(emailOf(p));
      kinds.add('email');
    }
    if (extra === 'phone' || extra === 'both') {
      lines.push(`${pick(['Tel: ', 'Mob: ', 'Phone ', ''])}${phoneOf(p)}`);
      kinds.add('phone');
    }
    text = `${chance(0.6) ? 'Dear Sir or Madam,\n\n' : ''}${text}\n\n${lines.join('\n')}`;
  } else {
    const kind = weighted<PiiKind>([
      ['name', 35],
      ['email', 25],
      ['phone', 20],
      ['postcode', 20],
    ]);
    kinds.add(kind);
    const home = p.city ?? 'the North';
    switch (kind) {
      case 'name':
        text = chance(0.6)
          ? `${pick([`My name is ${fullName(p)} and I live in ${home}.`, `Hi, my name is ${p.first} ${p.last}.`, `My name is ${fullName(p)}.`])} ${text}`
          : `${text}\n\n${pick(['Thanks', 'Cheers', 'Regards', 'Best'])},\n${chance(0.7) ? fullName(p) : `${p.first} ${p.last[0]}${p.last.slice(1)}`}`;
        break;
      case 'email':
        text = `${text} ${pick([`If you want to discuss this, email me at ${emailOf(p)}.`, `Happy to talk more: ${emailOf(p)}`, `My email is ${emailOf(p)} if anyone wants to follow up.`, `(${emailOf(p)})`])}`;
        break;
      case 'phone':
        text = `${text} ${pick([`Feel free to call me on ${phoneOf(p)}.`, `If anyone wants to discuss this, ring me on ${phoneOf(p)}.`, `Tel ${phoneOf(p)}`])}`;
        break;
      case 'postcode':
        text = chance(0.5)
          ? `${pick([`For context, I live in ${home} (${postcodeOf(p)}).`, `I'm at ${postcodeOf(p)}, right in the middle of this.`, `I live at ${postcodeOf(p)}.`])} ${text}`
          : `${text} ${pick([`Postcode: ${postcodeOf(p)}`, `(My postcode is ${postcodeOf(p)} if that matters for your analysis.)`])}`;
        break;
    }
  }
  return { ...a, text, personalData: [...a.personalData, ...kinds] };
}

// ---------------------------------------------------------------------------------------------------------------
// Closed questions
// ---------------------------------------------------------------------------------------------------------------

function agreeFrom(weights: readonly number[]): Agree {
  return weighted(AGREE.map((a, i): [Agree, number] => [a, weights[i]]));
}

function closedQ5(p: Persona): Agree {
  const base: Record<Stance, number[]> = {
    support: [35, 45, 12, 5, 3],
    mixed: [8, 32, 32, 20, 8],
    oppose: [3, 10, 22, 30, 35],
  };
  const w = base[p.stance].slice();
  if (p.type === 'local authority') {
    w[0] += 20;
    w[1] += 20;
  }
  return agreeFrom(w);
}

function closedQ6(p: Persona, mentionedTowns: boolean): Agree {
  const w = [30, 35, 20, 10, 5];
  if (mentionedTowns || p.concerns.includes('towns') || (p.city !== null && !isFive(p.city))) {
    w[0] += 35;
    w[1] += 10;
  }
  if (p.type === 'business' && isFive(p.city)) {
    w[2] += 15;
    w[3] += 8;
  }
  if (p.stance === 'oppose') w[4] += 10;
  return agreeFrom(w);
}

function closedQ7(p: Persona, mentioned: ThemeDef[]): Priority {
  const w: Record<Priority, number> = {
    Skills: 30,
    Transport: 26,
    'Digital infrastructure': 14,
    'Business support': 14,
    Research: 8,
  };
  if (p.type === 'business') {
    w['Business support'] += 20;
    w['Digital infrastructure'] += 10;
  }
  if (p.type === 'academic') {
    w.Research += 30;
    w.Skills += 15;
  }
  if (p.type === 'voluntary sector') w.Skills += 35;
  if (p.type === 'local authority') w.Transport += 20;
  for (const tag of p.concerns) {
    const pr = TAG_PRIORITY[tag];
    if (pr) w[pr] += 25;
  }
  for (const t of mentioned) {
    for (const tag of t.tags) {
      const pr = TAG_PRIORITY[tag];
      if (pr) w[pr] += 15;
    }
  }
  if (p.campaign) w[p.campaign.priority] += 150;
  return weighted(PRIORITIES.map((pr): [Priority, number] => [pr, w[pr]]));
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------------------------

const DAYS = 84; // 2 March 2026 (Monday) .. 25 May 2026 (Monday, closing day)
const BANK_HOLIDAYS = new Set([32, 35, 63, 83]); // Good Friday, Easter Monday, early May, spring bank holiday
const OPEN_MINUTE = 9 * 60;
const CLOSE_MINUTE = 23 * 60 + 59;

function dayOfWeek(day: number): number {
  return new Date(Date.UTC(2026, 2, 2 + day)).getUTCDay();
}

function dayWeight(day: number): number {
  const launch = 7 * Math.exp(-day / 2.5);
  const deadline = 9 * Math.exp(-(DAYS - 1 - day) / 3);
  const press = 1.5 * Math.exp(-Math.abs(day - 38) / 1.5); // a newspaper piece in mid-April
  let w = 1 + launch + deadline + press;
  const dow = dayOfWeek(day);
  if (dow === 6) w *= 0.45;
  if (dow === 0) w *= 0.55;
  if (BANK_HOLIDAYS.has(day)) w *= day === DAYS - 1 ? 0.85 : 0.6;
  if (day >= 30 && day <= 44) w *= 0.85; // Easter school holidays
  return w;
}

const ONLINE_HOURS = [
  0.3, 0.15, 0.08, 0.05, 0.05, 0.1, 0.3, 0.8, 1.2, 1.6, 1.7, 1.7, 2, 1.9, 1.5, 1.4, 1.3, 1.2, 1.3, 1.7, 2, 1.9, 1.3,
  0.7,
];
const OFFICE_HOURS = [0, 0, 0, 0, 0, 0, 0, 0.3, 1, 2, 2, 2, 1.3, 1.6, 2, 2, 1.6, 0.8, 0.3, 0.2, 0.2, 0.1, 0, 0];

function pickMinute(p: Persona, day: number): number {
  const office = p.channel === 'paper' || (isOrg(p) && chance(0.7)) || (p.channel === 'email' && chance(0.5));
  const base = office ? OFFICE_HOURS : ONLINE_HOURS;
  const hours = base.map((w, h): [number, number] => {
    let x = w;
    if (day === DAYS - 1 && h >= 19) x *= 2.5;
    if (day === 0 && h < 9) x = 0;
    return [h, x];
  });
  const h = weighted(hours);
  let m = h * 60 + int(0, 59);
  if (day === 0 && m < OPEN_MINUTE) m = OPEN_MINUTE + int(0, 120);
  if (day === DAYS - 1 && m > CLOSE_MINUTE) m = CLOSE_MINUTE;
  return m;
}

function organicDay(p: Persona): number {
  const ws = Array.from({ length: DAYS }, (_v, d): [number, number] => [d, dayWeight(d)]);
  let d = weighted(ws);
  if (p.channel === 'paper') {
    // Paper forms are logged on the working day they arrive.
    d = Math.min(DAYS - 1, d + int(1, 4));
    while (d < DAYS - 1 && (dayOfWeek(d) === 0 || dayOfWeek(d) === 6 || BANK_HOLIDAYS.has(d))) d++;
  }
  return d;
}

function campaignDay(c: CampaignDef): number {
  const launch = weighted(c.waves);
  const lag = Math.floor(-Math.log(1 - rnd()) * 2.2);
  let d = Math.min(DAYS - 1, launch + lag);
  if ((dayOfWeek(d) === 0 || dayOfWeek(d) === 6) && chance(0.4)) d = Math.min(DAYS - 1, d + 2);
  return d;
}

function isoFor(day: number, minute: number): string {
  // British Summer Time starts at 01:00 UTC on Sunday 29 March 2026 (day 27).
  const bst = day > 27 || (day === 27 && minute >= 120);
  const ms = Date.UTC(2026, 2, 2 + day, 0, minute - (bst ? 60 : 0), int(0, 59));
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

// ---------------------------------------------------------------------------------------------------------------
// Assembling respondents
// ---------------------------------------------------------------------------------------------------------------

const TOTAL = 2000;

interface Built {
  persona: Persona;
  submittedAt: string;
  answers: Record<string, string>;
  themes: Record<string, string[]>;
  personalData: Set<PiiKind>;
}

function buildOpenAnswer(q: OpenQ, p: Persona, answeredBefore: number): Answer {
  if (p.channel === 'easy-read') return easyReadAnswer(q, p);
  const dismissRate = p.type === 'individual' ? (p.stance === 'oppose' ? 0.12 : 0.012) : 0;
  if (chance(dismissRate)) return dismissiveAnswer(q, p);
  const cls = lengthClass(p);
  switch (cls) {
    case 'tiny':
      return tinyAnswer(q, p, answeredBefore);
    case 'short':
      return shortAnswer(q, p);
    case 'medium':
      return chance(0.07) ? listAnswer(q, p) : mediumAnswer(q, p, answeredBefore === 0, false);
    case 'long':
      return mediumAnswer(q, p, answeredBefore === 0, true);
    default:
      return essayAnswer(q, p);
  }
}

function buildRespondent(p: Persona): Built {
  const answers: Record<string, string> = {};
  const themes: Record<string, string[]> = {};
  const personalData = new Set<PiiKind>();
  const mentioned: ThemeDef[] = [];
  const lowChannel = p.channel === 'paper' || p.channel === 'easy-read';
  const openCodes: string[] = [];
  const built: Record<string, Answer> = {};
  let answeredBefore = 0;

  for (const q of OPEN_QUESTIONS) {
    const fromCampaign = p.campaign !== null && q.code in p.campaign.templates;
    let rate = q.rate;
    if (p.campaign) rate = fromCampaign ? 0.97 : p.campaign.otherRate;
    else if (lowChannel) rate -= 0.08;
    else if (p.verbosity === 'terse') rate -= 0.1;
    else if (isOrg(p)) rate = Math.min(0.97, rate + 0.05);
    if (!chance(rate)) continue;
    let a: Answer;
    if (fromCampaign && p.campaign) a = campaignAnswer(p.campaign, q.code, p);
    else {
      a = buildOpenAnswer(q, p, answeredBefore);
      a = { ...a, text: paraphrase(a.text, p) };
    }
    if (a.noisy) a = { ...a, text: addNoise(a.text, p) };
    if (p.channel === 'paper') a = { ...a, text: paperTranscription(a.text) };
    built[q.code] = a;
    openCodes.push(q.code);
    answeredBefore++;
    for (const name of a.themes) {
      const t = q.themes.find((x) => x.name === name);
      if (t) mentioned.push(t);
    }
  }

  // Personal data: a sign-off on e-mailed responses, and occasional details anywhere else.
  if (openCodes.length > 0) {
    const last = openCodes[openCodes.length - 1];
    const signs = p.channel === 'email' ? (isOrg(p) ? 0.3 : 0.26) : p.campaign && p.channel === 'online' ? 0.02 : 0;
    if (chance(signs)) built[last] = addPersonalData(built[last], p, true);
    const rate = p.channel === 'paper' ? 0.045 : p.channel === 'easy-read' ? 0.01 : 0.013;
    for (const code of openCodes) {
      const a = built[code];
      if (a.text.length > 12 && chance(rate)) built[code] = addPersonalData(a, p, false);
    }
  }

  for (const q of QUESTIONS) {
    if (q.kind === 'open') {
      const a = built[q.code];
      if (!a) continue;
      answers[q.code] = a.text;
      themes[q.code] = a.themes;
      for (const k of a.personalData) personalData.add(k as PiiKind);
    } else {
      const rate = lowChannel ? 0.88 : p.campaign ? 0.9 : 0.95;
      const skip = !chance(rate);
      if (skip && Object.keys(answers).length > 0) continue;
      if (q.code === 'Q5') answers.Q5 = closedQ5(p);
      else if (q.code === 'Q6')
        answers.Q6 = closedQ6(
          p,
          mentioned.some((t) => t.tags.includes('towns')),
        );
      else answers.Q7 = closedQ7(p, mentioned);
    }
  }

  return { persona: p, submittedAt: isoFor(p.day, p.minute), answers, themes, personalData };
}

function generate(): { consultation: SampleConsultation; truth: SampleTruth } {
  const personas: Persona[] = [];
  for (const c of CAMPAIGNS) {
    for (let i = 0; i < c.size; i++) {
      const p = makePersona('individual', c);
      p.day = campaignDay(c);
      p.minute = pickMinute(p, p.day);
      personas.push(p);
    }
  }
  const organic = TOTAL - personas.length;
  for (let i = 0; i < organic; i++) {
    const type = weighted<RespondentType>([
      ['individual', 71.5],
      ['business', 12.5],
      ['voluntary sector', 7.5],
      ['academic', 4.5],
      ['local authority', 3.2],
    ]);
    const p = makePersona(type, null);
    p.day = organicDay(p);
    p.minute = pickMinute(p, p.day);
    personas.push(p);
  }

  const built = personas.map((p, i) => ({ i, b: buildRespondent(p) }));
  built.sort((x, y) => (x.b.submittedAt < y.b.submittedAt ? -1 : x.b.submittedAt > y.b.submittedAt ? 1 : x.i - y.i));

  const respondents: SampleRespondent[] = [];
  const truthRespondents: SampleTruth['respondents'] = {};
  built.forEach(({ b }, idx) => {
    const externalId = `NF-${String(idx + 1).padStart(6, '0')}`;
    const p = b.persona;
    respondents.push({
      externalId,
      type: p.type,
      organisation: p.organisation,
      city: p.city,
      submittedAt: b.submittedAt,
      channel: p.channel,
      attributes: p.attributes,
      answers: b.answers,
    });
    truthRespondents[externalId] = {
      themes: b.themes,
      campaign: p.campaign ? p.campaign.id : null,
      personalData: [...b.personalData].sort(),
    };
  });

  const consultation: SampleConsultation = {
    consultation: {
      title: 'Northern Futures: a consultation on TechNorth',
      description:
        "TechNorth is a proposed partnership between the city regions of Manchester, Leeds, Sheffield, Liverpool and Newcastle to grow the North's technology sector. This consultation asked for views on attracting inward investment, keeping technology graduates in the North, skills and retraining, and how the five cities' technology clusters should work together. This is a synthetic sample: every respondent, organisation and response in it is invented.",
      opensAt: isoForExact(0, OPEN_MINUTE),
      closesAt: isoForExact(DAYS - 1, CLOSE_MINUTE),
    },
    questions: QUESTIONS,
    respondents,
  };
  const truth: SampleTruth = {
    themes: Object.fromEntries(OPEN_QUESTIONS.map((q) => [q.code, q.themes.map((t) => t.name)])),
    respondents: truthRespondents,
  };
  return { consultation, truth };
}

function isoForExact(day: number, minute: number): string {
  const bst = day > 27;
  return new Date(Date.UTC(2026, 2, 2 + day, 0, minute - (bst ? 60 : 0), 0)).toISOString().replace('.000Z', 'Z');
}

// ---------------------------------------------------------------------------------------------------------------
// Output: one respondent per line keeps the files small and diffable
// ---------------------------------------------------------------------------------------------------------------

function serialiseConsultation(c: SampleConsultation): string {
  return [
    '{',
    ` "consultation": ${JSON.stringify(c.consultation)},`,
    ' "questions": [',
    c.questions.map((q) => `  ${JSON.stringify(q)}`).join(',\n'),
    ' ],',
    ' "respondents": [',
    c.respondents.map((r) => `  ${JSON.stringify(r)}`).join(',\n'),
    ' ]',
    '}',
    '',
  ].join('\n');
}

function serialiseTruth(t: SampleTruth): string {
  const entries = Object.entries(t.respondents).map(([id, r]) => `  ${JSON.stringify(id)}: ${JSON.stringify(r)}`);
  return [
    '{',
    ` "themes": ${JSON.stringify(t.themes, null, 1).replace(/\n/g, '\n ')},`,
    ' "respondents": {',
    entries.join(',\n'),
    ' }',
    '}',
    '',
  ].join('\n');
}

function main(): void {
  const { consultation, truth } = generate();
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'sample');
  mkdirSync(outDir, { recursive: true });
  const mainText = serialiseConsultation(consultation);
  const truthText = serialiseTruth(truth);
  // Both must be valid JSON.
  JSON.parse(mainText);
  JSON.parse(truthText);
  writeFileSync(join(outDir, 'northern-futures.json'), mainText);
  writeFileSync(join(outDir, 'northern-futures.truth.json'), truthText);

  const rs = consultation.respondents;
  let open = 0;
  let closed = 0;
  for (const r of rs) {
    for (const code of Object.keys(r.answers)) {
      if (code <= 'Q4') open++;
      else closed++;
    }
  }
  const truthRs = Object.values(truth.respondents);
  const members = truthRs.filter((r) => r.campaign !== null).length;
  const byCampaign = CAMPAIGNS.map((c) => `${c.id} ${truthRs.filter((r) => r.campaign === c.id).length}`).join(', ');
  const piiAnswers = countPiiAnswers(consultation);
  const mb = (s: string): string => `${(Buffer.byteLength(s) / 1e6).toFixed(2)} MB`;
  console.log(
    `northern-futures: ${rs.length} respondents, ${open + closed} answers (${open} open, ${closed} closed), ` +
      `${members} campaign members (${byCampaign}), ${piiAnswers} open answers with personal data, ` +
      `sizes ${mb(mainText)} + truth ${mb(truthText)}`,
  );
}

/** Open answers containing personal data, found by pattern (a cross-check on the truth file). */
function countPiiAnswers(c: SampleConsultation): number {
  const re =
    /@example\.(com|org|net)|07700 ?900|\+44 7700|0161 496|0113 496|0114 496|0151 496|0191 498|[Mm]y name is|\n(Regards|Kind regards|Many thanks|Thanks|Best wishes|Cheers|Best|Yours faithfully|Yours sincerely),?\n|[Pp]ostcode|I live at|I'm at [A-Z]{1,2}\d|\([A-Z]{1,2}\d{1,2} \d[A-Z]{2}\)/;
  let n = 0;
  for (const r of c.respondents) for (const [code, a] of Object.entries(r.answers)) if (code <= 'Q4' && re.test(a)) n++;
  return n;
}

main();
