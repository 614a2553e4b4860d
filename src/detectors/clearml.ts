// ClearML API credentials: an access key (upper-case alphanumerics, an id) and a secret key (long
// alphanumerics), from CLEARML_API_SECRET_KEY or the `credentials` block of clearml.conf. The secret
// key counts only after a ClearML secret name, or as "secret_key" near a ClearML name.
// https://clear.ml/docs/latest/docs/configs/env_vars/ and https://clear.ml/docs/latest/docs/configs/clearml_conf/
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('clearml', [
  {
    id: 'clearml-secret-key',
    name: 'ClearML API secret key',
    category: 'credentials',
    keywords: ['clearml', 'clear.ml'],
    ignoreCase: true,
    window: 384,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:clearml[_.-]api[_.-]secret[_.-]key|(?:trains[_.-]api[_.-])?secret[_.-]key)${ASSIGN}([A-Za-z0-9]{40,72})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'CLEARML_API_SECRET_KEY=CkX6zEgWszdCAUNWBz35JYomWYhv2bEFbcfniOCVPMay6gWJC2qo',
          secret: 'CkX6zEgWszdCAUNWBz35JYomWYhv2bEFbcfniOCVPMay6gWJC2qo',
        },
        {
          text: 'api {\n  web_server: https://app.clear.ml\n  api_server: https://api.clear.ml\n  credentials {\n    "access_key" = "5KW2K3U5VMQ21S9CQU8Z1HZ1C6B4MI"\n    "secret_key" = "vlsaiYlpqspcgDOR82sRsGFXMbAmHFnOVqbk8GwPPTGuQlTgazzqmZB2KIQVRGLX"\n  }\n}',
          secret: 'vlsaiYlpqspcgDOR82sRsGFXMbAmHFnOVqbk8GwPPTGuQlTgazzqmZB2KIQVRGLX',
        },
      ],
      negatives: [
        'CLEARML_API_SECRET_KEY=${CLEARML_API_SECRET_KEY}',
        'CLEARML_API_ACCESS_KEY=IN70NW9J1HZWXWUFNMQXNMNS5YE1RR',
        'CLEARML_API_SECRET_KEY=vQkMlMrou6kg3OuzYTVekTNUXAzLSH', // too short
        'secret_key = "25uNChYXdHlou1HVJiu4JDgqbErfTd6URJQrI5SzYdyPaAeQsFMX"', // no ClearML name nearby
      ],
    },
  },
]);

// Revoke or rotate: ClearML documentation (the page this family file already cites for its key format).
guidance('clearml', {
  steps:
    "Sign in to ClearML and revoke (delete or regenerate) the leaked API secret key where ClearML manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check ClearML's logs or usage for activity you do not recognise.",
  url: 'https://clear.ml/docs/latest/docs/configs/env_vars/',
});
