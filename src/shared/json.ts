/**
 * What google.script.run can carry: it drops functions and undefined-in-object values and refuses
 * Date objects, so every type that crosses it is built from these.
 * https://developers.google.com/apps-script/guides/html/reference/run#parameters
 */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Compiles only when T is JSON-safe (the Jsonify guarantee), so a contract type cannot grow a Date
 * or a function by accident. Declare contract types with `type`, not `interface`: only type
 * literals meet JsonValue's index signature.
 */
export type JsonSafe<T extends JsonValue> = T;
