import { useEffect, useState, type ReactNode } from 'react';
import type { ChartId, ChartRequest, CountingView, DashboardFilter, Question, TimeBucket } from '../../shared/api';
import type { AreaProps } from '../areas';
import { ChartFrame } from '../components/charts/ChartFrame';
import { useCall } from '../hooks';
import { openResponses, readFilterFromHash } from '../navigation';

const DASHBOARD = '#/dashboard';

/** The filter and counting view live in the address, so Back from a click-through returns to the same view. */
function readState(): { filter: DashboardFilter; counting: CountingView } {
  const hash = window.location.hash;
  const counting =
    new URLSearchParams(hash.split('?')[1] ?? '').get('counting') === 'campaigns-once' ? 'campaigns-once' : 'responses';
  return { filter: (hash.startsWith(DASHBOARD) && readFilterFromHash(hash)) || {}, counting };
}

function writeState(filter: DashboardFilter, counting: CountingView): void {
  const params = new URLSearchParams();
  if (Object.keys(filter).length) params.set('filter', JSON.stringify(filter));
  if (counting !== 'responses') params.set('counting', counting);
  const query = params.toString();
  window.history.replaceState(null, '', `${DASHBOARD}${query ? `?${query}` : ''}`);
}

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
  const [initial] = useState(readState);
  const [filter, setFilter] = useState<DashboardFilter>(initial.filter);
  const [counting, setCounting] = useState<CountingView>(initial.counting);
  const [searchText, setSearchText] = useState(initial.filter.search ?? '');
  const [bucket, setBucket] = useState<TimeBucket>('week');
  const [closedId, setClosedId] = useState<number | undefined>(undefined);
  const inView = useCall('dashboard.count', { filter, counting }, JSON.stringify([filter, counting]));

  useEffect(() => writeState(filter, counting), [filter, counting]);
  // Search once the user pauses typing.
  useEffect(() => {
    const timer = setTimeout(
      () =>
        setFilter((f) =>
          (f.search ?? '') === searchText.trim() ? f : { ...f, search: searchText.trim() || undefined },
        ),
      300,
    );
    return () => clearTimeout(timer);
  }, [searchText]);

  const set = (patch: Partial<DashboardFilter>) =>
    setFilter(
      (f) =>
        Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== undefined)) as DashboardFilter,
    );
  const all = questions.data ?? [];
  const closed = all.filter((q) => q.kind === 'closed');
  const chosen = all.find((q) => q.id === filter.questionId);
  const source = project.title;
  const common = { filter, counting, source };
  const themes = useChart({ chart: 'themes', filter, counting });
  const themesReady = themes.data?.state !== 'unavailable';
  const extraFilters = [
    filter.answers?.length
      ? `answers to ${filter.answers.map((a) => all.find((q) => q.id === a.questionId)?.code ?? 'a closed question').join(', ')}`
      : null,
    filter.themes?.ids.length
      ? `${filter.themes.ids.length === 1 ? 'a theme' : `${filter.themes.ids.length} themes`}`
      : null,
    filter.campaign
      ? filter.campaign === 'member'
        ? 'campaign responses only'
        : 'responses outside campaigns only'
      : null,
    filter.cities && filter.cities.length > 1 ? `${filter.cities.length} places` : null,
  ].filter((x): x is string => x !== null);
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

      <div className="filters" role="search" aria-label="Dashboard filters">
        <div>
          <label htmlFor="dash-question">Question</label>
          <select
            id="dash-question"
            value={filter.questionId ?? ''}
            onChange={(e) => set({ questionId: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">All questions</option>
            {all.map((q) => (
              <option key={q.id} value={q.id}>
                {shortQuestion(q)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="dash-type">Respondent type</label>
          <select
            id="dash-type"
            value={filter.respondentTypes?.length === 1 ? filter.respondentTypes[0] : ''}
            onChange={(e) => set({ respondentTypes: e.target.value ? [e.target.value] : undefined })}
          >
            <option value="">All types</option>
            {facets.data?.types.map((t) => (
              <option key={t.value} value={t.value}>
                {t.value}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="dash-place">Place</label>
          <select
            id="dash-place"
            value={filter.cities?.length === 1 ? filter.cities[0] : ''}
            onChange={(e) => set({ cities: e.target.value ? [e.target.value] : undefined })}
          >
            <option value="">
              {filter.cities && filter.cities.length > 1 ? `${filter.cities.length} places` : 'All places'}
            </option>
            {facets.data?.cities.map((c) => (
              <option key={c.value} value={c.value}>
                {c.value}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="dash-from">Submitted from</label>
          <input
            id="dash-from"
            type="date"
            value={filter.submittedFrom ?? ''}
            min={meta.data?.submitted?.from}
            max={meta.data?.submitted?.to}
            onChange={(e) => set({ submittedFrom: e.target.value || undefined })}
          />
        </div>
        <div>
          <label htmlFor="dash-to">to</label>
          <input
            id="dash-to"
            type="date"
            value={filter.submittedTo ?? ''}
            min={meta.data?.submitted?.from}
            max={meta.data?.submitted?.to}
            onChange={(e) => set({ submittedTo: e.target.value || undefined })}
          />
        </div>
        <div className="grow">
          <label htmlFor="dash-search">Search the answers</label>
          <input
            id="dash-search"
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder='e.g. graduates OR "rail links"'
          />
        </div>
        <button
          type="button"
          disabled={!hasFilter}
          onClick={() => {
            setSearchText('');
            setFilter({});
          }}
        >
          Clear filters
        </button>
      </div>
      {extraFilters.length > 0 && <p className="muted">Also filtered to {extraFilters.join('; ')}.</p>}

      <fieldset className="counting">
        <legend>Count campaigns</legend>
        <div className="radios">
          <label>
            <input
              type="radio"
              name="counting"
              value="responses"
              checked={counting === 'responses'}
              onChange={() => setCounting('responses')}
            />
            Every response
          </label>
          <label>
            <input
              type="radio"
              name="counting"
              value="campaigns-once"
              checked={counting === 'campaigns-once'}
              onChange={() => setCounting('campaigns-once')}
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
