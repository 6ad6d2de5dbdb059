package dev.mantis.sim.view;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes the one frame it is given to a PNG file (javax.imageio), through a temporary file renamed into place. */
public final class PngSink implements FrameSink {

    private final Path file;
    private boolean written;

    public PngSink(Path file) {
        this.file = file;
    }

    @Override
    public void write(int width, int height, byte[] rgb) throws IOException {
        if (written) {
            throw new IllegalStateException(file + ": a PNG holds one frame; it was already written");
        }
        if (rgb.length != 3 * width * height) {
            throw new IllegalArgumentException("frame has " + rgb.length + " bytes, expected 3 x " + width + " x "
                    + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                int i = 3 * (v * width + u);
                row[u] = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
            }
            image.setRGB(0, v, width, 1, row, 0, width);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        written = true;
    }

    @Override
    public void close() {
    }
}
