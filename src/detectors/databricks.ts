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

// Revoke or rotate: Databricks docs, "Manage personal access token permissions" (and "Monitor and revoke personal access tokens").
guidance('databricks', {
  steps:
    "Revoke the leaked personal access token in the workspace (User Settings > Developer > Access tokens); a workspace admin can revoke any user's or service principal's token (`databricks token-management delete`) and set a maximum lifetime for new ones. Prefer OAuth for automation, update the jobs that used the token, and review the workspace audit logs for its use.",
  url: 'https://docs.databricks.com/security/auth/api-access-permissions.html',
});
