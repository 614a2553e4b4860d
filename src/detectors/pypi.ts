// PyPI API tokens are macaroons: https://pypi.org/help/#apitoken (pypi/warehouse macaroons).
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

/**
 * Parses the base64url body after `pypi-` as a v2 macaroon: version byte 2, a location field
 * naming the index, then identifier/caveat fields, and a 32-byte signature field (type 6) last.
 */
function isPypiMacaroon(token: string, location: string): boolean {
  const b = decodeBase64(token.slice('pypi-'.length));
  if (!b || b.length < 64 || b.length > 2048 || b[0] !== 2) return false;
  if (b[1] !== 1 || b[2] !== location.length) return false;
  if (bytesToLatin1(b.subarray(3, 3 + location.length)) !== location) return false;
  let i = 1;
  let identifiers = 0;
  while (i < b.length) {
    const type = b[i++] as number;
    if (type === 0) continue; // end of a section
    let len = 0;
    for (let shift = 0; ; shift += 7) {
      if (i >= b.length || shift > 14) return false;
      const byte = b[i++] as number;
      len |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
    }
    if (i + len > b.length) return false;
    if (type === 6) return len === 32 && i + len === b.length && identifiers > 0;
    if (type === 2) identifiers++;
    else if (type !== 1 && type !== 4) return false;
    i += len;
  }
  return false;
}

export default family('pypi', [
  {
    // Body starts with base64 of 02 01 08 "pypi.org".
    id: 'pypi-upload-token',
    name: 'PyPI API token',
    category: 'token',
    keywords: ['pypi-ageichlwas5vcmc'],
    pattern: String.raw`\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300})${EW}`,
    window: 1024,
    validate: (t) => isPypiMacaroon(t, 'pypi.org'),
    examples: {
      positives: [
        'pypi-AgEIcHlwaS5vcmcCJDkyNjliOGQ3LTc2ZjYtNDM3Yy04YzczLTY3Y2MyYjJmZjI0YQACN3sicGVybWlzc2lvbnMiOnsicHJvamVjdHMiOlsiYWNtZS04N3N2ciJdfSwidmVyc2lvbiI6MX0AAAYgtjmQwuw0Ktwlozo5Mg54mKzgbaPSxzmmtXX4j6FjItU',
        {
          text: '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCJDNkNzVjOGJlLTk4MmMtNGI2Zi1hMDVhLTgwNjU2OWNiNDU1NAACN3sicGVybWlzc2lvbnMiOnsicHJvamVjdHMiOlsiYWNtZS0yaXo1ZiJdfSwidmVyc2lvbiI6MX0AAAYggsVcIIWEbOdVaQrYf9r0lDJT1ANbGOIAjIUCxvEa-Rw',
          secret:
            'pypi-AgEIcHlwaS5vcmcCJDNkNzVjOGJlLTk4MmMtNGI2Zi1hMDVhLTgwNjU2OWNiNDU1NAACN3sicGVybWlzc2lvbnMiOnsicHJvamVjdHMiOlsiYWNtZS0yaXo1ZiJdfSwidmVyc2lvbiI6MX0AAAYggsVcIIWEbOdVaQrYf9r0lDJT1ANbGOIAjIUCxvEa-Rw',
        },
        {
          text: 'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcCJDkyNjliOGQ3LTc2ZjYtNDM3Yy04YzczLTY3Y2MyYjJmZjI0YQACN3sicGVybWlzc2lvbnMiOnsicHJvamVjdHMiOlsiYWNtZS04N3N2ciJdfSwidmVyc2lvbiI6MX0AAAYgtjmQwuw0Ktwlozo5Mg54mKzgbaPSxzmmtXX4j6FjItU',
          secret:
            'pypi-AgEIcHlwaS5vcmcCJDkyNjliOGQ3LTc2ZjYtNDM3Yy04YzczLTY3Y2MyYjJmZjI0YQACN3sicGVybWlzc2lvbnMiOnsicHJvamVjdHMiOlsiYWNtZS04N3N2ciJdfSwidmVyc2lvbiI6MX0AAAYgtjmQwuw0Ktwlozo5Mg54mKzgbaPSxzmmtXX4j6FjItU',
        },
      ],
      negatives: [
        'pypi-AgEIcHlwaS5vcmcCJDkyNjliOGQ3LTc2ZjYtNDM3Yy04YzczLTY3Y2MyYjJmZjI0YQACN3sicGVybWlzc2lvbnMiOnsicHJvamVjdHMiOlsiYWNtZS04N3N2ciJdfSwidmVyc2lvbiI6MX0AAAYgtjmQwuw0Ktwlozo5Mg54mKzgbaPSxzmmtXX4j6FjItpypi-AgEIcHlwaS5vcmcCJDkyNjliOGQ3LTc2ZjYtNDM3Yy04YzczLTY3Y2MyYjJmZjI0YQACN3sicGVybWlzc2lvbnMiOnsicHJvamVjdHMiOlsiYWNtZS04N3N2ciJdfSwidmVyc2lvbiI6MX0AAAYgtjmQwuw0Ktwlozo5Mg54mKzgbaPSxzmmtXX4j6FjIt', // two tokens glued together: no signature at the end
        'pypi-AgEIcHlwaS5vcmcxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'pypi-AgEIcHlwaS5vcmcCJDkyNjliOGQ3LTc2ZjYtNDM3Yy04YzczLTY3Y2MyYjJmZjI0YQ', // cut short
      ],
    },
  },
  {
    // Body starts with base64 of 02 01 0d "test.pypi.org".
    id: 'pypi-test-upload-token',
    name: 'TestPyPI API token',
    category: 'token',
    severity: 'low',
    keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
    pattern: String.raw`\b(pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,300})${EW}`,
    window: 1024,
    validate: (t) => isPypiMacaroon(t, 'test.pypi.org'),
    examples: {
      positives: [
        'pypi-AgENdGVzdC5weXBpLm9yZwIkM2E4NzNiNWEtOWYyOC00NjdjLWExODItYWYwZjIxOGQzMGEwAAI3eyJwZXJtaXNzaW9ucyI6eyJwcm9qZWN0cyI6WyJhY21lLWhqbWRlIl19LCJ2ZXJzaW9uIjoxfQAABiBwIMpa9KlooXmlHLU5m3yBwqp3A4wF5Pi6Fya46XzReA',
        {
          text: 'twine upload -r testpypi -u __token__ -p pypi-AgENdGVzdC5weXBpLm9yZwIkM2E4NzNiNWEtOWYyOC00NjdjLWExODItYWYwZjIxOGQzMGEwAAI3eyJwZXJtaXNzaW9ucyI6eyJwcm9qZWN0cyI6WyJhY21lLWhqbWRlIl19LCJ2ZXJzaW9uIjoxfQAABiBwIMpa9KlooXmlHLU5m3yBwqp3A4wF5Pi6Fya46XzReA dist/*',
          secret:
            'pypi-AgENdGVzdC5weXBpLm9yZwIkM2E4NzNiNWEtOWYyOC00NjdjLWExODItYWYwZjIxOGQzMGEwAAI3eyJwZXJtaXNzaW9ucyI6eyJwcm9qZWN0cyI6WyJhY21lLWhqbWRlIl19LCJ2ZXJzaW9uIjoxfQAABiBwIMpa9KlooXmlHLU5m3yBwqp3A4wF5Pi6Fya46XzReA',
        },
      ],
      negatives: [
        'pypi-AgENdGVzdC5weXBpLm9yZwIkM2E4NzNiNWEtOWYyOC00NjdjLWExODItYWYwZjIxOGQzMGEwAAI3eyJwZXJtaXNzaW9ucyI6eyJwcm9qZWN0cyI6WyJhY21lLWhqbWRlIl19LCJ2ZXJzaW9uIjoxfQAABiBwIMpa9KlooXmlHLU5m3yBwqp3A4wF5Pi6Fya46XzRe',
        'pypi-AgENdGVzdC5weXBpLm9yZwxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: PyPI help, "How can I use API tokens to authenticate with PyPI?".
guidance('pypi', {
  steps:
    "On PyPI, open Account settings > API tokens and remove the leaked token (a project-scoped token is listed there too); create a new token scoped to one project, or switch the release workflow to trusted publishing so no token is stored at all. Then check the project's security history and release list for uploads you did not make.",
  url: 'https://pypi.org/help/#apitoken',
});
