/**
 * Scope and region presets and {@code build_spec} (SPEC.md §5): {@link org.minisim.spec.preset.Presets},
 * {@link org.minisim.spec.preset.BuildSpec}, and {@link org.minisim.spec.preset.PresetReader} for build_spec
 * arguments written as JSON.
 */
package org.minisim.spec.preset;
