/**
 * `Object.hasOwn`, which is ES2022: the JavaScript engines of phones still in use (iOS
 * JavaScriptCore before 15.4) lack it, and mini-program builds do not polyfill built-ins.
 */
export function hasOwn(object: object, key: PropertyKey): boolean {
  // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is what this stands in for
  return Object.prototype.hasOwnProperty.call(object, key)
}
