import { jobEnd } from './jobs';
import { join } from 'node:path';
import type { ApiClient, JobProgress } from '../../src/shared/api';
import type { SampleConsultation, SampleRespondent } from '../../src/shared/sample';
import { createProjectDb } from '../../src/main/db/connection';
import { loadSample } from '../../src/main/importers/sample';

/** A campaign letter, sent by 40 respondents: 10 word for word, 30 with their own edits. */
export const CAMPAIGN_TEMPLATE =
  'I support a complete ban on gambling adverts during televised sport. These adverts normalise betting for children ' +
  'and target people who are trying to recover from addiction. Football should be about the game, not the odds.\n\n' +
  'Please ban them before the next season starts, as other countries have already done.';

const OWN_WORDS = [
  'My brother lost everything to online betting.',
  'As a teacher I hear pupils talk about odds every Monday.',
  'I have supported Leeds United for forty years.',
  'Our family stopped watching matches together because of this.',
];

/** Sent word for word by the six individual respondents to Q2: a set of duplicates, not a campaign. */
export const DUPLICATE_ANSWER =
  'We need more local training courses in the evenings for adults who already work full time.';

/** Individual answers, each different. */
const INDIVIDUAL = [
  'No. A complete ban would be excessive and would hurt grassroots sport that relies on sponsorship money.',
  'I do not support this; adults can make their own choices about betting and advertising.',
  'Yes, ban them. My son started betting after seeing these adverts during the World Cup.',
  'Restrictions before the watershed would be better than an outright ban on every advert.',
  'I watch cricket on Sundays with my father and rarely notice any adverts at all.',
  'The adverts are everywhere on shirts and boards, which makes the television ban look rather pointless.',
];

const PERSONAL = [
  'Ban them. My name is Priya Kaur and you can reach me on 07700 900123 or priya.kaur@example.com.',
  'Yes. I live at LS6 3HN and see the damage every week.\n\nKind regards,\nJane Smith',
];

function respondent(n: number, answers: Record<string, string>): SampleRespondent {
  return {
    externalId: `T-${String(n).padStart(4, '0')}`,
    type: 'individual',
    organisation: null,
    city: 'Leeds',
    submittedAt: `2026-03-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00Z`,
    channel: 'online',
    attributes: {},
    answers,
  };
}

export interface SignalsFixture {
  consultation: SampleConsultation;
  campaignIds: string[];
}

export function signalsConsultation(): SignalsFixture {
  const respondents: SampleRespondent[] = [];
  const campaignIds: string[] = [];
  let n = 0;
  for (let i = 0; i < 40; i++) {
    const text =
      i < 10
        ? CAMPAIGN_TEMPLATE
        : i % 3 === 0
          ? `${OWN_WORDS[i % OWN_WORDS.length]} ${CAMPAIGN_TEMPLATE}`
          : i % 3 === 1
            ? CAMPAIGN_TEMPLATE.replace('Football', i % 2 ? 'Rugby' : 'Cricket')
            : `${CAMPAIGN_TEMPLATE}\n\n${OWN_WORDS[(i + 1) % OWN_WORDS.length]}`;
    const r = respondent(++n, { Q1: text, Q3: i % 4 === 0 ? 'Agree' : 'Strongly agree' });
    campaignIds.push(r.externalId);
    respondents.push(r);
  }
  INDIVIDUAL.forEach((text, i) =>
    respondents.push(respondent(++n, { Q1: text, Q2: DUPLICATE_ANSWER, Q3: i < 2 ? 'Disagree' : 'Agree' })),
  );
  PERSONAL.forEach((text) => respondents.push(respondent(++n, { Q1: text, Q3: 'Strongly agree' })));
  return {
    campaignIds,
    consultation: {
      consultation: {
        title: 'Gambling adverts (test)',
        description: '',
        opensAt: '2026-03-01T00:00:00Z',
        closesAt: '2026-04-01T00:00:00Z',
      },
      questions: [
        {
          code: 'Q1',
          text: 'Should gambling advertisements be banned during televised sport? Please explain why.',
          kind: 'open',
        },
        { code: 'Q2', text: 'What else would help people who gamble?', kind: 'open' },
        {
          code: 'Q3',
          text: 'To what extent do you agree with a ban on gambling adverts during televised sport?',
          kind: 'closed',
          options: ['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'],
        },
      ],
      respondents,
    },
  };
}

/** Writes the fixture into a new project file and returns its path. */
export function writeSignalsProject(dir: string): { path: string; fixture: SignalsFixture } {
  const path = join(dir, 'signals.consult');
  const fixture = signalsConsultation();
  const db = createProjectDb(path, 'Gambling adverts (test)');
  loadSample(db, fixture.consultation);
  db.close();
  return { path, fixture };
}

/** Resolves with a job's final state once it has stopped running (signals calls return the job itself). */
export function finished(api: ApiClient, job: JobProgress): Promise<JobProgress> {
  return jobEnd(api, job.id);
}
