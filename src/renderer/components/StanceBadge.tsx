import type { SentimentLabel, Stance } from '../../shared/api';
import './signals.css';

export const STANCE_TEXT: Record<Stance, string> = {
  agree: 'Agrees',
  disagree: 'Disagrees',
  mixed: 'Mixed',
  unclear: 'Unclear',
};
export const SENTIMENT_TEXT: Record<SentimentLabel, string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
};

/**
 * A response's estimated stance, for the Responses table and the reading pane. The title says it is an
 * estimate and, where there is one, which words decided it.
 */
export function StanceBadge({ stance, cue }: { stance: Stance; cue?: string | null }) {
  const title = `Estimated stance${cue ? `, from “${cue}”` : ''}: a reading of the words, not the respondent's own answer.`;
  return (
    <span className={`badge ${stance}`} title={title}>
      {STANCE_TEXT[stance]}
      <span className="visually-hidden"> (estimate)</span>
    </span>
  );
}

/** A response's estimated sentiment (-1 to 1), labelled, with the score in its title. */
export function SentimentBadge({ score, label }: { score: number; label: SentimentLabel }) {
  return (
    <span
      className={`badge ${label}`}
      title={`Estimated sentiment ${score.toFixed(2)} (from -1, negative, to 1, positive), from the words used.`}
    >
      {SENTIMENT_TEXT[label]}
      <span className="visually-hidden"> sentiment (estimate)</span>
    </span>
  );
}
