// Starts the real `nara` binary in demo mode on a free port, or uses an
// already-running server when NARA_BASE_URL is set; and, for the journey that
// sets up a new installation, `nara serve` on an empty data directory.
import { execFile, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// lib/ -> tests/browser/ -> tests/ -> repo root.
const DEFAULT_BIN = path.resolve(HERE, '../../../target/debug/nara');
// A debug build on 2 cores can take a while to open its database.
const STARTUP_TIMEOUT_MS = 60_000;
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
// `nara demo` prints its URL on stdout; `nara serve` logs its address (`"web":"127.0.0.1:PORT"`
// with NARA_LOG_FORMAT=json) on stderr.
const BASE_URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+|"web":"(127\.0\.0\.1:\d+)"/;
// Only the end of stderr is worth showing when startup fails.
const STDERR_TAIL_CHARS = 4_000;

/** Absolute path of the server binary: $NARA_BIN (relative to cwd) or the debug build. */
export function resolveBinary() {
  return process.env.NARA_BIN ? path.resolve(process.env.NARA_BIN) : DEFAULT_BIN;
}

/**
 * Returns `{ baseUrl, stop }`. `baseUrl` has no trailing slash, so page paths
 * (which start with `/`) can be appended directly.
 */
export async function startServer() {
  const external = process.env.NARA_BASE_URL;
  if (external) {
    const baseUrl = external.replace(/\/+$/, '');
    await waitUntilResponding(baseUrl);
    // The e-mail journeys read what the server wrote; an external server names its mail directory.
    return { baseUrl, mailDir: process.env.NARA_MAIL_DIR, stop: async () => {} };
  }
  return spawnDemoServer(resolveBinary());
}

function spawnDemoServer(binary) {
  return spawnServer(binary, 'demo', { ...process.env, NARA_METRICS_BIND: '127.0.0.1:0' });
}

/**
 * `nara serve` on a fresh, empty data directory: no demo content and never the database of
 * DATABASE_URL or any NARA_* setting from the environment (always a new SQLite file). Returns
 * what `startServer` does, plus `run(args)`, which runs another `nara` command on the same data
 * directory and resolves with its stdout.
 */
export async function startFreshServer() {
  const binary = resolveBinary();
  const env = Object.fromEntries(Object.entries(process.env)
    .filter(([key]) => !key.startsWith('NARA_') && key !== 'DATABASE_URL'));
  Object.assign(env, { NARA_METRICS_BIND: '127.0.0.1:0', NARA_LOG_FORMAT: 'json' });
  const server = await spawnServer(binary, 'serve', env);
  const run = (args) => new Promise((resolve, reject) => {
    execFile(binary, [...args, '--data-dir', server.dataDir], { env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`nara ${args.join(' ')} failed: ${stderr}`));
      else resolve(stdout);
    });
  });
  return { ...server, run };
}

async function spawnServer(binary, command, env) {
  if (!existsSync(binary)) {
    throw new Error(`server binary not found: ${binary} (build it, or set NARA_BIN / NARA_BASE_URL)`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'nara-browser-'));
  const child = spawn(binary, [command, '--bind', '127.0.0.1:0', '--data-dir', dataDir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forgetCleanup = cleanUpIfInterrupted(child, dataDir);
  const stop = async () => {
    forgetCleanup();
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const baseUrl = await waitForBaseUrl(child);
    await waitUntilResponding(baseUrl);
    // Without an SMTP relay, `nara` writes e-mail as files here instead of sending it.
    return { baseUrl, dataDir, mailDir: path.join(dataDir, 'mail'), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * If the run is interrupted (Ctrl+C, a CI timeout's SIGTERM, a crash), do not
 * leave the server running or its data dir behind. Returns a function that
 * removes these hooks once the normal stop path takes over.
 */
function cleanUpIfInterrupted(child, dataDir) {
  const onExit = () => {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  // A handled signal no longer ends the process by itself; exit so 'exit' runs.
  const onSignal = (signal) => process.exit(128 + constants.signals[signal]);
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
}

/** Resolves with the first loopback URL the server prints (or logs). */
function waitForBaseUrl(child) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => fail(`server printed no http://127.0.0.1:PORT URL within ${STARTUP_TIMEOUT_MS / 1000} s`),
      STARTUP_TIMEOUT_MS,
    );
    function fail(reason) {
      clearTimeout(timer);
      reject(new Error(`${reason}\n--- server stderr (tail) ---\n${stderr.slice(-STDERR_TAIL_CHARS)}`));
    }
    let found = false;
    const look = (text) => {
      const match = !found && text.match(BASE_URL_PATTERN);
      if (!match) return;
      found = true;
      clearTimeout(timer);
      resolve(match[1] ? `http://${match[1]}` : match[0]);
    };
    // Both pipes are read to the end, so a chatty server never blocks on a full buffer.
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
      look(stderr);
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout = (stdout + chunk).slice(-STDERR_TAIL_CHARS);
      look(stdout);
    });
    child.once('error', (error) => fail(`could not start server: ${error.message}`));
    // 'close' (not 'exit') so the stderr collected above is complete.
    child.once('close', (code, signal) => {
      if (!found) fail(`server exited before printing its URL (code ${code}, signal ${signal})`);
    });
  });
}

/** The URL may be printed just before the listener accepts; poll until it answers. */
async function waitUntilResponding(baseUrl) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError;
  while (Date.now() < deadline) {
    try {
      await fetch(`${baseUrl}/`, { redirect: 'manual' });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`server at ${baseUrl} did not respond: ${lastError?.cause?.message ?? lastError?.message}`);
}

/** SIGTERM, then SIGKILL if the server ignores it, so the run always ends. */
async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
