import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { claimIsSmallN, claimSentence, claimTiers, segmentLabel, tierLine } from '../../../shared/claims.ts';
import {
  CLAIM_SENTIMENTS,
  CLAIM_UNITS,
  type ClaimDefinition,
  type CodebookEntry,
  type Finding,
  type Language,
  PRIORITIES,
  type Quote,
} from '../../../shared/domain.ts';
import { percentOf } from '../../../shared/format.ts';
import { kuulo } from '../bridge.ts';
import { Dialog } from '../components/Dialog.tsx';
import { type Field, type FieldValue, FormDialog, list, str } from '../components/FormDialog.tsx';
import { focusNeighbourOnRemoval } from '../components/focus.ts';
import { ItemButton } from '../components/ItemButton.tsx';
import { lazyComponent, WhenLoaded } from '../components/Lazy.tsx';
import { useScreen } from '../components/useScreen.ts';
import { claimFormValues, claimFromForm, SEGMENT_CHOICES, segmentKey } from '../store/findingClaim.ts';
import { attempt, unwrap } from '../store/notify.ts';
import { useShortcuts } from '../store/shortcuts.ts';
import { useWorkspace } from '../store/workspace.ts';
import { FindingActions } from './ActionsView.tsx';

// The export dialog (its privacy review and progress) loads when it is opened.
const ExportDialog = lazyComponent(() => import('./ExportDialog.tsx').then((m) => m.ExportDialog));

type DialogState =
  | { kind: 'new' }
  | { kind: 'edit'; finding: Finding }
  | { kind: 'delete'; finding: Finding }
  | { kind: 'export' };

/** The findings board: conclusions in report order, each with its evidence strength and quotes. */
export function FindingsView({ engagementId }: { engagementId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const current = useWorkspace((s) => s.current);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [codebook, setCodebook] = useState<CodebookEntry[]>([]);
  const [dialog, setDialog] = useState<DialogState | null>(null);

  const load = useCallback(
    () =>
      attempt(async () => {
        const [list, codes] = await Promise.all([
          unwrap(kuulo.listFindings({ engagementId })),
          unwrap(kuulo.getCodebook({ engagementId })),
        ]);
        setFindings(list);
        setCodebook(codes);
      }),
    [engagementId],
  );
  useEffect(() => {
    void load();
    if (useWorkspace.getState().current?.engagement.id !== engagementId)
      void attempt(() => useWorkspace.getState().loadEngagement(engagementId));
    useShortcuts.setState({ onNew: () => setDialog({ kind: 'new' }) });
    return () => useShortcuts.setState({ onNew: null });
  }, [load, engagementId]);

  useScreen(
    t('findings.title'),
    findings && current ? `${current.engagement.clientName} · ${current.engagement.title}` : undefined,
  );
  if (!findings) return <p className="loading page">{t('app.loading')}</p>;
  const codes = codebook.filter((c) => !c.isGroup && (!c.retired || c.usage > 0));
  const codeName = new Map(codebook.map((c) => [c.id, c]));
  const fields = (values: Record<string, FieldValue>): Field[] => [
    { name: 'title', label: t('findings.fieldTitle'), kind: 'text', required: true },
    { name: 'keyMessage', label: t('findings.keyMessage'), kind: 'textarea' },
    { name: 'body', label: t('findings.body'), kind: 'textarea' },
    { name: 'recommendation', label: t('findings.recommendation'), kind: 'textarea' },
    {
      name: 'priority',
      label: t('findings.priority'),
      kind: 'select',
      required: true,
      options: PRIORITIES.map((p) => ({ value: p, label: t(`findings.priorities.${p}`) })),
    },
    {
      name: 'codeIds',
      label: t('findings.codes'),
      kind: 'checkboxes',
      options: codes.map((c) => ({ value: c.id, label: `${c.name[lang]} (${c.usage})` })),
    },
    // The claim counts some of the linked themes: it is set once there are any.
    ...(list(values.codeIds).length ? claimFields(list(values.codeIds)) : []),
  ];
  const claimFields = (linked: string[]): Field[] => [
    {
      name: 'claimCodeIds',
      label: `${t('findings.claim')}: ${t('findings.claimCodes')}`,
      kind: 'checkboxes',
      hint: t('findings.claimCodesHint'),
      options: linked.map((id) => ({ value: id, label: codeName.get(id)?.name[lang] ?? id })),
    },
    {
      name: 'claimSentiment',
      label: t('findings.claimSentiment'),
      kind: 'select',
      required: true,
      options: CLAIM_SENTIMENTS.map((s) => ({ value: s, label: t(`findings.claimSentiments.${s}`) })),
    },
    {
      name: 'claimSegment',
      label: t('findings.claimSegment'),
      kind: 'select',
      required: true,
      options: [
        { value: '', label: t('findings.wholeSample') },
        ...SEGMENT_CHOICES.map((s) => ({
          value: segmentKey(s),
          label: segmentLabel(s, lang),
        })),
      ],
    },
    {
      name: 'claimUnit',
      label: t('findings.claimUnit'),
      kind: 'select',
      required: true,
      options: CLAIM_UNITS.map((u) => ({ value: u, label: t(`findings.claimUnits.${u}`) })),
    },
  ];
  const move = (finding: Finding, to: number) =>
    attempt(async () => setFindings(await unwrap(kuulo.moveFinding({ id: finding.id, to }))));
  const setQuotes = (finding: Finding, quoteIds: string[]) =>
    attempt(async () => {
      await unwrap(kuulo.updateFinding({ id: finding.id, patch: { quoteIds } }));
      await load();
    });

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <span className="card-kicker">{current?.engagement.clientName}</span>
          <h1>
            {t('findings.title')} · {current?.engagement.title}
          </h1>
          <p className="muted">{t('findings.lead')}</p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => setDialog({ kind: 'export' })}>
            {t('findings.export')}
          </button>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })} title="Ctrl+N">
            + {t('findings.new')}
          </button>
        </div>
      </header>
      {findings.length === 0 && <p className="empty">{t('findings.empty')}</p>}
      <ol className="findings">
        {findings.map((finding, index) => (
          <li key={finding.id} className="finding" data-finding={finding.title}>
            <header className="finding-head">
              <span className="finding-number">{index + 1}</span>
              <div className="finding-title">
                <h2>{finding.title}</h2>
                {finding.keyMessage && <p className="key-message">{finding.keyMessage}</p>}
              </div>
              <span className={`badge priority-${finding.priority}`}>
                {t(`findings.priorities.${finding.priority}`)}
              </span>
              <span className="row-actions">
                <button
                  type="button"
                  className="link"
                  disabled={index === 0}
                  onClick={() => move(finding, index - 1)}
                  aria-label={t('a11y.actOn', { action: t('findings.moveUp'), name: finding.title })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="link"
                  disabled={index === findings.length - 1}
                  onClick={() => move(finding, index + 1)}
                  aria-label={t('a11y.actOn', { action: t('findings.moveDown'), name: finding.title })}
                >
                  ↓
                </button>
                <ItemButton
                  label={t('app.edit')}
                  item={finding.title}
                  className="link"
                  onClick={() => setDialog({ kind: 'edit', finding })}
                />
                <ItemButton
                  label={t('app.delete')}
                  item={finding.title}
                  className="link danger-quiet"
                  onClick={() => setDialog({ kind: 'delete', finding })}
                />
              </span>
            </header>
            <ClaimBox finding={finding} />
            <div className="finding-codes">
              {finding.codeIds.map((id) => (
                <span key={id} className="code-chip" style={{ borderColor: codeName.get(id)?.color }}>
                  {codeName.get(id)?.name[lang]}
                </span>
              ))}
            </div>
            {finding.body && <p className="finding-body">{finding.body}</p>}
            {finding.recommendation && (
              <p className="finding-recommendation">
                <strong>{t('findings.recommendation')}:</strong> {finding.recommendation}
              </p>
            )}
            {finding.recommendation && <FindingActions finding={finding} />}
            <EvidenceQuotes
              finding={finding}
              onRemove={(q) =>
                setQuotes(
                  finding,
                  finding.quotes.filter((x) => x.id !== q.id).map((x) => x.id),
                )
              }
              onAdd={(q) => setQuotes(finding, [...finding.quotes.map((x) => x.id), q.id])}
            />
          </li>
        ))}
      </ol>

      {(dialog?.kind === 'new' || dialog?.kind === 'edit') && (
        <FormDialog
          title={dialog.kind === 'new' ? t('findings.new') : t('findings.edit')}
          fields={fields}
          initial={
            dialog.kind === 'edit'
              ? {
                  title: dialog.finding.title,
                  keyMessage: dialog.finding.keyMessage,
                  body: dialog.finding.body,
                  recommendation: dialog.finding.recommendation,
                  priority: dialog.finding.priority,
                  codeIds: dialog.finding.codeIds,
                  ...claimFormValues(dialog.finding.claim),
                }
              : {
                  title: '',
                  keyMessage: '',
                  body: '',
                  recommendation: '',
                  priority: 'medium',
                  codeIds: [],
                  ...claimFormValues(null),
                }
          }
          submitLabel={dialog.kind === 'new' ? t('app.create') : t('app.save')}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            const fieldsIn = {
              title: str(v.title),
              keyMessage: str(v.keyMessage),
              body: str(v.body),
              recommendation: str(v.recommendation),
              priority: str(v.priority) as Finding['priority'],
              codeIds: list(v.codeIds),
              ...withClaim(claimFromForm(v)),
            };
            if (dialog.kind === 'new') await unwrap(kuulo.createFinding({ engagementId, ...fieldsIn }));
            else await unwrap(kuulo.updateFinding({ id: dialog.finding.id, patch: fieldsIn }));
            await load();
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <Dialog
          title={t('findings.delete')}
          onClose={() => setDialog(null)}
          footer={
            <>
              <button type="button" onClick={() => setDialog(null)}>
                {t('app.cancel')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() =>
                  attempt(async () => {
                    await unwrap(kuulo.deleteFinding({ id: dialog.finding.id }));
                    setDialog(null);
                    await load();
                  })
                }
              >
                {t('delete.confirm')}
              </button>
            </>
          }
        >
          <p>{t('findings.deleteConfirm', { title: dialog.finding.title })}</p>
        </Dialog>
      )}
      {dialog?.kind === 'export' && current && (
        <WhenLoaded>
          <ExportDialog engagement={current.engagement} onClose={() => setDialog(null)} />
        </WhenLoaded>
      )}
    </div>
  );
}

const withClaim = (claim: ClaimDefinition | undefined) => (claim ? { claim } : {});

/** The finding's figure as its claim in words, with n, and the same claim by tier. */
function ClaimBox({ finding }: { finding: Finding }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  if (!finding.codeIds.length) return <p className="evidence muted small">{t('findings.noEvidence')}</p>;
  const { claim } = finding;
  const tiers = claimTiers(claim);
  return (
    <div className="evidence-box">
      <p className="evidence" data-testid="claim">
        {/* Grey for a base under 5, like the small-n cells of the analysis: no confident colour. */}
        <span
          className={`evidence-meter${claimIsSmallN(claim) ? ' small-n' : ''}`}
          data-small-n={claimIsSmallN(claim) || undefined}
          aria-hidden="true"
        >
          <span style={{ width: `${percentOf(claim.count, claim.base)}%` }} />
        </span>
        {claimSentence(claim, lang)}
      </p>
      {tiers.length > 0 && (
        <p className="claim-tiers small muted" data-testid="claim-tiers">
          <span>{t('findings.byTier')}:</span>
          {tiers.map(({ tier, counts }) => (
            <span key={tier} className={`badge tier-${tier}`}>
              {tierLine(tier, counts, lang)}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

/** A quote's opening words, enough to say which one: the whole of a long quote would be read out. */
const quoteOpening = (q: Quote) => (q.quote.length > 60 ? `${q.quote.slice(0, 60)}…` : q.quote);

function EvidenceQuotes({
  finding,
  onRemove,
  onAdd,
}: {
  finding: Finding;
  onRemove: (q: Quote) => void;
  onAdd: (q: Quote) => void;
}) {
  const { t } = useTranslation();
  const [suggestions, setSuggestions] = useState<Quote[] | null>(null);
  const section = useRef<HTMLElement>(null);
  const open = () =>
    attempt(async () => setSuggestions(await unwrap(kuulo.suggestQuotes({ id: finding.id }))));
  // A quote removed or added leaves its list: the focus goes on to the next one in it, and from the
  // last one to Add quotes (or, with no codes linked, the heading).
  const whenGone = (control: HTMLElement, list: string) =>
    focusNeighbourOnRemoval(
      control,
      `.${list} > li`,
      () =>
        section.current?.querySelector<HTMLElement>('.panel-head button') ??
        section.current?.querySelector('h3'),
    );
  const addLabel = `+ ${t('findings.add')}`;
  return (
    <section className="evidence-quotes" ref={section}>
      <div className="panel-head">
        <h3>{t('findings.quotes')}</h3>
        {finding.codeIds.length > 0 && (
          <ItemButton
            label={t('findings.addQuotes')}
            item={finding.title}
            className="link"
            onClick={() => (suggestions ? setSuggestions(null) : open())}
          />
        )}
      </div>
      {finding.quotes.length === 0 && <p className="muted small">{t('findings.noQuotes')}</p>}
      <ul className="finding-quotes chosen-quotes">
        {finding.quotes.map((q) => (
          <li key={q.id}>
            <blockquote>
              {q.star && '★ '}“{q.quote}”
            </blockquote>
            <span className="muted small">
              {q.accountName} · {t(`account.tiers.${q.tier}`)} ·{' '}
              {q.roleLevels.map((r) => t(`person.roleLevels.${r}`)).join(', ')}
            </span>
            <ItemButton
              label={t('findings.remove')}
              item={t('findings.quoted', { quote: quoteOpening(q) })}
              className="link danger-quiet small"
              onClick={(e) => {
                whenGone(e.currentTarget, 'chosen-quotes');
                onRemove(q);
              }}
            />
          </li>
        ))}
      </ul>
      {suggestions && (
        <div className="suggestions">
          <h4>{t('findings.suggestions')}</h4>
          {suggestions.length === 0 && <p className="muted small">{t('findings.noSuggestions')}</p>}
          <ul className="finding-quotes suggested-quotes">
            {suggestions.slice(0, 12).map((q) => (
              <li key={q.id}>
                <blockquote>
                  {q.star && '★ '}“{q.quote}”
                </blockquote>
                <span className="muted small">
                  {q.accountName} · {t(`account.tiers.${q.tier}`)}
                </span>
                <button
                  type="button"
                  className="link small"
                  // Six "+ Add" in a row: the name says which quote, after the visible words.
                  aria-label={t('findings.addNamed', {
                    add: addLabel,
                    quote: t('findings.quoted', { quote: quoteOpening(q) }),
                  })}
                  onClick={(e) => {
                    whenGone(e.currentTarget, 'suggested-quotes');
                    onAdd(q);
                    setSuggestions((s) => s?.filter((x) => x.id !== q.id) ?? null);
                  }}
                >
                  {addLabel}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
