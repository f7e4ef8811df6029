import type { Settings } from '../../shared/domain.ts';
import type { ServiceContext } from './context.ts';

export const DEFAULT_BACKUPS_KEPT = 10;

/** Settings live as key/value rows in the workspace itself, so they travel with it. */
function read({ db }: ServiceContext, key: string): string | undefined {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)
    ?.value;
}

function write({ db }: ServiceContext, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
}

export function getSettings(ctx: ServiceContext): Settings {
  const language = read(ctx, 'language');
  const kept = Number(read(ctx, 'backupsKept'));
  return {
    language: language === 'fi' || language === 'en' ? language : null,
    backupsKept: Number.isInteger(kept) && kept > 0 ? kept : DEFAULT_BACKUPS_KEPT,
  };
}

export function updateSettings(ctx: ServiceContext, patch: Partial<Settings>): Settings {
  if (patch.language !== undefined) write(ctx, 'language', patch.language);
  if (patch.backupsKept !== undefined) write(ctx, 'backupsKept', String(patch.backupsKept));
  const settings = getSettings(ctx);
  ctx.emit('settingsChanged', settings);
  return settings;
}
