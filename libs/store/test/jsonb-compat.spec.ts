import { jsonbProblem } from "@eventual/store";
import { openTestStore, type TestStore } from "@eventual/store";

describe("jsonbProblem", () => {
  let store: TestStore;
  beforeAll(async () => (store = await openTestStore(2)));
  afterAll(() => store?.close());

  /** What Postgres itself says: can this value be stored as jsonb? */
  async function storable(value: unknown): Promise<boolean> {
    try {
      await store.dataSource.query(`SELECT $1::jsonb`, [JSON.stringify(value)]);
      return true;
    } catch {
      return false;
    }
  }

  it.each([
    ["plain", { a: ["b", 1, null, { c: "d" }] }, undefined],
    ["emoji (a surrogate pair)", { note: "ok \u{1F600}" }, undefined],
    ["NUL in a value", { note: "a\u0000b" }, "note: contains the NUL character"],
    ["NUL in a key", { ["k\u0000"]: 1 }, "(key): contains the NUL character"],
    ["lone high surrogate in an array", ["x", "\uD83D"], "[1]: contains an unpaired"],
    ["lone low surrogate", "\uDE00", "value: contains an unpaired"],
  ])("%s agrees with Postgres", async (_name, value, problem) => {
    const found = jsonbProblem(value);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
    expect(await storable(value)).toBe(problem === undefined);
  });
});
