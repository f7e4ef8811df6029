import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockStatus, elapsedMs, formatElapsed } from '../../../shared/clock.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useInterview } from '../store/interview.ts';
import { useNotes } from '../store/notes.ts';

/** Redraws every second while `active`: the time shown is computed, never counted here. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** The interview clock in the toolbar: elapsed time, pause and resume, and a stop that asks first. */
export function ClockControls() {
  const { t } = useTranslation();
  const clock = useNotes((s) => s.clock);
  const clockAction = useInterview((s) => s.clockAction);
  const [confirmStop, setConfirmStop] = useState(false);
  const status = clockStatus(clock);
  const now = useNow(status === 'running');
  const time = formatElapsed(elapsedMs(clock, now));
  // Buttons keep the focus in the notes: the clock is worked while typing.
  const keepFocus = (e: React.MouseEvent) => e.preventDefault();

  if (status === 'idle') {
    return (
      <button
        type="button"
        className="tool clock"
        onMouseDown={keepFocus}
        onClick={() => clockAction('start')}
      >
        ○ {t('editor.startClock')}
      </button>
    );
  }
  const label =
    status === 'running'
      ? t('editor.clockRunning')
      : status === 'paused'
        ? t('editor.clockPaused')
        : t('editor.clockStopped');
  return (
    <span className={`clock-controls ${status}`}>
      <span className="clock-time" role="timer" aria-label={`${t('editor.clockElapsed')}: ${time}, ${label}`}>
        <span aria-hidden="true">{status === 'running' ? '●' : status === 'paused' ? '❚❚' : '■'}</span> {time}
        {status !== 'running' && <span className="clock-state"> {label}</span>}
      </span>
      {status === 'running' ? (
        <button
          type="button"
          className="tool clock"
          onMouseDown={keepFocus}
          onClick={() => clockAction('pause')}
        >
          {t('editor.pauseClock')}
        </button>
      ) : (
        <button
          type="button"
          className="tool clock"
          onMouseDown={keepFocus}
          onClick={() => clockAction('start')}
        >
          {t('editor.resumeClock')}
        </button>
      )}
      {status !== 'stopped' && (
        <button
          type="button"
          className="tool clock"
          onMouseDown={keepFocus}
          onClick={() => setConfirmStop(true)}
        >
          {t('editor.stopClock')}
        </button>
      )}
      {confirmStop && (
        <Dialog
          title={t('editor.stopClockTitle')}
          onClose={() => setConfirmStop(false)}
          footer={
            <>
              <button type="button" onClick={() => setConfirmStop(false)}>
                {t('app.cancel')}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setConfirmStop(false);
                  void clockAction('stop');
                }}
              >
                {t('editor.stopClockConfirm')}
              </button>
            </>
          }
        >
          <p>{t('editor.stopClockBody', { time })}</p>
        </Dialog>
      )}
    </span>
  );
}
