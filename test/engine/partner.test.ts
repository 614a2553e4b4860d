import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner } from '../../src/engine/scan.js';

const s = createScanner({ detectors: DETECTORS, fingerprintKey: 'partner-test-key-0123456789' });
const KEY_ID = 'AKIANOLG4ELYQZ6DW7PL';
const SECRET = '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';

describe('paired credentials: one finding on the secret, its partner named', () => {
  it('AWS key id and secret key in a credentials.csv line', () => {
    const text = `User name,Access key ID,Secret access key\nci,${KEY_ID},${SECRET}`;
    const { findings } = s.scan(text);
    expect(findings.map((f) => [f.detector, text.slice(f.start, f.end)])).toEqual([
      ['aws-secret-access-key-paired', SECRET],
    ]);
    expect(findings[0]?.partner).toEqual({
      kind: 'aws-access-key-id',
      name: 'AWS access key ID',
      redacted: 'AK********L',
    });
    // Never the partner's value, whole.
    expect(JSON.stringify(findings)).not.toContain(KEY_ID);
  });

  it('an AWS credentials file: the named key id is the partner of the named secret', () => {
    const text = `[default]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`;
    const { findings } = s.scan(text);
    expect(findings.map((f) => f.detector)).toEqual(['aws-secret-access-key']);
    expect(findings[0]?.partner?.kind).toBe('aws-access-key-id');
  });

  it('a key id alone is still a finding; a secret with no key id near has no partner', () => {
    expect(s.scan(`id ${KEY_ID}`).findings.map((f) => f.detector)).toEqual(['aws-access-key-id']);
    const [f] = s.scan(`aws_secret_access_key = ${SECRET}`).findings;
    expect(f?.partner).toBeUndefined();
    // Beyond reach: the key id stays its own finding.
    const far = `aws_access_key_id = ${KEY_ID}\n${'filler text '.repeat(50)}\naws_secret_access_key = ${SECRET}`;
    expect(s.scan(far).findings.map((x) => [x.detector, x.partner?.kind])).toEqual([
      ['aws-access-key-id', undefined],
      ['aws-secret-access-key', undefined],
    ]);
  });

  it('Twilio: the auth token names its account SID; an API key secret absorbs its SID', () => {
    const sid = 'ACdead47d75f8a2be7cbacb18eca3dfcc9';
    const a = s.scan(
      `TWILIO_ACCOUNT_SID=${sid}\nTWILIO_AUTH_TOKEN=838ee6730fb9d6dee180066984a8f394`,
    );
    expect(a.findings.map((f) => [f.detector, f.partner?.kind, f.partner?.redacted])).toEqual([
      ['twilio-auth-token', 'twilio-account-sid', 'ACde********c9'],
    ]);
    const b = s.scan(
      'TWILIO_API_KEY=SK6f16fd6f3646cffaa75ccfca739fe710\nTWILIO_API_SECRET=JqZdgv0pdcRaOpSIqoiXYt8AB7jUZWwD',
    );
    expect(b.findings.map((f) => [f.detector, f.partner?.kind])).toEqual([
      ['twilio-api-key-secret', 'twilio-api-key'],
    ]);
  });

  it('Azure: a client secret names its client id; Alibaba: a secret names its AccessKey ID', () => {
    const az = s.scan(
      'AZURE_TENANT_ID=72f988bf-86f1-41af-91ab-2d7cd011db47\nAZURE_CLIENT_ID=0c1d9a5e-7b3f-4f4e-9a51-2f6d3c8b1e07\nAZURE_CLIENT_SECRET=55H8Q~PxPN1NHtBE5UXlVG5e.EDmXOPHQ3hKXDYq',
    );
    expect(az.findings.map((f) => [f.detector, f.partner?.kind, f.partner?.redacted])).toEqual([
      ['azure-entra-client-secret', 'azure-client-id', '0c1d********07'],
    ]);
    const ali = s.scan(
      'client = AcsClient("LTAI5tFXqr9fGPkUTsBvasOc", "iCnDgXa612czqvey2rpvnAYtH1pvfB", "cn-hangzhou")',
    );
    expect(ali.findings.map((f) => [f.detector, f.partner?.kind])).toEqual([
      ['alibaba-access-key-secret-paired', 'alibaba-access-key-id'],
    ]);
  });

  it('Algolia: an admin or API key names its application id, from a variable or the host', () => {
    const a = s.scan(
      'ALGOLIA_APP_ID=S7EM4E9FH1\nALGOLIA_ADMIN_API_KEY=28abc70e91efa4c9c665284cb0f07586',
    );
    expect(a.findings.map((f) => [f.detector, f.partner?.kind, f.partner?.redacted])).toEqual([
      ['algolia-admin-api-key', 'algolia-application-id', 'S********'],
    ]);
    const b = s.scan(
      'curl "https://3BAK5DKWQS-dsn.algolia.net/1/indexes/products/query" -H "X-Algolia-API-Key: 428ab33a3339762a9ac12a43128679b7"',
    );
    expect(b.findings.map((f) => [f.detector, f.partner?.kind])).toEqual([
      ['algolia-api-key', 'algolia-application-id'],
    ]);
    // A key alone names no partner.
    const [c] = s.scan('ALGOLIA_ADMIN_API_KEY=28abc70e91efa4c9c665284cb0f07586').findings;
    expect(c?.partner).toBeUndefined();
  });

  it('the partner survives decoding: a pair inside a Kubernetes Secret', () => {
    const env = `AWS_ACCESS_KEY_ID=${KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET}\n`;
    const { findings } = s.scan(`data:\n  aws.env: ${btoa(env)}\n`);
    expect(findings.map((f) => [f.detector, f.partner?.kind, f.encoding])).toEqual([
      ['aws-secret-access-key', 'aws-access-key-id', ['base64']],
    ]);
  });
});
