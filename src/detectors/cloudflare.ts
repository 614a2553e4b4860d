import { family } from './define.js';

export default family('cloudflare', []);
