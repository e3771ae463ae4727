import { useEffect, useState } from 'react';
import type { PiiFinding } from '../../shared/api';
import { useCall } from '../hooks';
import { PersonalDataNotice } from './PersonalDataNotice';
import { SentimentBadge, StanceBadge } from './StanceBadge';
import { OPEN_GROUP_KEY } from './campaigns/open-group';
import './signals.css';

/**
 * What the checks found in one response, for the reading pane: estimated stance and sentiment, the
 * campaign it belongs to, and its personal data (to review and mark). Nothing shows before the checks run.
 */
export function ResponseSignalsPanel({
  responseId,
  onFindings,
}: {
  responseId: number;
  onFindings?: (findings: PiiFinding[]) => void;
}) {
  const { data } = useCall('signals.response', { responseId }, String(responseId));
  const [findings, setFindings] = useState<PiiFinding[]>([]);
  useEffect(() => {
    if (data && data.responseId === responseId) setFindings(data.personalData);
  }, [data, responseId]);
  useEffect(() => onFindings?.(findings), [findings, onFindings]);
  if (!data || data.responseId !== responseId) return null;
  const { stance, sentiment, campaign } = data;
  if (!stance && !sentiment && !campaign && !findings.length) return null;
  return (
    <div className="signals-panel">
      {(stance || sentiment) && (
        <p className="row">
          {stance && <StanceBadge stance={stance.value} cue={stance.cue} />}
          {sentiment && <SentimentBadge score={sentiment.score} label={sentiment.label} />}
          <span className="estimate">Estimates from the words used</span>
        </p>
      )}
      {campaign && campaign.group.status !== 'dismissed' && (
        <p className="row">
          <span className="badge campaign">{campaign.group.kind === 'campaign' ? 'Campaign' : 'Duplicate'}</span>
          <span>
            One of {campaign.group.size.toLocaleString('en-GB')} near-identical responses
            {campaign.member.exact
              ? ' (same words as the template)'
              : ` (${Math.round(campaign.member.addedShare * 100)}% its own words)`}
            .{' '}
            <a href="#/campaigns" onClick={() => sessionStorage.setItem(OPEN_GROUP_KEY, String(campaign.group.id))}>
              See the group
            </a>
          </span>
        </p>
      )}
      <PersonalDataNotice findings={findings} onChange={setFindings} />
    </div>
  );
}
