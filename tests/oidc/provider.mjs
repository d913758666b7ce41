#!/usr/bin/env node
// Nära test OIDC provider.
//
// A REAL OpenID Connect provider (panva's `oidc-provider`) that Nära's test
// suites start as a child process, so that the relying-party code in the Rust
// server is exercised against a genuine OP (discovery, JWKS, authorization code
// flow with PKCE, state, nonce, signed ID tokens, token endpoint client
// authentication) rather than against a hand-written mock.
//
// FOR TESTS ONLY. It keeps everything in memory, generates its signing key at
// start, logs residents in without asking anything, and exposes unauthenticated
// /test/* control endpoints that decide who logs in. Never run it anywhere but
// on a developer's or CI's loopback interface.
//
// Usage:  node tests/oidc/provider.mjs [--port N]
//   stdout: exactly one line, `issuer: http://127.0.0.1:PORT`, once it listens.
//           (Everything else, including oidc-provider's notices, goes to stderr.)
//   Runs until SIGTERM / SIGINT, then exits 0.
//
// Environment:
//   OIDC_REDIRECT_URIS   comma-separated redirect URIs of client `nara-test`
//                        (default http://127.0.0.1:8080/logga-in/oidc/callback)
//   OIDC_POST_LOGOUT_REDIRECT_URIS
//                        comma-separated post-logout redirect URIs (default: the
//                        origin root of each redirect URI, e.g. http://127.0.0.1:8080/)
//   OIDC_INTERACTIVE=1   show a small log-in form instead of logging in
//                        automatically (for a person trying Nära by hand)
//
// See README.md beside this file.

import * as crypto from 'node:crypto';
import * as http from 'node:http';

// oidc-provider prints its notices with console.info, i.e. to stdout. Our stdout
// carries only the issuer line that test harnesses parse, so send the rest to
// stderr. This must happen before oidc-provider is loaded.
console.info = (...args) => console.error(...args);

// oidc-provider 9 targets Node.js 22 LTS; on Node 20 it runs (it prints an
// "Unsupported runtime" warning) as long as these newer built-ins exist.
if (typeof URL.parse !== 'function' || typeof crypto.hash !== 'function') {
  console.error(`Node.js ${process.version} is too old for oidc-provider 9: it needs URL.parse and crypto.hash (use a current Node 20 release, or Node 22+)`);
  process.exit(1);
}

const { default: Provider, interactionPolicy } = await import('oidc-provider');

// ---------------------------------------------------------------------------
// Arguments and environment
// ---------------------------------------------------------------------------

function parsePort(argv) {
  let port = 0;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    let value;
    if (arg === '--port') {
      value = argv[i + 1];
      i += 1;
    } else if (arg.startsWith('--port=')) {
      value = arg.slice('--port='.length);
    } else {
      console.error(`unknown argument: ${arg}\nusage: node provider.mjs [--port N]`);
      process.exit(2);
    }
    if (!/^\d+$/.test(value ?? '') || Number(value) > 65535) {
      console.error(`invalid --port value: ${value}`);
      process.exit(2);
    }
    port = Number(value);
  }
  return port;
}

const PORT = parsePort(process.argv.slice(2));
const HOST = '127.0.0.1';
const REDIRECT_URIS = (process.env.OIDC_REDIRECT_URIS || 'http://127.0.0.1:8080/logga-in/oidc/callback')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const POST_LOGOUT_REDIRECT_URIS = process.env.OIDC_POST_LOGOUT_REDIRECT_URIS
  ? process.env.OIDC_POST_LOGOUT_REDIRECT_URIS.split(',').map((s) => s.trim()).filter(Boolean)
  : [...new Set(REDIRECT_URIS.map((u) => new URL('/', u).href))];
const INTERACTIVE = process.env.OIDC_INTERACTIVE === '1';

const CLIENT_ID = 'nara-test';
const CLIENT_SECRET = 'nara-test-secret';
// The claim of the Swedish OIDC profile (id.oidc.se) carrying the 12-digit
// personnummer / samordningsnummer.
const PIN_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
const PIN_SCOPE = 'https://id.oidc.se/scope/naturalPersonNumber';

// ---------------------------------------------------------------------------
// Test-controlled state (changed through the /test/* endpoints)
// ---------------------------------------------------------------------------

// Luhn check digit over the 10-digit form YYMMDDNNN(C) of a personnummer.
function pinIsValid(pin) {
  if (typeof pin !== 'string' || !/^(19|20)\d{10}$/.test(pin)) return false;
  const ten = pin.slice(2);
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    let d = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(ten[9]);
}

// Default resident: a fictitious person with a Luhn-valid personnummer.
const DEFAULT_ACCOUNT = Object.freeze({
  sub: 'nara-test-resident-1',
  personalIdentityNumber: '199001012385',
  name: 'Tolvan Tolvansson',
  given_name: 'Tolvan',
  family_name: 'Tolvansson',
});
const DEFAULT_ID_TOKEN_TTL = 600;

const state = {
  nextLogin: { ...DEFAULT_ACCOUNT },
  tokenDelayMs: 0,
  idTokenTtl: DEFAULT_ID_TOKEN_TTL,
  interactive: INTERACTIVE,
};

// Every account that has logged in, by sub, so that tokens and userinfo keep
// answering with the account they were issued for even after next-login changed.
const accounts = new Map([[DEFAULT_ACCOUNT.sub, { ...DEFAULT_ACCOUNT }]]);

function accountClaims(account) {
  const claims = { sub: account.sub };
  for (const key of ['name', 'given_name', 'family_name']) {
    if (typeof account[key] === 'string') claims[key] = account[key];
  }
  if (typeof account.personalIdentityNumber === 'string') {
    claims[PIN_CLAIM] = account.personalIdentityNumber;
  }
  return claims;
}

// ---------------------------------------------------------------------------
// Keys (generated at start, in memory; nothing is fetched from anywhere)
// ---------------------------------------------------------------------------

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingJwk = {
  ...privateKey.export({ format: 'jwk' }),
  kid: `nara-test-${crypto.randomBytes(6).toString('hex')}`,
  alg: 'RS256',
  use: 'sig',
};

// ---------------------------------------------------------------------------
// Interaction policy: every authorization request is a fresh eID log-in (as
// with BankID/Freja through the broker), so a test's /test/next-login always
// takes effect even when the browser/HTTP client still holds an OP session.
// ---------------------------------------------------------------------------

const policy = interactionPolicy.base();
policy.get('login').checks.add(new interactionPolicy.Check(
  'fresh_login',
  'every log-in is a fresh eID authentication',
  'login_required',
  (ctx) => (ctx.oidc.result?.login
    ? interactionPolicy.Check.NO_NEED_TO_PROMPT
    : interactionPolicy.Check.REQUEST_PROMPT),
));

// ---------------------------------------------------------------------------
// Provider configuration
// ---------------------------------------------------------------------------

function configuration() {
  return {
    clients: [{
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      client_name: 'Nära (test)',
      application_type: 'web',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: REDIRECT_URIS,
      post_logout_redirect_uris: POST_LOGOUT_REDIRECT_URIS,
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
      scope: `openid profile ${PIN_SCOPE}`,
    }],
    // The client is registered with client_secret_basic; oidc-provider accepts
    // client_secret_post for such a client too (both are "client secret" methods).
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    scopes: ['openid', 'profile', PIN_SCOPE],
    responseTypes: ['code'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', PIN_CLAIM],
      [PIN_SCOPE]: [PIN_CLAIM],
    },
    // Put the scope-requested claims in the ID token too (by default they are
    // only served from userinfo when an access token is issued).
    conformIdTokenClaims: false,
    pkce: { required: () => true }, // S256 is the only method oidc-provider supports
    jwks: { keys: [signingJwk] },
    cookies: {
      keys: [crypto.randomBytes(32).toString('base64url')],
      // Cookies ignore ports: on 127.0.0.1 the provider and Nära share one cookie
      // namespace in a browser, so give the provider's cookies unmistakable names.
      names: {
        session: 'test_op_session',
        interaction: 'test_op_interaction',
        resume: 'test_op_interaction_resume',
      },
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // The default pages load a web font from the internet; these do not.
        // The confirmation form submits itself in a browser; a plain HTTP
        // client POSTs `xsrf` and `logout=yes` to the form's action.
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Logga ut</title></head>
<body><h1>Logga ut från testinloggningen</h1>
${form}
<input type="hidden" form="op.logoutForm" name="logout" value="yes">
<button type="submit" form="op.logoutForm">Logga ut</button>
<script>document.getElementById('op.logoutForm').submit();</script>
</body></html>`;
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Utloggad</title></head>'
            + '<body><h1>Du är utloggad från testinloggningen</h1></body></html>';
        },
      },
      // Not used by Nära; switched off so the discovery document stays small.
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
      resourceIndicators: { enabled: false },
    },
    interactions: {
      policy,
      url: (ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    findAccount: async (ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => accountClaims(account),
      };
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: () => state.idTokenTtl, // read on every issuance (/test/id-token-ttl)
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    clientBasedCORS: () => false,
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><meta charset="utf-8"><title>OIDC error</title><h1>OIDC error</h1><pre>${
        escapeHtml(JSON.stringify(out, null, 2))}</pre>`;
    },
  };
}

// ---------------------------------------------------------------------------
// Helpers for our own routes
// ---------------------------------------------------------------------------

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  }[c]));
}

async function readBody(req, limit = 64 * 1024) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(ctx) {
  const text = await readBody(ctx.req);
  if (!text.trim()) return {};
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error();
    return value;
  } catch {
    throw Object.assign(new Error('body must be a JSON object'), { status: 400 });
  }
}

function sendJson(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = JSON.stringify(body);
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// Validate and normalise an account posted to /test/next-login.
function accountFromBody(body) {
  const optionalString = (key) => {
    if (body[key] === undefined || body[key] === null) return undefined;
    if (typeof body[key] !== 'string') throw new Error(`${key} must be a string`);
    return body[key];
  };
  const pin = body.personalIdentityNumber;
  if (pin !== null) {
    if (typeof pin !== 'string') {
      throw new Error('personalIdentityNumber must be a string (or null to leave the claim out)');
    }
    if (!body.allowInvalidPersonalIdentityNumber && !pinIsValid(pin)) {
      throw new Error('personalIdentityNumber must be 12 digits YYYYMMDDNNNC with a valid Luhn check digit '
        + '(send "allowInvalidPersonalIdentityNumber": true to issue it anyway)');
    }
  }
  const sub = optionalString('sub') ?? (typeof pin === 'string' ? `nara-test-${pin}` : undefined);
  if (!sub) throw new Error('sub is required when personalIdentityNumber is null');
  const givenName = optionalString('given_name');
  const familyName = optionalString('family_name');
  let name = optionalString('name');
  if (name === undefined && givenName !== undefined && familyName !== undefined) {
    name = `${givenName} ${familyName}`;
  }
  return {
    sub,
    personalIdentityNumber: pin === null ? undefined : pin,
    name,
    given_name: givenName,
    family_name: familyName,
  };
}

// ---------------------------------------------------------------------------
// /test/* control endpoints — TEST-ONLY, unauthenticated, loopback only.
// ---------------------------------------------------------------------------

async function handleTestRoute(ctx) {
  const route = ctx.path;
  if (route === '/test/next-login' && ctx.method === 'GET') {
    sendJson(ctx, 200, { nextLogin: state.nextLogin });
    return;
  }
  if (route === '/test/state' && ctx.method === 'GET') {
    sendJson(ctx, 200, state);
    return;
  }
  if (ctx.method !== 'POST') {
    sendJson(ctx, 405, { error: 'method_not_allowed' });
    return;
  }
  let body;
  try {
    body = await readJson(ctx);
  } catch (err) {
    sendJson(ctx, err.status ?? 400, { error: 'invalid_request', error_description: err.message });
    return;
  }
  switch (route) {
    case '/test/next-login': {
      let account;
      try {
        account = accountFromBody(body);
      } catch (err) {
        sendJson(ctx, 400, { error: 'invalid_request', error_description: err.message });
        return;
      }
      state.nextLogin = account;
      accounts.set(account.sub, account);
      sendJson(ctx, 200, { nextLogin: account });
      return;
    }
    case '/test/delay-token': {
      const { ms } = body;
      if (!Number.isInteger(ms) || ms < 0 || ms > 120_000) {
        sendJson(ctx, 400, { error: 'invalid_request', error_description: 'ms must be an integer 0..120000' });
        return;
      }
      state.tokenDelayMs = ms;
      sendJson(ctx, 200, { tokenDelayMs: ms });
      return;
    }
    case '/test/id-token-ttl': {
      const { seconds } = body;
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86_400) {
        sendJson(ctx, 400, { error: 'invalid_request', error_description: 'seconds must be an integer 1..86400' });
        return;
      }
      state.idTokenTtl = seconds;
      sendJson(ctx, 200, { idTokenTtl: seconds });
      return;
    }
    case '/test/interactive': {
      if (typeof body.enabled !== 'boolean') {
        sendJson(ctx, 400, { error: 'invalid_request', error_description: 'enabled must be a boolean' });
        return;
      }
      state.interactive = body.enabled;
      sendJson(ctx, 200, { interactive: state.interactive });
      return;
    }
    case '/test/reset': {
      state.nextLogin = { ...DEFAULT_ACCOUNT };
      state.tokenDelayMs = 0;
      state.idTokenTtl = DEFAULT_ID_TOKEN_TTL;
      state.interactive = INTERACTIVE;
      sendJson(ctx, 200, state);
      return;
    }
    default:
      sendJson(ctx, 404, { error: 'not_found' });
  }
}

// ---------------------------------------------------------------------------
// Interactions: log-in and consent, finished automatically
// ---------------------------------------------------------------------------

function loginForm(uid, account) {
  const field = (key, label) => `<label>${label}<br><input name="${key}" value="${
    escapeHtml(account[key] ?? '')}"></label><br>`;
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Testinloggning</title></head>
<body>
<h1>Testinloggning (ingen riktig e-legitimation)</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
${field('personalIdentityNumber', 'Personnummer (12 siffror)')}
${field('given_name', 'Förnamn')}
${field('family_name', 'Efternamn')}
${field('sub', 'sub')}
<button type="submit">Logga in</button>
</form>
</body></html>`;
}

async function grantFor(provider, details, accountId) {
  const { prompt: { details: missing }, params, grantId } = details;
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  if (missing.missingResourceScopes) {
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  return grant.save();
}

async function handleInteraction(provider, ctx) {
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(ctx.path);
  if (!match) {
    ctx.status = 404;
    return;
  }
  ctx.set('Cache-Control', 'no-store');
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.uid !== match[1]) {
    ctx.throw(400, 'interaction mismatch');
  }

  let result;
  switch (details.prompt.name) {
    case 'login': {
      let account = state.nextLogin;
      if (state.interactive) {
        if (!match[2]) {
          ctx.type = 'html';
          ctx.body = loginForm(details.uid, account);
          return;
        }
        const form = new URLSearchParams(await readBody(ctx.req));
        try {
          account = accountFromBody({
            sub: form.get('sub') || undefined,
            personalIdentityNumber: form.get('personalIdentityNumber') || '',
            given_name: form.get('given_name') || undefined,
            family_name: form.get('family_name') || undefined,
          });
        } catch (err) {
          ctx.status = 400;
          ctx.type = 'text';
          ctx.body = err.message;
          return;
        }
      }
      accounts.set(account.sub, { ...account });
      // The browser may still hold an OP session of another resident. Left as
      // is, oidc-provider would answer the resume with an auto-submitting
      // (JavaScript) log-out form, which a plain HTTP client cannot follow. End
      // that session here instead, as a new eID log-in would.
      if (details.session?.accountId && details.session.accountId !== account.sub) {
        const previous = await provider.Session.findByUid(details.session.uid);
        if (previous) await previous.destroy();
        delete details.session;
        await details.save(details.exp - Math.floor(Date.now() / 1000));
      }
      result = { login: { accountId: account.sub, amr: ['test'] } };
      break;
    }
    case 'consent': {
      const accountId = details.session?.accountId ?? details.result?.login?.accountId;
      result = { consent: { grantId: await grantFor(provider, details, accountId) } };
      break;
    }
    default:
      ctx.throw(501, `prompt ${details.prompt.name} not implemented`);
  }

  const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: true,
  });
  ctx.status = 303;
  ctx.redirect(returnTo);
}

// ---------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------

let handler = (req, res) => { res.statusCode = 503; res.end(); };
const server = http.createServer((req, res) => handler(req, res));

await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(PORT, HOST, resolve);
});

const issuer = `http://${HOST}:${server.address().port}`;
const provider = new Provider(issuer, configuration());

// Our middleware runs before oidc-provider's router (Provider#use inserts it there).
provider.use(async (ctx, next) => {
  if (ctx.path.startsWith('/test/')) {
    await handleTestRoute(ctx);
    return;
  }
  if (ctx.path.startsWith('/interaction/')) {
    await handleInteraction(provider, ctx);
    return;
  }
  await next();
  // The token is minted before the wait, so with a short ID token TTL the
  // relying party receives a token that has already expired.
  if (ctx.path === '/token' && ctx.method === 'POST' && state.tokenDelayMs > 0) {
    await sleep(state.tokenDelayMs);
  }
});

provider.on('server_error', (ctx, err) => { console.error('oidc-provider server_error:', err); });
for (const event of ['authorization.error', 'grant.error', 'userinfo.error']) {
  provider.on(event, (ctx, err) => { console.error(`oidc-provider ${event}: ${err.message} (${err.error_description ?? ''})`); });
}

handler = provider.callback();

process.stdout.write(`issuer: ${issuer}\n`);

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.error(`received ${signal}, stopping`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
