/**
 * Installation and uninstallation: the per-installation fingerprint key is made at install (the
 * secret store keeps it), and every stored secret is removed before the app is uninstalled.
 * @module
 */
import { FINGERPRINT_KEY, fingerprintKey, INCIDENT_API_TOKEN, type AppDeps } from './context.js';

export async function onInstalled(deps: Pick<AppDeps, 'secrets' | 'randomBytes'>): Promise<void> {
  await fingerprintKey(deps);
}

export async function onPreUninstall(deps: Pick<AppDeps, 'secrets'>): Promise<string[]> {
  const removed: string[] = [];
  for (const key of [FINGERPRINT_KEY, INCIDENT_API_TOKEN]) {
    await deps.secrets.delete(key);
    removed.push(key);
  }
  return removed;
}
