// Drone CI personal tokens and shared RPC secrets (32 alphanumerics, no prefix): reported only
// after a Drone variable name. https://docs.drone.io/cli/setup/ (DRONE_TOKEN) and
// https://docs.drone.io/runner/docker/configuration/reference/drone-rpc-secret/ (DRONE_RPC_SECRET);
// trufflehog pkg/detectors/droneci and gitleaks droneci.go map the same 32-char shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('drone-ci', [
  {
    id: 'drone-ci-token',
    name: 'Drone CI token or RPC secret',
    category: 'token',
    keywords: ['drone'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])drone[\w.-]{0,20}?[ ]?(?:token|secret)${ASSIGN}([A-Za-z0-9]{32})(?:$|[^A-Za-z0-9_+/=-])`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'export DRONE_TOKEN=Z4NGPc5rop1xYZc6SxHTkWsg9hsQoJ7Q',
          secret: 'Z4NGPc5rop1xYZc6SxHTkWsg9hsQoJ7Q',
        },
        {
          text: 'environment:\n  DRONE_RPC_SECRET: "96649250ecc65adff02a82b8a3bf2586"',
          secret: '96649250ecc65adff02a82b8a3bf2586',
        },
        {
          text: 'droneci_secret: "an4PjElIYskiUlxIDre06tYq9kGpRDUl"',
          secret: 'an4PjElIYskiUlxIDre06tYq9kGpRDUl',
        },
      ],
      negatives: [
        'DRONE_TOKEN=${DRONE_TOKEN}',
        'DRONE_COMMIT_SHA=fd37b5f8abb8d7f4466da9d5e8edc8903222d658',
        'DRONE_RPC_SECRET=<openssl rand -hex 16>',
        'DRONE_TOKEN=Z4NGPc5rop1xYZc6SxHTkWsg9hsQoJ7Qz', // 33 chars
      ],
    },
  },
]);

// Revoke or rotate: Drone CI documentation (the page this family file already cites for its key format).
guidance('drone-ci', {
  steps:
    "Sign in to Drone CI and revoke (delete or regenerate) the leaked token or RPC secret where Drone CI manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Drone CI's logs or usage for activity you do not recognise.",
  url: 'https://docs.drone.io/cli/setup/',
});
