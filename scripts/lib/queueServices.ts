import { spawn } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { runOrThrow, stopChild } from './childProcess';
import { freePort } from './n8nRuntime';

/*
 * PostgreSQL and Redis for n8n's queue mode, from Debian's packages, on free loopback ports in a folder
 * of their own: started for a run and stopped after it, nothing installed as a service.
 */

/** Says which Debian package is missing and how to install it (CI's .ci/run does it). */
export class MissingServiceError extends Error {
	constructor(what: string, aptPackage: string) {
		super(`${what} is not installed. Install it with: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${aptPackage}`);
	}
}

const isExecutable = (file: string) => {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
};

/** A program on the PATH (or in /usr/sbin, /usr/bin), or undefined. */
export function onPath(name: string): string | undefined {
	const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin'];
	return dirs.map((dir) => path.join(dir, name)).find(isExecutable);
}

/** The newest Debian PostgreSQL's programs: /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).filter((version) => isExecutable(path.join(root, version, 'bin', 'initdb'))) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	if (!newest) throw new MissingServiceError('PostgreSQL (/usr/lib/postgresql/<version>/bin/initdb)', 'postgresql');
	return path.join(root, newest, 'bin');
}

export function redisServerPath(): string {
	const found = onPath('redis-server');
	if (!found) throw new MissingServiceError('Redis (redis-server)', 'redis-server');
	return found;
}

export interface Postgres {
	port: number;
	database: string;
	user: string;
	/** Runs SQL in the database and returns the rows, columns split on tabs. */
	query(sql: string): Promise<string[][]>;
	stop(): Promise<void>;
}

/**
 * A PostgreSQL cluster in a temporary folder of its own (trust authentication, loopback only, no fsync:
 * a throwaway test database), removed by stop(). PostgreSQL refuses to run as root: as root, initdb and
 * pg_ctl run as the `postgres` user, who owns the folder (and must be able to reach it: not inside a
 * folder only root may enter).
 */
export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBinDir();
	const asRoot = process.getuid?.() === 0;
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n-queue-postgres-'));
	if (asRoot) {
		const { uid, gid } = postgresUser();
		chownSync(dir, uid, gid);
	}
	const asPostgres = (program: string, args: string[]) =>
		asRoot ? runOrThrow('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]) : runOrThrow(path.join(bin, program), args);
	const data = path.join(dir, 'data');
	const port = await freePort();
	const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
	const psql = (database: string, sql: string) =>
		runOrThrow(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-At', '-F', '\t', '-c', sql]);
	const stop = async () => {
		try {
			if (existsSync(path.join(data, 'postmaster.pid'))) await asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '120', 'stop']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	};
	try {
		await asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
		await asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'postgres.log'), '-o', settings, '-w', '-t', '300', 'start']);
		await psql('postgres', 'CREATE DATABASE n8n');
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		port,
		database: 'n8n',
		user: 'postgres',
		query: async (sql) =>
			(await psql('n8n', sql))
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('\t')),
		stop,
	};
}

function postgresUser(): { uid: number; gid: number } {
	const entry = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.map((line) => line.split(':'))
		.find((fields) => fields[0] === 'postgres');
	if (!entry) throw new MissingServiceError('The postgres user (created by the postgresql package)', 'postgresql');
	return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

export interface Redis {
	port: number;
	stop(): Promise<void>;
}

/** redis-server in the foreground on a free loopback port, no persistence; its log in `dir`. */
export async function startRedis(dir: string): Promise<Redis> {
	const program = redisServerPath();
	mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const log = openSync(path.join(dir, 'redis.log'), 'a');
	const child = spawn(program, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
		stdio: ['ignore', log, log],
	});
	const logText = () => readFileSync(path.join(dir, 'redis.log'), 'utf8');
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server exited:\n${logText()}`);
		if (logText().includes('Ready to accept connections')) break;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { port, stop: async () => await stopChild(child) };
}

