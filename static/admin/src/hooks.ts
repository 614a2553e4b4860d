import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from './api';

export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiError }
  | { readonly status: 'ready'; readonly data: T };

/**
 * Loads once on mount (and again on `reload`); an answer that arrives after unmount or after a
 * newer load is dropped. `update` changes the loaded data in place (after a save).
 */
export function useLoad<T>(load: () => Promise<T>) {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (data) => {
        if (live) setState({ status: 'ready', data });
      },
      (e: unknown) => {
        if (live) setState({ status: 'error', error: toApiError(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [round]);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setRound((r) => r + 1);
  }, []);
  const update = useCallback((f: (data: T) => T) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', data: f(s.data) } : s));
  }, []);
  return { state, reload, update };
}

/** Runs one action at a time: `busy` while it runs, its error kept until the next run. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (e) {
      if (mounted.current) setError(toApiError(e));
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setError(undefined);
  }, []);
  return { busy, error, run, clear };
}
