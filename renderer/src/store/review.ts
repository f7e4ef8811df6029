import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input } from '../../../shared/contract.ts';
import type { DecisionAction, IdentityReview, RegisterEntry } from '../../../shared/identity/types.ts';
import { kuulo } from '../bridge.ts';
import { unwrap } from './notify.ts';

export type ReviewRequest = Input<'reviewIdentifiers'>;

export interface ReviewState {
  review: IdentityReview | null;
  /** True while a (re)load is under way; the last review stays shown meanwhile. */
  loading: boolean;
  error: string | null;
  /** The engagement's register, loaded the first time someone opens "Link to…". */
  register: RegisterEntry[] | null;
  loadRegister: () => Promise<void>;
  decide: (key: string, action: DecisionAction, linkTo?: string | null) => Promise<void>;
  reload: () => void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The identity review of one export request. Reloads when the request changes (after a short pause,
 * so ticking several sections runs one scan) and after every decision; an answer to an older
 * request never overwrites a newer one.
 */
export function useIdentityReview(request: ReviewRequest | null): ReviewState {
  const [review, setReview] = useState<IdentityReview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [register, setRegister] = useState<RegisterEntry[] | null>(null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const requestKey = request ? JSON.stringify(request) : null;

  const load = useCallback(async (json: string) => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const next = await unwrap(kuulo.reviewIdentifiers(JSON.parse(json) as ReviewRequest));
      if (ticket !== latest.current) return;
      setReview(next);
      setError(null);
    } catch (e) {
      if (ticket === latest.current) setError(message(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation forces a reload of the same request
  useEffect(() => {
    if (!requestKey) {
      latest.current++;
      setLoading(false);
      return;
    }
    const timer = setTimeout(() => void load(requestKey), 120);
    return () => clearTimeout(timer);
  }, [requestKey, generation, load]);

  const engagementId = request?.engagementId ?? null;

  const decide = useCallback(
    async (key: string, action: DecisionAction, linkTo: string | null = null) => {
      if (!engagementId || !requestKey) return;
      try {
        await unwrap(kuulo.decideIdentifier({ engagementId, key, action, linkTo }));
        await load(requestKey);
      } catch (e) {
        setError(message(e));
      }
    },
    [engagementId, requestKey, load],
  );

  const loadRegister = useCallback(async () => {
    if (!engagementId || register) return;
    try {
      setRegister(await unwrap(kuulo.identityRegister({ engagementId })));
    } catch (e) {
      setError(message(e));
    }
  }, [engagementId, register]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { review, loading, error, register, loadRegister, decide, reload };
}
