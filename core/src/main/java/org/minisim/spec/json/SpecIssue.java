package org.minisim.spec.json;

/**
 * One validation finding (error or warning) about a spec or sweep file.
 *
 * @param ruleId  rule identifier, e.g. {@code F:Optics.na}, {@code J-2}, {@code M-7}, {@code S-1}, {@code W-2},
 *                {@code SW-8}
 * @param path    field path in the grammar of docs/sweeps.md#paths, e.g. {@code acquisition.optics.na},
 *                {@code steps[3]}; empty for the whole document
 * @param value   the offending value as compact JSON text (empty when there is none)
 * @param message what is wrong, for a user
 */
public record SpecIssue(String ruleId, String path, String value, String message) {

    /** @return one line: {@code path: message [rule] (value: v)} */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(path.isEmpty() ? "<document>" : path).append(": ").append(message).append(" [").append(ruleId)
                .append(']');
        if (!value.isEmpty()) {
            sb.append(" (value: ").append(value).append(')');
        }
        return sb.toString();
    }

    /** @return a copy whose path is prefixed ({@code prefix.path}) */
    public SpecIssue prefixed(String prefix) {
        String p = path.isEmpty() ? prefix : (path.startsWith("[") ? prefix + path : prefix + "." + path);
        return new SpecIssue(ruleId, p, value, message);
    }

    @Override
    public String toString() {
        return describe();
    }
}
