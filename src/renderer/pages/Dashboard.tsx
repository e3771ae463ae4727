import { useState, type ReactNode } from 'react';
import type { ChartId, ChartRequest, CountingView, DashboardFilter, Question, TimeBucket } from '../../shared/api';
import type { AreaProps } from '../areas';
import { ChartFrame } from '../components/charts/ChartFrame';
import { useFilterInAddress, useSharedFilter } from '../filter-store';
import { useCall } from '../hooks';
import { openResponses } from '../navigation';
import { FilterBar } from '../responses/FilterBar';

const shortQuestion = (q: Question): string => `${q.code}: ${q.text.length > 70 ? `${q.text.slice(0, 69)}…` : q.text}`;

/** One chart's numbers, fetched again whenever what it shows changes. */
function useChart(request: ChartRequest) {
  return useCall('dashboard.chart', request, JSON.stringify(request));
}

interface ChartProps {
  name: ChartId;
  title: string;
  filter: DashboardFilter;
  counting: CountingView;
  source: string;
  extra?: Partial<ChartRequest>;
  controls?: ReactNode;
}

function Chart({ name, title, filter, counting, source, extra, controls }: ChartProps) {
  const { data, loading, error } = useChart({ chart: name, filter, counting, ...extra });
  return (
    <ChartFrame
      name={name}
      title={title}
      result={data}
      loading={loading}
      error={error}
      onOpen={openResponses}
      source={source}
      controls={controls}
    />
  );
}

export function Dashboard({ project }: AreaProps) {
  const questions = useCall('questions.list', undefined, project.path);
  const facets = useCall('responses.facets', undefined, project.path);
  const meta = useCall('dashboard.meta', undefined, project.path);
  const settings = useCall('settings.get', undefined, project.path);
  const [filter, setFilter] = useSharedFilter();
  const [message, setMessage] = useState('');
  // The switch is part of the filter, so a bar's click-through opens Responses counting the same way.
  const counting: CountingView = filter.counting ?? 'responses';
  const [bucket, setBucket] = useState<TimeBucket>('week');
  const [closedId, setClosedId] = useState<number | undefined>(undefined);
  const inView = useCall('dashboard.count', { filter, counting }, JSON.stringify([filter, counting]));
  useFilterInAddress('dashboard', filter);

  const all = questions.data ?? [];
  const closed = all.filter((q) => q.kind === 'closed');
  const chosen = all.find((q) => q.id === filter.questionId);
  const source = project.title;
  const common = { filter, counting, source };
  const themes = useChart({ chart: 'themes', filter, counting });
  const themesReady = themes.data?.state !== 'unavailable';
  const campaignsFound = meta.data?.available.campaigns ?? false;
  const hasFilter = Object.keys(filter).length > 0;

  return (
    <section className="page dashboard" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">Dashboard</h1>
        <p className="count" aria-live="polite">
          {inView.data
            ? `${inView.data.respondents.toLocaleString('en-GB')} respondents${hasFilter ? ' match' : ''}`
            : ''}
        </p>
      </div>

      <p role="status" className={message ? 'message' : 'visually-hidden'}>
        {message}
      </p>
      <FilterBar
        questions={all}
        facets={facets.data}
        analyst={settings.data?.analystName ?? ''}
        onMessage={setMessage}
      />

      <fieldset className="counting">
        <legend>Count campaigns</legend>
        <div className="radios">
          <label>
            <input
              type="radio"
              name="counting"
              value="responses"
              checked={counting === 'responses'}
              onChange={() => setFilter({ ...filter, counting: undefined })}
            />
            Every response
          </label>
          <label>
            <input
              type="radio"
              name="counting"
              value="campaigns-once"
              checked={counting === 'campaigns-once'}
              onChange={() => setFilter({ ...filter, counting: 'campaigns-once' })}
            />
            Each campaign once
          </label>
        </div>
        <p className="hint">
          {campaignsFound
            ? 'Campaigns are organised responses with the same words. Counting each once shows how many distinct voices there are.'
            : 'Campaigns have not been detected yet, so both settings give the same counts.'}
        </p>
      </fieldset>

      <h2>Themes{chosen ? ` in ${chosen.code}` : ''}</h2>
      <div className="chart-grid">
        <ChartFrame
          name="themes"
          title="Respondents mentioning each theme"
          result={themes.data}
          loading={themes.loading}
          error={themes.error}
          onOpen={openResponses}
          source={source}
        />
        {themesReady && (
          <>
            <Chart name="themesByType" title="Themes by respondent type (share of each type)" {...common} />
            <Chart name="themesByPlace" title="Themes by place (share of respondents in each place)" {...common} />
            <Chart name="stanceByTheme" title="Stance of the answers under each theme" {...common} />
            <Chart name="sentimentByTheme" title="Sentiment of the answers under each theme" {...common} />
          </>
        )}
      </div>

      <h2>Who responded, and when</h2>
      <div className="chart-grid">
        <Chart name="respondentsByType" title="Respondents by type" {...common} />
        <Chart name="respondentsByPlace" title="Respondents by place" {...common} />
        <div className="wide">
          <Chart
            name="overTime"
            title={`Respondents by ${bucket} of submission`}
            {...common}
            extra={{ bucket }}
            controls={
              <div className="chart-control">
                <label htmlFor="dash-bucket">Group by</label>
                <select id="dash-bucket" value={bucket} onChange={(e) => setBucket(e.target.value as TimeBucket)}>
                  <option value="day">Day</option>
                  <option value="week">Week</option>
                </select>
              </div>
            }
          />
        </div>
      </div>

      <h2>Closed questions</h2>
      <div className="chart-grid">
        {closed.length > 0 && (
          <div className="wide chart-control standalone">
            <label htmlFor="dash-closed">Closed question to chart</label>
            <select
              id="dash-closed"
              value={closedId ?? (chosen?.kind === 'closed' ? chosen.id : closed[0].id)}
              onChange={(e) => setClosedId(Number(e.target.value))}
            >
              {closed.map((q) => (
                <option key={q.id} value={q.id}>
                  {shortQuestion(q)}
                </option>
              ))}
            </select>
          </div>
        )}
        <Chart
          name="closed"
          title="Respondents giving each answer"
          {...common}
          extra={{ closedQuestionId: closedId }}
        />
        <Chart
          name="closedByType"
          title="Answers by respondent type (share of each type)"
          {...common}
          extra={{ closedQuestionId: closedId }}
        />
      </div>

      <h2>Progress of the analysis</h2>
      <div className="chart-grid">
        <div className="wide">
          <Chart
            name="progress"
            title="Responses to each open question by how far they have been analysed"
            {...common}
          />
        </div>
      </div>
    </section>
  );
}
