/**
 * PropertiesService and CacheService: string key/value stores kept in the emulator state.
 * https://developers.google.com/apps-script/reference/properties/properties-service
 * https://developers.google.com/apps-script/reference/cache/cache-service
 */
import { countCalls } from './calls.js';
import type { EmulatorEnv } from './env.js';
import type { Returning } from './fakes.js';

type Properties = GoogleAppsScript.Properties.Properties;
type PropertiesService = GoogleAppsScript.Properties.PropertiesService;
type Cache = GoogleAppsScript.Cache.Cache;
type CacheService = GoogleAppsScript.Cache.CacheService;

/** All property stores: script-wide, per document id and per user email. */
export interface PropertyStores {
  script: Record<string, string>;
  document: Record<string, Record<string, string>>;
  user: Record<string, Record<string, string>>;
}

export class FakeProperties
  implements
    Pick<Properties, 'getProperty' | 'getProperties' | 'getKeys'>,
    Returning<
      Properties,
      'setProperty' | 'setProperties' | 'deleteProperty' | 'deleteAllProperties',
      FakeProperties
    >
{
  constructor(
    readonly env: EmulatorEnv,
    private readonly store: Record<string, string>,
  ) {}

  /** null for a missing key. */
  getProperty(key: string): string | null {
    return Object.prototype.hasOwnProperty.call(this.store, key) ? this.store[key]! : null;
  }

  getProperties(): { [key: string]: string } {
    return { ...this.store };
  }

  getKeys(): string[] {
    return this.env.realm.list(Object.keys(this.store));
  }

  /** Values are stored as strings. https://developers.google.com/apps-script/reference/properties/properties#setpropertykey,-value */
  setProperty(key: string, value: string): FakeProperties {
    this.store[key] = String(value);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): FakeProperties {
    if (deleteAllOthers) for (const key of Object.keys(this.store)) delete this.store[key];
    for (const [key, value] of Object.entries(properties)) this.store[key] = String(value);
    return this;
  }

  deleteProperty(key: string): FakeProperties {
    delete this.store[key];
    return this;
  }

  deleteAllProperties(): FakeProperties {
    for (const key of Object.keys(this.store)) delete this.store[key];
    return this;
  }
}
countCalls(FakeProperties, 'Properties');

export class FakePropertiesService implements Returning<
  PropertiesService,
  'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties',
  FakeProperties
> {
  constructor(
    readonly env: EmulatorEnv,
    readonly stores: PropertyStores,
    private readonly documentId: () => string,
  ) {}

  getScriptProperties(): FakeProperties {
    return new FakeProperties(this.env, this.stores.script);
  }

  /** Per active user. */
  getUserProperties(): FakeProperties {
    return new FakeProperties(this.env, (this.stores.user[this.env.activeUser] ??= {}));
  }

  /** Per spreadsheet the script is bound to. */
  getDocumentProperties(): FakeProperties {
    return new FakeProperties(this.env, (this.stores.document[this.documentId()] ??= {}));
  }
}
countCalls(FakePropertiesService, 'PropertiesService');

interface CacheEntry {
  value: string;
  expiresAt: number;
}

/** Default and longest cache lifetimes.
 * https://developers.google.com/apps-script/reference/cache/cache#putkey,-value,-expirationinseconds */
const DEFAULT_EXPIRY_SECONDS = 600;
const MAX_EXPIRY_SECONDS = 21_600;

export class FakeCache implements Pick<
  Cache,
  'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'
> {
  constructor(
    readonly env: EmulatorEnv,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  /** null when missing or expired (by the emulator's clock). */
  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= this.env.clock.now()) return null;
    return entry.value;
  }

  getAll(keys: string[]): { [key: string]: unknown } {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) found[key] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds = DEFAULT_EXPIRY_SECONDS): void {
    const seconds = Math.min(expirationInSeconds, MAX_EXPIRY_SECONDS);
    this.entries.set(key, {
      value: String(value),
      expiresAt: this.env.clock.now() + seconds * 1000,
    });
  }

  putAll(values: { [key: string]: unknown }, expirationInSeconds = DEFAULT_EXPIRY_SECONDS): void {
    for (const [key, value] of Object.entries(values))
      this.put(key, String(value), expirationInSeconds);
  }

  remove(key: string): void {
    this.entries.delete(key);
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }
}
countCalls(FakeCache, 'Cache');

export class FakeCacheService
  implements
    Returning<CacheService, 'getScriptCache' | 'getUserCache', FakeCache>,
    Returning<CacheService, 'getDocumentCache', FakeCache | null>
{
  private readonly caches = new Map<string, Map<string, CacheEntry>>();

  constructor(
    readonly env: EmulatorEnv,
    private readonly documentId: () => string,
  ) {}

  getScriptCache(): FakeCache {
    return this.cache('script');
  }

  getUserCache(): FakeCache {
    return this.cache(`user:${this.env.activeUser}`);
  }

  getDocumentCache(): FakeCache | null {
    return this.cache(`document:${this.documentId()}`);
  }

  private cache(name: string): FakeCache {
    let entries = this.caches.get(name);
    if (!entries) this.caches.set(name, (entries = new Map()));
    return new FakeCache(this.env, entries);
  }
}
countCalls(FakeCacheService, 'CacheService');
