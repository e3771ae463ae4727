import { useRef, useState, type KeyboardEvent } from 'react';
import type { AreaProps } from '../areas';
import { CampaignsTab } from '../components/campaigns/CampaignsTab';
import { PersonalDataTab } from '../components/campaigns/PersonalDataTab';
import { StanceTab } from '../components/campaigns/StanceTab';
import { useCall } from '../hooks';
import '../components/signals.css';

const TABS = [
  { id: 'campaigns', label: 'Campaigns' },
  { id: 'personal', label: 'Personal data' },
  { id: 'stance', label: 'Stance and sentiment' },
] as const;

type Tab = (typeof TABS)[number]['id'];

/** What to know before counting anything: campaigns, personal data, stance and sentiment. */
export function Campaigns({ project }: AreaProps) {
  const [tab, setTab] = useState<Tab>('campaigns');
  const questions = useCall('questions.list', undefined, project.path);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // The tabs pattern: arrow keys move between tabs, Home and End go to the ends.
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const to = (next + TABS.length) % TABS.length;
    setTab(TABS[to].id);
    refs.current[to]?.focus();
  };
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">Campaigns</h1>
      <div className="tabs" role="tablist" aria-label="Checks before counting">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'campaigns' && <CampaignsTab questions={questions.data ?? []} />}
      {tab === 'personal' && <PersonalDataTab />}
      {tab === 'stance' && <StanceTab />}
    </section>
  );
}
