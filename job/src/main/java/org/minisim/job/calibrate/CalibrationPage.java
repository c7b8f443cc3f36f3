package org.minisim.job.calibrate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a calibration's files into a local directory: {@code calibration.json}, {@code calibration.html} and
 * its charts ({@code calibration.png}: the overall fitted curve with the binned empirical recovery rates, T50
 * and the Youden threshold; {@code strata-<name>.png}: one curve per bin; {@code predictors.png}: the three
 * predictors). Everything is written to a temporary sibling directory first and moved into place at the end,
 * so a failure leaves nothing half-written.
 */
public final class CalibrationPage {

    /** The file names written. */
    public static final String JSON = "calibration.json", HTML = "calibration.html", OVERALL_PNG = "calibration.png",
            PREDICTORS_PNG = "predictors.png";

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0x17becf), new Color(0xbcbd22)};
    private static final int WIDTH = 760, HEIGHT = 480, CURVE_POINTS = 200;

    private CalibrationPage() {}

    /** @return the file name of a stratum's chart */
    public static String strataPng(Stratum s) {
        return "strata-" + s.id() + ".png";
    }

    /**
     * @param dir the output directory (created; existing files of the same names replaced)
     * @return the files written, in the directory
     * @throws CalibrationException when the directory cannot be written
     */
    public static List<Path> write(CalibrationResult r, Path dir) {
        String json = CalibrationJson.write(r);
        Path abs = dir.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
            List<String> names = new ArrayList<>();
            Files.writeString(tmp.resolve(JSON), json, StandardCharsets.UTF_8);
            names.add(JSON);
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true");
            }
            png(overallChart(r), tmp.resolve(OVERALL_PNG));
            names.add(OVERALL_PNG);
            for (Map.Entry<Stratum, List<CalibrationResult.StratumFit>> e : r.strata().entrySet()) {
                png(strataChart(e.getKey(), e.getValue()), tmp.resolve(strataPng(e.getKey())));
                names.add(strataPng(e.getKey()));
            }
            png(predictorsChart(r), tmp.resolve(PREDICTORS_PNG));
            names.add(PREDICTORS_PNG);
            Files.writeString(tmp.resolve(HTML), CalibrationHtml.page(r), StandardCharsets.UTF_8);
            names.add(HTML);
            List<Path> out = new ArrayList<>();
            if (!Files.exists(abs)) {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            } else {
                for (String n : names) {
                    Files.move(tmp.resolve(n), abs.resolve(n), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String n : names) {
                out.add(abs.resolve(n));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new CalibrationException("cannot write the calibration to " + abs + ": " + e, e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void png(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        // XChart appends the extension when the name lacks it; the names here already end in .png
    }

    private static XYChart chart(String title, String xTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle("P(recovered)").build();
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 200));
        c.getStyler().setYAxisDecimalPattern("0.0");
        c.getStyler().setXAxisDecimalPattern("0.####");
        return c;
    }

    private static XYChart overallChart(CalibrationResult r) {
        SnrFit f = r.overall();
        XYChart c = chart("P(" + r.inputs().outcome() + " | detection_snr): " + f.nCells() + " cells, "
                + f.nRecordings() + " recordings", "detection_snr (log scale)");
        double[] range = range(List.of(f));
        boolean any = addFit(c, "logistic fit", f, PALETTE[0], range, true);
        if (f.t50() != null) {
            vertical(c, "T50 = " + fmt(f.t50()) + ci(f.t50Ci()), f.t50(), PALETTE[1]);
            any = true;
        }
        if (f.youdenT() != null) {
            vertical(c, "Youden T = " + fmt(f.youdenT()) + ci(f.youdenTCi()), f.youdenT(), PALETTE[2]);
            any = true;
        }
        if (!any) {
            placeholder(c);
        }
        return c;
    }

    private static XYChart strataChart(Stratum s, List<CalibrationResult.StratumFit> fits) {
        XYChart c = chart("P(recovered | detection_snr) by " + s.id() + " (" + s.column() + ")",
                "detection_snr (log scale)");
        List<SnrFit> all = fits.stream().map(CalibrationResult.StratumFit::fit).toList();
        double[] range = range(all);
        boolean any = false;
        int k = 0;
        for (CalibrationResult.StratumFit sf : fits) {
            if (sf.fit().nCells() == 0) {
                continue;
            }
            Color col = PALETTE[k++ % PALETTE.length];
            any |= addFit(c, sf.bin().label() + " (n=" + sf.fit().nCells() + ")", sf.fit(), col, range, false);
        }
        if (!any) {
            placeholder(c);
        }
        return c;
    }

    private static XYChart predictorsChart(CalibrationResult r) {
        XYChart c = chart("P(recovered | predictor): the three SNR definitions", "SNR (log scale)");
        List<SnrFit> all = r.predictors().values().stream().map(CalibrationResult.PredictorFit::fit).toList();
        double[] range = range(all);
        boolean any = false;
        int k = 0;
        for (CalibrationResult.PredictorFit pf : r.predictors().values()) {
            Color col = PALETTE[k++ % PALETTE.length];
            String auc = pf.fit().auc() == null ? "" : ", AUC " + fmt(pf.fit().auc());
            any |= addFit(c, pf.column() + auc, pf.fit(), col, range, false);
        }
        if (!any) {
            placeholder(c);
        }
        return c;
    }

    /** @return [min, max] SNR over the fits' bins, or [1, 10] without any */
    private static double[] range(List<SnrFit> fits) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (SnrFit f : fits) {
            for (SnrFit.Bin b : f.bins()) {
                lo = Math.min(lo, b.snrLo());
                hi = Math.max(hi, b.snrHi());
            }
        }
        if (!(lo < hi)) {
            return lo == hi ? new double[] {lo / 2, lo * 2} : new double[] {1, 10};
        }
        return new double[] {lo, hi};
    }

    /** Adds the fitted curve (if any) and the binned rates (if any); @return whether a series was added */
    private static boolean addFit(XYChart c, String name, SnrFit f, Color col, double[] range, boolean labelBins) {
        boolean any = false;
        if (f.fitted()) {
            double[] x = new double[CURVE_POINTS], y = new double[CURVE_POINTS];
            double l0 = Math.log(range[0]), l1 = Math.log(range[1]);
            for (int i = 0; i < CURVE_POINTS; i++) {
                x[i] = Math.exp(l0 + (l1 - l0) * i / (CURVE_POINTS - 1));
                y[i] = f.probability(x[i]);
            }
            XYSeries s = c.addSeries(name, x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(col);
            s.setLineStyle(new BasicStroke(2f));
            any = true;
        }
        if (!f.bins().isEmpty()) {
            double[] x = f.bins().stream().mapToDouble(SnrFit.Bin::snrMid).toArray();
            double[] y = f.bins().stream().mapToDouble(SnrFit.Bin::rate).toArray();
            String binName = labelBins || !f.fitted() ? (f.fitted() ? "binned recovery rate" : name + ", binned")
                    : name + " binned";
            XYSeries s = c.addSeries(binName, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(col);
            s.setShowInLegend(labelBins || !f.fitted());
            any = true;
        }
        return any;
    }

    private static void vertical(XYChart c, String name, double x, Color col) {
        XYSeries s = c.addSeries(name, new double[] {x, x}, new double[] {0, 1});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(col);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
                0f));
    }

    private static void placeholder(XYChart c) {
        XYSeries s = c.addSeries("no cells to draw", new double[] {1, 10}, new double[] {0, 0});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.LIGHT_GRAY);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String ci(double[] ci) {
        return ci == null ? "" : " [" + fmt(ci[0]) + ", " + fmt(ci[1]) + "]";
    }
}
