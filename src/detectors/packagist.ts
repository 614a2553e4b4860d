// Private Packagist tokens: "packagist_" + kind + "_" + 68 hex: ort/out (organization read-only /
// update tokens) and uut (user update token).
// https://packagist.com/docs/composer-authentication ; listed among GitHub secret scanning partner
// patterns (https://docs.github.com/en/code-security/secret-scanning/introduction/supported-secret-scanning-patterns).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('packagist', [
  {
    id: 'packagist-organization-token',
    name: 'Private Packagist organization token',
    category: 'token',
    keywords: ['packagist_ort_', 'packagist_out_'],
    pattern: String.raw`\b(packagist_o[ru]t_[a-f0-9]{68})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'packagist_ort_43ec27b08b5aee1527581aebdf92d243a3be3b379c445e915bf23d604fa4263fc6d3',
        {
          text: 'composer config --global --auth http-basic.repo.packagist.com token packagist_out_2c0ddc0cdb00035e904aea0c7408e634a6e1e196744da1387d3bfe95068f6dfcb06e',
          secret:
            'packagist_out_2c0ddc0cdb00035e904aea0c7408e634a6e1e196744da1387d3bfe95068f6dfcb06e',
        },
      ],
      negatives: [
        'packagist_ort_43ec27b08b5aee1527581aebdf92d243a3be3b379c445e915bf23d604fa4263fc6d', // 67 hex
        'packagist_ort_0000000000000000000000000000000000000000000000000000000000000000000',
        'packagist_ort_<token>',
      ],
    },
  },
  {
    id: 'packagist-user-token',
    name: 'Private Packagist user update token',
    category: 'token',
    keywords: ['packagist_uut_'],
    pattern: String.raw`\b(packagist_uut_[a-f0-9]{68})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'packagist_uut_4b376e02cb71c098082f4b759824eb27c2135eee46f48a778be16e6ce340985e3ba9',
        {
          text: '"http-basic": {"repo.packagist.com": {"username": "token", "password": "packagist_uut_4b376e02cb71c098082f4b759824eb27c2135eee46f48a778be16e6ce340985e3ba9"}}',
          secret:
            'packagist_uut_4b376e02cb71c098082f4b759824eb27c2135eee46f48a778be16e6ce340985e3ba9',
        },
      ],
      negatives: [
        'packagist_uut_4B376E02CB71C098082F4B759824EB27C2135EEE46F48A778BE16E6CE340985E3BA9',
        'packagist_uut_4b376e02cb71c098082f4b759824eb27c2135eee46f48a778be16e6ce340985e3ba',
      ],
    },
  },
]);

// Revoke or rotate: Private Packagist documentation (the page this family file already cites for its key format).
guidance('packagist', {
  steps:
    "Sign in to Private Packagist and revoke (delete or regenerate) the leaked organization token or user update token where Private Packagist manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Private Packagist's logs or usage for activity you do not recognise.",
  url: 'https://packagist.com/docs/composer-authentication',
});
