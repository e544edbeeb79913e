import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { lockDataDir } from './lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Schema } from './schema.ts';
import { withUniqueViolations } from './unique-violation.ts';

export type Db = Kysely<Schema>;

export interface ScriptTransaction {
  exec(script: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** An open database: the query builder plus what start-up and shutdown need. */
export interface Database {
  readonly engine: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs raw SQL, scripts of several statements included, in one transaction (migrations). */
  runScript(work: (tx: ScriptTransaction) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

// The same JavaScript values from both engines: dates as 'yyyy-mm-dd' (no time-zone shifts),
// int8 and numeric as numbers (counts stay far below 2^53).
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const keep = (value: string): string => value;

export async function openDatabase(config: Config['database']): Promise<Database> {
  return config.kind === 'postgres' ? openPostgres(config.url, config.poolSize) : openPGlite(config.dataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      oid === DATE_OID
        ? keep
        : oid === INT8_OID || oid === NUMERIC_OID
          ? Number
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // Fail at start-up with a clear error rather than on the first request.
  const client = await pool.connect();
  client.release();
  const db = new Kysely<Schema>({ dialect: withUniqueViolations(new PostgresDialect({ pool })) });
  return {
    engine: 'postgres',
    db,
    async runScript(work) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        await work({
          exec: async (script) => void (await connection.query(script)),
          query: async <T>(sql: string, params: unknown[] = []) =>
            (await connection.query(sql, params)).rows as T[],
        });
        await connection.query('COMMIT');
      } catch (error) {
        await connection.query('ROLLBACK');
        throw error;
      } finally {
        connection.release();
      }
    },
    // Kysely destroys its driver only if a query ran; the pool is ended here in any case.
    async close() {
      await db.destroy();
      if (!pool.ended) await pool.end();
    },
  };
}

async function openPGlite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? dataDir : `${dataDir}/pgdata`, {
      parsers: { [DATE_OID]: keep, [INT8_OID]: Number, [NUMERIC_OID]: Number },
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const db = new Kysely<Schema>({ dialect: withUniqueViolations(new PGliteDialect(client)) });
  return {
    engine: 'pglite',
    db,
    async runScript(work) {
      await client.transaction(async (tx) => {
        await work({
          exec: async (script) => void (await tx.exec(script)),
          query: async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows,
        });
      });
    },
    async close() {
      try {
        await db.destroy();
        // Kysely destroys its driver only if a query ran; an open PGlite keeps the process alive.
        if (!client.closed) await client.close();
      } finally {
        unlock();
      }
    },
  };
}
