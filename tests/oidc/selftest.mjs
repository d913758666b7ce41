#!/usr/bin/env node
// Self-test of the Nära test OIDC provider (provider.mjs).
//
// Starts provider.mjs as a child process and acts as a relying party with plain
// fetch: discovery, authorization code flow with PKCE (S256), state and nonce,
// manual redirect following with a tiny cookie jar, token exchange, ID token
// signature and claim checks, and the /test/* control endpoints.
//
// Usage: node tests/oidc/selftest.mjs
// Prints "N passed, N failed" last and exits non-zero if anything failed.

import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import { once } from 'node:events';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify } from 'jose';

const here = path.dirname(fileURLToPath(import.meta.url));
const REDIRECT_URI = 'http://127.0.0.1:9/cb';
const CLIENT_ID = 'nara-test';
const CLIENT_SECRET = 'nara-test-secret';
const PIN_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
const DEFAULT_PIN = '199001012385';

let passed = 0;
let failed = 0;

async function test(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (err) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${String(err?.stack || err).split('\n').join('\n     ')}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function assertEqual(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

// ---------------------------------------------------------------------------
// Start the provider
// ---------------------------------------------------------------------------

const child = spawn(process.execPath, [path.join(here, 'provider.mjs')], {
  env: { ...process.env, OIDC_REDIRECT_URIS: REDIRECT_URI },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const stdoutLines = [];
let stderrText = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => { stderrText += chunk; });
const childExit = once(child, 'exit');

const issuer = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`provider did not print its issuer in 20 s\n${stderrText}`)), 20_000);
  const rl = createInterface({ input: child.stdout });
  rl.on('line', (line) => {
    stdoutLines.push(line);
    const m = /^issuer: (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
  child.once('exit', (code) => {
    clearTimeout(timer);
    reject(new Error(`provider exited early (code ${code})\n${stderrText}`));
  });
}).catch((err) => {
  console.log(`FAIL start provider\n     ${err.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
console.log(`provider started: ${issuer}`);

// ---------------------------------------------------------------------------
// A tiny relying party
// ---------------------------------------------------------------------------

class CookieJar {
  #cookies = new Map();

  store(response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => {
        const [k, v = ''] = a.trim().split('=');
        if (k.toLowerCase() === 'max-age') return Number(v) <= 0;
        if (k.toLowerCase() === 'expires') return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const randomToken = () => b64url(crypto.randomBytes(32));
const basicAuth = (id, secret) => `Basic ${Buffer.from(
  `${encodeURIComponent(id)}:${encodeURIComponent(secret)}`,
).toString('base64')}`;

async function getJson(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  assertEqual(res.status, 200, `GET ${url} status`);
  return res.json();
}

async function control(route, body) {
  const res = await fetch(`${issuer}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: await res.json() };
}

// Runs the front-channel part of the code flow. Follows the provider's
// redirects (keeping cookies) until Location points at the redirect URI, and
// returns that callback URL's parameters along with what was sent.
async function authorize(discovery, { jar = new CookieJar(), pkce = true, redirectUri = REDIRECT_URI } = {}) {
  const verifier = randomToken();
  const challenge = b64url(crypto.createHash('sha256').update(verifier).digest());
  const state = randomToken();
  const nonce = randomToken();
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    scope: 'openid profile',
    state,
    nonce,
    ...(pkce ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
  }).toString();

  let next = url.href;
  const hops = [];
  for (let i = 0; i < 10; i += 1) {
    const res = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: jar.header() },
      signal: AbortSignal.timeout(10_000),
    });
    jar.store(res);
    hops.push(`${res.status} ${new URL(next).pathname}`);
    const location = res.headers.get('location');
    if (![302, 303, 307].includes(res.status) || !location) {
      const text = await res.text();
      return {
        error: `no redirect from ${next}: ${res.status} ${text.slice(0, 300)}`,
        body: text,
        status: res.status,
        hops,
        verifier,
        state,
        nonce,
      };
    }
    await res.arrayBuffer().catch(() => {});
    const target = new URL(location, next);
    if (target.href.startsWith(redirectUri)) {
      return {
        params: Object.fromEntries(target.searchParams), verifier, state, nonce, jar, hops,
      };
    }
    next = target.href;
  }
  throw new Error(`too many redirects: ${hops.join(' -> ')}`);
}

async function exchange(discovery, code, verifier, { auth = 'basic', secret = CLIENT_SECRET } = {}) {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
  if (verifier !== undefined) form.set('code_verifier', verifier);
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  if (auth === 'basic') {
    headers.authorization = basicAuth(CLIENT_ID, secret);
  } else {
    form.set('client_id', CLIENT_ID);
    form.set('client_secret', secret);
  }
  const started = Date.now();
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST', headers, body: form, signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, body: await res.json(), elapsedMs: Date.now() - started };
}

async function login(discovery, opts) {
  const auth = await authorize(discovery, opts);
  assert(!auth.error, auth.error);
  assert(auth.params.code, `no code in callback: ${JSON.stringify(auth.params)}`);
  assertEqual(auth.params.state, auth.state, 'state');
  return auth;
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

let discovery;
let jwks;

await test('discovery document', async () => {
  discovery = await getJson(`${issuer}/.well-known/openid-configuration`);
  assertEqual(discovery.issuer, issuer, 'issuer');
  assertEqual(discovery.authorization_endpoint, `${issuer}/auth`, 'authorization_endpoint');
  assertEqual(discovery.token_endpoint, `${issuer}/token`, 'token_endpoint');
  assertEqual(discovery.userinfo_endpoint, `${issuer}/me`, 'userinfo_endpoint');
  assertEqual(discovery.jwks_uri, `${issuer}/jwks`, 'jwks_uri');
  assertEqual(discovery.end_session_endpoint, `${issuer}/session/end`, 'end_session_endpoint');
  assert(discovery.code_challenge_methods_supported?.includes('S256'), 'S256 not supported');
  assert(discovery.claims_supported?.includes(PIN_CLAIM), 'personalIdentityNumber not in claims_supported');
  assert(discovery.scopes_supported?.includes('profile'), 'profile scope not supported');
  assert(discovery.id_token_signing_alg_values_supported?.includes('RS256'), 'RS256 not supported');
  assert(discovery.token_endpoint_auth_methods_supported?.includes('client_secret_basic'), 'client_secret_basic');
  jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));
});

if (!discovery) {
  child.kill('SIGTERM');
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

async function verifyIdToken(idToken, nonce, extra = {}) {
  const { payload, protectedHeader } = await jwtVerify(idToken, jwks, {
    issuer, audience: CLIENT_ID, algorithms: ['RS256'], ...extra,
  });
  assertEqual(protectedHeader.alg, 'RS256', 'alg');
  assertEqual(payload.nonce, nonce, 'nonce');
  return payload;
}

const jar = new CookieJar();
let first;

await test('default log-in: code flow with PKCE, state, nonce; ID token signed and carries claims', async () => {
  const auth = await login(discovery, { jar });
  assertEqual(auth.params.iss, issuer, 'iss parameter of the authorization response');
  const tok = await exchange(discovery, auth.params.code, auth.verifier);
  assertEqual(tok.status, 200, `token status (${JSON.stringify(tok.body)})`);
  assertEqual(tok.body.token_type, 'Bearer', 'token_type');
  assert(tok.body.access_token, 'no access_token');
  assert(tok.body.id_token, 'no id_token');
  const claims = await verifyIdToken(tok.body.id_token, auth.nonce);
  assertEqual(claims.aud, CLIENT_ID, 'aud');
  assertEqual(claims.iss, issuer, 'iss');
  assertEqual(claims.sub, 'nara-test-resident-1', 'sub');
  assertEqual(claims[PIN_CLAIM], DEFAULT_PIN, 'personalIdentityNumber');
  assertEqual(claims.name, 'Tolvan Tolvansson', 'name');
  assertEqual(claims.given_name, 'Tolvan', 'given_name');
  assertEqual(claims.family_name, 'Tolvansson', 'family_name');
  assertEqual(claims.exp - claims.iat, 600, 'default ID token lifetime');
  first = { auth, tok };
  console.log(`     redirects: ${auth.hops.join(' -> ')}`);
});

await test('userinfo serves the same claims', async () => {
  assert(first, 'needs the default log-in');
  const res = await fetch(discovery.userinfo_endpoint, {
    headers: { authorization: `Bearer ${first.tok.body.access_token}` },
  });
  assertEqual(res.status, 200, 'userinfo status');
  const body = await res.json();
  assertEqual(body.sub, 'nara-test-resident-1', 'sub');
  assertEqual(body[PIN_CLAIM], DEFAULT_PIN, 'personalIdentityNumber');
  assertEqual(body.family_name, 'Tolvansson', 'family_name');
});

await test('replaying a used code fails with invalid_grant', async () => {
  assert(first, 'needs the default log-in');
  const tok = await exchange(discovery, first.auth.params.code, first.auth.verifier);
  assertEqual(tok.status, 400, 'status');
  assertEqual(tok.body.error, 'invalid_grant', 'error');
});

await test('wrong code_verifier fails with invalid_grant', async () => {
  const auth = await login(discovery);
  const tok = await exchange(discovery, auth.params.code, randomToken());
  assertEqual(tok.status, 400, 'status');
  assertEqual(tok.body.error, 'invalid_grant', 'error');
});

await test('missing code_verifier fails', async () => {
  const auth = await login(discovery);
  const tok = await exchange(discovery, auth.params.code, undefined);
  assertEqual(tok.status, 400, 'status');
  assertEqual(tok.body.error, 'invalid_grant', 'error');
});

await test('PKCE is required: no code_challenge -> error to the redirect URI', async () => {
  const auth = await authorize(discovery, { pkce: false });
  assert(!auth.error, auth.error);
  assertEqual(auth.params.error, 'invalid_request', 'error');
  assert(/PKCE|code_challenge/.test(auth.params.error_description), `error_description: ${auth.params.error_description}`);
  assertEqual(auth.params.state, auth.state, 'state echoed');
  assert(!auth.params.code, 'a code was issued');
});

await test('unregistered redirect_uri is refused without redirecting', async () => {
  const auth = await authorize(discovery, { redirectUri: 'http://127.0.0.1:9/evil' });
  assert(auth.error, 'expected no redirect');
  assertEqual(auth.status, 400, 'status');
});

await test('wrong client secret fails with invalid_client', async () => {
  const auth = await login(discovery);
  const tok = await exchange(discovery, auth.params.code, auth.verifier, { secret: 'wrong' });
  assertEqual(tok.status, 401, 'status');
  assertEqual(tok.body.error, 'invalid_client', 'error');
});

await test('client_secret_post is accepted as well', async () => {
  const auth = await login(discovery);
  const tok = await exchange(discovery, auth.params.code, auth.verifier, { auth: 'post' });
  assertEqual(tok.status, 200, `status (${JSON.stringify(tok.body)})`);
  await verifyIdToken(tok.body.id_token, auth.nonce);
});

await test('POST /test/next-login switches the account, even with an existing OP session', async () => {
  const account = {
    sub: 'resident-2',
    personalIdentityNumber: '200001012384',
    name: 'Astrid Andersson',
    given_name: 'Astrid',
    family_name: 'Andersson',
  };
  const set = await control('/test/next-login', account);
  assertEqual(set.status, 200, `status (${JSON.stringify(set.body)})`);
  // Same cookie jar as the default log-in: the provider must still log in the new account.
  const auth = await login(discovery, { jar });
  const tok = await exchange(discovery, auth.params.code, auth.verifier);
  assertEqual(tok.status, 200, 'token status');
  const claims = await verifyIdToken(tok.body.id_token, auth.nonce);
  assertEqual(claims.sub, account.sub, 'sub');
  assertEqual(claims[PIN_CLAIM], account.personalIdentityNumber, 'personalIdentityNumber');
  assertEqual(claims.name, account.name, 'name');
  assertEqual(claims.given_name, account.given_name, 'given_name');
  assertEqual(claims.family_name, account.family_name, 'family_name');
  // ...and the following log-ins too.
  const auth2 = await login(discovery, { jar });
  const tok2 = await exchange(discovery, auth2.params.code, auth2.verifier);
  assertEqual(decodeJwt(tok2.body.id_token).sub, account.sub, 'sub of the following log-in');
});

await test('POST /test/next-login rejects a personnummer with a bad check digit', async () => {
  const bad = await control('/test/next-login', { sub: 'x', personalIdentityNumber: '199001012386' });
  assertEqual(bad.status, 400, 'status');
  const forced = await control('/test/next-login', {
    sub: 'x', personalIdentityNumber: '199001012386', allowInvalidPersonalIdentityNumber: true,
  });
  assertEqual(forced.status, 200, 'status with allowInvalidPersonalIdentityNumber');
  const auth = await login(discovery);
  const tok = await exchange(discovery, auth.params.code, auth.verifier);
  assertEqual(decodeJwt(tok.body.id_token)[PIN_CLAIM], '199001012386', 'forced invalid PIN is issued');
});

await test('POST /test/id-token-ttl + /test/delay-token give an ID token that has expired on receipt', async () => {
  assertEqual((await control('/test/id-token-ttl', { seconds: 1 })).status, 200, 'ttl status');
  assertEqual((await control('/test/delay-token', { ms: 2500 })).status, 200, 'delay status');
  const auth = await login(discovery);
  const tok = await exchange(discovery, auth.params.code, auth.verifier);
  assertEqual(tok.status, 200, 'token status');
  assert(tok.elapsedMs >= 2400, `token endpoint answered after ${tok.elapsedMs} ms`);
  const claims = decodeJwt(tok.body.id_token);
  assertEqual(claims.exp - claims.iat, 1, 'ID token lifetime');
  assert(claims.exp * 1000 < Date.now(), 'ID token not yet expired');
  let err;
  try {
    await verifyIdToken(tok.body.id_token, auth.nonce);
  } catch (e) {
    err = e;
  }
  assert(err instanceof joseErrors.JWTExpired, `expected JWTExpired, got ${err}`);
  // The signature and the other claims are still right.
  const payload = await verifyIdToken(tok.body.id_token, auth.nonce, { currentDate: new Date(claims.iat * 1000) });
  assertEqual(payload.iss, issuer, 'iss');
});

await test('resetting delay and TTL restores normal tokens', async () => {
  assertEqual((await control('/test/delay-token', { ms: 0 })).status, 200, 'delay status');
  assertEqual((await control('/test/id-token-ttl', { seconds: 600 })).status, 200, 'ttl status');
  const auth = await login(discovery);
  const tok = await exchange(discovery, auth.params.code, auth.verifier);
  assert(tok.elapsedMs < 2000, `token endpoint took ${tok.elapsedMs} ms`);
  const claims = await verifyIdToken(tok.body.id_token, auth.nonce);
  assertEqual(claims.exp - claims.iat, 600, 'ID token lifetime');
});

await test('control endpoints validate their input', async () => {
  assertEqual((await control('/test/delay-token', { ms: -1 })).status, 400, 'negative delay');
  assertEqual((await control('/test/id-token-ttl', { seconds: 0 })).status, 400, 'zero ttl');
  assertEqual((await control('/test/next-login', { personalIdentityNumber: 42 })).status, 400, 'numeric PIN');
  const res = await fetch(`${issuer}/test/next-login`, { method: 'POST', body: '{not json' });
  assertEqual(res.status, 400, 'malformed JSON');
  assertEqual((await res.json()).error, 'invalid_request', 'malformed JSON error');
});

await test('POST /test/reset restores the default resident', async () => {
  assertEqual((await control('/test/reset', {})).status, 200, 'reset status');
  const auth = await login(discovery);
  const tok = await exchange(discovery, auth.params.code, auth.verifier);
  const claims = await verifyIdToken(tok.body.id_token, auth.nonce);
  assertEqual(claims[PIN_CLAIM], DEFAULT_PIN, 'personalIdentityNumber');
});

await test('RP-initiated log-out: /session/end confirms and returns to the post-logout URI', async () => {
  const ljar = new CookieJar();
  const auth = await login(discovery, { jar: ljar });
  const tok = await exchange(discovery, auth.params.code, auth.verifier);
  const url = new URL(discovery.end_session_endpoint);
  url.search = new URLSearchParams({
    id_token_hint: tok.body.id_token,
    post_logout_redirect_uri: 'http://127.0.0.1:9/',
    state: 'logout-state',
  }).toString();
  const page = await fetch(url, { redirect: 'manual', headers: { cookie: ljar.header() } });
  ljar.store(page);
  assertEqual(page.status, 200, 'logout page status');
  const html = await page.text();
  assert(!/https?:\/\/(?!127\.0\.0\.1)/.test(html), 'logout page refers to another host');
  const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
  assert(action && xsrf, 'no logout form');
  const done = await fetch(action, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: ljar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }),
  });
  assertEqual(done.status, 303, 'confirm status');
  assertEqual(done.headers.get('location'), 'http://127.0.0.1:9/?state=logout-state', 'post-logout redirect');
});

await test('interactive mode: the log-in form is shown and its submission logs that person in', async () => {
  assertEqual((await control('/test/interactive', { enabled: true })).status, 200, 'interactive status');
  try {
    const ijar = new CookieJar();
    const stopped = await authorize(discovery, { jar: ijar });
    assertEqual(stopped.status, 200, 'form status');
    assert(/<form method="post" action="\/interaction\/[\w-]+\/login">/.test(stopped.body), 'no log-in form');
    const action = /action="(\/interaction\/[\w-]+\/login)"/.exec(stopped.body)[1];
    let res = await fetch(`${issuer}${action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: ijar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        personalIdentityNumber: '200001012384', given_name: 'Form', family_name: 'Person', sub: '',
      }),
    });
    ijar.store(res);
    // Follow the rest by hand (consent is still automatic).
    let location = res.headers.get('location');
    for (let i = 0; i < 5 && location && !location.startsWith(REDIRECT_URI); i += 1) {
      res = await fetch(new URL(location, issuer), { redirect: 'manual', headers: { cookie: ijar.header() } });
      ijar.store(res);
      location = res.headers.get('location');
    }
    assert(location?.startsWith(REDIRECT_URI), `did not reach the redirect URI (${res.status} ${location})`);
    const params = new URL(location).searchParams;
    assertEqual(params.get('state'), stopped.state, 'state');
    const tok = await exchange(discovery, params.get('code'), stopped.verifier);
    assertEqual(tok.status, 200, 'token status');
    const claims = await verifyIdToken(tok.body.id_token, stopped.nonce);
    assertEqual(claims[PIN_CLAIM], '200001012384', 'personalIdentityNumber');
    assertEqual(claims.sub, 'nara-test-200001012384', 'sub derived from the personnummer');
    assertEqual(claims.name, 'Form Person', 'name');
  } finally {
    await control('/test/interactive', { enabled: false });
  }
});

await test('--port N is honoured', async () => {
  const net = await import('node:net');
  const probe = net.createServer();
  await new Promise((resolve) => { probe.listen(0, '127.0.0.1', resolve); });
  const { port } = probe.address();
  await new Promise((resolve) => { probe.close(resolve); });
  const other = spawn(process.execPath, [path.join(here, 'provider.mjs'), '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const [line] = await Promise.race([
      once(createInterface({ input: other.stdout }), 'line'),
      new Promise((_, reject) => { setTimeout(() => reject(new Error('no issuer line in 20 s')), 20_000); }),
    ]);
    assertEqual(line, `issuer: http://127.0.0.1:${port}`, 'issuer line');
    const doc = await getJson(`http://127.0.0.1:${port}/.well-known/openid-configuration`);
    assertEqual(doc.issuer, `http://127.0.0.1:${port}`, 'issuer');
  } finally {
    other.kill('SIGINT');
    const [code] = await once(other, 'exit');
    assertEqual(code, 0, 'exit code after SIGINT');
  }
});

await test('stdout carried only the issuer line; SIGTERM stops the provider with exit code 0', async () => {
  child.kill('SIGTERM');
  const [code, signal] = await Promise.race([
    childExit,
    new Promise((_, reject) => { setTimeout(() => reject(new Error('provider did not exit in 5 s')), 5000); }),
  ]);
  assertEqual(signal, null, 'signal');
  assertEqual(code, 0, 'exit code');
  assertEqual(JSON.stringify(stdoutLines), JSON.stringify([`issuer: ${issuer}`]), 'stdout');
});

if (child.exitCode === null) child.kill('SIGKILL');
if (failed) console.log(`--- provider stderr ---\n${stderrText}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
