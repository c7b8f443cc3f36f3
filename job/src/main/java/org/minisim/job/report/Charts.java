package org.minisim.job.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG charts (XChart, bitmap encoder only). */
final class Charts {

    static final int WIDTH = 560;
    static final int HEIGHT = 340;
    private static final Color BLUE = new Color(31, 119, 180);
    private static final Color ORANGE = new Color(255, 127, 14);
    private static final Color GREY = new Color(150, 150, 150);

    private Charts() {}

    /** Detectable fraction (0–1) against an axis or depth: one marker per group, joined by a line. */
    static byte[] fraction(String title, String xTitle, List<SweepStats.Group> groups) throws IOException {
        XYChart c = xy(title, xTitle, "detectable fraction");
        List<double[]> pts = new ArrayList<>();
        for (SweepStats.Group g : groups) {
            if (!Double.isNaN(g.detectableFraction())) {
                pts.add(new double[] {g.x(), g.detectableFraction()});
            }
        }
        c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        add(c, "detectable fraction", pts, BLUE, true);
        return png(c);
    }

    /** Median detection SNR with its quartiles against an axis or depth. */
    static byte[] snr(String title, String xTitle, List<SweepStats.Group> groups) throws IOException {
        XYChart c = xy(title, xTitle, "detection SNR");
        List<double[]> q1 = new ArrayList<>(), q2 = new ArrayList<>(), q3 = new ArrayList<>();
        for (SweepStats.Group g : groups) {
            if (g.snrCount() > 0) {
                q1.add(new double[] {g.x(), g.snrQ1()});
                q2.add(new double[] {g.x(), g.snrMedian()});
                q3.add(new double[] {g.x(), g.snrQ3()});
            }
        }
        add(c, "median", q2, BLUE, true);
        XYSeries a = add(c, "quartiles", q1, GREY, false);
        XYSeries b = add(c, "3rd quartile", q3, GREY, false);
        if (b != null) {
            b.setShowInLegend(false);
        }
        if (a == null) {
            c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        }
        return png(c);
    }

    /** Detection SNR of (sampled) cells against depth, detectable and not in two colours. */
    static byte[] snrScatter(SweepStats.Scatter s) throws IOException {
        XYChart c = xy("detection SNR against depth (" + s.snr().length + " cells)", "depth (µm)", "detection SNR");
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarkerSize(4);
        List<double[]> yes = new ArrayList<>(), no = new ArrayList<>();
        for (int i = 0; i < s.snr().length; i++) {
            (s.detectable()[i] ? yes : no).add(new double[] {s.depthUm()[i], s.snr()[i]});
        }
        add(c, "not detectable", no, GREY, false);
        add(c, "detectable", yes, ORANGE, false);
        if (yes.isEmpty() && no.isEmpty()) {
            c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0).setXAxisMax(1.0);
        }
        return png(c);
    }

    /** A histogram as bars, one per bin, labelled by the bin's lower edge. */
    static byte[] histogram(String title, String xTitle, SweepStats.Histogram h) throws IOException {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle("cells").build();
        style(c.getStyler());
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(60);
        c.getStyler().setAvailableSpaceFill(0.9);
        List<String> labels = new ArrayList<>();
        List<Number> counts = new ArrayList<>();
        double w = (h.hi() - h.lo()) / h.counts().length;
        for (int i = 0; i < h.counts().length; i++) {
            labels.add(String.format(Locale.ROOT, "%.2f", h.lo() + i * w));
            counts.add(h.counts()[i]);
        }
        c.addSeries(h.column(), labels, counts).setFillColor(BLUE);
        return png(c);
    }

    private static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return c;
    }

    private static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
    }

    /** Adds a series of (x, y) points; none → null (and nothing added). */
    private static XYSeries add(XYChart c, String name, List<double[]> pts, Color color, boolean line) {
        if (pts.isEmpty()) {
            return null;
        }
        double[] x = new double[pts.size()], y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        s.setLineColor(color);
        if (c.getStyler().getDefaultSeriesRenderStyle() != XYSeries.XYSeriesRenderStyle.Scatter) {
            s.setLineStyle(line ? new BasicStroke(2f) : new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        }
        return s;
    }

    private static byte[] png(Chart<?, ?> c) throws IOException {
        return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
    }
}
