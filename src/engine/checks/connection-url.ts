/**
 * Connection strings with credentials: parsed with WHATWG URL (present in Node and browsers).
 * The password must be present and not a placeholder.
 * @module
 */
import { isPlaceholderValue } from '../placeholder.js';

export interface UrlCredentials {
  readonly username: string;
  readonly password: string;
  readonly host: string;
}

export function parseUrlCredentials(url: string): UrlCredentials | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (!u.password) return undefined;
  let password: string;
  let username: string;
  try {
    password = decodeURIComponent(u.password);
    username = decodeURIComponent(u.username);
  } catch {
    return undefined;
  }
  return { username, password, host: u.hostname };
}

/** True when the URL carries a real-looking password (not `password`, `${PASS}`, `****`, ...). */
export function hasRealPassword(url: string): boolean {
  const c = parseUrlCredentials(url);
  if (!c) return false;
  if (c.password.length < 3) return false;
  return !isPlaceholderValue(c.password) && !isPlaceholderValue(c.username + ':' + c.password);
}
