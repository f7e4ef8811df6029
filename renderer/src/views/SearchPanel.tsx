import { type KeyboardEvent, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, ROLE_LEVELS, TIERS } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import type { SearchHit } from '../../../shared/search.ts';
import { CodePicker } from '../components/CodePicker.tsx';
import {
  clearFilters,
  closeSearch,
  codeSelected,
  focusField,
  openHit,
  pickCode,
  runSearch,
  type SearchScope,
  selectAll,
  selectedEngagements,
  setFilters,
  setQuery,
  setScope,
  toggleHit,
  undoCoding,
  useSearch,
} from '../store/search.ts';
import { groupHits, type HitGroup, hitKey, snippetParts } from '../store/searchHits.ts';
import { useWorkspace } from '../store/workspace.ts';

/** ↓ and ↑ go from the search field through the hits and back, as in a list. */
function moveAmongHits(e: KeyboardEvent): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const panel = (e.currentTarget as HTMLElement).closest('.search-panel');
  const stops = [
    document.getElementById('search-field'),
    ...(panel?.querySelectorAll<HTMLElement>('.search-hit-open') ?? []),
  ];
  const at = stops.indexOf(e.target as HTMLElement);
  if (at < 0) return;
  const next = stops[at + (e.key === 'ArrowDown' ? 1 : -1)];
  if (!next) return;
  e.preventDefault();
  next.focus();
}

const toggle = <T,>(list: T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/**
 * The search panel: beside whatever screen is open, so a passage opened from it shows in its interview
 * while the hits stay here. Ctrl+F searches the open interview, Ctrl+Shift+F the engagement or all.
 */
export function SearchPanel() {
  const { t } = useTranslation();
  const s = useSearch();
  const groups = useMemo(() => groupHits(s.hits), [s.hits]);
  const noteHits = s.hits.filter((h) => h.kind === 'note').length;
  const allSelected = noteHits > 0 && s.selected.length === noteHits;
  // The panel's code loads on its first opening, after openSearch asked for the focus: ask again here.
  useEffect(focusField, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !s.picking) {
      e.preventDefault();
      closeSearch();
    }
  };

  return (
    <aside className="search-panel" aria-labelledby="search-title" onKeyDown={onKeyDown}>
      <header className="search-head">
        <h2 id="search-title">{t('search.title')}</h2>
        {/* Named by its words, not by the key and the cross it shows. */}
        <button type="button" className="quiet" onClick={closeSearch}>
          <span className="visually-hidden">{t('search.close')}</span>
          <span aria-hidden="true">
            <kbd>Esc</kbd> ×
          </span>
        </button>
      </header>
      <search className="search-form">
        <label className="visually-hidden" htmlFor="search-field">
          {t('search.field')}
        </label>
        <input
          id="search-field"
          type="search"
          className="search-field"
          value={s.query}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void runSearch();
            else moveAmongHits(e);
          }}
        />
        <p className="muted small search-syntax">{t('search.syntax')}</p>
        <ScopeChooser />
        <Filters />
      </search>
      <StatusLine groups={groups} />
      {s.status === 'error' && (
        <p className="form-error search-error" role="alert">
          {t('search.failed', { message: s.error })}
        </p>
      )}
      {noteHits > 0 && (
        <div className="search-selection">
          <label className="check">
            <input type="checkbox" checked={allSelected} onChange={(e) => selectAll(e.target.checked)} />
            {t('search.selectAll')}
          </label>
          <span className="muted small" aria-live="polite">
            {s.selected.length > 0 && t('search.selected', { count: s.selected.length })}
          </span>
          <button
            type="button"
            className="primary"
            disabled={s.selected.length === 0}
            onClick={() => void pickCode()}
          >
            {t('search.codeSelected')}
          </button>
        </div>
      )}
      {selectedEngagements(s).length > 1 && (
        <p className="muted small search-mixed">{t('search.otherEngagements')}</p>
      )}
      <div className="search-results">
        <Results groups={groups} />
        {s.more && (
          <button type="button" className="search-more" onClick={() => void runSearch(true)}>
            {t('search.more')}
          </button>
        )}
      </div>
      {s.picking && (
        <CodePicker
          target={{
            title: t('search.pickerTitle', { count: s.selected.length }),
            codebook: s.picking.codebook,
            engagementId: s.picking.engagementId,
            onChoose: (codeId, name) => void codeSelected(codeId, name),
            onClose: () => useSearch.setState({ picking: null }),
          }}
        />
      )}
    </aside>
  );
}

function ScopeChooser() {
  const { t } = useTranslation();
  const { scope, interviewId, engagementId } = useSearch();
  const engagements = useWorkspace((w) => w.engagements);
  const scopes: SearchScope[] = [
    ...(interviewId ? (['interview'] as const) : []),
    ...(engagementId ? (['engagement'] as const) : []),
    'all',
  ];
  return (
    <div className="search-scope">
      <fieldset className="chips">
        <legend className="field-label">{t('search.scope')}</legend>
        {scopes.map((value) => (
          <button
            key={value}
            type="button"
            className={`chip${scope === value ? ' active' : ''}`}
            aria-pressed={scope === value}
            onClick={() => setScope(value)}
          >
            {t(`search.scopes.${value}`)}
          </button>
        ))}
      </fieldset>
      {scope === 'engagement' && engagements && engagements.length > 1 && (
        <label className="field inline-field">
          <span className="field-label">{t('search.engagement')}</span>
          <select value={engagementId ?? ''} onChange={(e) => setScope('engagement', e.target.value)}>
            {engagements.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

function Filters() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { filters, scope, codebook } = useSearch();
  const inInterview = scope === 'interview';
  const active =
    filters.tiers.length +
    filters.roleLevels.length +
    (filters.codeId ? 1 : 0) +
    (filters.from ? 1 : 0) +
    (filters.to ? 1 : 0);
  const codes = codebook.filter((c) => !c.isGroup && !c.retired);
  return (
    <details className="search-filters" open={active > 0 || undefined}>
      <summary>
        {t('search.filters')}
        {active > 0 && <span className="badge">{active}</span>}
      </summary>
      {!inInterview && (
        <>
          <fieldset className="chips">
            <legend className="field-label">{t('search.tier')}</legend>
            {TIERS.map((tier) => (
              <button
                key={tier}
                type="button"
                className={`chip${filters.tiers.includes(tier) ? ' active' : ''}`}
                aria-pressed={filters.tiers.includes(tier)}
                onClick={() => setFilters({ tiers: toggle(filters.tiers, tier) })}
              >
                {t(`account.tiers.${tier}`)}
              </button>
            ))}
          </fieldset>
          <fieldset className="chips">
            <legend className="field-label">{t('search.roleLevel')}</legend>
            {ROLE_LEVELS.map((level) => (
              <button
                key={level}
                type="button"
                className={`chip${filters.roleLevels.includes(level) ? ' active' : ''}`}
                aria-pressed={filters.roleLevels.includes(level)}
                onClick={() => setFilters({ roleLevels: toggle(filters.roleLevels, level) })}
              >
                {t(`person.roleLevels.${level}`)}
              </button>
            ))}
          </fieldset>
        </>
      )}
      <div className="search-filter-row">
        <label className="field">
          <span className="field-label">{t('search.code')}</span>
          <select
            value={filters.codeId ?? ''}
            onChange={(e) => setFilters({ codeId: e.target.value || null })}
          >
            <option value="">{t('search.anyCode')}</option>
            {codes.map((code) => (
              <option key={code.id} value={code.id}>
                {code.name[lang]}
              </option>
            ))}
          </select>
        </label>
        {!inInterview && (
          <>
            <label className="field">
              <span className="field-label">{t('search.from')}</span>
              <input
                type="date"
                value={filters.from}
                onChange={(e) => setFilters({ from: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('search.to')}</span>
              <input type="date" value={filters.to} onChange={(e) => setFilters({ to: e.target.value })} />
            </label>
          </>
        )}
      </div>
      {active > 0 && (
        <button type="button" className="link" onClick={clearFilters}>
          {t('search.clearFilters')}
        </button>
      )}
    </details>
  );
}

function StatusLine({ groups }: { groups: HitGroup[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { status, total, hits, notice, coding, query } = useSearch();
  const interviews = groups.filter((g) => g.kind === 'interview').length;
  let text = '';
  if (status === 'searching') text = t('search.searching');
  else if (status === 'done' && total > 0) {
    text = t('search.total', { count: total });
    if (interviews) text += ` · ${t('account.interviewsCount', { count: interviews })}`;
    if (hits.length < total) text += ` · ${t('search.shown', { shown: hits.length })}`;
  }
  return (
    <div className="search-status" role="status">
      {text && <p className="muted small search-total">{text}</p>}
      {notice && (
        <p className={`search-notice${notice.kind === 'undone' ? ' undone' : ''}`}>
          <span>
            {notice.kind === 'coded'
              ? t('search.coded', { count: notice.count, code: notice.code[lang] })
              : notice.kind === 'nothingNew'
                ? t('search.nothingNew', { code: notice.code[lang] })
                : t('search.undone')}
          </span>
          {notice.kind === 'coded' && coding && (
            <button type="button" onClick={() => void undoCoding()}>
              ↶ {t('search.undo')}
            </button>
          )}
        </p>
      )}
      {status === 'idle' && !query.trim() && <p className="search-empty">{t('search.empty')}</p>}
      {status === 'done' && total === 0 && (
        <div className="search-empty">
          <p className="search-empty-line">{t('search.noHits', { query: query.trim() })}</p>
          <p className="muted small search-empty-line">{t('search.noHitsHint')}</p>
        </div>
      )}
    </div>
  );
}

function Results({ groups }: { groups: HitGroup[] }) {
  const { t } = useTranslation();
  if (!groups.length) return null;
  return (
    <ol className="search-groups" aria-label={t('search.results')}>
      {groups.map((group) => (
        <li key={group.key} className="search-group">
          {group.kind === 'interview' ? (
            <InterviewHeading about={group.about} count={group.hits.length} />
          ) : (
            <h3 className="search-group-title">
              {t(`search.groups.${group.kind}`)}{' '}
              <span className="muted small">{t('search.passages', { count: group.hits.length })}</span>
            </h3>
          )}
          <ul className="search-hits">
            {group.hits.map((hit) => (
              <Hit key={hitKey(hit)} hit={hit} />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function InterviewHeading({ about, count }: { about: SearchHit; count: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const scope = useSearch((s) => s.scope);
  return (
    <h3 className="search-group-title interview-heading">
      {scope === 'all' && <span className="search-engagement">{about.engagementName}</span>}
      <span className="search-account">{about.accountName}</span>
      {about.tier && <span className={`badge tier-${about.tier}`}>{t(`account.tiers.${about.tier}`)}</span>}
      <span className="search-count">{t('search.passages', { count })}</span>
      <span className="search-about muted small">
        {[
          about.intervieweeName &&
            `${about.intervieweeName}${about.roleLevel ? ` (${t(`person.roleLevels.${about.roleLevel}`)})` : ''}`,
          about.date ? formatter(lang).date(about.date, 'short') : t('search.noDate'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
    </h3>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const key = hitKey(hit);
  const selected = useSearch((s) => s.selected.includes(key));
  const codebook = useSearch((s) => s.codebook);
  const codes = hit.codeIds.flatMap((id) => codebook.filter((c) => c.id === id));
  const where =
    hit.kind === 'note'
      ? hit.paragraph !== null
        ? t('search.paragraph', { n: hit.paragraph + 1 })
        : ''
      : hit.kind === 'finding'
        ? hit.engagementName
        : hit.accountName;
  return (
    <li className={`search-hit${selected ? ' selected' : ''}`} data-testid="search-hit">
      {hit.kind === 'note' && (
        <input
          type="checkbox"
          checked={selected}
          aria-label={t('search.selectHit')}
          onChange={() => toggleHit(key)}
        />
      )}
      <button
        type="button"
        className="search-hit-open"
        onClick={() => void openHit(hit)}
        onKeyDown={moveAmongHits}
        title={hit.kind === 'note' ? t('search.openHit') : undefined}
      >
        <span className="search-snippet">
          {snippetParts(hit.snippet, hit.highlights).map((part, i) =>
            part.marked ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one snippet never move
              <mark key={i}>{part.text}</mark>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one snippet never move
              <span key={i}>{part.text}</span>
            ),
          )}
        </span>
        {(where || codes.length > 0) && (
          <span className="search-hit-meta">
            {where && <span className="muted small">{where}</span>}
            {codes.map((code) => (
              <span
                key={code.id}
                className="code-chip"
                style={{ borderColor: code.color }}
                title={t('search.codedWith')}
              >
                {code.name[lang]}
              </span>
            ))}
          </span>
        )}
      </button>
    </li>
  );
}
