/** The layout of the bundled sample consultation (resources/sample/*.json), written by scripts/generate-sample.ts. */

export type RespondentType = 'individual' | 'business' | 'academic' | 'local authority' | 'voluntary sector';

export type Channel = 'online' | 'email' | 'easy-read' | 'paper';

export interface SampleQuestion {
  code: string;
  text: string;
  kind: 'open' | 'closed';
  /** Closed questions only: the options in display order. */
  options?: string[];
}

export interface SampleRespondent {
  externalId: string;
  type: RespondentType;
  organisation: string | null;
  /** One of the five cities, another northern place, or null when not given. */
  city: string | null;
  /** ISO 8601 date-time. */
  submittedAt: string;
  channel: Channel;
  /** Other attributes as a survey tool would export them (age band, sector...). */
  attributes: Record<string, string>;
  /** Question code -> the answer text (open) or chosen option (closed). A missing key = not answered. */
  answers: Record<string, string>;
}

export interface SampleConsultation {
  consultation: { title: string; description: string; opensAt: string; closesAt: string };
  questions: SampleQuestion[];
  respondents: SampleRespondent[];
}

/** What the generator put in, for tests and evaluation (never shown in the app). */
export interface SampleTruth {
  /** Per open question: the latent theme names the generator drew from. */
  themes: Record<string, string[]>;
  respondents: Record<
    string,
    {
      /** Question code -> latent themes used in that answer. */
      themes: Record<string, string[]>;
      campaign: string | null;
      personalData: string[];
    }
  >;
}
