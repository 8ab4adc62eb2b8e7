// Starts Postgres (with Kafka, as @eventual/infra does) once for all of this project's test
// files when DATABASE_URL is not set, e.g. `npx jest -c libs/store/jest.config.js` outside
// `npm test`. Workers inherit the environment set here.
module.exports = async () => {
  if (process.env.DATABASE_URL) return;
  const { ensureInfrastructure } = require("../infra/src/infra-process.ts");
  const infra = await ensureInfrastructure();
  globalThis.__storeInfrastructure = infra;
  Object.assign(process.env, infra.env);
};
