// Sumo Logic access keys: the access id is "su" + 12 alphanumerics, the access key 64 alphanumerics.
// Both are reported only after a Sumo Logic name (or accessId/accessKey near one).
// https://help.sumologic.com/docs/manage/security/access-keys/ ; gitleaks sumologic.go and
// trufflehog pkg/detectors/sumologickey map the shapes.
import { ASSIGN, family, near } from './define.js';
import { guidance } from './guidance.js';

const SUMO = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:sumo[\w.-]{0,16}?|access)`;
const END = String.raw`(?:$|[^A-Za-z0-9_+/=-])`;
const nearSumo = (_s: string, ctx: Parameters<typeof near>[0]): boolean => near(ctx, 200, ['sumo']);

export default family('sumo-logic', [
  {
    id: 'sumo-logic-access-id',
    name: 'Sumo Logic access id',
    category: 'credentials',
    keywords: ['sumo'],
    ignoreCase: true,
    pattern: String.raw`${SUMO}(?:[_.-]?access)?[_.-]?id${ASSIGN}(su[A-Za-z0-9]{12})${END}`,
    validate: (s, ctx) => /[A-Z]/.test(s) && /[a-z]/.test(s.slice(2)) && nearSumo(s, ctx),
    minEntropy: 3,
    examples: {
      positives: [
        { text: 'SUMO_ACCESS_ID=suJIdnFQ5rEqMA', secret: 'suJIdnFQ5rEqMA' },
        {
          text: 'sumologic:\n  accessId: suLEMBciiDaiEV\n  accessKey: x',
          secret: 'suLEMBciiDaiEV',
        },
      ],
      negatives: [
        'SUMOLOGIC_ACCESSID: ${SUMOLOGIC_ACCESSID}',
        'sumObj = suJIdnFQ5rEqMA',
        'accessId: suLEMBciiDaiEV', // no Sumo Logic context
        'export SUMOLOGIC_ACCESSID=XXXXXXXXXXXXXX',
      ],
    },
  },
  {
    id: 'sumo-logic-access-key',
    name: 'Sumo Logic access key',
    category: 'credentials',
    keywords: ['sumo'],
    ignoreCase: true,
    pattern: String.raw`${SUMO}(?:[_.-]?access)?[_.-]?key\d?${ASSIGN}([A-Za-z0-9]{64})${END}`,
    validate: nearSumo,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'SUMO_ACCESS_KEY=L0MmG71RSmrASnrQQjqgczMPWSjLK6IkZVYNrOegdmtMpQU8B1lUWUZGHO3Srj8P',
          secret: 'L0MmG71RSmrASnrQQjqgczMPWSjLK6IkZVYNrOegdmtMpQU8B1lUWUZGHO3Srj8P',
        },
        {
          text: 'sumologic:\n  accessId: suLEMBciiDaiEV\n  accessKey: oiQxGQvBwQu34A9x8aNHC5tyNyFG5tMUHpwl0WSf3dVMCgzKvZzGqvshNq5ARJ4m',
          secret: 'oiQxGQvBwQu34A9x8aNHC5tyNyFG5tMUHpwl0WSf3dVMCgzKvZzGqvshNq5ARJ4m',
        },
      ],
      negatives: [
        'SUMO_ACCESS_KEY=${SUMO_ACCESS_KEY:=$2}',
        'sumOfExposures = L0MmG71RSmrASnrQQjqgczMPWSjLK6IkZVYNrOegdmtMpQU8B1lUWUZGHO3Srj8P;',
        'accessKey: oiQxGQvBwQu34A9x8aNHC5tyNyFG5tMUHpwl0WSf3dVMCgzKvZzGqvshNq5ARJ4m', // no Sumo context
        'SUMO_ACCESS_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: Sumo Logic Docs, "Access Keys".
guidance('sumo-logic', {
  steps:
    'In Sumo Logic, open Preferences > My Access Keys (admins: Administration > Security > Access Keys), deactivate the leaked key from its menu and then delete it, since a deactivated key can be reactivated; create a new key for the collectors or scripts that used it, and check the audit index for its use.',
  url: 'https://help.sumologic.com/docs/manage/security/access-keys/',
});
