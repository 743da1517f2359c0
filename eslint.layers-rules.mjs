/**
 * Turns the layer list (`eslint.layers.mjs`) into ESLint config objects: `no-restricted-imports`
 * patterns for static imports and re-exports, and the same patterns as `no-restricted-syntax`
 * selectors for `import()` (which `no-restricted-imports` does not see).
 *
 * Flat config replaces a rule's options when two objects match one file, so every file glob gets
 * ONE object with its complete list; the globs below never overlap (domain folder × depth × test
 * or not).
 */
import { DOMAIN_LEVELS, PENDING_REMOVAL, TOOLING } from "./eslint.layers.mjs";

const SOURCE = "{ts,tsx,mts,mjs,js}";
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];
/** Files at most this many folders below their domain folder get a precise relative-import rule. */
const MAX_DEPTH = 6;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const anyOf = (names) => `(${names.map(escape).join("|")})`;

const rule = (regex, message) => ({ regex, message });

const APP = rule("^(@/|(\\.\\./)+)app(/|$)", "The layers: lib/ and components/ never import app/ (a page passes its server actions to components as props).");
const COMPONENTS = rule("^(@/|(\\.\\./)+)components(/|$)", "The layers: lib/ never imports components/.");
const TOOLING_ANY = rule(`^@/${escape(TOOLING)}(/|$)`, `The layers: a domain folder never imports ${TOOLING}/ (cli, bench, testing, demo, server).`);
const TOOLING_BUT_TESTING = rule(
  `^@/${escape(TOOLING)}(/(?!testing(/|$))|$)`,
  `The layers: a test may import ${TOOLING}/testing, no other tooling.`,
);
const escapes = (depth) =>
  rule(`^(\\.\\./){${depth}}`, "The layers: import another folder through `@/…`, so the layer rules can see it.");

/** The folders a domain folder may not import: its own level and every level above it. */
function upward(domain) {
  const level = DOMAIN_LEVELS.findIndex((names) => names.includes(domain));
  const above = DOMAIN_LEVELS.slice(0, level + 1).flat().filter((name) => name !== domain);
  return rule(
    `^@/lib/${anyOf(above)}(/|$)`,
    `The layers (eslint.layers.mjs): lib/${domain} may import only folders on a lower level; reach up through a hook (lib/wallet/posting-hooks.ts) or the run-due job.`,
  );
}

const PRICING_OURS = rule("^@/(?!lib/pricing(/|$))", "The layers: lib/pricing imports nothing of ours but its own files and data.");
const PRICING_IO = rule("^(node:|server-only$)", "The layers: lib/pricing has no I/O; it runs in the browser and on the server.");

/** The rules for one file of lib/<domain>, `depth` folders below it. */
export function domainRules(domain, depth, { test = false, allowTooling = false } = {}) {
  const rules = [APP, COMPONENTS, escapes(depth)];
  if (!allowTooling) rules.push(test ? TOOLING_BUT_TESTING : TOOLING_ANY);
  // A test sits above every layer: it may set up its state through any service.
  if (!test) rules.push(upward(domain));
  if (domain === "pricing") rules.push(PRICING_OURS, ...(test ? [] : [PRICING_IO]));
  return rules;
}

function ruleConfig(rules) {
  return {
    "no-restricted-imports": ["error", { patterns: rules.map(({ regex, message }) => ({ regex, message })) }],
    "no-restricted-syntax": [
      "error",
      ...rules.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex.replace(/\//g, "\\/")}/]`, message })),
    ],
  };
}

const depthGlob = (base, depth, tail) => `${base}/${"*/".repeat(depth - 1)}${tail}`;

/** The config objects: components/, lib/tooling/, then each domain folder by depth, tests apart. */
export function layerConfigs() {
  const configs = [
    { name: "layers/components", files: [`components/**/*.${SOURCE}`], rules: ruleConfig([APP]) },
    { name: "layers/tooling", files: [`${TOOLING}/**/*.${SOURCE}`], rules: ruleConfig([APP, COMPONENTS]) },
  ];
  for (const domain of DOMAIN_LEVELS.flat()) {
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      const files = [depthGlob(`lib/${domain}`, depth, `*.${SOURCE}`)];
      const tests = TESTS.map((glob) => depthGlob(`lib/${domain}`, depth, glob.replace("**/", "")));
      configs.push({ name: `layers/${domain}/${depth}`, files, ignores: tests, rules: ruleConfig(domainRules(domain, depth)) });
      configs.push({ name: `layers/${domain}/${depth}/tests`, files: tests, rules: ruleConfig(domainRules(domain, depth, { test: true })) });
    }
  }
  for (const { file } of PENDING_REMOVAL) {
    const [, domain, ...rest] = file.split("/");
    configs.push({ name: `layers/pending/${file}`, files: [file], rules: ruleConfig(domainRules(domain, rest.length, { test: /\.test\.tsx?$/.test(file), allowTooling: true })) });
  }
  return configs;
}
