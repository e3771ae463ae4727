import { useCallback, useEffect, useState } from 'react';
import type { Input, Method, Output } from '../shared/api';
import { areaOf } from '../shared/filter-link';
import { api } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Calls a contract method and re-calls it when `key` (a serialisable description of the input) changes. */
export function useCall<M extends Method>(method: M, input: Input<M>, key: string): Loaded<Output<M>> {
  const [data, setData] = useState<Output<M>>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    const call = api.call as (m: Method, i?: unknown) => Promise<Output<M>>;
    call(method, input).then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // `key` stands for `input`, which callers build afresh on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [method, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** The current location's hash route, e.g. "responses" for #/responses. */
export function useRoute(fallback: string): [string, (route: string) => void] {
  // "#/responses?filter=…" is the responses route with a filter (see filter-link.ts).
  const read = (): string => areaOf(window.location.hash) || fallback;
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = (): void => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return [route, (next) => (window.location.hash = `#/${next}`)];
}
