import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INTERVIEW_MODES,
  INTERVIEW_STATUSES,
  type InterviewDetail,
  type RelationshipLevel,
} from '../../../shared/domain.ts';
import { kuulo } from '../bridge.ts';
import { CodePicker } from '../components/CodePicker.tsx';
import { ConfirmDelete } from '../components/ConfirmDelete.tsx';
import { NotesUnreadable } from '../components/NotesUnreadable.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { ImportTranscriptButton, TranscriptImportDialog } from '../components/TranscriptImport.tsx';
import { useScreen } from '../components/useScreen.ts';
import { NotesEditor } from '../editor/NotesEditor.tsx';
import { useCodings } from '../store/codings.ts';
import { useGuide } from '../store/guide.ts';
import { useInterview } from '../store/interview.ts';
import { useNotes } from '../store/notes.ts';
import { attempt, unwrap } from '../store/notify.ts';
import { useRouter } from '../store/router.ts';
import { useShortcuts } from '../store/shortcuts.ts';
import { useWorkspace } from '../store/workspace.ts';
import { CodingPanel } from './CodingPanel.tsx';
import { GuidePanel } from './GuidePanel.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';

export function InterviewView({ id, codingId }: { id: string; codingId?: string | undefined }) {
  const { t } = useTranslation();
  const detail = useInterview((s) => s.detail);
  const notesVersion = useInterview((s) => s.notesVersion);
  const navigate = useRouter((s) => s.navigate);
  const showTimestamps = useNotes((s) => s.showTimestamps);
  const [deleting, setDeleting] = useState(false);
  const [chosenTab, setSideTab] = useState<'codings' | 'interview' | 'guide' | null>(null);
  const hasCodings = useCodings((s) => Object.keys(s.codings).length > 0);
  // Until the consultant picks a tab: codings once there are some, the interview's facts before that.
  const sideTab = chosenTab ?? (hasCodings ? 'codings' : 'interview');
  const pickerOpen = useCodings((s) => s.pickerOpen);
  // Live mode shows the guide beside the notes.
  useEffect(() => useGuide.subscribe((s, p) => s.live && !p.live && setSideTab('guide')), []);
  // Mod+Shift+K twice in the notes asks for a coding's details: they are on the codings tab.
  useEffect(
    () => useCodings.subscribe((s, p) => s.focusDetails !== p.focusDetails && setSideTab('codings')),
    [],
  );

  useEffect(() => {
    useInterview.setState({ detail: null });
    void attempt(async () => {
      await useInterview.getState().load(id);
      const detail = useInterview.getState().detail;
      if (!detail) return;
      await useCodings.getState().load(id, detail.engagementId);
      await useGuide.getState().load(id, detail.engagementId);
      // The top bar's links and the people of the account come with the engagement.
      if (useWorkspace.getState().current?.engagement.id !== detail.engagementId) {
        await useWorkspace.getState().loadEngagement(detail.engagementId);
      }
    });
  }, [id]);

  useEffect(() => {
    if (!detail) return;
    const engagementId = detail.engagementId;
    useShortcuts.setState({
      onBack: () => navigate({ name: 'engagement', id: engagementId, tab: 'interviews' }),
    });
    return () => useShortcuts.setState({ onBack: null });
  }, [detail, navigate]);

  const codingsReady = useCodings((s) => s.interviewId === id);
  const ready = detail?.id === id && codingsReady;
  useScreen(t('interview.title'), ready ? `${detail.accountName} · ${detail.engagement.title}` : undefined);
  if (!detail || detail.id !== id || !codingsReady) return <p className="loading">{t('app.loading')}</p>;

  return (
    <div className={`interview${showTimestamps ? ' show-ts' : ''}`}>
      <section className="interview-main">
        <header className="interview-header">
          <div>
            <span className="card-kicker">
              <a href={`#/engagement/${detail.engagementId}/interviews`}>{detail.engagement.title}</a>
            </span>
            <h1>
              {detail.accountName}{' '}
              <span className={`badge tier-${detail.tier}`}>{t(`account.tiers.${detail.tier}`)}</span>
            </h1>
            <p className="muted">
              {detail.interviewees
                .map((p) => `${p.name} (${t(`person.roleLevels.${p.roleLevel}`)})`)
                .join(', ') || t('app.none')}
            </p>
          </div>
          <div className="interview-header-actions">
            <ImportTranscriptButton
              target={{ engagementId: detail.engagementId, interviewId: detail.id }}
              label={t('transcriptImport.action')}
              disabled={!!detail.notes.problem}
            />
            <SaveIndicator />
          </div>
        </header>
        {detail.notes.problem ? (
          <NotesUnreadable notes={detail.notes} />
        ) : (
          <NotesEditor
            // Opened again when a search's coding or an import rewrote the notes, so it edits the stored revision.
            key={`${detail.id}:${notesVersion}`}
            interviewId={detail.id}
            engagementId={detail.engagementId}
            initialDoc={detail.notes.doc}
            initialRevision={detail.notes.revision}
            focusCodingId={codingId}
          />
        )}
      </section>
      <aside className="interview-side">
        <Tabs
          label={t('a11y.sidePanel')}
          className="side-tabs"
          panelClassName="side-tabpanel"
          selected={sideTab}
          onSelect={setSideTab}
          tabs={[
            { key: 'codings', label: t('coding.codings') },
            { key: 'interview', label: t('coding.interviewTab') },
            { key: 'guide', label: t('guide.tab') },
          ]}
        >
          {sideTab === 'guide' ? (
            <GuidePanel engagementId={detail.engagementId} />
          ) : sideTab === 'codings' ? (
            <CodingPanel />
          ) : (
            <>
              <DetailsPanel detail={detail} />
              <ScoresPanel detail={detail} />
              <RelationshipPanel detail={detail} />
              <button type="button" className="danger-quiet" onClick={() => setDeleting(true)}>
                {t('interview.delete')}
              </button>
            </>
          )}
        </Tabs>
      </aside>
      {pickerOpen && <CodePicker />}
      <TranscriptImportDialog />
      {deleting && (
        <ConfirmDelete
          kind="interview"
          id={detail.id}
          what={`${detail.accountName} ${detail.date ?? ''}`.trim()}
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await unwrap(kuulo.deleteInterview({ id: detail.id }));
            useNotes.setState({ flush: async () => true });
            await useWorkspace.getState().loadEngagement(detail.engagementId);
            navigate({ name: 'engagement', id: detail.engagementId, tab: 'interviews' });
          }}
        />
      )}
    </div>
  );
}

function DetailsPanel({ detail }: { detail: InterviewDetail }) {
  const { t } = useTranslation();
  const update = useInterview((s) => s.update);
  const current = useWorkspace((s) => s.current);
  const people = current?.accounts.find((a) => a.id === detail.accountId)?.interviewees;

  return (
    <section className="panel">
      <h2>{t('interview.details')}</h2>
      <div className="grid2">
        <label className="field">
          <span className="field-label">{t('interview.date')}</span>
          <input
            type="date"
            defaultValue={detail.date ?? ''}
            onBlur={(e) => update({ date: e.target.value || null })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('interview.startTime')}</span>
          <input
            type="time"
            defaultValue={detail.startTime ?? ''}
            onBlur={(e) => update({ startTime: e.target.value || null })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('interview.mode')}</span>
          <select
            value={detail.mode}
            onChange={(e) => update({ mode: e.target.value as InterviewDetail['mode'] })}
          >
            {INTERVIEW_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`interview.modes.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('interview.duration')}</span>
          <input
            type="number"
            min={0}
            defaultValue={detail.durationMin ?? ''}
            onBlur={(e) =>
              update({ durationMin: e.target.value ? Number.parseInt(e.target.value, 10) : null })
            }
          />
        </label>
        <label className="field">
          <span className="field-label">{t('interview.status')}</span>
          <select
            value={detail.status}
            onChange={(e) => update({ status: e.target.value as InterviewDetail['status'] })}
          >
            {INTERVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`interview.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('interview.interviewer')}</span>
          <input defaultValue={detail.interviewer} onBlur={(e) => update({ interviewer: e.target.value })} />
        </label>
      </div>
      {people && people.length > 0 && (
        <fieldset className="field">
          <legend className="field-label">{t('interview.interviewees')}</legend>
          {people.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={detail.intervieweeIds.includes(p.id)}
                onChange={(e) =>
                  update({
                    intervieweeIds: e.target.checked
                      ? [...detail.intervieweeIds, p.id]
                      : detail.intervieweeIds.filter((x) => x !== p.id),
                  })
                }
              />
              {p.name} <span className="muted">· {t(`person.roleLevels.${p.roleLevel}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}

function ScoresPanel({ detail }: { detail: InterviewDetail }) {
  const { t } = useTranslation();
  const update = useInterview((s) => s.update);
  const scale = (name: 'nps' | 'satisfaction', from: number, to: number) => (
    <fieldset className="scale">
      <legend className="field-label">{t(`interview.${name}`)}</legend>
      {Array.from({ length: to - from + 1 }, (_, i) => from + i).map((n) => (
        <button
          key={n}
          type="button"
          aria-pressed={detail[name] === n}
          className={`scale-step${detail[name] === n ? ' active' : ''}${name === 'nps' ? ` nps-${n <= 6 ? 'detractor' : n <= 8 ? 'passive' : 'promoter'}` : ''}`}
          onClick={() => update({ [name]: detail[name] === n ? null : n })}
        >
          {n}
        </button>
      ))}
    </fieldset>
  );
  return (
    <section className="panel">
      <h2>{t('interview.scores')}</h2>
      {scale('nps', 0, 10)}
      {scale('satisfaction', 1, 5)}
    </section>
  );
}

function RelationshipPanel({ detail }: { detail: InterviewDetail }) {
  const { t } = useTranslation();
  const { addRelationship, removeRelationship } = useInterview();
  const [person, setPerson] = useState('');
  const [role, setRole] = useState('');
  const [level, setLevel] = useState<RelationshipLevel>('operational');
  const [knownBy, setKnownBy] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await addRelationship({
        clientPerson: person,
        clientRole: role,
        level,
        intervieweeId: knownBy || detail.intervieweeIds[0] || null,
      });
      setPerson('');
      setRole('');
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const nameOf = (id: string | null) => detail.interviewees.find((p) => p.id === id)?.name;

  return (
    <section className="panel">
      <h2>{t('relationships.title')}</h2>
      <p className="muted small">{t('relationships.hint')}</p>
      {detail.relationships.length === 0 ? (
        <p className="muted">{t('relationships.empty')}</p>
      ) : (
        <ul className="relationships">
          {detail.relationships.map((r) => (
            <li key={r.id}>
              <span>
                <strong>{r.clientPerson}</strong> <span className="muted">{r.clientRole}</span>
                {nameOf(r.intervieweeId) && <span className="muted small"> ← {nameOf(r.intervieweeId)}</span>}
              </span>
              <span className={`badge level-${r.level}`}>{t(`relationships.levels.${r.level}`)}</span>
              <button
                type="button"
                className="link danger-quiet"
                aria-label={`${t('relationships.remove')} ${r.clientPerson}`}
                onClick={() => removeRelationship(r.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {detail.relationships.length === 1 && <p className="warning small">{t('relationships.onlyOne')}</p>}
      <form className="relationship-form" onSubmit={add}>
        <input
          placeholder={t('relationships.person')}
          aria-label={t('relationships.person')}
          value={person}
          required
          onChange={(e) => setPerson(e.target.value)}
        />
        <input
          placeholder={t('relationships.role')}
          aria-label={t('relationships.role')}
          value={role}
          onChange={(e) => setRole(e.target.value)}
        />
        <select
          aria-label={t('relationships.level')}
          value={level}
          onChange={(e) => setLevel(e.target.value as RelationshipLevel)}
        >
          <option value="strategic">{t('relationships.levels.strategic')}</option>
          <option value="operational">{t('relationships.levels.operational')}</option>
        </select>
        {detail.interviewees.length > 1 && (
          <select
            aria-label={t('relationships.knownBy')}
            value={knownBy}
            onChange={(e) => setKnownBy(e.target.value)}
          >
            {detail.interviewees.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
        <button type="submit">{t('relationships.add')}</button>
      </form>
      {error && <p className="form-error">{error}</p>}
    </section>
  );
}
