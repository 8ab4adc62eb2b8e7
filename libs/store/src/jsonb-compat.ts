/**
 * Why Postgres `jsonb` would refuse a payload, or undefined when it can store it. jsonb
 * rejects the NUL character and unpaired UTF-16 surrogates, both of which JSON (and so the
 * log) carries happily. A history event holding one would stop the projector at that record
 * for good, so the gateway should refuse such payloads up front (INVALID_ARGUMENT).
 *
 * @example
 * jsonbProblem({ note: "a\u0000b" }) // → "note: contains the NUL character, which Postgres jsonb cannot store"
 * jsonbProblem({ note: "fine" })     // → undefined
 */
export function jsonbProblem(value: unknown, path = ""): string | undefined {
  if (typeof value === "string") return stringProblem(value, path || "value");
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = jsonbProblem(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [key, member] of Object.entries(value)) {
      const where = path ? `${path}.${key}` : key;
      const problem = stringProblem(key, `${where} (key)`) ?? jsonbProblem(member, where);
      if (problem) return problem;
    }
  }
  return undefined;
}

// A lone high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(text: string, where: string): string | undefined {
  if (text.includes("\u0000"))
    return `${where}: contains the NUL character, which Postgres jsonb cannot store`;
  if (LONE_SURROGATE.test(text))
    return `${where}: contains an unpaired UTF-16 surrogate, which Postgres jsonb cannot store`;
  return undefined;
}
