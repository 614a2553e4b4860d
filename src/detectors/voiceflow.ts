// Voiceflow API keys: "VF.DM." (Dialog Manager) or "VF.WS." (workspace; legacy "VF.") + a 24-hex
// object id + "." + 16 alphanumerics. https://docs.voiceflow.com/reference/authentication
// (format: TruffleHog pkg/detectors/voiceflow)
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('voiceflow', [
  {
    id: 'voiceflow-api-key',
    name: 'Voiceflow API key',
    category: 'api_key',
    keywords: ['vf.'],
    pattern: String.raw`\b(VF\.(?:(?:DM|WS)\.)?[0-9a-f]{24}\.[A-Za-z0-9]{16})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'VF.DM.21a0a748e34d7d477bcd0070.9WH9Vmyde7TxzZWW',
        {
          text: 'curl https://general-runtime.voiceflow.com/state/user/u1/interact -H "Authorization: VF.WS.f0b58ee95c63314916042a48.vNgdyPwmz1vKu8il"',
          secret: 'VF.WS.f0b58ee95c63314916042a48.vNgdyPwmz1vKu8il',
        },
        {
          text: "const key = 'VF.a4abdfed7082bda3ab35c7c1.ZnrtQhZJJmRYUmS4';",
          secret: 'VF.a4abdfed7082bda3ab35c7c1.ZnrtQhZJJmRYUmS4',
        },
      ],
      negatives: [
        'VOICEFLOW_API_KEY=VF.DM.xxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxx',
        'VF.DM.53a0ea6efab14f505f085b9a.ClSHvYBNQLk6', // tail too short
        'VF.DM.554a3f134c774fe31fc7.XSQ9fAUhEvGSA9ti', // id too short
      ],
    },
  },
]);

// Revoke or rotate: Voiceflow documentation (the page this family file already cites for its key format).
guidance('voiceflow', {
  steps:
    "Sign in to Voiceflow and revoke (delete or regenerate) the leaked API key where Voiceflow manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Voiceflow's logs or usage for activity you do not recognise.",
  url: 'https://docs.voiceflow.com/reference/authentication',
});
