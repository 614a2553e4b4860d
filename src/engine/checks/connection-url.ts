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
  return (
    isRealPassword(c.password, c.username) && !isPlaceholderValue(c.username + ':' + c.password)
  );
}

/**
 * A password matched inside `scheme://user:password@host`: real by the policy above, and the URL
 * rebuilt around it (re-encoded, as pasted text may not be) parses with that password.
 */
export function isRealUrlPassword(
  scheme: string,
  user: string,
  password: string,
  host: string,
): boolean {
  if (!isRealPassword(password, user)) return false;
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // a literal '%'
  }
  return hasRealPassword(`${scheme}://${user}:${encodeURIComponent(decoded)}@${host}`);
}

/** Passwords shipped as defaults or used in tutorials, compared lower-cased. */
const DEFAULT_PASSWORDS = new Set([
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'mongo',
  'mongodb',
  'redis',
  'guest',
  'rabbitmq',
  'sa',
  'oracle',
  'tiger',
  'manager',
  'changeit',
  'letmein',
  'welcome',
  'hunter2',
  'password1',
  'password123',
  'secret123',
  'admin123',
  'root123',
  'pass123',
  'pwd123',
  's3cr3t',
  'p4ssw0rd',
  'passw0rd!',
]);

/**
 * A password worth reporting: not a placeholder, template or default, not the user name again
 * (postgres:postgres), not a format placeholder (%s, {pass}, :password).
 */
export function isRealPassword(password: string, user = ''): boolean {
  let pw = password;
  try {
    pw = decodeURIComponent(password);
  } catch {
    // keep the raw text: '%' not followed by hex is a literal '%' in a pasted password
  }
  const lower = pw.toLowerCase();
  if (pw.length < 3 || isPlaceholderValue(pw) || DEFAULT_PASSWORDS.has(lower)) return false;
  if (user !== '' && lower === user.toLowerCase()) return false;
  // URL syntax misread as a password: several '@', or a long run of few distinct chars
  if ((pw.match(/@/g)?.length ?? 0) > 1 || (pw.length >= 16 && new Set(pw).size * 4 < pw.length)) {
    return false;
  }
  if (/^(?:%[sdv]|\{\w*\}|:\w+|\?|<.*|\[.*\]|\(.*\))$/.test(pw)) return false;
  return !/^(?:my|your|db|test|the|some|user|app|new|old)[_-]?(?:pass(?:word)?|pwd|secret)$/i.test(
    pw,
  );
}
