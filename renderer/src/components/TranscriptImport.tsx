import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, type SpeakerMapping, type TranscriptPreview } from '../../../shared/import.ts';
import { type ImportTarget, useTranscriptImport } from '../store/transcriptImport.ts';
import { useWorkspace } from '../store/workspace.ts';
import { Dialog } from './Dialog.tsx';
import { ImportProgressView } from './ImportProgress.tsx';
import './transcript.css';

const ACCEPT = '.vtt,.srt,.sbv,.txt,.text,.md,.docx';

/** A button that opens the file picker; the chosen file goes straight to the preview. */
export function ImportTranscriptButton({
  target,
  label,
  className,
  disabled,
}: {
  target: ImportTarget;
  label: string;
  className?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const choose = useTranscriptImport((s) => s.choose);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label={t('transcriptImport.pickFile')}
        data-testid="transcript-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that choosing the same file again still opens the preview.
          e.target.value = '';
          if (file) void choose(file, target);
        }}
      />
    </>
  );
}

/** The preview of a chosen transcript: format, counts, whom each speaker maps to, first lines, warnings. */
export function TranscriptImportDialog() {
  const { t } = useTranslation();
  const pending = useTranscriptImport((s) => s.pending);
  const { close, confirm, retarget } = useTranscriptImport.getState();
  // Selected as stored: a fresh [] from the selector would re-render without end.
  const accounts = useWorkspace((s) => s.current?.accounts) ?? [];
  const accountFieldId = useId();
  if (!pending) return null;
  const { preview, target } = pending;
  const newInterview = 'accountId' in target;

  return (
    <Dialog
      title={`${t('transcriptImport.title')}: ${pending.fileName}`}
      onClose={close}
      wide
      footer={
        <>
          <button type="button" onClick={close}>
            {t('app.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!preview || pending.busy}
            onClick={() => void confirm()}
          >
            {pending.busy && preview ? t('transcriptImport.importing') : t('transcriptImport.confirm')}
          </button>
        </>
      }
    >
      {newInterview && (
        <label className="field" htmlFor={accountFieldId}>
          <span className="field-label">{t('transcriptImport.account')}</span>
          <select
            id={accountFieldId}
            value={target.accountId}
            disabled={pending.busy}
            onChange={(e) => void retarget({ engagementId: target.engagementId, accountId: e.target.value })}
          >
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {pending.error && (
        <p className="form-error" role="alert">
          {pending.error}
        </p>
      )}
      <ImportProgressView kind="transcript" busy={pending.busy} />
      {preview && <PreviewBody preview={preview} mapping={pending.mapping} busy={pending.busy} />}
    </Dialog>
  );
}

function PreviewBody({
  preview,
  mapping,
  busy,
}: {
  preview: TranscriptPreview;
  mapping: SpeakerMapping[];
  busy: boolean;
}) {
  const { t } = useTranslation();
  const map = useTranscriptImport((s) => s.map);
  const choiceOf = (m: SpeakerMapping | undefined) =>
    !m ? 'other' : m.as === 'interviewee' ? `interviewee:${m.intervieweeId}` : m.as;
  return (
    <div className="transcript-preview">
      <p>
        <strong>{t(`transcriptImport.formats.${preview.format}`)}</strong> ·{' '}
        {[
          t('transcriptImport.passages', { count: preview.cues }),
          t('transcriptImport.paragraphs', { count: preview.turns }),
          t('transcriptImport.words', { count: preview.words }),
        ].join(' · ')}
      </p>
      {preview.warnings.length > 0 && (
        <section className="transcript-warnings" aria-label={t('transcriptImport.warnings')}>
          <h3>{t('transcriptImport.warnings')}</h3>
          <ul>
            {preview.warnings.map((w) => (
              <li key={w.key}>
                {t(`transcriptImport.warning.${w.key}`, { ...w.params } as { count: number })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.comments > 0 && (
        <p className="muted">{t('transcriptImport.comments', { count: preview.comments })}</p>
      )}
      <h3>{t('transcriptImport.speakers')}</h3>
      {preview.speakers.length === 0 ? (
        <p className="muted">{t('transcriptImport.noSpeakers')}</p>
      ) : (
        <table className="transcript-speakers">
          <tbody>
            {preview.speakers.map((speaker) => (
              <tr key={speaker.name}>
                <th scope="row">
                  {speaker.name}
                  <span className="muted">
                    {`${t('transcriptImport.passages', { count: speaker.cues })}, ${t('transcriptImport.words', { count: speaker.words })}`}
                  </span>
                </th>
                <td>
                  <select
                    aria-label={t('transcriptImport.speakerAs', { name: speaker.name })}
                    disabled={busy}
                    value={choiceOf(mapping.find((m) => m.name === speaker.name))}
                    onChange={(e) => {
                      const [as, id] = e.target.value.split(':') as [SpeakerMapping['as'], string?];
                      map(
                        as === 'interviewee'
                          ? { name: speaker.name, as, intervieweeId: id }
                          : { name: speaker.name, as },
                      );
                    }}
                  >
                    {preview.people.map((p) => (
                      <option key={p.id} value={`interviewee:${p.id}`}>
                        {t('transcriptImport.asInterviewee', { name: p.name })}
                      </option>
                    ))}
                    <option value="interviewer">{t('transcriptImport.asInterviewer')}</option>
                    <option value="other">{t('transcriptImport.asOther')}</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('transcriptImport.firstLines')}</h3>
      <ol className="transcript-lines">
        {preview.firstLines.map((turn, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, shown once.
          <li key={i}>
            <span className="transcript-time">{turn.startMs === null ? '' : formatClock(turn.startMs)}</span>
            <span>
              {turn.speaker && <strong>{turn.speaker}: </strong>}
              {turn.text}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
