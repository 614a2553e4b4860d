// NuGet.org API keys and nuget.config package source credentials.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('nuget', [
  {
    // nuget.org API keys: "oy2" + 43 lower-case alphanumerics.
    id: 'nuget-api-key',
    name: 'NuGet API key',
    category: 'api_key',
    keywords: ['oy2'],
    pattern: String.raw`\b(oy2[a-z0-9]{43})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'oy2vsg9ojun1a6pmnk7bvumx6yahqd4ua63tsfkvg8pt10',
        {
          text: 'dotnet nuget push bin/Release/Acme.Core.2.1.0.nupkg --api-key oy2q8prxk62by0yoo4vndp1x91jv46gec8infxxqpqh3gi --source https://api.nuget.org/v3/index.json',
          secret: 'oy2q8prxk62by0yoo4vndp1x91jv46gec8infxxqpqh3gi',
        },
      ],
      negatives: [
        'oy2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'oy2vsg9ojun1a6pmnk7bvumx6yahqd4ua63tsfkvg8pt1',
        'oy2vsg9ojun1a6pmnk7bvumx6yahqd4ua63tsfkvg8pt10x',
        'OY2VSG9OJUN1A6PMNK7BVUMX6YAHQD4UA63TSFKVG8PT10',
      ],
    },
  },
  {
    // <packageSourceCredentials> stores passwords in clear under ClearTextPassword.
    id: 'nuget-config-password',
    name: 'NuGet package source password (nuget.config)',
    category: 'credentials',
    keywords: ['cleartextpassword'],
    ignoreCase: true,
    pattern: String.raw`key\s{0,3}=\s{0,3}\\{0,3}"ClearTextPassword\\{0,3}"\s{1,5}value\s{0,3}=\s{0,3}\\{0,3}"([^"\\<>\s]{3,128})\\{0,3}"`,
    examples: {
      positives: [
        {
          text: '<add key="ClearTextPassword" value="IgpDzWX3OWfM#RUq" />',
          secret: 'IgpDzWX3OWfM#RUq',
        },
        {
          text: '<packageSourceCredentials><AcmeFeed><add key="Username" value="ci" /><add key="ClearTextPassword" value="0U4GaCSECvxZUEiVBhhK" /></AcmeFeed></packageSourceCredentials>',
          secret: '0U4GaCSECvxZUEiVBhhK',
        },
      ],
      negatives: [
        '<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />',
        '<add key="ClearTextPassword" value="" />',
        '<add key="ClearTextPassword" value="password" />',
      ],
    },
  },
]);

// Revoke or rotate: Microsoft Learn, "Scoped API keys" (nuget.org): a leaked key is deleted or regenerated under your user name > API Keys.
guidance('nuget', {
  steps:
    'Sign in to nuget.org, select your user name > API Keys, and delete or regenerate the leaked key (regenerating invalidates the old value at once). Give the replacement only the Push scope and the package glob it needs, with a short expiry, and update every build that pushed with the old key. Check the packages the key could push for versions you did not publish and unlist any you do not recognise.',
  url: 'https://learn.microsoft.com/nuget/nuget-org/scoped-api-keys',
});
