package dev.mantis.launch.deploy;

import dev.mantis.robot.dataset.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The live plot of an autonomous run: a small self-contained HTML page (an inline SVG, no
 * scripts) with the success rate of each block of {@code window} episodes, and the resets and
 * safety events so far. Rewritten atomically after each block.
 */
final class ProgressPlot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int PAD = 40;

    private ProgressPlot() {
    }

    /**
     * Writes the page for {@code successes} (one per episode, in run order) to {@code file}.
     *
     * @param title what ran, e.g. the task and policy
     */
    static void write(Path file, String title, List<Boolean> successes, int window, int resets, int safetyEvents)
            throws IOException {
        int blocks = (successes.size() + window - 1) / window;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>", WIDTH, HEIGHT));
        int plotW = WIDTH - 2 * PAD;
        int plotH = HEIGHT - 2 * PAD;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>", PAD,
                PAD + plotH, PAD + plotW, PAD + plotH));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>", PAD,
                PAD, PAD, PAD + plotH));
        for (int pct = 0; pct <= 100; pct += 50) {
            int y = PAD + plotH - pct * plotH / 100;
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">%d%%</text>", y + 4, pct));
        }
        StringBuilder points = new StringBuilder();
        StringBuilder rows = new StringBuilder();
        for (int b = 0; b < blocks; b++) {
            int from = b * window;
            int to = Math.min(successes.size(), from + window);
            long ok = successes.subList(from, to).stream().filter(s -> s).count();
            double rate = (double) ok / (to - from);
            double x = PAD + (blocks == 1 ? plotW / 2.0 : b * (double) plotW / (blocks - 1));
            double y = PAD + plotH - rate * plotH;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"steelblue\"/>", x, y));
            rows.append(String.format(Locale.ROOT, "<tr><td>%d-%d</td><td>%d/%d</td><td>%.1f%%</td></tr>", from,
                    to - 1, ok, to - from, 100 * rate));
        }
        svg.append("<polyline fill=\"none\" stroke=\"steelblue\" stroke-width=\"2\" points=\"").append(points)
                .append("\"/>");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">episodes (blocks of %d)</text>",
                PAD + plotW / 2 - 50, HEIGHT - 8, window));
        svg.append("</svg>");
        long total = successes.stream().filter(s -> s).count();
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body style=\"font-family:sans-serif\">\n<h3>" + escape(title) + "</h3>\n"
                + String.format(Locale.ROOT, "<p>%d episodes, %d successes (%.1f%%), %d resets, %d safety events</p>%n",
                        successes.size(), total, successes.isEmpty() ? 0.0 : 100.0 * total / successes.size(), resets,
                        safetyEvents)
                + svg + "\n<table border=\"1\" cellpadding=\"3\"><tr><th>episodes</th><th>successes</th><th>rate</th>"
                + "</tr>" + rows + "</table>\n</body></html>\n";
        AtomicFiles.write(file, html.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
