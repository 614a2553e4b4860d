/**
 * Checks that a pattern has no unbounded quantifier (`*`, `+`, `{n,}`): with bounded repeats and
 * windows of bounded size, V8's backtracking stays cheap on hostile text.
 */
export function unboundedQuantifiers(pattern: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === ']') i++;
      continue;
    }
    if (c === '*' || c === '+') found.push(`'${c}' at ${i}`);
    if (c === '{') {
      const m = /^\{(\d+),\}/.exec(pattern.slice(i));
      if (m) found.push(`'${m[0]}' at ${i}`);
    }
  }
  return found;
}
