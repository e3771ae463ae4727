/** `consult`: the command-line front door. Exit 0 on success; on failure one line on stderr and exit 1. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiClient } from '../shared/api';
import { startServer } from './server/http';
import { Backend } from './service/backend';
import { inProcessClient } from './service/in-process';
import { analyse } from './cli-analyse';
import { writeCodedJson } from './reports/coded-json';
import { exportReport, EXPORT_OPTIONS } from './reports/cli-export';
import { AppError } from './util/errors';
import { importFromCli, summaryLines } from './importers/cli-import';
import { defaultDataDir, packageRoot } from './util/paths';

const USAGE = `Usage:
  consult new <project.consult> [--title TEXT]
  consult stats <project.consult> [--json]
  consult serve [<project.consult> | --sample] [--port N]
  consult import <project.consult> <file-or-folder>... [--mapping mapping.json] [--allow-reimport] [--json]
  consult analyse <project.consult> [--question CODE] [--themes N|auto] [--classify] [--json]
  consult export <project.consult> --format docx|odt|html|pdf|md|csv|csv-matrix|xlsx|json|codebook --out PATH
                 [--question CODE]... [--no-redact] [--include-excluded] [--campaigns once|each]
                 [--no-anonymise] [--name-organisations]

Projects are single files; keep them wherever you keep your work. Settings live in ${defaultDataDir()}.`;

type Out = { log: (s: string) => void };

async function withBackend<T>(fn: (api: ApiClient, backend: Backend) => Promise<T>): Promise<T> {
  const backend = new Backend({ dataDir: defaultDataDir() });
  try {
    return await fn(inProcessClient(backend), backend);
  } finally {
    await backend.close();
  }
}

function need(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (!value) throw new AppError('INVALID_INPUT', `Missing ${what}.\n${USAGE}`);
  return value;
}

export async function main(argv: string[], out: Out = { log: (s) => process.stdout.write(`${s}\n`) }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      title: { type: 'string' },
      port: { type: 'string' },
      sample: { type: 'boolean', default: false },
      mapping: { type: 'string' },
      'allow-reimport': { type: 'boolean', default: false },
      themes: { type: 'string' },
      classify: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...EXPORT_OPTIONS,
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    out.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case 'new': {
      const path = resolve(need(positionals, 1, 'the project file to create'));
      const summary = await withBackend((api) => api.call('project.create', { path, title: values.title }));
      out.log(values.json ? JSON.stringify(summary) : `Created ${summary.path} ("${summary.title}").`);
      return 0;
    }
    case 'stats': {
      const path = resolve(need(positionals, 1, 'the project file'));
      const stats = await withBackend(async (api) => {
        await api.call('project.open', { path });
        return api.call('project.stats');
      });
      if (values.json) out.log(JSON.stringify(stats, null, 2));
      else
        for (const [key, value] of Object.entries(stats))
          out.log(`${key.padEnd(16)} ${typeof value === 'object' ? JSON.stringify(value) : value}`);
      return 0;
    }
    case 'serve': {
      const staticDir = join(packageRoot(), 'out', 'renderer');
      if (!existsSync(join(staticDir, 'index.html'))) {
        throw new AppError(
          'NOT_FOUND',
          `The interface is not built (${staticDir} is missing): run \`npm run build:renderer\` first.`,
        );
      }
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new AppError('INVALID_INPUT', `--port must be a port number, not ${values.port}.`);
      const backend = new Backend({ dataDir: defaultDataDir() });
      const api = inProcessClient(backend);
      const project = positionals[1];
      if (project && !values.sample) await api.call('project.open', { path: resolve(project) });
      else await api.call('project.openSample');
      const server = await startServer({ backend, staticDir, port });
      out.log(`Consultation Analyser is serving ${(await api.call('project.current'))?.path} on 127.0.0.1 only.`);
      out.log(`Open: ${server.loginUrl}`);
      out.log('Press Ctrl+C to stop.');
      await new Promise<void>((resolveStop) => {
        const stop = (): void => resolveStop();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await backend.close();
      return 0;
    }
    case 'import': {
      const path = resolve(need(positionals, 1, 'the project file'));
      need(positionals, 2, 'a file or folder to import');
      const summary = await withBackend(async (api) => {
        await api.call('project.open', { path });
        return importFromCli(
          api,
          positionals.slice(2).map((p) => resolve(p)),
          values.mapping,
          values['allow-reimport'],
          values.json || !process.stderr.isTTY ? undefined : (s) => process.stderr.write(s),
        );
      });
      if (values.json) out.log(JSON.stringify(summary, null, 2));
      else for (const line of summaryLines(summary)) out.log(line);
      return summary.respondentsAdded + summary.files.reduce((n, f) => n + f.merged, 0) > 0 ? 0 : 1;
    }
    case 'analyse': {
      const path = resolve(need(positionals, 1, 'the project file'));
      const themes = values.themes === undefined || values.themes === 'auto' ? 'auto' : Number(values.themes);
      if (themes !== 'auto' && (!Number.isInteger(themes) || themes < 2 || themes > 30)) {
        throw new AppError('INVALID_INPUT', `--themes must be a number from 2 to 30 or "auto", not ${values.themes}.`);
      }
      const report = await withBackend(async (api) => {
        await api.call('project.open', { path });
        return analyse(
          api,
          { question: values.question?.[0], themes, classify: values.classify },
          values.json ? () => undefined : out.log,
        );
      });
      if (values.json) out.log(JSON.stringify(report, null, 2));
      return 0;
    }
    case 'export': {
      const path = resolve(need(positionals, 1, 'the project file'));
      if (values.format !== 'json') {
        const written = await withBackend((api) => exportReport(api, path, values));
        out.log(
          values.json
            ? JSON.stringify(written)
            : `Wrote ${written.path} (${written.bytes.toLocaleString('en-GB')} bytes).`,
        );
        return 0;
      }
      // JSON (coded data: questions, themes, responses with their themes) streams from the themes area's writer.
      if (!values.out) throw new AppError('INVALID_INPUT', 'Say where to write the export: --out FILE.');
      const target = resolve(values.out);
      const written = await withBackend(async (api, backend) => {
        await api.call('project.open', { path });
        return writeCodedJson(backend.ctx.project().db, target, undefined, { redact: !values['no-redact'] });
      });
      out.log(
        values.json
          ? JSON.stringify({ path: target, ...written })
          : `Wrote ${written.responses} responses and ${written.themes} themes to ${target}.`,
      );
      return 0;
    }
    default:
      throw new AppError('INVALID_INPUT', `Unknown command "${command}".\n${USAGE}`);
  }
}

export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`consult: ${message.split('\n')[0]}\n`);
    process.exitCode = 1;
  }
}
