// Unit tests: Dexie runs on fake-indexeddb; the extension APIs come from WXT's fake browser.
import 'fake-indexeddb/auto';
