import { family } from './define.js';

export default family('basic-auth-url', []);
