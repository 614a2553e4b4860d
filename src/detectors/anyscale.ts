// Anyscale: Endpoints API keys "esecret_" + alphanumerics, platform CLI tokens "aph0_" + base64url.
// https://docs.anyscale.com/reference/authentication (CLI credentials: ~/.anyscale/credentials.json)
import { EW, family } from './define.js';

export default family('anyscale', [
  {
    id: 'anyscale-endpoints-api-key',
    name: 'Anyscale Endpoints API key',
    category: 'api_key',
    keywords: ['esecret_'],
    pattern: String.raw`\b(esecret_[A-Za-z0-9]{26,64})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'esecret_hnRMTboVpnClmGswB9TmOOkyhH',
        {
          text: 'export ANYSCALE_API_KEY=esecret_EVexEkPt6XcOMkbSWZloDf0IhiAA6WIs',
          secret: 'esecret_EVexEkPt6XcOMkbSWZloDf0IhiAA6WIs',
        },
      ],
      negatives: [
        'ANYSCALE_API_KEY=esecret_XXXXXX',
        'esecret_FhOAs1MQbVMoify1NF9s', // too short
        'esecret_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ],
    },
  },
  {
    id: 'anyscale-cli-token',
    name: 'Anyscale platform (CLI) token',
    category: 'token',
    keywords: ['aph0_'],
    pattern: String.raw`\b(aph0_[A-Za-z0-9_-]{40,400})${EW}`,
    minEntropy: 4,
    window: 512,
    examples: {
      positives: [
        'aph0_x5BoZCyd_BjnroeGoNZzjSe5C7iminWMAFqkVM7HMDu5YoG_giOQ5rkFEaGQz1b5Z_ShVmrKuCrQDy-UhHe67C3HMVY5eLmqtCZE4bnAPHIF3r0kWyQ-as1j',
        {
          text: '{"cli_token": "aph0_3aLY6P66REIxAroR19P5s4N7XCPa6omBTR9MBCcK5F0LSbQKE757Mjcj_e7_t5USw6GD6s9kJhJSvibBvTZJoVmwInHT9tGV"}',
          secret:
            'aph0_3aLY6P66REIxAroR19P5s4N7XCPa6omBTR9MBCcK5F0LSbQKE757Mjcj_e7_t5USw6GD6s9kJhJSvibBvTZJoVmwInHT9tGV',
        },
      ],
      negatives: [
        'ANYSCALE_CLI_TOKEN=aph0_...',
        'aph0_MOUae5qccLChxpsnDBtJtOEEUhw2J3', // too short
      ],
    },
  },
]);
