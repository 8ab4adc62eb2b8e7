import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const libRoot = path.resolve(__dirname, "..");
const checkedIn = path.join(libRoot, "src", "generated");

/** Every file under dir, as relative paths, sorted. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe("generated TypeScript types", () => {
  let fresh: string;

  beforeAll(() => {
    fresh = fs.mkdtempSync(path.join(os.tmpdir(), "eventual-proto-gen-"));
    execFileSync(
      process.execPath,
      [path.join(libRoot, "scripts", "proto-gen.js"), "--out", fresh],
      { stdio: "pipe" },
    );
  });

  afterAll(() => fs.rmSync(fresh, { recursive: true, force: true }));

  it("are up to date with the .proto sources (run `npm run proto:gen` if this fails)", () => {
    expect(filesUnder(checkedIn)).toEqual(filesUnder(fresh));
    const stale = filesUnder(fresh).filter(
      (file) =>
        fs.readFileSync(path.join(fresh, file), "utf8") !==
        fs.readFileSync(path.join(checkedIn, file), "utf8"),
    );
    expect(stale).toEqual([]);
  });

  it("describe every service method the API defines", () => {
    expect(filesUnder(fresh)).toEqual(
      expect.arrayContaining([
        "index.ts",
        "workflow_service.ts",
        "worker_service.ts",
        path.join("eventual", "api", "v1", "WorkflowService.ts"),
        path.join("eventual", "api", "v1", "WorkerService.ts"),
      ]),
    );
  });
});
