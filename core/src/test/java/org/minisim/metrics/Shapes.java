package org.minisim.metrics;

import org.minisim.footprint.ImageStack;

/** Hand-built footprint images for the metric tests. */
final class Shapes {

    private Shapes() {}

    /** A filled uniform disk of radius r (pixels with (y−cy)² + (x−cx)² ≤ r²), value 1. */
    static double[] disk(int h, int w, int cy, int cx, int r) {
        double[] d = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r) {
                    d[y * w + x] = 1.0;
                }
            }
        }
        return d;
    }

    /** An isotropic Gaussian of standard deviation s, peak 1. */
    static double[] gaussian(int h, int w, double cy, double cx, double s) {
        double[] d = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                d[y * w + x] = Math.exp(-((y - cy) * (y - cy) + (x - cx) * (x - cx)) / (2 * s * s));
            }
        }
        return d;
    }

    static ImageStack stack(int h, int w, double[]... images) {
        return ImageStack.fromImages(h, w, images);
    }
}
