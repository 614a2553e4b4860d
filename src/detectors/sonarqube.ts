// SonarQube token prefixes (9.5+): squ_ user, sqp_ project analysis, sqa_ global analysis, + 40 hex.
// https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/
import { ASSIGN, E, EW, family } from './define.js';
import { guidance } from './guidance.js';

const prefixed = (prefix: string) => String.raw`\b(${prefix}_[0-9a-f]{40})${EW}`;

export default family('sonarqube', [
  {
    id: 'sonarqube-user-token',
    name: 'SonarQube user token',
    category: 'token',
    keywords: ['squ_'],
    pattern: prefixed('squ'),
    minEntropy: 3,
    examples: {
      positives: [
        'squ_e35bdb3b97fb77b8255bbe8a5400a21f8911c374',
        {
          text: 'mvn sonar:sonar -Dsonar.token=squ_87f23f687b2e3f0505af99b47205c3c307028716',
          secret: 'squ_87f23f687b2e3f0505af99b47205c3c307028716',
        },
      ],
      negatives: [
        'squ_e35bdb3b97fb77b8255bbe8a5400a21f8911c37',
        'SQU_E35BDB3B97FB77B8255BBE8A5400A21F8911C374',
        'squ_0000000000000000000000000000000000000000',
      ],
    },
  },
  {
    id: 'sonarqube-project-analysis-token',
    name: 'SonarQube project analysis token',
    category: 'token',
    keywords: ['sqp_'],
    pattern: prefixed('sqp'),
    minEntropy: 3,
    examples: {
      positives: [
        'sqp_a16f773993e4b12c177ccf01261d92e4618e84fa',
        {
          text: "'sonar.login': 'sqp_4e84e3c3ba55e2b6082fdca76e8e49e94bb0c7fa',",
          secret: 'sqp_4e84e3c3ba55e2b6082fdca76e8e49e94bb0c7fa',
        },
      ],
      negatives: [
        'sqp_a16f773993e4b12c177ccf01261d92e4618e84f',
        'sqp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'sonarqube-global-analysis-token',
    name: 'SonarQube global analysis token',
    category: 'token',
    keywords: ['sqa_'],
    pattern: prefixed('sqa'),
    minEntropy: 3,
    examples: {
      positives: [
        'sqa_400e5f04d2828a1afd4b836fc869e41876727d5f',
        {
          text: 'SONAR_TOKEN: sqa_7223280e4bb7daadc2ea53f462bae332c4b15b12',
          secret: 'sqa_7223280e4bb7daadc2ea53f462bae332c4b15b12',
        },
      ],
      negatives: [
        'sqa_400e5f04d2828a1afd4b836fc869e41876727d5',
        'sqa_400e5f04d2828a1afd4b836fc869e41876727d5f0',
      ],
    },
  },
  {
    // Tokens before 9.5 (and SonarQube Cloud user tokens) are bare 40 hex: only after a Sonar name.
    id: 'sonarqube-legacy-token',
    name: 'SonarQube / SonarQube Cloud token (unprefixed)',
    category: 'token',
    keywords: ['sonar'],
    ignoreCase: true,
    pattern: String.raw`sonar[\w.-]{0,12}(?:login|token)${ASSIGN}([0-9a-f]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: '-Dsonar.login=9e217f8f3180ca0e6cf2bb56b9b60e3773774cd0',
          secret: '9e217f8f3180ca0e6cf2bb56b9b60e3773774cd0',
        },
        {
          text: 'SONARCLOUD_TOKEN="64e0aa7c2933c54038e527f845ebdfe0731b0e5e"',
          secret: '64e0aa7c2933c54038e527f845ebdfe0731b0e5e',
        },
      ],
      negatives: [
        'SONAR_TOKEN=${{ secrets.SONAR_TOKEN }}',
        'commit 9e217f8f3180ca0e6cf2bb56b9b60e3773774cd0 fixed the sonar token refresh', // no assignment to a sonar name
        'sonar.login=9e217f8f3180ca0e6cf2bb56b9b60e3773774cd',
      ],
    },
  },
  {
    // SonarQube Cloud (SonarCloud) tokens: "sqco_" + 59 alphanumerics.
    id: 'sonarcloud-token',
    name: 'SonarQube Cloud token',
    category: 'token',
    keywords: ['sqco_'],
    pattern: String.raw`\b(sqco_[A-Za-z0-9]{59})${E}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'sqco_ta4hp4u9WqaUC1YnucUCljeRx73fUrQEO9YTtgQeN6KPj7cGjMyjpSen43v',
        {
          text: 'SONAR_TOKEN=sqco_QjG13Gs7GgR0HszoanKhv85Qzh4GAoYlX0bOwx8M0kQmK4Zp3123nDJfH6v',
          secret: 'sqco_QjG13Gs7GgR0HszoanKhv85Qzh4GAoYlX0bOwx8M0kQmK4Zp3123nDJfH6v',
        },
      ],
      negatives: [
        'sqco_ta4hp4u9WqaUC1YnucUCljeRx73fUrQEO9YTtgQeN6KPj7cGjMyjpSen43',
        'sqco_ta4hp4u9WqaUC1YnucUCljeRx73fUrQEO9YTtgQeN6KPj7cGjMyjpSen43v==',
        'sqco_<token>',
      ],
    },
  },
]);

// Revoke or rotate: SonarQube Server docs, "Administering tokens" (revoking any user's token; users revoke their own under My Account > Security).
guidance('sonarqube', {
  steps:
    "Revoke the leaked token under My Account > Security (a System Administrator can revoke anyone's under Administration > Security > Users, the user's Tokens menu); in SonarQube Cloud, under My Account > Security. Replace it with a project analysis token where only one project is analysed, update CI, and check the projects' settings and quality gates for changes.",
  url: 'https://docs.sonarsource.com/sonarqube-community-build/instance-administration/user-management/administering-tokens/',
});
