// Fly.io tokens (https://fly.io/docs/security/tokens/): macaroons "fm1a_", "fm1r_", "fm2_" +
// base64 (often several, comma-separated, after "FlyV1 "), and org tokens "fo1_" + 43.
// Macaroons run to 300-800 chars: the pattern takes a 64-char head, which keeps the RE2 program small.
import { decodeBase64 } from '../engine/checks/radix.js';
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('fly', [
  {
    id: 'fly-macaroon-token',
    name: 'Fly.io API token (macaroon)',
    category: 'token',
    keywords: ['fm1a_', 'fm1r_', 'fm2_'],
    // `=` may precede (`FLY_API_TOKEN=fm2_…`, `?token=fm2_…`); base64 letters may not.
    pattern: String.raw`(?:^|[^A-Za-z0-9_+/-])(fm(?:1[ar]|2)_[A-Za-z0-9+/]{64})`,
    minEntropy: 4.5,
    validate: (t) => decodeBase64(t.slice(t.indexOf('_') + 1)) !== undefined,
    examples: {
      positives: [
        'FLY_API_TOKEN="FlyV1 fm2_lJPEBpce7fjnwmP8weKis/s3dCwioCVoSVrNwSP7DbChi6ZLCrukd+DkKo/XCpSu0puhdPiJFmKwSxOFn0OqEfIzlKkq4UhqGuUPEG16LHYLxBHHM4ynxlWxhnNZTFlOMUri42cO7kBUoLXykz3HB9ygCEfSNP05N+1KtLfkXi8g7EdajDhfg8a8DHe/BpLUYabL4FBPxzpjuwKNsnv5wdsil1W4yRKQHJ2RlUxA9mb+yyfX2Cwc42WHUvHNDSFN7ZwMnrOHxA5o9KDTqrbMTxRRT7aeGxxlH+jiVpzZxn5KFJRL87yI4IIru1KYyxe6w56L2ABP3eAdVELWgtw9oGukOki0drc0Cj+XHjrKzS2M=="',
        'fly secrets set TOKEN="FlyV1 fm2_lJPE7jrv+KivkBTdVUPsfx8GFM+139/QtL3GshQRLLqm+w/ppl1F6nxhwPeA0JhI+/5/9koUYimfNIcungkLxaUxpOmGa7x1a7wwYNxuAgTwIVaKE+KQ5hnBP9j9L7A18WXAqifHNhgHK52AXd325OgX2tszy7YlitEc9YWUjUbFXjYtwVVUKDxzoow3LBJ7tpAgRIK1914h+tBJwwLJSq37owBCSsxa0g1M18b1rFIngQCDzQ/XofxkJbbfUT3h2OXj3wbsGaH8q7APbytQU+BBUJW7BarJ3fkJN73JDmn2/7PzMCnRyDrOyWIu3niLEPDMfP67Bc+ntm9FncaO+csD/M0R21LMXFFEr/bS1GGq==,fm2_lJPEBpce7fjnwmP8weKis/s3dCwioCVoSVrNwSP7DbChi6ZLCrukd+DkKo/XCpSu0puhdPiJFmKwSxOFn0OqEfIzlKkq4UhqGuUPEG16LHYLxBHHM4ynxlWxhnNZTFlOMUri42cO7kBUoLXykz3HB9ygCEfSNP05N+1KtLfkXi8g7EdajDhfg8a8DHe/BpLUYabL4FBPxzpjuwKNsnv5wdsil1W4yRKQHJ2RlUxA9mb+yyfX2Cwc42WHUvHNDSFN7ZwMnrOHxA5o9KDTqrbMTxRRT7aeGxxlH+jiVpzZxn5KFJRL87yI4IIru1KYyxe6w56L2ABP3eAdVELWgtw9oGukOki0drc0Cj+XHjrKzS2M=="',
        'FLY_API_TOKEN=fm2_lJPEBpce7fjnwmP8weKis/s3dCwioCVoSVrNwSP7DbChi6ZLCrukd+DkKo/XCpSu0puhdPiJFmKwSxOFn0OqEfIzlKkq4UhqGuUPEG16LHYLxBHHM4ynxlWxhnNZTFlOMUri42cO7kBUoLXykz3HB9ygCEfSNP05N+1KtLfkXi8g7EdajDhfg8a8DHe/BpLUYabL4FBPxzpjuwKNsnv5wdsil1W4yRKQHJ2RlUxA9mb+yyfX2Cwc42WHUvHNDSFN7ZwMnrOHxA5o9KDTqrbMTxRRT7aeGxxlH+jiVpzZxn5KFJRL87yI4IIru1KYyxe6w56L2ABP3eAdVELWgtw9oGukOki0drc0Cj+XHjrKzS2M==',
      ],
      negatives: ['FlyV1 fm2_short', 'FlyV1 fm2_' + 'A'.repeat(200)],
    },
  },
  {
    id: 'fly-org-token',
    name: 'Fly.io access token (fo1_)',
    category: 'token',
    keywords: ['fo1_'],
    pattern: String.raw`\b(fo1_[A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'FLY_ACCESS_TOKEN=fo1_xXuLPzb-T67vAbNw-8GpPy0yik1YDBcWPhAd66-mZpa',
          secret: 'fo1_xXuLPzb-T67vAbNw-8GpPy0yik1YDBcWPhAd66-mZpa',
        },
        'fly auth token: fo1_E1nvDJgP2nvFPTEQ1jZjM2ie_xCWyClSgpGmc47We32',
      ],
      negatives: [
        'fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'fo1_xXuLPzb-T67vAbNw-8GpPy0yik1YDBcWPhAd66-mZp',
        'xfo1_E1nvDJgP2nvFPTEQ1jZjM2ie_xCWyClSgpGmc47We32',
      ],
    },
  },
]);

// Revoke or rotate: Fly.io docs, "fly tokens revoke" (and "Deploy Tokens").
guidance('fly', {
  steps:
    "List the organization's tokens with `fly tokens list` and revoke the leaked one with `fly tokens revoke <id>` (deploy tokens are also revoked from the app dashboard's Tokens tab). Replace it with a deploy token scoped to one app and a short expiry (`fly tokens create deploy -x ...`), update CI, and check the apps' releases for deployments you did not make.",
  url: 'https://fly.io/docs/flyctl/tokens-revoke',
});
