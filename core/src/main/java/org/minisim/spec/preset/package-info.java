/**
 * Scope and region presets and {@code build_spec} (docs/spec.md#presets): {@link org.minisim.spec.preset.Presets},
 * {@link org.minisim.spec.preset.BuildSpec}, and {@link org.minisim.spec.preset.PresetReader} for build_spec
 * arguments written as JSON.
 */
package org.minisim.spec.preset;
