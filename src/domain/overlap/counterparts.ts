import type { AnalysedText } from './analyse.ts';
import { saysPhrase } from './says-phrase.ts';
import type { PreparedCatalogue, PreparedPlatform } from './catalogue.ts';
import type { CounterpartRule } from './rules.ts';
import { foldPhrase } from './tokenize.ts';

/**
 * Counterpart rules against a proposal and the catalogue. Phrases are folded once per rules
 * object (the rules are data that may change at run time, so the cache is keyed by identity).
 */

interface CompiledRule {
  rule: CounterpartRule;
  proposal: string[][];
  except: string[][];
  platform: string[][];
}

const compiledCache = new WeakMap<readonly CounterpartRule[], CompiledRule[]>();

function compile(rules: readonly CounterpartRule[]): CompiledRule[] {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const fold = (list: readonly string[] | undefined): string[][] =>
    (list ?? []).map((p) => foldPhrase(p)).filter((p) => p.length > 0);
  const compiled = rules.map((rule) => ({
    rule,
    proposal: fold(rule.proposal),
    except: fold(rule.except),
    platform: fold(rule.platform),
  }));
  compiledCache.set(rules, compiled);
  return compiled;
}

export interface ApplicableRule {
  rule: CounterpartRule;
  platform: string[][];
}

/**
 * The rules whose proposal side the proposal satisfies: its name or a function says the
 * counterpart (a provincial system whose function is "Quản lý văn bản đến, văn bản đi" has a
 * document-management component), and its name none of the exceptions.
 */
export function applicableRules(
  rules: readonly CounterpartRule[],
  name: AnalysedText,
  functions: readonly AnalysedText[] = [],
): ApplicableRule[] {
  const texts = [name, ...functions];
  return compile(rules)
    .filter(
      (c) =>
        (c.proposal.length === 0 || c.proposal.some((p) => texts.some((t) => saysPhrase(t, p)))) &&
        !c.except.some((p) => saysPhrase(name, p)),
    )
    .map((c) => ({ rule: c.rule, platform: c.platform }));
}

function covers(rule: ApplicableRule, platform: PreparedPlatform): boolean {
  if (rule.platform.length === 0) return true;
  return platform.names.some((name) => rule.platform.some((p) => saysPhrase(name, p)));
}

const coveredCache = new WeakMap<PreparedCatalogue, WeakMap<CounterpartRule, Uint8Array>>();

/** Which platforms of the catalogue a rule names, worked out once per catalogue and rule. */
function coveredBy(catalogue: PreparedCatalogue, rule: ApplicableRule): Uint8Array {
  let byRule = coveredCache.get(catalogue);
  if (!byRule) coveredCache.set(catalogue, (byRule = new WeakMap()));
  let covered = byRule.get(rule.rule);
  if (!covered) {
    covered = Uint8Array.from(catalogue.platforms, (p) => (covers(rule, p) ? 1 : 0));
    byRule.set(rule.rule, covered);
  }
  return covered;
}

export function ruleCoversPlatform(
  catalogue: PreparedCatalogue,
  rule: ApplicableRule,
  index: number,
): boolean {
  return coveredBy(catalogue, rule)[index] === 1;
}

/** Indices of the platforms a rule names (empty for a rule about every platform). */
export function platformsCovered(catalogue: PreparedCatalogue, rule: ApplicableRule): number[] {
  if (rule.platform.length === 0) return [];
  const covered = coveredBy(catalogue, rule);
  const out: number[] = [];
  covered.forEach((c, i) => {
    if (c === 1) out.push(i);
  });
  return out;
}
