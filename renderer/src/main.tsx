import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { kuulo } from './bridge.ts';
import { initI18n, systemLanguage } from './i18n/index.ts';
import { installFlushOnExit } from './store/notes.ts';
import './styles.css';

async function boot(): Promise<void> {
  const settings = await kuulo.getSettings({});
  const chosen = settings.ok ? settings.value.language : null;
  await initI18n(chosen ?? systemLanguage());
  installFlushOnExit();
  const root = document.getElementById('root');
  if (!root) throw new Error('Missing #root');
  createRoot(root).render(
    <StrictMode>
      <App chosenLanguage={chosen} />
    </StrictMode>,
  );
}

void boot();
