// Runs the pinned Redocly CLI (node_modules/@redocly/cli) with the given arguments and passes its output
// through unchanged, except for two fixed announcement boxes that Redocly CLI 2.77.0 prints on every run
// and offers no switch to turn off:
//
//   - "Deprecation warning: Node.js 20 support is ending" (printed whenever Node.js 20 runs it; the
//     REDOCLY_SUPPRESS_* variables only silence the update notice), and
//   - "build-docs now renders docs with Redoc 3." (printed by every build-docs).
//
// A box is dropped only when it contains one of these titles; every other line, lint problems and errors
// included, is kept, and the exit code is Redocly's. Used by the package.json scripts; see
// docs/spec-lifecycle.md ("Node tooling in the Maven build").
//
// Redocly CLI writes everything, its progress lines included, to standard error. The Maven build passes
// the tools' standard output to its log at INFO and their standard error at ERROR, so the kept lines are
// held until the CLI exits and then written, in the order they came, to standard output when it
// succeeded (hidden by `mvn -q`, never shown as an error) and to standard error when it failed (always
// shown).
//
// REDOCLY_CLI may name another CLI entry point (the tests use a stand-in that prints the boxes).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ANNOUNCEMENTS = [
  'Deprecation warning: Node.js 20 support is ending',
  'build-docs now renders docs with Redoc 3.',
];

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = process.env.REDOCLY_CLI || path.join(here, '..', 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const isBoxTop = (line) => line.replace(ANSI, '').trimStart().startsWith('╔');
const isBoxBottom = (line) => line.replace(ANSI, '').trimStart().startsWith('╚');
const isBlank = (line) => line.replace(ANSI, '').trim() === '';
const isAnnouncement = (lines) => {
  const text = lines.join('\n').replace(ANSI, '');
  return ANNOUNCEMENTS.some((title) => text.includes(title));
};

/** Filters one output stream line by line; blank lines around a dropped box go with it. */
function filter(out) {
  let partial = '';
  let box = null;
  let blanks = [];
  let afterDroppedBox = false;
  const emit = (line) => out.write(line + '\n');
  const onLine = (line) => {
    if (box) {
      box.push(line);
      if (isBoxBottom(line)) {
        if (isAnnouncement(box)) {
          blanks = [];
          afterDroppedBox = true;
        } else {
          blanks.forEach(emit);
          blanks = [];
          box.forEach(emit);
          afterDroppedBox = false;
        }
        box = null;
      }
    } else if (isBoxTop(line)) {
      box = [line];
    } else if (isBlank(line)) {
      if (!afterDroppedBox) {
        blanks.push(line);
      }
    } else {
      blanks.forEach(emit);
      blanks = [];
      afterDroppedBox = false;
      emit(line);
    }
  };
  return {
    write(chunk) {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      lines.forEach(onLine);
    },
    end() {
      if (partial !== '') {
        onLine(partial);
      }
      (box || []).forEach(emit); // an unterminated box is not an announcement: keep it
      blanks.forEach(emit);
    },
  };
}

const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: ['inherit', 'pipe', 'pipe'],
});
const kept = [];
const held = { write: (text) => kept.push(text) };
const stdout = filter(held);
const stderr = filter(held);
child.stdout.setEncoding('utf8').on('data', (chunk) => stdout.write(chunk));
child.stderr.setEncoding('utf8').on('data', (chunk) => stderr.write(chunk));
let exitCode = null;
let open = 3; // standard output, standard error, the process itself
const finish = () => {
  if (--open > 0) {
    return;
  }
  stdout.end();
  stderr.end();
  (exitCode === 0 ? process.stdout : process.stderr).write(kept.join(''));
  process.exitCode = exitCode;
};
child.stdout.on('end', finish);
child.stderr.on('end', finish);
child.on('error', (error) => {
  process.stderr.write(`Cannot run Redocly CLI (${cli}): ${error.message}\n`);
  process.exitCode = 2;
});
child.on('close', (code, signal) => {
  exitCode = code ?? (signal ? 1 : 0);
  finish();
});
