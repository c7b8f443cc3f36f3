package org.minisim.export;

/**
 * The reference's linear mapping of a movie value to an 8-bit grey level: {@code floor(clip((x − vmin) / span,
 * 0, 1) · 255 + 0.5)} with {@code span = vmax − vmin}, evaluated in double. With the default range
 * {@code [0, 2^bit_depth − 1]} of an 8-bit sensor every count maps to itself. NaN maps to 0 (black).
 *
 * @param vmin the value shown black, in the movie's unit (ADU for a digitised movie)
 * @param vmax the value shown white, in the same unit; {@code vmax > vmin}
 */
public record GreyRange(double vmin, double vmax) {

    public GreyRange {
        if (!Double.isFinite(vmin) || !Double.isFinite(vmax)) {
            throw new ExportException("grey range " + vmin + "," + vmax + ": VMIN and VMAX must be finite numbers");
        }
        if (!(vmin < vmax)) {
            throw new ExportException("grey range " + vmin + "," + vmax + ": VMIN must be less than VMAX");
        }
    }

    /** @return the reference's default range of a digitised movie: {@code [0, 2^bitDepth − 1]} ADU */
    public static GreyRange ofBitDepth(int bitDepth) {
        return new GreyRange(0.0, StrictMath.pow(2.0, bitDepth) - 1.0);
    }

    /**
     * Parses {@code "VMIN,VMAX"} (two decimal numbers, e.g. {@code "0,255"} or {@code "-1.5,4e3"}).
     *
     * @throws ExportException naming the text when it is not two numbers or when VMIN ≥ VMAX
     */
    public static GreyRange parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new ExportException("--range '" + text + "' is not VMIN,VMAX (two numbers separated by a comma)");
        }
        double lo, hi;
        try {
            lo = Double.parseDouble(parts[0].trim());
            hi = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new ExportException("--range '" + text + "' is not VMIN,VMAX (two numbers separated by a comma)");
        }
        try {
            return new GreyRange(lo, hi);
        } catch (ExportException e) {
            throw new ExportException("--range '" + text + "': VMIN must be less than VMAX and both finite");
        }
    }

    /** @return the grey level 0–255 of value {@code x} */
    public int grey(double x) {
        double v = (x - vmin) / (vmax - vmin);
        if (!(v > 0.0)) {
            return 0; // also NaN
        }
        if (v >= 1.0) {
            return 255;
        }
        return (int) Math.floor(v * 255.0 + 0.5);
    }

    /** Maps {@code n} values of {@code src} from {@code srcOffset} to grey bytes in {@code dst} from 0. */
    public void toGrey(double[] src, int srcOffset, int n, byte[] dst) {
        for (int i = 0; i < n; i++) {
            dst[i] = (byte) grey(src[srcOffset + i]);
        }
    }
}
