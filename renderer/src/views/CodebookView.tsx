import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeDeletionImpact } from '../../../shared/contract.ts';
import { type CodebookEntry, type Language, POLARITIES, type Polarity } from '../../../shared/domain.ts';
import { kuulo } from '../bridge.ts';
import { Dialog } from '../components/Dialog.tsx';
import { type Field, type FieldValue, FormDialog, optionalInt, str } from '../components/FormDialog.tsx';
import { ItemButton } from '../components/ItemButton.tsx';
import { useScreen } from '../components/useScreen.ts';
import { attempt, unwrap, useNotify } from '../store/notify.ts';
import { useShortcuts } from '../store/shortcuts.ts';

type DialogState =
  | { kind: 'new'; isGroup: boolean; parentId?: string }
  | { kind: 'edit'; code: CodebookEntry }
  | { kind: 'merge'; code: CodebookEntry }
  | { kind: 'delete'; code: CodebookEntry };

/** The codebook: shared groups and codes plus the open engagement's own, with usage counts. */
export function CodebookView({ engagementId }: { engagementId?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [codebook, setCodebook] = useState<CodebookEntry[] | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [showRetired, setShowRetired] = useState(false);

  const load = useCallback(
    () =>
      attempt(async () => setCodebook(await unwrap(kuulo.getCodebook(engagementId ? { engagementId } : {})))),
    [engagementId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    useShortcuts.setState({ onNew: () => setDialog({ kind: 'new', isGroup: false }) });
    return () => useShortcuts.setState({ onNew: null });
  }, []);

  useScreen(codebook ? t('codebook.title') : undefined);
  if (!codebook) return <p className="loading">{t('app.loading')}</p>;
  const visible = codebook.filter((c) => showRetired || !c.retired);
  const groups = visible.filter((c) => c.isGroup);
  const ungrouped = visible.filter((c) => !c.isGroup && !c.parentId);
  const other: Language = lang === 'fi' ? 'en' : 'fi';
  const close = () => setDialog(null);
  const setRetired = (code: CodebookEntry, retired: boolean) =>
    attempt(async () => {
      await unwrap(kuulo.updateCode({ id: code.id, patch: { retired } }));
      await load();
    });

  const row = (code: CodebookEntry) => (
    <li key={code.id} className={`code-row${code.retired ? ' retired' : ''}`} data-code={code.key ?? code.id}>
      <span className="swatch" style={{ background: code.color }} />
      <div className="code-text">
        <strong>{code.name[lang]}</strong> <span className="muted">/ {code.name[other]}</span>
        {code.polarity !== 'neutral' && (
          <span className={`badge polarity-${code.polarity}`} data-polarity={code.polarity}>
            {t(`codebook.polarities.${code.polarity}`)}
          </span>
        )}
        {code.engagementId && <span className="badge">{t('codebook.engagementOwn')}</span>}
        {code.retired && <span className="badge">{t('codebook.retired')}</span>}
        <p className="muted small">{code.description[lang]}</p>
      </div>
      {code.hotkey ? <kbd>Ctrl+{code.hotkey}</kbd> : <span />}
      <span className="usage">{t('codebook.usage', { count: code.usage })}</span>
      <span className="row-actions">
        <ItemButton
          label={t('app.edit')}
          item={code.name[lang]}
          className="link"
          onClick={() => setDialog({ kind: 'edit', code })}
        />
        <ItemButton
          label={t('codebook.merge')}
          item={code.name[lang]}
          className="link"
          onClick={() => setDialog({ kind: 'merge', code })}
        />
        <ItemButton
          label={code.retired ? t('codebook.restore') : t('codebook.retire')}
          item={code.name[lang]}
          className="link"
          onClick={() => setRetired(code, !code.retired)}
        />
        <ItemButton
          label={t('app.delete')}
          item={code.name[lang]}
          className="link danger-quiet"
          onClick={() => setDialog({ kind: 'delete', code })}
        />
      </span>
    </li>
  );

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('codebook.title')}</h1>
          <p className="muted">{t('codebook.lead')}</p>
        </div>
        <div className="actions">
          <label className="check">
            <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />
            {t('codebook.showRetired')}
          </label>
          <button type="button" onClick={() => setDialog({ kind: 'new', isGroup: true })}>
            + {t('codebook.newGroup')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => setDialog({ kind: 'new', isGroup: false })}
          >
            + {t('codebook.newCode')}
          </button>
        </div>
      </header>
      {groups.map((group) => (
        <section key={group.id} className="code-group" data-group={group.key ?? group.id}>
          <header className="code-group-head">
            <span className="swatch" style={{ background: group.color }} />
            <h2>{group.name[lang]}</h2>
            <span className="muted small">{group.name[other]}</span>
            {group.retired && <span className="badge">{t('codebook.retired')}</span>}
            <span className="row-actions">
              <button
                type="button"
                className="link"
                aria-label={t('a11y.addCode', {
                  action: `+ ${t('codebook.newCode')}`,
                  group: group.name[lang],
                })}
                onClick={() => setDialog({ kind: 'new', isGroup: false, parentId: group.id })}
              >
                + {t('codebook.newCode')}
              </button>
              <ItemButton
                label={t('app.edit')}
                item={group.name[lang]}
                className="link"
                onClick={() => setDialog({ kind: 'edit', code: group })}
              />
              <ItemButton
                label={group.retired ? t('codebook.restore') : t('codebook.retire')}
                item={group.name[lang]}
                className="link"
                onClick={() => setRetired(group, !group.retired)}
              />
              <ItemButton
                label={t('app.delete')}
                item={group.name[lang]}
                className="link danger-quiet"
                onClick={() => setDialog({ kind: 'delete', code: group })}
              />
            </span>
          </header>
          <ul className="codes">{visible.filter((c) => c.parentId === group.id).map(row)}</ul>
        </section>
      ))}
      {ungrouped.length > 0 && (
        <section className="code-group">
          <header className="code-group-head">
            <h2>{t('codebook.noGroup')}</h2>
          </header>
          <ul className="codes">{ungrouped.map(row)}</ul>
        </section>
      )}

      {(dialog?.kind === 'new' || dialog?.kind === 'edit') && (
        <CodeForm
          codebook={codebook}
          engagementId={engagementId}
          dialog={dialog}
          onClose={close}
          onSaved={load}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeDialog code={dialog.code} codebook={codebook} lang={lang} onClose={close} onMerged={load} />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteCodeDialog code={dialog.code} lang={lang} onClose={close} onDeleted={load} />
      )}
    </div>
  );
}

function CodeForm({
  codebook,
  engagementId,
  dialog,
  onClose,
  onSaved,
}: {
  codebook: CodebookEntry[];
  engagementId: string | undefined;
  dialog: { kind: 'new'; isGroup: boolean; parentId?: string } | { kind: 'edit'; code: CodebookEntry };
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const code = dialog.kind === 'edit' ? dialog.code : undefined;
  const isGroup = code ? code.isGroup : dialog.kind === 'new' && dialog.isGroup;
  const fields: Field[] = [
    { name: 'nameFi', label: t('codebook.nameFi'), kind: 'text', required: true },
    { name: 'nameEn', label: t('codebook.nameEn'), kind: 'text', required: true },
    { name: 'descriptionFi', label: t('codebook.descriptionFi'), kind: 'textarea' },
    { name: 'descriptionEn', label: t('codebook.descriptionEn'), kind: 'textarea' },
    { name: 'color', label: t('codebook.color'), kind: 'color', required: true },
    ...(isGroup
      ? []
      : ([
          {
            name: 'parentId',
            label: t('codebook.group'),
            kind: 'select',
            options: codebook.filter((c) => c.isGroup).map((g) => ({ value: g.id, label: g.name[lang] })),
          },
          {
            name: 'polarity',
            label: t('codebook.polarity'),
            kind: 'radio',
            hint: t('codebook.polarityHint'),
            options: POLARITIES.map((p) => ({ value: p, label: t(`codebook.polarities.${p}`) })),
          },
          {
            name: 'hotkey',
            label: t('codebook.hotkey'),
            kind: 'select',
            options: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => {
              const holder = codebook.find((c) => c.hotkey === n && c.id !== code?.id);
              return { value: String(n), label: holder ? `${n} (${holder.name[lang]})` : String(n) };
            }),
          },
        ] satisfies Field[])),
    ...(!code && engagementId
      ? ([
          {
            name: 'scope',
            label: t('codebook.scope'),
            kind: 'select',
            required: true,
            options: [
              { value: 'engagement', label: t('codebook.scopeEngagement') },
              { value: 'shared', label: t('codebook.scopeShared') },
            ],
          },
        ] satisfies Field[])
      : []),
  ];
  const initial: Record<string, FieldValue> = {
    nameFi: code?.name.fi ?? '',
    nameEn: code?.name.en ?? '',
    descriptionFi: code?.description.fi ?? '',
    descriptionEn: code?.description.en ?? '',
    color: code?.color ?? '#56b4e9',
    parentId: code?.parentId ?? (dialog.kind === 'new' ? (dialog.parentId ?? '') : ''),
    hotkey: code?.hotkey ? String(code.hotkey) : '',
    polarity: code?.polarity ?? 'neutral',
    scope: 'engagement',
  };
  return (
    <FormDialog
      title={code ? t('codebook.editCode') : isGroup ? t('codebook.newGroup') : t('codebook.newCode')}
      fields={fields}
      initial={initial}
      submitLabel={code ? t('app.save') : t('app.create')}
      onClose={onClose}
      onSubmit={async (v) => {
        const common = {
          name: { fi: str(v.nameFi), en: str(v.nameEn) },
          description: { fi: str(v.descriptionFi), en: str(v.descriptionEn) },
          color: str(v.color),
          ...(isGroup
            ? {}
            : {
                parentId: str(v.parentId) || null,
                hotkey: optionalInt(v.hotkey),
                polarity: str(v.polarity) as Polarity,
              }),
        };
        if (code) await unwrap(kuulo.updateCode({ id: code.id, patch: common }));
        else
          await unwrap(
            kuulo.createCode({
              ...common,
              isGroup,
              engagementId: engagementId && str(v.scope) === 'engagement' ? engagementId : null,
            }),
          );
        await onSaved();
      }}
    />
  );
}

function MergeDialog({
  code,
  codebook,
  lang,
  onClose,
  onMerged,
}: {
  code: CodebookEntry;
  codebook: CodebookEntry[];
  lang: Language;
  onClose: () => void;
  onMerged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  // One engagement's own code can only take codings of that engagement: the service refuses the rest.
  const targets = codebook.filter(
    (c) =>
      !c.isGroup && c.id !== code.id && (c.engagementId === null || c.engagementId === code.engagementId),
  );
  const [targetId, setTargetId] = useState(targets[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const merge = async () => {
    try {
      const result = await unwrap(kuulo.mergeCodes({ sourceId: code.id, targetId }));
      useNotify.getState().push('info', t('codebook.merged', result));
      await onMerged();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Dialog
      title={t('codebook.mergeTitle', { name: code.name[lang] })}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="button" className="primary" onClick={merge} disabled={!targetId}>
            {t('codebook.mergeConfirm')}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">{t('codebook.mergeTarget')}</span>
        <select value={targetId} onChange={(e) => setTargetId(e.target.value)}>
          {targets.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name[lang]}
            </option>
          ))}
        </select>
      </label>
      <p>{t('codebook.mergeExplain', { count: code.usage, name: code.name[lang] })}</p>
      {error && <p className="form-error">{error}</p>}
    </Dialog>
  );
}

function DeleteCodeDialog({
  code,
  lang,
  onClose,
  onDeleted,
}: {
  code: CodebookEntry;
  lang: Language;
  onClose: () => void;
  onDeleted: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [impact, setImpact] = useState<CodeDeletionImpact | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    unwrap(kuulo.codeDeletionImpact({ id: code.id })).then(setImpact, (e: Error) => setError(e.message));
  }, [code.id]);
  const remove = async () => {
    try {
      await unwrap(kuulo.deleteCode({ id: code.id }));
      await onDeleted();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Dialog
      title={t('codebook.deleteTitle', { name: code.name[lang] })}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="button" className="danger" onClick={remove} disabled={!impact}>
            {t('delete.confirm')}
          </button>
        </>
      }
    >
      {impact && (
        <p className="impact-text">
          {impact.isGroup
            ? t('codebook.deleteGroup', { count: impact.movedCodes })
            : impact.codings > 0
              ? t('codebook.deleteCode', { count: impact.codings, interviews: impact.interviews })
              : t('codebook.deleteUnused')}
        </p>
      )}
      {impact && impact.findings > 0 && (
        <p className="impact-text">{t('codebook.deleteFindings', { count: impact.findings })}</p>
      )}
      <p className="muted">{t('delete.toTrash')}</p>
      {error && <p className="form-error">{error}</p>}
    </Dialog>
  );
}
