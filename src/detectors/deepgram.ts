// Deepgram API keys: 40 lower-case hex with no prefix, recognised only after a Deepgram name.
// https://developers.deepgram.com/docs/create-additional-api-keys (format: TruffleHog pkg/detectors/deepgram)
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('deepgram', [
  {
    id: 'deepgram-api-key',
    name: 'Deepgram API key',
    category: 'api_key',
    keywords: ['deepgram'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])deepgram[\w.-]{0,16}(?:api[_.-]?key|key|token|secret)${ASSIGN}([0-9a-z]{40})${EW}`,
    // The name match is case-insensitive; issued keys are lower case.
    validate: (s) => s === s.toLowerCase(),
    minEntropy: 3.3,
    examples: {
      positives: [
        {
          text: 'DEEPGRAM_API_KEY=3dd2ea36835616ed59ea6562ee57642639e4caa0',
          secret: '3dd2ea36835616ed59ea6562ee57642639e4caa0',
        },
        {
          text: 'deepgram_secret: "sedoyq4qeki9q9oz71piqxx8t19f2kdk068mvy4k"',
          secret: 'sedoyq4qeki9q9oz71piqxx8t19f2kdk068mvy4k',
        },
      ],
      negatives: [
        'DEEPGRAM_API_KEY=<your-deepgram-key>',
        'DEEPGRAM_API_KEY=c941749b30c269e502a859634753d624345abcf',
        'deepgram-python-sdk@96823118858d01dad7fd920fe075a13477523337', // a commit, not a key name
        'https://console.deepgram.com/project/fc073729-cee6-4f95-b599-570e6ecb5c07/keys',
      ],
    },
  },
]);

// Revoke or rotate: Deepgram docs, "Creating API Keys" (keys belong to a project and are managed in the Console's Settings > API Keys).
guidance('deepgram', {
  steps:
    "In the Deepgram Console select the project, open Settings > API Keys and delete the leaked key (or call the Keys API); create a replacement with the narrowest role (listen or speak only) and an expiry, and update the services that used it. Check the project's usage for requests you did not make.",
  url: 'https://developers.deepgram.com/docs/create-additional-api-keys',
});
