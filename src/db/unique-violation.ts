import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { DuplicateError } from '../domain/errors.ts';

/**
 * Unique violations become typed conflicts in one place, for both engines. The services check
 * for duplicates before writing, but two requests can both pass the check; the database's
 * constraint then refuses the second (SQLSTATE 23505, PostgreSQL Appendix A), which would
 * otherwise surface as a 500. Each constraint a person can hit is named with the field the API
 * and the forms call it, and the reason the services' own check gives.
 */
const UNIQUE_VIOLATION = '23505';

const KNOWN: Record<string, { reason: string; field: string }> = {
  organisation_code_key: { reason: 'organisation_code_taken', field: 'code' },
  document_number_key: { reason: 'document_exists', field: 'document.number' },
  app_user_email_key: { reason: 'email_taken', field: 'email' },
  term_term_kind_key: { reason: 'term_exists', field: 'term' },
  holiday_pkey: { reason: 'holiday_exists', field: 'date' },
  platform_slug_key: { reason: 'duplicate', field: 'slug' },
  webhook_delivery_webhook_id_event_id_key: { reason: 'duplicate', field: 'event' },
};

/** snake_case column → the camelCase the API uses. */
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The typed conflict for a unique violation from pg or PGlite (both carry code, constraint, detail). */
export function duplicateFrom(error: unknown): DuplicateError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, constraint, detail } = error as { code?: unknown; constraint?: unknown; detail?: unknown };
  if (code !== UNIQUE_VIOLATION) return null;
  const known = typeof constraint === 'string' ? KNOWN[constraint] : undefined;
  if (known) return new DuplicateError(known.reason, known.field);
  // Any other unique key: its first column, from "Key (a, b)=(…) already exists."
  const column = typeof detail === 'string' ? /^Key \(([a-z_]+)/.exec(detail)?.[1] : undefined;
  return new DuplicateError('duplicate', column ? camel(column) : '(body)');
}

/** The dialect with every query's unique violation rethrown as a DuplicateError. */
export function withUniqueViolations(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => new UniqueViolationDriver(dialect.createDriver()),
  };
}

/** Hands out a wrapper of each connection; the inner driver always gets its own connection back. */
class UniqueViolationDriver implements Driver {
  private readonly inner = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(private readonly driver: Driver) {}

  private unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.inner.get(connection) ?? connection;
  }

  init(): Promise<void> {
    return this.driver.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.driver.acquireConnection();
    const wrapped: DatabaseConnection = {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        try {
          return await connection.executeQuery<R>(query);
        } catch (error) {
          throw duplicateFrom(error) ?? error;
        }
      },
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number) =>
        connection.streamQuery<R>(query, chunkSize),
    };
    this.inner.set(wrapped, connection);
    return wrapped;
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.driver.beginTransaction(this.unwrap(connection), settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.driver.commitTransaction(this.unwrap(connection));
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.driver.rollbackTransaction(this.unwrap(connection));
  }
  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ): Promise<void> {
    await this.driver.savepoint?.(this.unwrap(connection), name, compile);
  }
  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2],
  ): Promise<void> {
    await this.driver.rollbackToSavepoint?.(this.unwrap(connection), name, compile);
  }
  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2],
  ): Promise<void> {
    await this.driver.releaseSavepoint?.(this.unwrap(connection), name, compile);
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.driver.releaseConnection(this.unwrap(connection));
  }
  destroy(): Promise<void> {
    return this.driver.destroy();
  }
}
