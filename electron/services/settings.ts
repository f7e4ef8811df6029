import type { Settings } from '../../shared/domain.ts';
import type { ServiceContext } from './context.ts';

export function getSettings({ db }: ServiceContext): Settings {
  const row = db.prepare(`SELECT value FROM settings WHERE key = 'language'`).get() as
    | { value: string }
    | undefined;
  return { language: row?.value === 'fi' || row?.value === 'en' ? row.value : null };
}

export function updateSettings(ctx: ServiceContext, settings: Settings): Settings {
  if (settings.language === null) ctx.db.prepare(`DELETE FROM settings WHERE key = 'language'`).run();
  else
    ctx.db
      .prepare(
        `INSERT INTO settings (key, value) VALUES ('language', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      )
      .run(settings.language);
  return getSettings(ctx);
}
