import type { Child } from 'hono/jsx';

/**
 * A message with {placeholders} filled by elements (a link where a name goes), so translators
 * keep the word order of their language. Text parts stay text and are escaped as usual.
 */
export function interpolate(template: string, params: Record<string, Child>): Child[] {
  return template
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name !== undefined && name in params ? params[name] : part;
    });
}
