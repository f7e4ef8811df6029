import { createClient, type KuuloClient, type Transport } from '../../shared/client.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload. */
    kuulo?: KuuloClient;
    /** Exposed by the e2e harness (Playwright `exposeBinding`) when the page runs in a plain browser. */
    kuuloTransport?: Transport;
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
