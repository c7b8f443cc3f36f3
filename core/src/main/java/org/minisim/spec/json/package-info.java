/**
 * Reading, validating and writing specs (docs/spec.md#validation, docs/spec.md#canonical-json-and-cache-key):
 * {@link org.minisim.spec.json.SpecReader} (J/F/M/S/P rules, W warnings, every error at once),
 * {@link org.minisim.spec.json.CanonicalJson} (canonical bytes and the cache key) and
 * {@link org.minisim.spec.json.JsonFloat} (shortest round-trip float notation). The schema of every model is data in
 * {@link org.minisim.spec.json.Schema}; the walk, the writer and the sweep paths share it.
 */
package org.minisim.spec.json;
