package org.minisim.job.report;

import java.util.Base64;
import java.util.Locale;

/** A small HTML writer: escaped text, embedded PNGs (data URIs), no scripts, no external resources. */
final class HtmlPage {

    private final StringBuilder b = new StringBuilder(1 << 16);

    HtmlPage(String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;margin:24px auto;max-width:1180px;")
                .append("color:#222;background:#fff}\n")
                .append("h1{font-size:24px}h2{font-size:20px;border-bottom:1px solid #ccc;padding-bottom:4px;")
                .append("margin-top:36px}h3{font-size:16px;margin-top:24px}\n")
                .append("table{border-collapse:collapse;margin:8px 0;font-size:13px}")
                .append("td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f4f4f4}\n")
                .append("td.l,th.l{text-align:left}.grid{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}\n")
                .append("figure{margin:0;display:table}figcaption{display:table-caption;caption-side:bottom;")
                .append("font-size:12px;color:#555;padding-top:2px}\n")
                .append(".note{color:#666;font-size:13px}img{display:block}\n")
                .append("</style>\n</head>\n<body>\n");
    }

    HtmlPage raw(String html) {
        b.append(html);
        return this;
    }

    HtmlPage tag(String tag, String text) {
        b.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag).append(">\n");
        return this;
    }

    HtmlPage note(String text) {
        b.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
        return this;
    }

    /** A figure holding one PNG with an alt text and a caption. */
    HtmlPage figure(byte[] png, String alt, String caption) {
        return figure(png, alt, caption, "");
    }

    /** As {@link #figure(byte[], String, String)} with raw attributes (e.g. {@code data-*}) on the figure. */
    HtmlPage figure(byte[] png, String alt, String caption, String attributes) {
        b.append("<figure").append(attributes.isEmpty() ? "" : " " + attributes).append("><img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(esc(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    String finish() {
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    static String esc(String s) {
        StringBuilder o = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '&' -> o.append("&amp;");
                case '"' -> o.append("&quot;");
                case '\'' -> o.append("&#39;");
                default -> o.append(c);
            }
        }
        return o.toString();
    }

    /** @return a number for a person: integers plainly, others with 4 significant digits, NaN as "n/a" */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** @return a number for a data attribute: round-trip exact ({@link Double#toString}), NaN as "NaN" */
    static String exact(double v) {
        return Double.toString(v);
    }
}
