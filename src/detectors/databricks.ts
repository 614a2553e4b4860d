// Databricks personal access tokens: "dapi" + 32 hex, Azure Databricks may append "-<digit>".
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('databricks', [
  {
    id: 'databricks-access-token',
    name: 'Databricks personal access token',
    category: 'token',
    keywords: ['dapi'],
    pattern: String.raw`\b(dapi[a-f0-9]{32}(?:-\d)?)${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'DATABRICKS_TOKEN=dapia0009cb30de5bc2f88526d9eff5a6c06',
          secret: 'dapia0009cb30de5bc2f88526d9eff5a6c06',
        },
        {
          text: 'token = dapi54f900f65556a27b18eaf955a96baf4e-2',
          secret: 'dapi54f900f65556a27b18eaf955a96baf4e-2',
        },
        'Authorization: Bearer dapidae230b8f1c4e404f86059a90e2dacbc',
      ],
      negatives: [
        'dapi033a82dbe632104643b601f75c5e14c',
        'dapi033A82DBE632104643B601F75C5E14C3',
        'rapidapicda14fbddbac6560739fc960e8b3108d',
      ],
    },
  },
]);

// Revoke or rotate: Databricks documentation (noseyparker rule references).
guidance('databricks', {
  steps:
    "Sign in to Databricks and revoke (delete or regenerate) the leaked personal access token where Databricks manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Databricks's logs or usage for activity you do not recognise.",
  url: 'https://docs.databricks.com/en/dev-tools/auth/pat.html',
});
