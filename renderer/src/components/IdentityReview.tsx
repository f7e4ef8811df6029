import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DecisionAction,
  RegisterEntry,
  ReviewItem,
  ReviewItemKind,
  ReviewPlace,
} from '../../../shared/identity/types.ts';
import { type ReviewRequest, type ReviewState, useIdentityReview } from '../store/review.ts';
import './review.css';

type Group = 'known' | 'candidates' | 'identifiers';

const GROUP_OF: Record<ReviewItemKind, Group> = {
  known: 'known',
  candidate: 'candidates',
  email: 'identifiers',
  phone: 'identifiers',
  url: 'identifiers',
  personalId: 'identifiers',
};
const GROUPS: readonly Group[] = ['known', 'candidates', 'identifiers'];

/** A place in context, the match highlighted; shared with the erasure preview. */
export function PlaceInContext({ place }: { place: ReviewPlace }) {
  return (
    <>
      <span className="place-where">{place.where}</span>
      <span className="place-text">
        {place.before && '…'}
        {place.before}
        <mark>{place.match}</mark>
        {place.after}
        {place.after && '…'}
      </span>
    </>
  );
}

/**
 * What the report will print for every name and identifier it contains, and the consultant's say on
 * it: mask, keep as is or link to someone in the register. Decisions are stored by the services.
 */
export function IdentityReview({
  request,
  reloadToken = 0,
  passages = false,
}: {
  request: ReviewRequest;
  reloadToken?: number;
  /** Worded for a quote export: what it reviews is every coded passage of the engagement. */
  passages?: boolean;
}) {
  const state = useIdentityReview(request);
  const { t } = useTranslation();
  const { review, loading, error, reload } = state;
  const listRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadToken only signals "look again"
  useEffect(() => {
    if (reloadToken) reload();
  }, [reloadToken]);

  // An item can leave the list after a decision (linked into a known entry): keep the focus in the
  // list rather than losing it to the page.
  useEffect(() => {
    const list = listRef.current;
    if (list && review && (document.activeElement === document.body || !document.activeElement)) {
      list.focus({ preventScroll: true });
    }
  }, [review]);

  const groups = GROUPS.map((group) => ({
    group,
    items: (review?.items ?? []).filter((item) => GROUP_OF[item.kind] === group),
  })).filter((g) => g.items.length);

  return (
    <section className="identity-review" aria-labelledby={headingId} aria-busy={loading}>
      <h3 id={headingId} className="review-title">
        {t(passages ? 'review.titlePassages' : 'review.title')}
      </h3>
      <p className="review-lead small">
        {t(passages ? 'review.leadPassages' : 'review.lead')}
        {review && review.undecided > 0 && (
          <>
            {' '}
            <strong className="review-undecided">
              {t('review.undecided', { count: review.undecided })}.
            </strong>{' '}
            {t('review.undecidedMasked')}
          </>
        )}
      </p>
      {error && <p className="form-error">{t('review.failed', { message: error })}</p>}
      {!review && !error && (
        <p className="muted small" role="status">
          {t('review.loading')}
        </p>
      )}
      {review && (
        <div className="review-list" ref={listRef} tabIndex={-1} data-testid="identity-review">
          {groups.map(({ group, items }) => (
            <section key={group} className="review-group" data-group={group}>
              <h4 className="review-group-heading">
                {t(`review.${group}`)} <span className="review-group-count">{items.length}</span>
              </h4>
              <ul>
                {items.map((item) => (
                  <ReviewRow key={item.key} item={item} state={state} />
                ))}
              </ul>
            </section>
          ))}
          {/* After the names: what to decide first, then what to weigh. */}
          {review.warnings.length > 0 && (
            <section className="review-group review-warnings">
              <h4 className="review-group-heading">
                {t('review.warnings')} <span className="review-group-count">{review.warnings.length}</span>
              </h4>
              <ul>
                {review.warnings.map((w) =>
                  w.kind === 'smallSegment' ? (
                    <li key={`segment-${w.attribution}`} className="warning">
                      {t('review.warningPeople', {
                        count: w.people,
                        attribution: w.attribution,
                        quotes: w.quotes,
                      })}
                    </li>
                  ) : (
                    <li key={`account-${w.account}-${w.person}`} className="warning">
                      {t('review.warningAccount', { account: w.account, person: w.person })}
                    </li>
                  ),
                )}
              </ul>
            </section>
          )}
          {!groups.length && <p className="muted review-none">{t('review.none')}</p>}
        </div>
      )}
    </section>
  );
}

function ReviewRow({ item, state }: { item: ReviewItem; state: ReviewState }) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  // A guard rather than disabled buttons: disabling the focused button would drop the focus.
  const busy = useRef(false);
  const linkButton = useRef<HTMLButtonElement>(null);
  const decidable = item.kind === 'known' || item.kind === 'candidate';
  const isNew = item.kind === 'candidate' && !item.decided;
  const otherForms = item.forms.filter((f) => f !== item.name);
  const linkedName = item.linkedTo
    ? (state.register?.find((e) => e.id === item.linkedTo)?.name ?? null)
    : null;

  const decide = async (action: DecisionAction, linkTo: string | null = null) => {
    if (busy.current) return;
    busy.current = true;
    await state.decide(item.key, action, linkTo);
    busy.current = false;
    if (linking) closePicker();
  };
  const closePicker = () => {
    setLinking(false);
    // Back to the button that opened it (the picker had the focus); if the row is gone, the list takes it.
    requestAnimationFrame(() => linkButton.current?.focus());
  };
  const pressed = (action: DecisionAction) => item.decided && item.action === action;
  // The mask gets its own style wherever the language puts it in the sentence.
  const becomes = t('review.becomes', { mask: '\u0000' }).split('\u0000');

  // Linked items name whom they belong to: the register is needed for that name.
  const { loadRegister } = state;
  useEffect(() => {
    if (item.linkedTo) void loadRegister();
  }, [item.linkedTo, loadRegister]);

  return (
    <li
      className={`review-item${isNew ? ' is-new' : ''}`}
      data-key={item.key}
      data-kind={item.kind}
      data-decided={item.decided}
      data-action={item.action}
    >
      <div className="review-item-head">
        <div className="review-item-name">
          <strong>{item.name}</strong>
          {isNew && <span className="review-new">{t('review.new')}</span>}
          {item.kind === 'known' && item.role && (
            <span className="review-tag">{t(`identity.roles.${item.role}`)}</span>
          )}
          {GROUP_OF[item.kind] === 'identifiers' && (
            <span className="review-tag">{t(`review.kinds.${item.kind}`)}</span>
          )}
        </div>
        <div className="review-fate">
          {item.mask ? (
            <>
              {becomes[0]}
              <span className="review-mask">{item.mask}</span>
              {becomes[1]}
            </>
          ) : (
            <span className="review-kept">{t('review.keptAsIs')}</span>
          )}
          {item.action === 'link' && item.linkedTo && (
            <span className="review-linked small">
              {t('review.linkedTo', { name: linkedName ?? item.linkedTo })}
            </span>
          )}
        </div>
        {decidable && (
          <fieldset className="review-actions" aria-label={t('review.decision', { name: item.name })}>
            <button type="button" aria-pressed={pressed('mask')} onClick={() => void decide('mask')}>
              {t('review.mask')}
            </button>
            <button type="button" aria-pressed={pressed('keep')} onClick={() => void decide('keep')}>
              {t('review.keep')}
            </button>
            <button
              type="button"
              aria-pressed={pressed('link')}
              aria-expanded={linking}
              ref={linkButton}
              onClick={() => {
                setLinking((open) => !open);
                void state.loadRegister();
              }}
            >
              {t('review.link')}
            </button>
          </fieldset>
        )}
      </div>
      {linking && (
        <LinkPicker
          item={item}
          register={state.register}
          onPick={(id) => void decide('link', id)}
          onCancel={closePicker}
        />
      )}
      {otherForms.length > 0 && (
        <p className="review-forms small">{t('review.writtenAs', { forms: item.forms.join(', ') })}</p>
      )}
      {item.count > 0 && (
        <details className="review-places">
          <summary>{t('review.places', { count: item.count })}</summary>
          <ol>
            {item.places.map((place, index) => (
              // Places have no id; their order is stable for one review.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>
                <PlaceInContext place={place} />
              </li>
            ))}
          </ol>
          {item.count > item.places.length && (
            <p className="muted small">{t('review.more', { count: item.count - item.places.length })}</p>
          )}
        </details>
      )}
    </li>
  );
}

/** A select of the register; people only for a person, organisations only for an organisation. */
function LinkPicker({
  item,
  register,
  onPick,
  onCancel,
}: {
  item: ReviewItem;
  register: RegisterEntry[] | null;
  onPick: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLSelectElement>(null);
  const entries = (register ?? []).filter(
    (e) => e.id !== item.key && (item.entity === null || e.kind === item.entity),
  );
  const roles = [...new Set(entries.map((e) => e.role))];
  useEffect(() => {
    if (register) ref.current?.focus();
  }, [register]);
  // Escape closes the picker, not the whole export dialog.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the key handler only catches Escape for its controls
    <div className="review-link" onKeyDown={onKeyDown}>
      {!register ? (
        <span className="muted small">…</span>
      ) : (
        <select
          ref={ref}
          aria-label={t('review.linkTo', { name: item.name })}
          defaultValue=""
          onChange={(e) => e.target.value && onPick(e.target.value)}
        >
          <option value="" disabled>
            {t('review.linkChoose')}
          </option>
          {roles.map((role) => (
            <optgroup key={role} label={t(`identity.roles.${role}`)}>
              {entries
                .filter((e) => e.role === role)
                .map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      )}
      <button type="button" className="quiet" onClick={onCancel}>
        {t('app.cancel')}
      </button>
    </div>
  );
}
