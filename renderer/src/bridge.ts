import { createClient, type KuuloClient, type Transport } from '../../shared/client.ts';
import { createEventHub, type EventSource } from '../../shared/events.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload. */
    kuulo?: KuuloClient;
    /** Exposed by the e2e harness (Playwright `exposeBinding`) when the page runs in a plain browser. */
    kuuloTransport?: Transport;
    /** Exposed by the Electron preload: the core's events. */
    kuuloEvents?: EventSource;
    /** Set here when the page runs in a plain browser: the e2e harness delivers the core's events through it. */
    kuuloDeliverEvent?: (name: unknown, payload: unknown) => void;
    kuuloShell?: {
      /** `save` resolves true when every note is stored, false when a save failed. */
      onBeforeClose(save: () => Promise<boolean>): void;
      /** Opens the OS file manager at an exported report (Electron only). */
      showInFolder?(path: string): void;
    };
  }
}

function connect(): KuuloClient {
  if (window.kuulo) return window.kuulo;
  const transport = window.kuuloTransport;
  if (transport) return createClient((method, input) => transport(method, input));
  throw new Error('Kuulo cannot reach its services.');
}

/** The typed client to the services: the same object whether in Electron or in a test browser. */
export const kuulo: KuuloClient = connect();

function connectEvents(): EventSource {
  if (window.kuuloEvents) return window.kuuloEvents;
  const hub = createEventHub({ holdEarly: true });
  window.kuuloDeliverEvent = hub.emit;
  return { subscribe: hub.subscribe, unsubscribe: hub.unsubscribe };
}

/** The core's events (export progress, settings changed): subscribe by name, unsubscribe by token. */
export const kuuloEvents: EventSource = connectEvents();
