// Command-line options of the benchmark scripts: `--name value` pairs and bare flags.
const args = process.argv.slice(2);

export const ROOT = new URL('..', import.meta.url).pathname;

export function opt(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
}

export function flag(name) {
  return args.includes(name);
}
